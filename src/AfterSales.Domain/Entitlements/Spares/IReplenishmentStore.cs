namespace AfterSales.Entitlements.Spares;

/// <summary>
/// What the monthly replenishment run and the monthly stock report read and write (备件补充存储),
/// R-SP-1 … R-SP-3: stock on hand per centre and part from the stored ledgers, the installed base per
/// centre and model from the device registry, and the runs, stored once per tenant, month and centre.
/// A port: <see cref="InMemoryReplenishmentStore"/> reads the in-memory stores; the EF Core adapter reads
/// the tables those stores keep (with a balance per ledger and a count per centre and model, maintained
/// in the same transactions as the movements and the devices).
/// </summary>
/// <remarks>Implementations must be thread-safe; saving a centre's run that is already stored keeps the stored one.</remarks>
public interface IReplenishmentStore
{
    /// <summary>
    /// Every centre × part type the tenant stocks or serves: units on hand just before <paramref name="asOf"/>
    /// (each ledger's balance less its movements since) and the installed base (registered devices of the
    /// centre whose model is the part number). Centres and parts in ordinal order.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="asOf">The instant the stock is counted at.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<StockPositions> LoadPositionsAsync(string tenantId, Instant asOf, CancellationToken cancellationToken = default);

    /// <summary>The centres run for <paramref name="month"/>, as summaries (no orders), by centre.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="month">The month.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<ReplenishmentCentreRun>> ListRunsAsync(string tenantId, YearMonth month, CancellationToken cancellationToken = default);

    /// <summary>One centre's run of <paramref name="month"/> with its orders, or <see langword="null"/> when the centre was not run.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="month">The month.</param>
    /// <param name="centreId">The service centre.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<ReplenishmentCentreRun?> FindRunAsync(string tenantId, YearMonth month, string centreId, CancellationToken cancellationToken = default);

    /// <summary>Stores the runs; a centre already stored for the month keeps its stored run (idempotent per month and centre).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="runs">The centres' runs.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>How many centres' runs were stored now.</returns>
    Task<int> SaveRunsAsync(string tenantId, IReadOnlyList<ReplenishmentCentreRun> runs, CancellationToken cancellationToken = default);

    /// <summary>
    /// A page of one centre's monthly stock report (每月备件使用与库存统计, R-SP-3) over <paramref name="month"/>:
    /// per part, opening and closing balances and the month's receipts, issues, loans, returns and
    /// scrappings, from the stored ledgers, by part number.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="centreId">The service centre.</param>
    /// <param name="month">The instants the month covers, [start, end).</param>
    /// <param name="offset">How many parts to skip.</param>
    /// <param name="limit">At most this many lines.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<StockReportLine>> ReportAsync(string tenantId, string centreId, Interval month, int offset, int limit, CancellationToken cancellationToken = default);
}
