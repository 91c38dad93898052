using AfterSales.Entitlements.Warranty;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Tickets;

/// <summary>
/// A device's repairs as its tickets recorded them (R-WAR-6): the resolve events of the tickets on the
/// serial number — found through the tickets' (tenant, device serial number) index, then their events
/// by key. Read from the events themselves, so the repair history can never disagree with the tickets.
/// </summary>
internal static class DeviceRepairQueries
{
    private static readonly TicketEventKind[] Resolves = [TicketEventKind.Resolved, TicketEventKind.ResolvedRemotely];

    public static async Task<IReadOnlyList<DeviceRepair>> ListAsync(DbContext context, string tenantId, string serialNumber, CancellationToken cancellationToken)
    {
        var rows = await context.Set<TicketEventRow>().AsNoTracking()
            .Join(
                context.Set<TicketRow>().Where(t => t.TenantId == tenantId && t.DeviceSerialNumber == serialNumber),
                static e => new { e.TenantId, Id = e.TicketId },
                static t => new { t.TenantId, t.Id },
                static (e, _) => e)
            .Where(e => Resolves.Contains(e.Kind))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return
        [
            .. rows.Select(static r => EventMapper.ToEvent(r))
                .Select(static e => new DeviceRepair(e.TicketId.Value, e.At, e.Repair?.PartNumber, e.Repair?.Unfixable ?? false))
                .OrderBy(static r => r.At)
                .ThenBy(static r => r.WorkOrderId, StringComparer.Ordinal),
        ];
    }
}
