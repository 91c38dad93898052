using AfterSales.Catalogs;
using AfterSales.Internal;
using AfterSales.Sla;

namespace AfterSales.WorkOrders;

/// <summary>
/// An <see cref="ISlaPolicyCatalog"/> held in memory (内存策略目录): the shared default set given at
/// construction (or <see cref="Add">added</see> by the host), and each tenant's saved versions, by the
/// same rule as <see cref="Calendars.InMemoryCalendarCatalog"/>. Thread-safe with one lock; the
/// policies are immutable.
/// </summary>
public sealed class InMemorySlaPolicyCatalog : ISlaPolicyCatalog
{
    private const string Kind = "SLA policy";
    private readonly Lock gate = new();
    private readonly TenantVersions<SlaPolicy> versions;

    /// <summary>Creates a catalog whose shared default set is <paramref name="policies"/>.</summary>
    /// <exception cref="ArgumentException">A policy is null, or two share a key with different content.</exception>
    public InMemorySlaPolicyCatalog(IEnumerable<SlaPolicy> policies)
    {
        versions = new TenantVersions<SlaPolicy>([], static p => p.Id, static p => p.Version, Kind);
        foreach (var policy in Guard.NotNull(policies))
        {
            Add(policy);
        }
    }

    /// <summary>Creates an empty catalog.</summary>
    public InMemorySlaPolicyCatalog()
        : this([])
    {
    }

    /// <summary>Every shared policy version, by id then version.</summary>
    public IReadOnlyList<SlaPolicy> All
    {
        get
        {
            lock (gate)
            {
                return [.. versions.Shared.All.OrderBy(static p => p.Id, StringComparer.Ordinal).ThenBy(static p => p.Version)];
            }
        }
    }

    /// <summary>Adds a shared policy version. Adding the same instance again does nothing.</summary>
    /// <param name="policy">The policy.</param>
    /// <exception cref="ArgumentException">Another policy with the same key (<c>id@version</c>) is already held: versions are immutable, publish a new version instead.</exception>
    public void Add(SlaPolicy policy)
    {
        Guard.NotNull(policy);
        lock (gate)
        {
            var held = versions.Shared.Find(policy.Id, policy.Version);
            if (ReferenceEquals(held, policy))
            {
                return;
            }

            if (held is not null)
            {
                throw new ArgumentException($"policy {policy.Key} is already in the catalog; versions are immutable, add version {versions.Shared.Latest(policy.Id)!.Version + 1} instead.", nameof(policy));
            }

            versions.Shared = new SharedVersions<SlaPolicy>(versions.Shared.All.Append(policy), static p => p.Id, static p => p.Version, Kind);
        }
    }

    /// <inheritdoc />
    public SlaPolicy? Find(string policyId, int version)
    {
        Guard.NotNull(policyId);
        lock (gate)
        {
            return versions.Shared.Find(policyId, version);
        }
    }

    /// <inheritdoc />
    public SlaPolicy? Latest(string policyId)
    {
        Guard.NotNull(policyId);
        lock (gate)
        {
            return versions.Shared.Latest(policyId);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SlaPolicy>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        lock (gate)
        {
            return Task.FromResult(versions.List(tenantId));
        }
    }

    /// <inheritdoc />
    public Task<SlaPolicy?> FindAsync(string tenantId, string policyId, int? version = null, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(policyId);
        lock (gate)
        {
            return Task.FromResult(versions.Find(tenantId, policyId, version));
        }
    }

    /// <inheritdoc />
    public Task<SlaPolicy> SaveAsync(string tenantId, SlaPolicy policy, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(policy);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return Task.FromResult(versions.Save(tenantId, policy, expectedVersion, static (p, v) => p.WithVersion(v), Kind));
        }
    }
}
