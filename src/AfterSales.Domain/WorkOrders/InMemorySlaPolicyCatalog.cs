using AfterSales.Internal;
using AfterSales.Sla;

namespace AfterSales.WorkOrders;

/// <summary>
/// An <see cref="ISlaPolicyCatalog"/> held in memory (内存策略目录). Thread-safe: reads take no lock on
/// an immutable snapshot; <see cref="Add"/> swaps in a new snapshot.
/// </summary>
public sealed class InMemorySlaPolicyCatalog : ISlaPolicyCatalog
{
    private readonly Lock gate = new();
    private Dictionary<string, SlaPolicy[]> byId = new(StringComparer.Ordinal);

    /// <summary>Creates a catalog holding <paramref name="policies"/>.</summary>
    /// <exception cref="ArgumentException">A policy is null, or two share a key with different content.</exception>
    public InMemorySlaPolicyCatalog(IEnumerable<SlaPolicy> policies)
    {
        foreach (var policy in Guard.NotNull(policies))
        {
            Add(policy);
        }
    }

    /// <summary>Creates an empty catalog.</summary>
    public InMemorySlaPolicyCatalog()
    {
    }

    /// <summary>Every policy version, by id then version.</summary>
    public IReadOnlyList<SlaPolicy> All =>
        [.. Volatile.Read(ref byId).Values.SelectMany(static v => v).OrderBy(static p => p.Id, StringComparer.Ordinal).ThenBy(static p => p.Version)];

    /// <summary>Adds a policy version. Adding the same instance again does nothing.</summary>
    /// <param name="policy">The policy.</param>
    /// <exception cref="ArgumentException">Another policy with the same key (<c>id@version</c>) is already held: versions are immutable, publish a new version instead.</exception>
    public void Add(SlaPolicy policy)
    {
        Guard.NotNull(policy);
        lock (gate)
        {
            var next = new Dictionary<string, SlaPolicy[]>(byId, StringComparer.Ordinal);
            var versions = next.TryGetValue(policy.Id, out var existing) ? existing : [];
            foreach (var held in versions)
            {
                if (held.Version == policy.Version)
                {
                    if (ReferenceEquals(held, policy))
                    {
                        return;
                    }

                    throw new ArgumentException($"policy {policy.Key} is already in the catalog; versions are immutable, add version {versions.Max(static p => p.Version) + 1} instead.", nameof(policy));
                }
            }

            next[policy.Id] = [.. versions.Append(policy).OrderBy(static p => p.Version)];
            Volatile.Write(ref byId, next);
        }
    }

    /// <inheritdoc />
    public SlaPolicy? Find(string policyId, int version)
    {
        Guard.NotNull(policyId);
        return Volatile.Read(ref byId).TryGetValue(policyId, out var versions)
            ? Array.Find(versions, p => p.Version == version)
            : null;
    }

    /// <inheritdoc />
    public SlaPolicy? Latest(string policyId)
    {
        Guard.NotNull(policyId);
        return Volatile.Read(ref byId).TryGetValue(policyId, out var versions) ? versions[^1] : null;
    }
}
