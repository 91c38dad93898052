using AfterSales.Internal;
using AfterSales.WorkOrders;

namespace AfterSales.People;

/// <summary>An <see cref="IEngineerStore"/> in memory, for embedding and tests. Thread-safe with one lock.</summary>
public sealed class InMemoryEngineerStore : IEngineerStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Tenant, string Id), Versioned<Engineer>> engineers = [];
    private readonly Dictionary<(string Tenant, string Centre), Versioned<DutyRota>> rotas = [];

    /// <inheritdoc />
    public Task<int> SaveEngineerAsync(string tenantId, Engineer engineer, int expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(engineer);
        Guard.NotNegative(expectedVersion);
        lock (gate)
        {
            var actual = engineers.TryGetValue((tenantId, engineer.Id), out var stored) ? stored.Version : 0;
            if (actual != expectedVersion)
            {
                throw new ConcurrencyConflictException("engineer", engineer.Id, expectedVersion, actual);
            }

            engineers[(tenantId, engineer.Id)] = new Versioned<Engineer>(engineer, expectedVersion + 1);
            return Task.FromResult(expectedVersion + 1);
        }
    }

    /// <inheritdoc />
    public Task<Versioned<Engineer>?> GetEngineerAsync(string tenantId, string engineerId, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotBlank(engineerId);
        lock (gate)
        {
            return Task.FromResult(engineers.GetValueOrDefault((tenantId, engineerId)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Versioned<Engineer>>> ListEngineersAsync(string tenantId, string? centreId, int offset, int limit, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNegative(offset);
        Guard.Positive(limit);
        lock (gate)
        {
            IReadOnlyList<Versioned<Engineer>> list =
            [
                .. engineers.Where(e => e.Key.Tenant == tenantId && (centreId is null || e.Value.Value.CentreId == centreId))
                    .Select(static e => e.Value).OrderBy(static e => e.Value.Id, StringComparer.Ordinal).Skip(offset).Take(limit),
            ];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<bool> HasEngineersAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        lock (gate)
        {
            return Task.FromResult(engineers.Keys.Any(k => k.Tenant == tenantId));
        }
    }

    /// <inheritdoc />
    public Task<int> SaveRotaAsync(string tenantId, DutyRota rota, int expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(rota);
        Guard.NotNegative(expectedVersion);
        lock (gate)
        {
            var actual = rotas.TryGetValue((tenantId, rota.CentreId), out var stored) ? stored.Version : 0;
            if (actual != expectedVersion)
            {
                throw new ConcurrencyConflictException("duty rota", rota.CentreId, expectedVersion, actual);
            }

            rotas[(tenantId, rota.CentreId)] = new Versioned<DutyRota>(rota, expectedVersion + 1);
            return Task.FromResult(expectedVersion + 1);
        }
    }

    /// <inheritdoc />
    public Task<Versioned<DutyRota>?> GetRotaAsync(string tenantId, string centreId, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotBlank(centreId);
        lock (gate)
        {
            return Task.FromResult(rotas.GetValueOrDefault((tenantId, centreId)));
        }
    }
}
