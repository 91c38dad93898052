using AfterSales.WorkOrders;

namespace AfterSales.Quality.Complaints;

/// <summary>
/// Where complaints live (投诉存储), per tenant and id, saved whole with optimistic concurrency: every
/// save of a complaint raises its stored version by one. A port: <see cref="InMemoryComplaintStore"/>
/// is the default for embedding and tests; adapters implement it over a database.
/// </summary>
/// <remarks>Implementations must be thread-safe; a save is atomic.</remarks>
public interface IComplaintStore
{
    /// <summary>Loads a complaint with its stored version, or <see langword="null"/> when the tenant has none with that id.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="complaintId">The complaint's id.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <exception cref="ArgumentException">A blank argument.</exception>
    Task<Versioned<Complaint>?> LoadAsync(string tenantId, string complaintId, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="complaint"/> if its stored version is still <paramref name="expectedVersion"/>.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="complaint">The complaint as it is now.</param>
    /// <param name="expectedVersion">The version it was loaded at (<see cref="Versioned{T}.Version"/>); 0 for a new complaint.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The new stored version: <paramref name="expectedVersion"/> + 1.</returns>
    /// <exception cref="ConcurrencyConflictException">The stored version is not <paramref name="expectedVersion"/>; nothing was stored.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    Task<int> SaveAsync(string tenantId, Complaint complaint, int expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>The tenant's open complaints (处理中), oldest filing first, then by id (ordinal).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="ArgumentException">A blank tenant.</exception>
    Task<IReadOnlyList<Versioned<Complaint>>> ListOpenAsync(string tenantId, CancellationToken cancellationToken = default);
}
