using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Entitlements.Spares;
using AfterSales.Events;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>
/// Writing a ledger's new movements and its position's balance inside the caller's transaction: one
/// mechanism for the ledger store's own saves and for the ticket store's save of a ticket with a
/// pool's ledger (lending a loaner).
/// </summary>
internal static class StockLedgerWrites
{
    /// <summary>
    /// Inserts the movements after <paramref name="expectedVersion"/> and moves the position's balance;
    /// throws <see cref="ConcurrencyConflictException"/> when another writer moved the ledger. Call it
    /// inside a transaction: the caller rolls back on a throw.
    /// </summary>
    public static async Task WriteAsync(DbContext context, string tenantId, StockLedger ledger, int expectedVersion, CancellationToken cancellationToken)
    {
        // Guards against a writer ahead of the store (which would leave a gap); a writer behind it
        // collides with the stored key below.
        var stored = await StoredVersionAsync(context, tenantId, ledger, cancellationToken).ConfigureAwait(false);
        if (stored != expectedVersion)
        {
            throw Conflict(ledger, expectedVersion, stored);
        }

        for (var i = expectedVersion; i < ledger.Movements.Count; i++)
        {
            var movement = ledger.Movements[i];
            context.Add(new StockMovementRow
            {
                TenantId = tenantId,
                CentreId = ledger.CentreId,
                PartNumber = ledger.PartNumber,
                Version = i + 1,
                Kind = movement.Kind,
                Quantity = movement.Quantity,
                By = movement.By,
                At = movement.At,
                WorkOrderId = movement.WorkOrderId,
                Note = movement.Note,
            });
        }

        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // The position's version is a second guard against a concurrent writer.
        if (!await StockPositionRows.SetBalanceAsync(context, tenantId, ledger.CentreId, ledger.PartNumber, ledger.Balance, ledger.Version, expectedVersion, cancellationToken).ConfigureAwait(false))
        {
            throw Conflict(ledger, expectedVersion, ledger.Version);
        }
    }

    /// <summary>
    /// The events of a ledger save, after <see cref="WriteAsync"/> in the same transaction: one
    /// <see cref="AfterSalesEventTypes.StockMoved"/> per movement and, given a target, an
    /// <see cref="AfterSalesEventTypes.StockBelowTarget"/> for a movement that crosses it, against the installed base
    /// the position row holds now (the device registry keeps it in its own saves' transactions).
    /// </summary>
    public static async Task<IReadOnlyList<DomainEvent>> EventsAsync(
        DbContext context, string tenantId, StockLedger ledger, int expectedVersion, ReplenishmentPolicy? stockTarget, CancellationToken cancellationToken)
    {
        var moved = AggregateDomainEvents.ForStockSave(tenantId, ledger, expectedVersion);
        if (stockTarget is null)
        {
            return moved;
        }

        var centre = ledger.CentreId;
        var part = ledger.PartNumber;
        var installed = await context.Set<StockPositionRow>()
            .AsNoTracking()
            .Where(p => p.TenantId == tenantId && p.CentreId == centre && p.PartNumber == part)
            .Select(static p => (int?)p.InstalledBase)
            .SingleOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false) ?? 0;
        var below = AggregateDomainEvents.ForStockTarget(tenantId, ledger, expectedVersion, Math.Max(installed, 0), stockTarget);
        return below.Count == 0 ? moved : [.. moved, .. below];
    }

    public static ConcurrencyConflictException Conflict(StockLedger ledger, int expected, int actual) =>
        new("stock ledger", $"{ledger.CentreId}/{ledger.PartNumber}", expected, actual);

    public static async Task<int> StoredVersionAsync(DbContext context, string tenantId, StockLedger ledger, CancellationToken cancellationToken)
    {
        var centre = ledger.CentreId;
        var part = ledger.PartNumber;
        return await context.Set<StockMovementRow>()
            .AsNoTracking()
            .Where(m => m.TenantId == tenantId && m.CentreId == centre && m.PartNumber == part)
            .MaxAsync(static m => (int?)m.Version, cancellationToken)
            .ConfigureAwait(false) ?? 0;
    }
}
