using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Entitlements.Spares;
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
