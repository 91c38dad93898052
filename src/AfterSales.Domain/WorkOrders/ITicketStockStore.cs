using AfterSales.Entitlements.Spares;

namespace AfterSales.WorkOrders;

/// <summary>
/// A ticket store that saves a ticket and a stock ledger of the same tenant in one transaction
/// (工单与备件同一事务): lending a loaner appends the ticket's event and the pool's movement together,
/// so neither is kept without the other (R-SP-5). The EF Core ticket store implements it.
/// </summary>
public interface ITicketStockStore
{
    /// <summary>
    /// Saves the ticket's new events (as <see cref="ITicketStore.SaveAsync"/>) and the ledger's new
    /// movements (as <see cref="IStockLedgerStore.SaveAsync"/>) in one transaction.
    /// </summary>
    /// <param name="ticket">The ticket, of the ledger's tenant.</param>
    /// <param name="expectedVersion">The ticket's version as loaded.</param>
    /// <param name="ledger">The ledger with its new movements.</param>
    /// <param name="expectedLedgerVersion">The ledger's version as loaded.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <exception cref="ConcurrencyConflictException">The ticket or the ledger moved since it was loaded; nothing is saved.</exception>
    Task SaveAsync(Ticket ticket, int expectedVersion, StockLedger ledger, int expectedLedgerVersion, CancellationToken cancellationToken = default);
}
