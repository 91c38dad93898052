namespace AfterSales.Entitlements.Quotes;

/// <summary>
/// A tenant's tendered price lists (投标报价单目录), one per contract, every version kept: a change is
/// saved as the next version of the list's id, older versions stay readable by number, so a quote can
/// always be checked against the prices it was built from (R-WAR-8). A port:
/// <see cref="InMemoryPriceListCatalog"/> is the default; the EF Core adapter stores versions as rows.
/// </summary>
/// <remarks>Implementations must be thread-safe; two writers saving the same next version: one wins, the other conflicts.</remarks>
public interface IPriceListCatalog
{
    /// <summary>The latest version of every list of the tenant, by id.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<TenderedPriceList>> ListAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>The list <paramref name="id"/> at <paramref name="version"/>, or its latest when <paramref name="version"/> is <see langword="null"/>; <see langword="null"/> when there is none.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="id">The list's id (the contract's).</param>
    /// <param name="version">The version, or <see langword="null"/> for the latest.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<TenderedPriceList?> FindAsync(string tenantId, string id, int? version = null, CancellationToken cancellationToken = default);

    /// <summary>Saves <paramref name="list"/> as the next version of its <see cref="TenderedPriceList.Id"/> (1 for a new id).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="list">The new content, named (<see cref="TenderedPriceList.WithId"/>); its own version is ignored.</param>
    /// <param name="expectedVersion">The latest version the caller saw (0 for a new id), or <see langword="null"/> to save over whatever is latest.</param>
    /// <param name="cancellationToken">Cancels the save; nothing is saved then.</param>
    /// <returns>The saved list, with its version.</returns>
    /// <exception cref="WorkOrders.ConcurrencyConflictException">The latest version is not <paramref name="expectedVersion"/>, or another writer saved the same version first.</exception>
    /// <exception cref="ArgumentException">The list has no id.</exception>
    Task<TenderedPriceList> SaveAsync(string tenantId, TenderedPriceList list, int? expectedVersion, CancellationToken cancellationToken = default);
}
