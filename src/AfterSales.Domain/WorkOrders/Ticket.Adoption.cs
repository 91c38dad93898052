using AfterSales.Calendars;
using AfterSales.Internal;
using AfterSales.Sla;

namespace AfterSales.WorkOrders;

/// <content>
/// Adopting newer contract data (采用新版本): calendar versions (a year's holidays loaded) and policy
/// versions. Each adoption is one event in the history, so clocks stay a pure function of
/// (policy version, calendar versions, events, now): stopped clocks keep the versions in force when
/// they stopped, open clocks take the adopted ones. Not workflow triggers: an adoption changes no state.
/// </content>
public sealed partial class Ticket
{
    /// <summary>
    /// Adopts the versions of <paramref name="calendars"/> that are newer than those the ticket counts
    /// on (ids its policy's targets use; others are ignored), recording one
    /// <see cref="TicketEventKind.CalendarsAdopted"/> event; nothing when none is newer.
    /// </summary>
    /// <param name="calendars">Catalog calendar versions, e.g. the tenant's latest.</param>
    /// <returns>Whether an event was recorded.</returns>
    /// <exception cref="AdoptionRefusedException">The order is closed or cancelled.</exception>
    public bool AdoptCalendars(IEnumerable<BusinessCalendar> calendars)
    {
        Guard.NotNull(calendars);
        var current = terms[^1];
        var used = current.Policy.Targets.Select(static t => t.Calendar.Id).ToHashSet(StringComparer.Ordinal);
        var newer = calendars
            .Where(c => used.Contains(c.Id))
            .Where(c => c.Version > (CalendarKeys.VersionOf(c.Id) ?? current.Policy.Targets.First(t => t.Calendar.Id == c.Id).Calendar.Version))
            .ToArray();
        if (newer.Length == 0)
        {
            return false;
        }

        RefuseIfFinished("adopt calendar versions");
        var now = Now();
        Apply(
            new TicketEvent { Kind = TicketEventKind.CalendarsAdopted, TicketId = Id, Version = Version + 1, At = now, CalendarKeys = CalendarKeys.Of(newer), Actor = acting },
            current.WithCalendars(newer, now));
        return true;
    }

    /// <summary>
    /// Adopts a newer version of the ticket's policy (an explicit, audited command), with
    /// <paramref name="calendars"/> replacing the calendars of the same id, recording one
    /// <see cref="TicketEventKind.PolicyAdopted"/> event. Clocks that stopped keep the old version.
    /// </summary>
    /// <param name="policy">A version of the same policy id, higher than the current one, whose scale has every severity the ticket used.</param>
    /// <param name="calendars">Catalog calendar versions for the new policy's targets (e.g. the tenant's latest); others are ignored.</param>
    /// <exception cref="ArgumentException">The policy is another id, not newer, or lacks a severity the ticket used.</exception>
    /// <exception cref="AdoptionRefusedException">The order is closed or cancelled.</exception>
    public void AdoptPolicy(SlaPolicy policy, IEnumerable<BusinessCalendar>? calendars = null)
    {
        Guard.NotNull(policy);
        var current = terms[^1];
        CheckAdoptable(policy, current.Policy);
        RefuseIfFinished("adopt a policy version");
        var used = policy.Targets.Select(static t => t.Calendar.Id).ToHashSet(StringComparer.Ordinal);
        var adopted = (calendars ?? []).Where(c => used.Contains(c.Id)).ToArray();
        var now = Now();
        var next = current.WithPolicy(policy, now).WithCalendars(adopted, now);
        Apply(
            new TicketEvent { Kind = TicketEventKind.PolicyAdopted, TicketId = Id, Version = Version + 1, At = now, PolicyKey = policy.Key, CalendarKeys = CalendarKeys.Of(next.Calendars), Actor = acting },
            next);
    }

    private void ReplayAdoption(TicketEvent e, int index, Func<string, SlaPolicy> policies, Func<string, BusinessCalendar> calendars)
    {
        CheckSequence(e, index);
        if (IsFinished)
        {
            throw InvalidHistory($"{HistoryName(index)}: a {e.Kind} event after the order was {State}.");
        }

        try
        {
            var current = terms[^1];
            var adopted = (e.CalendarKeys ?? CalendarKeys.Empty).Select(calendars).ToArray();
            SlaTerms next;
            if (e.Kind == TicketEventKind.PolicyAdopted)
            {
                var policy = policies(e.PolicyKey ?? throw new ArgumentException("a PolicyAdopted event needs its PolicyKey.", nameof(e)));
                CheckAdoptable(policy, current.Policy);
                next = current.WithPolicy(policy, e.At).WithCalendars(adopted, e.At);
            }
            else
            {
                next = current.WithCalendars(adopted, e.At);
            }

            Apply(e, next);
        }
        catch (ArgumentException ex)
        {
            throw InvalidHistory($"{HistoryName(index)}: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
        }
    }

    private void CheckAdoptable(SlaPolicy policy, SlaPolicy current)
    {
        if (!string.Equals(policy.Id, current.Id, StringComparison.Ordinal) || policy.Version <= current.Version)
        {
            throw new ArgumentException($"policy must be a newer version of '{current.Id}' than {current.Key}, was {policy.Key}.", nameof(policy));
        }

        var used = Timeline.Entries.Select(static e => e.SeverityCode).OfType<string>().Prepend(Timeline.InitialSeverityCode).Distinct(StringComparer.Ordinal);
        foreach (var code in used)
        {
            if (!policy.SeverityScale.Contains(code))
            {
                throw new ArgumentException($"policy {policy.Key}'s scale '{policy.SeverityScale.Code}' lacks severity '{code}', which the ticket used.", nameof(policy));
            }
        }
    }

    private void RefuseIfFinished(string what)
    {
        if (IsFinished)
        {
            throw new AdoptionRefusedException(Id, State, what);
        }
    }
}
