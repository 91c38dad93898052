using AfterSales.WorkOrders;

namespace AfterSales.Quality.Inspections;

/// <summary>
/// Where a tenant's inspection plans and records live (巡检计划与记录): plans by code, saved whole with
/// optimistic concurrency; records appended, unique by id. A port: <see cref="InMemoryInspectionStore"/>
/// for embedding and tests; adapters store them.
/// </summary>
/// <remarks>Implementations must be thread-safe; a save is atomic.</remarks>
public interface IInspectionStore
{
    /// <summary>Stores <paramref name="plan"/> if its stored version is still <paramref name="expectedVersion"/>.</summary>
    /// <returns>The new version: <paramref name="expectedVersion"/> + 1.</returns>
    /// <exception cref="ConcurrencyConflictException">The stored version is not <paramref name="expectedVersion"/>; nothing was stored.</exception>
    Task<int> SavePlanAsync(string tenantId, InspectionPlan plan, int expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>A plan with its version, or <see langword="null"/>.</summary>
    Task<Versioned<InspectionPlan>?> GetPlanAsync(string tenantId, string code, CancellationToken cancellationToken = default);

    /// <summary>The tenant's plans, by code (ordinal).</summary>
    Task<IReadOnlyList<Versioned<InspectionPlan>>> ListPlansAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Appends a record.</summary>
    /// <exception cref="ConcurrencyConflictException">The tenant has a record with this id; nothing was stored.</exception>
    Task AddRecordAsync(string tenantId, InspectionRecord record, CancellationToken cancellationToken = default);

    /// <summary>The tenant's records, of one subject or all, by inspection day then id.</summary>
    Task<IReadOnlyList<InspectionRecord>> ListRecordsAsync(string tenantId, InspectionSubject? subject = null, CancellationToken cancellationToken = default);
}
