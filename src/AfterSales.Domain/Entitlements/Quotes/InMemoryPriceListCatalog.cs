using AfterSales.Internal;
using AfterSales.WorkOrders;

namespace AfterSales.Entitlements.Quotes;

/// <summary>An <see cref="IPriceListCatalog"/> in memory (内存报价单目录), for embedding and tests. Thread-safe with one lock.</summary>
public sealed class InMemoryPriceListCatalog : IPriceListCatalog
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Tenant, string Id), List<TenderedPriceList>> lists = [];

    /// <inheritdoc />
    public Task<IReadOnlyList<TenderedPriceList>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        lock (gate)
        {
            IReadOnlyList<TenderedPriceList> latest =
            [
                .. lists.Where(p => string.Equals(p.Key.Tenant, tenantId, StringComparison.Ordinal))
                    .Select(static p => p.Value[^1])
                    .OrderBy(static l => l.Id, StringComparer.Ordinal),
            ];
            return Task.FromResult(latest);
        }
    }

    /// <inheritdoc />
    public Task<TenderedPriceList?> FindAsync(string tenantId, string id, int? version = null, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(id);
        lock (gate)
        {
            lists.TryGetValue((tenantId, id), out var versions);
            var found = version is { } v ? versions?.Find(l => l.Version == v) : versions?[^1];
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc />
    public Task<TenderedPriceList> SaveAsync(string tenantId, TenderedPriceList list, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(list);
        Identifier.Check(list.Id, "list.Id");
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var key = (tenantId, list.Id);
            lists.TryGetValue(key, out var versions);
            var latest = versions is { Count: > 0 } ? versions[^1].Version : 0;
            if (expectedVersion is { } expected && expected != latest)
            {
                throw new ConcurrencyConflictException("price list", list.Id, expected, latest);
            }

            var saved = list.WithVersion(latest + 1);
            if (versions is null)
            {
                lists[key] = versions = [];
            }

            versions.Add(saved);
            return Task.FromResult(saved);
        }
    }
}
