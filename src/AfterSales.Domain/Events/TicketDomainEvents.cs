using System.Globalization;
using AfterSales.Internal;
using AfterSales.Sla;
using AfterSales.WorkOrders;

namespace AfterSales.Events;

/// <summary>What a store writes for a work order in one transaction: the refreshed summary and the events to publish.</summary>
public sealed class TicketEvaluation
{
    internal TicketEvaluation(TicketSummary summary, IReadOnlyList<DomainEvent> events)
    {
        Summary = summary;
        Events = events;
    }

    /// <summary>The summary as of the evaluation instant: next deadline (<see cref="ClockAlerts.Next(SlaPolicy, Sla.Timeline.TicketTimeline, Instant)"/>), legacy-issue flag.</summary>
    public TicketSummary Summary { get; }

    /// <summary>The events to put into the outbox, oldest first.</summary>
    public IReadOnlyList<DomainEvent> Events { get; }
}

/// <summary>
/// The domain events of a work order (工单领域事件): one per recorded ticket event, and one per clock
/// threshold newly reached (<see cref="ClockAlerts"/>). Pure: stores call it inside the transaction
/// that saves the ticket (or that moves its next deadline), so what is published is what was stored.
/// </summary>
public static class TicketDomainEvents
{
    /// <summary>A clock alert found more than this after its instant is marked late (<see cref="ClockAlert.IsLate"/>).</summary>
    public static Duration LatenessTolerance { get; } = Duration.FromMinutes(1);

