using AfterSales.Internal;
using AfterSales.WorkOrders;

namespace AfterSales.Quality.Inspections;

/// <summary>An <see cref="IInspectionStore"/> in memory, for embedding and tests. Thread-safe with one lock.</summary>
public sealed class InMemoryInspectionStore : IInspectionStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Tenant, string Code), Versioned<InspectionPlan>> plans = [];
    private readonly Dictionary<(string Tenant, string Id), InspectionRecord> records = [];

    /// <inheritdoc />
    public Task<int> SavePlanAsync(string tenantId, InspectionPlan plan, int expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(plan);
        Guard.NotNegative(expectedVersion);
        lock (gate)
        {
            var actual = plans.TryGetValue((tenantId, plan.Code), out var stored) ? stored.Version : 0;
            if (actual != expectedVersion)
            {
                throw new ConcurrencyConflictException("inspection plan", plan.Code, expectedVersion, actual);
            }

            plans[(tenantId, plan.Code)] = new Versioned<InspectionPlan>(plan, expectedVersion + 1);
            return Task.FromResult(expectedVersion + 1);
        }
    }

    /// <inheritdoc />
    public Task<Versioned<InspectionPlan>?> GetPlanAsync(string tenantId, string code, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotBlank(code);
        lock (gate)
        {
            return Task.FromResult(plans.GetValueOrDefault((tenantId, code)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Versioned<InspectionPlan>>> ListPlansAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        lock (gate)
        {
            IReadOnlyList<Versioned<InspectionPlan>> list =
                [.. plans.Where(p => p.Key.Tenant == tenantId).Select(static p => p.Value).OrderBy(static p => p.Value.Code, StringComparer.Ordinal)];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task AddRecordAsync(string tenantId, InspectionRecord record, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(record);
        lock (gate)
        {
            if (!records.TryAdd((tenantId, record.Id), record))
            {
                throw new ConcurrencyConflictException("inspection record", record.Id, 0, 1);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<InspectionRecord>> ListRecordsAsync(string tenantId, InspectionSubject? subject = null, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        lock (gate)
        {
            IReadOnlyList<InspectionRecord> list =
            [
                .. records.Where(p => p.Key.Tenant == tenantId && (subject is null || p.Value.Subject.Equals(subject)))
                    .Select(static p => p.Value)
                    .OrderBy(static r => r.InspectedOn)
                    .ThenBy(static r => r.Id, StringComparer.Ordinal),
            ];
            return Task.FromResult(list);
        }
    }
}
