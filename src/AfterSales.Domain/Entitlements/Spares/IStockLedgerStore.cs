using AfterSales.WorkOrders;

namespace AfterSales.Entitlements.Spares;

/// <summary>
/// Where spare-part stock ledgers live (备件台账存储), one per tenant × service centre × part type:
/// their movements, appended with optimistic concurrency. A port: <see cref="InMemoryStockLedgerStore"/>
/// is the default for embedding and tests; adapters implement it over a database.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe and append a save's movements atomically: all or none. Because
/// a save succeeds only from the current version, two issues decided on the same balance can never
/// both be stored, so stock never goes negative (R-SP-1): the loser reloads and decides again.
/// </remarks>
public interface IStockLedgerStore
{
    /// <summary>
    /// Loads the ledger of <paramref name="partNumber"/> at <paramref name="centreId"/>, rebuilt from
    /// its movements; an empty ledger (version 0) when none were stored.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="centreId">The service centre.</param>
    /// <param name="partNumber">The part type.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <exception cref="ArgumentException">A blank argument.</exception>
    Task<StockLedger> LoadAsync(string tenantId, string centreId, string partNumber, CancellationToken cancellationToken = default);

    /// <summary>Appends the movements of <paramref name="ledger"/> after <paramref name="expectedVersion"/> atomically.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="ledger">The ledger with its new movements.</param>
    /// <param name="expectedVersion">The version it was loaded at; 0 for a ledger never saved.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <exception cref="ConcurrencyConflictException">The stored version is not <paramref name="expectedVersion"/>; nothing was appended.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative or above the ledger's version.</exception>
    Task SaveAsync(string tenantId, StockLedger ledger, int expectedVersion, CancellationToken cancellationToken = default);
}
