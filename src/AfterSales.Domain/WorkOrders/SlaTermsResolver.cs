using AfterSales.Calendars;
using AfterSales.Internal;
using AfterSales.Sla;

namespace AfterSales.WorkOrders;

/// <summary>
/// Finds the policy and calendar versions a work order is reported under and the ones its history
/// names (条款解析): the tenant's latest catalog calendars for a report or an adoption, and every key
/// of a stored history for a rebuild. Stores and <see cref="TicketService"/> use it, so a ticket is
/// computed with exactly the versions it recorded.
/// </summary>
/// <remarks>Thread-safe when its catalogs are.</remarks>
public sealed class SlaTermsResolver
{
    private readonly ISlaPolicyCatalog policies;
    private readonly ICalendarCatalog calendars;

    /// <summary>Creates the resolver over the catalogs.</summary>
    /// <param name="policies">Where policy versions are found.</param>
    /// <param name="calendars">Where the tenant's calendar versions are found.</param>
    public SlaTermsResolver(ISlaPolicyCatalog policies, ICalendarCatalog calendars)
    {
        this.policies = Guard.NotNull(policies);
        this.calendars = Guard.NotNull(calendars);
    }

    /// <summary>The policy catalog.</summary>
    public ISlaPolicyCatalog Policies => policies;

    /// <summary>
    /// The tenant's latest catalog version of every calendar id <paramref name="policy"/>'s targets
    /// count on (ids the catalog does not hold keep the policy's own calendar).
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="policy">The policy.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IReadOnlyList<BusinessCalendar>> LatestCalendarsAsync(string tenantId, SlaPolicy policy, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(policy);
        var ids = policy.Targets.Select(static t => t.Calendar.Id).ToHashSet(StringComparer.Ordinal);
        var all = await calendars.ListAsync(tenantId, cancellationToken).ConfigureAwait(false);
        return [.. all.Where(d => ids.Contains(d.Id)).Select(static d => d.Calendar)];
    }

    /// <summary>The terms a report under <paramref name="policy"/> starts with: the policy and the tenant's latest calendars.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="policy">The policy.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<SlaTerms> ForReportAsync(string tenantId, SlaPolicy policy, CancellationToken cancellationToken = default) =>
        SlaTerms.Of(policy, await LatestCalendarsAsync(tenantId, policy, cancellationToken).ConfigureAwait(false));

    /// <summary>Rebuilds a stored work order, resolving every policy and calendar key its events name.</summary>
    /// <param name="history">The events, oldest first, starting with the report.</param>
    /// <param name="clock">The clock later events are timestamped from.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The ticket.</returns>
    /// <exception cref="ArgumentException">The history is inconsistent or names a version the catalogs do not hold.</exception>
    public Task<Ticket> RebuildAsync(IReadOnlyList<TicketEvent> history, IClock clock, CancellationToken cancellationToken = default) =>
        RebuildAsync(history, clock, 0, cancellationToken);

    /// <summary>
    /// Rebuilds a stored work order as <see cref="RebuildAsync(IReadOnlyList{TicketEvent}, IClock, CancellationToken)"/> does, for a
    /// store that keeps the histories it loaded: the first <paramref name="verifiedEvents"/> events passed every check in an
    /// earlier rebuild, so they are applied without checking their payloads and transitions again (their sequence still is).
    /// </summary>
    /// <param name="history">The events, oldest first, starting with the report.</param>
    /// <param name="clock">The clock later events are timestamped from.</param>
    /// <param name="verifiedEvents">How many leading events an earlier rebuild of this ticket checked; 0 to check them all.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The ticket.</returns>
    /// <exception cref="ArgumentException">The history is inconsistent or names a version the catalogs do not hold.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="verifiedEvents"/> is negative or more than the history holds.</exception>
    public async Task<Ticket> RebuildAsync(IReadOnlyList<TicketEvent> history, IClock clock, int verifiedEvents, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(history);
        ArgumentOutOfRangeException.ThrowIfNegative(verifiedEvents);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(verifiedEvents, history.Count);
        var tenant = history.Count > 0 && history[0].Report is { } report
            ? report.TenantId
            : throw new ArgumentException("history must start with the Reported event and its report.", nameof(history));
        var found = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
        foreach (var key in history.SelectMany(static e => (IEnumerable<string>?)e.CalendarKeys ?? []).Distinct(StringComparer.Ordinal))
        {
            var (id, version) = CalendarKeys.Parse(key);
            if (await calendars.FindAsync(tenant, id, version, cancellationToken).ConfigureAwait(false) is { } definition)
            {
                found[key] = definition.Calendar;
            }
        }

        // Every policy version the history names, as the ticket's tenant sees it (its own versions or the
        // shared ones); a calendar key the catalog does not hold may still be one of those versions'
        // own calendars (the presets' are): they are part of the policy version, immutable with it.
        var policyVersions = new Dictionary<string, SlaPolicy>(StringComparer.Ordinal);
        foreach (var key in history.Select(static e => e.PolicyKey).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var policy = policyVersions[key] = await policies.GetByKeyAsync(tenant, key, cancellationToken).ConfigureAwait(false);
            foreach (var target in policy.Targets)
            {
                found.TryAdd(target.Calendar.Key, target.Calendar);
            }
        }

        return Ticket.FromEvents(
            history,
            key => policyVersions.TryGetValue(key, out var policy) ? policy : policies.GetByKey(key),
            key => found.TryGetValue(key, out var calendar)
                ? calendar
                : throw new ArgumentException($"calendar {key} is not in the tenant '{tenant}' catalog.", nameof(history)),
            clock,
            verifiedEvents);
    }
}