    /// <summary>
    /// The summary and events of saving <paramref name="ticket"/> from <paramref name="expectedVersion"/>:
    /// an event per new ticket event, and the clock thresholds reached at <paramref name="now"/> under the
    /// new history that the previous version had not reached at its last event.
    /// </summary>
    /// <param name="ticket">The ticket with its new events.</param>
    /// <param name="expectedVersion">The stored version the save starts from; 0 for a new ticket.</param>
    /// <param name="now">The save's instant; raised to the ticket's last event when behind it.</param>
    /// <param name="actor">Who made the change, when the host knows and the ticket's event does not say (<see cref="TicketEvent.Actor"/> wins).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative or above the ticket's version.</exception>
    public static TicketEvaluation ForSave(Ticket ticket, int expectedVersion, Instant now, string? actor = null)
    {
        Guard.NotNull(ticket);
        if (expectedVersion < 0 || expectedVersion > ticket.Version)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion,
                $"expectedVersion must be 0 to the ticket's version {ticket.Version}, was {expectedVersion}.");
        }

        now = now < ticket.LastEventAt ? ticket.LastEventAt : now;

        // The summary reads instants and statuses only; the clocks are explained again only for the
        // alerts, whose payloads carry the explanation (rare next to saves).
        var evaluation = SlaEvaluator.EvaluateWithCandidates(ticket.Terms, ticket.Timeline, now, explain: false);
        var clocks = evaluation.Clocks;
        var summary = TicketSummary.Of(ticket, now, evaluation);
        var events = new List<DomainEvent>(ticket.Version - expectedVersion + 2);
        var subject = Subject(ticket.Id);
        for (var v = expectedVersion; v < ticket.Version; v++)
        {
            var e = ticket.Events[v];
            var command = Ticket.TriggerOf(e.Kind)?.ToCommandName();
            events.Add(new DomainEvent(
                EventIds.For("ticket", ticket.TenantId, ticket.Id.Value, e.Version.ToString(CultureInfo.InvariantCulture)),
                AfterSalesEventTypes.ForTicket(e.Kind),
                ticket.TenantId,
                subject,
                e.At,
                new TicketChanged(e, command, ticket.State, ticket.SeverityCode, ticket.Cycle, ticket.PolicyKey),
                e.Actor?.Subject ?? actor));
        }

        // The previous version's clocks at its last event: everything they had reached was published
        // by an earlier save or the watcher (each publishes what its own evaluation reached).
        // Only then can the save have reached something new: a threshold is reached, a clock is provisional,
        // or new terms may have confirmed a provisional one.
        var adopted = false;
        for (var v = expectedVersion; v < ticket.Version; v++)
        {
            adopted |= ticket.Events[v].Kind is TicketEventKind.CalendarsAdopted or TicketEventKind.PolicyAdopted;
        }

        if (adopted || ClockAlerts.Reached(clocks).Count > 0 || clocks.Any(static c => c.IsProvisional))
        {
            IReadOnlyList<SlaClock> before = [];
            if (expectedVersion > 0)
            {
                var (timeline, terms) = ticket.StateAt(expectedVersion);
                before = SlaEvaluator.EvaluateUnexplained(terms, timeline, ticket.Events[expectedVersion - 1].At);
            }

            var since = expectedVersion > 0 ? ticket.Events[expectedVersion - 1].At : ticket.ReportedAt;
            AddAlerts(events, ticket, Alerts(ticket, before, clocks, since, now), now);
        }

        return new TicketEvaluation(summary, events);
    }

    /// <summary>
    /// The summary and events of the watcher's visit at <paramref name="now"/>: the thresholds reached
    /// since <paramref name="since"/> (the stored summary's instant) under the same history.
    /// </summary>
    /// <param name="ticket">The ticket as stored.</param>
    /// <param name="since">When its summary was last computed (a save or an earlier visit); everything reached by then was published.</param>
    /// <param name="now">The watcher's instant.</param>
    public static TicketEvaluation ForDeadline(Ticket ticket, Instant since, Instant now)
    {
        Guard.NotNull(ticket);
        now = now < since ? since : now;
        var evaluation = SlaEvaluator.EvaluateWithCandidates(ticket.Terms, ticket.Timeline, now, explain: false);
        var clocks = evaluation.Clocks;
        var summary = TicketSummary.Of(ticket, now, evaluation);
        var events = new List<DomainEvent>();
        if (!ticket.IsFinished && ClockAlerts.Reached(clocks).Count > 0)
        {
            var before = SlaEvaluator.EvaluateUnexplained(ticket.Terms, ticket.Timeline, since);
            AddAlerts(events, ticket, Alerts(ticket, before, clocks, since, now), now);
        }

        return new TicketEvaluation(summary, events);
    }

    /// <summary>
    /// The thresholds newly reached and the provisional changes between <paramref name="before"/> and the
    /// unexplained <paramref name="clocks"/> at <paramref name="now"/>; only when there is one are the clocks
    /// evaluated again with their explanations, which the alerts' payloads carry (most saves and visits have none).
    /// </summary>
    private static IReadOnlyList<ClockThreshold> Alerts(Ticket ticket, IReadOnlyList<SlaClock> before, IReadOnlyList<SlaClock> clocks, Instant since, Instant now)
    {
        IReadOnlyList<ClockThreshold> Of(IReadOnlyList<SlaClock> after) =>
            [.. ClockAlerts.Newly(before, after, since, now, ticket.ClockStatuses), .. ClockAlerts.ProvisionalChanges(before, after)];

        return Of(clocks).Count == 0 ? [] : Of(ticket.Clocks(now));
    }

    /// <summary>The subject of a ticket's events: <c>tickets/{id}</c>.</summary>
    public static string Subject(TicketId id) => "tickets/" + id.Value;

    private static void AddAlerts(List<DomainEvent> events, Ticket ticket, IReadOnlyList<ClockThreshold> thresholds, Instant now)
    {
        var subject = Subject(ticket.Id);
        foreach (var t in thresholds.OrderBy(static t => t.At))
        {
            var type = t.Kind switch
            {
                ClockThresholdKind.Warning => AfterSalesEventTypes.ClockWarning,
                ClockThresholdKind.Breach => AfterSalesEventTypes.ClockBreached,
                ClockThresholdKind.MetLate => AfterSalesEventTypes.ClockMetLate,
                ClockThresholdKind.Provisional => AfterSalesEventTypes.ClockProvisional,
                ClockThresholdKind.Escalation => AfterSalesEventTypes.ClockEscalated,
                _ => AfterSalesEventTypes.ClockConfirmed,
            };
            events.Add(new DomainEvent(
                t.Clock.Occurrence is { } occurrence
                    ? EventIds.For("clock", ticket.TenantId, ticket.Id.Value, t.Clock.Metric.Code, t.Clock.Cycle.ToString(CultureInfo.InvariantCulture), "occurrence", occurrence.ToString(CultureInfo.InvariantCulture), t.Name)
                    : EventIds.For("clock", ticket.TenantId, ticket.Id.Value, t.Clock.Metric.Code, t.Clock.Cycle.ToString(CultureInfo.InvariantCulture), t.Name),
                type,
                ticket.TenantId,
                subject,
                t.At,
                new ClockAlert(ticket.Id, t, now, now - t.At > LatenessTolerance)));
        }
    }
}
