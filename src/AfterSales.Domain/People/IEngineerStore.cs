using AfterSales.WorkOrders;

namespace AfterSales.People;

/// <summary>
/// Where a tenant's engineers and its centres' duty rotas live (工程师与值班表, R-ORG-1/2): each saved
/// whole with optimistic concurrency. A port: <see cref="InMemoryEngineerStore"/> for embedding and
/// tests; adapters store them.
/// </summary>
/// <remarks>Implementations must be thread-safe; a save is atomic.</remarks>
public interface IEngineerStore
{
    /// <summary>Stores <paramref name="engineer"/> if its stored version is still <paramref name="expectedVersion"/> (0: new).</summary>
    /// <returns>The new version: <paramref name="expectedVersion"/> + 1.</returns>
    /// <exception cref="ConcurrencyConflictException">The stored version is not <paramref name="expectedVersion"/>; nothing was stored.</exception>
    Task<int> SaveEngineerAsync(string tenantId, Engineer engineer, int expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>An engineer with its version, or <see langword="null"/>.</summary>
    Task<Versioned<Engineer>?> GetEngineerAsync(string tenantId, string engineerId, CancellationToken cancellationToken = default);

    /// <summary>The tenant's engineers (of one centre, or all) by id (the store's collation; ordinal in memory), from <paramref name="offset"/>, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Versioned<Engineer>>> ListEngineersAsync(string tenantId, string? centreId, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>Whether the tenant keeps any engineer: a tenant that keeps none dispatches by name alone, as before engineers were kept.</summary>
    Task<bool> HasEngineersAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="rota"/> (its centre's, replacing the previous) if its stored version is still <paramref name="expectedVersion"/>.</summary>
    /// <returns>The new version: <paramref name="expectedVersion"/> + 1.</returns>
    /// <exception cref="ConcurrencyConflictException">The stored version is not <paramref name="expectedVersion"/>; nothing was stored.</exception>
    Task<int> SaveRotaAsync(string tenantId, DutyRota rota, int expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>A centre's rota with its version, or <see langword="null"/>.</summary>
    Task<Versioned<DutyRota>?> GetRotaAsync(string tenantId, string centreId, CancellationToken cancellationToken = default);
}
