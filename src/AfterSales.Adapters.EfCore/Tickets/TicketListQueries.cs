using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Tickets;

/// <summary>The ticket lists: filtered pages and the due-before list, as summaries as of each ticket's last save.</summary>
internal static class TicketListQueries
{
    public static async Task<IReadOnlyList<TicketSummary>> ListDueBeforeAsync(DbContext context, TicketRehydrator tickets, string tenantId, Instant before, CancellationToken cancellationToken)
    {
        Instant? horizon = before;
        var due = await context.Set<TicketRow>()
            .AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.NextDeadline != null && r.NextDeadline <= horizon)
            .OrderBy(static r => r.NextDeadline)
            .Select(static r => new { r.Id, r.AsOf })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        if (due.Count == 0)
        {
            return [];
        }

        var byTicket = await EventsOfAsync(context, tenantId, [.. due.Select(static d => d.Id)], cancellationToken).ConfigureAwait(false);

        // The summary as of the last save, exactly as the save computed it.
        var summaries = new List<TicketSummary>(due.Count);
        foreach (var d in due)
        {
            summaries.Add(TicketSummary.Of(await tickets.RebuildAsync(byTicket[d.Id], cancellationToken).ConfigureAwait(false), d.AsOf));
        }

        return [.. summaries.OrderBy(static s => s.NextDeadline).ThenBy(static s => s.Id.Value, StringComparer.Ordinal)];
    }

    /// <remarks>State, severity and the due horizon are filtered in SQL; the site name is in the report
    /// event's payload, so with a site filter the candidates' report events are read and matched here.</remarks>
    public static async Task<IReadOnlyList<TicketSummary>> ListAsync(DbContext context, TicketRehydrator tickets, string tenantId, TicketQuery query, CancellationToken cancellationToken)
    {
        var rows = context.Set<TicketRow>().AsNoTracking().Where(r => r.TenantId == tenantId);
        if (query.State is { } state)
        {
            rows = rows.Where(r => r.State == state);
        }

        if (query.SeverityCode is { } severity)
        {
            rows = rows.Where(r => r.SeverityCode == severity);
        }

        if (query.IsLegacyIssue is { } legacy)
        {
            rows = rows.Where(r => r.IsLegacyIssue == legacy);
        }

        if (query.DeviceSerialNumber is { } serial)
        {
            rows = rows.Where(r => r.DeviceSerialNumber == serial);
        }

        if (query.Engineer is { } engineer)
        {
            // The dispatch index's key starts (tenant, engineer): the engineer's tickets without reading events.
            var dispatched = context.Set<EngineerDispatchRow>().Where(d => d.TenantId == tenantId && d.EngineerId == engineer);
            rows = rows.Where(r => dispatched.Any(d => d.TicketId == r.Id));
        }

        if (query.DueBefore is { } due)
        {
            Instant? horizon = due;
            rows = rows.Where(r => r.NextDeadline != null && r.NextDeadline <= horizon);
        }

        rows = query.DueBefore is null
            ? rows.OrderByDescending(static r => r.ReportedAt).ThenBy(static r => r.Id)
            : rows.OrderBy(static r => r.NextDeadline).ThenBy(static r => r.Id);

        List<(string Id, Instant AsOf)> page;
        if (query.SiteName is null)
        {
            page = [.. (await rows.Skip(query.Offset).Take(query.Limit).Select(static r => new { r.Id, r.AsOf })
                .ToListAsync(cancellationToken).ConfigureAwait(false)).Select(static r => (r.Id, r.AsOf))];
        }
        else
        {
            var candidates = await rows.Select(static r => new { r.Id, r.AsOf }).ToListAsync(cancellationToken).ConfigureAwait(false);
            var candidateIds = candidates.Select(static c => c.Id).ToList();
            var reports = await context.Set<TicketEventRow>().AsNoTracking()
                .Where(e => e.TenantId == tenantId && e.Version == 1 && candidateIds.Contains(e.TicketId))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var atSite = reports.Where(e => string.Equals(EventMapper.ToEvent(e).Report?.Site.Name, query.SiteName, StringComparison.Ordinal))
                .Select(static e => e.TicketId).ToHashSet(StringComparer.Ordinal);
            page = [.. candidates.Where(c => atSite.Contains(c.Id)).Skip(query.Offset).Take(query.Limit).Select(static c => (c.Id, c.AsOf))];
        }

        if (page.Count == 0)
        {
            return [];
        }

        var byTicket = await EventsOfAsync(context, tenantId, [.. page.Select(static p => p.Id)], cancellationToken).ConfigureAwait(false);
        var result = new List<TicketSummary>(page.Count);
        foreach (var p in page)
        {
            result.Add(TicketSummary.Of(await tickets.RebuildAsync(byTicket[p.Id], cancellationToken).ConfigureAwait(false), p.AsOf));
        }

        return result;
    }

    /// <summary>One keyset page of the tenant's open tickets in id order, loaded whole.</summary>
    public static async Task<IReadOnlyList<Ticket>> ListOpenAsync(DbContext context, TicketRehydrator tickets, string tenantId, string? afterId, int limit, CancellationToken cancellationToken)
    {
        var rows = context.Set<TicketRow>().AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.State != TicketState.Closed && r.State != TicketState.Cancelled);
        if (afterId is not null)
        {
#pragma warning disable CA1309 // translated to SQL: the database's own order, the same one ORDER BY uses, which keyset paging needs
            rows = rows.Where(r => string.Compare(r.Id, afterId) > 0);
#pragma warning restore CA1309
        }

        var ids = await rows.OrderBy(static r => r.Id).Take(limit).Select(static r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (ids.Count == 0)
        {
            return [];
        }

        var byTicket = await EventsOfAsync(context, tenantId, ids, cancellationToken).ConfigureAwait(false);
        var result = new List<Ticket>(ids.Count);
        foreach (var id in ids)
        {
            result.Add(await tickets.RebuildAsync(byTicket[id], cancellationToken).ConfigureAwait(false));
        }

        return result;
    }

    private static async Task<Dictionary<string, List<TicketEventRow>>> EventsOfAsync(DbContext context, string tenantId, List<string> ids, CancellationToken cancellationToken)
    {
        var events = await context.Set<TicketEventRow>().AsNoTracking()
            .Where(e => e.TenantId == tenantId && ids.Contains(e.TicketId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return events.GroupBy(static e => e.TicketId, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.OrderBy(static e => e.Version).ToList(), StringComparer.Ordinal);
    }
}
