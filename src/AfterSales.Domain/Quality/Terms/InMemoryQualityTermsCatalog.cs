using AfterSales.Internal;
using AfterSales.WorkOrders;

namespace AfterSales.Quality.Terms;

/// <summary>An <see cref="IQualityTermsCatalog"/> in memory, for embedding and tests. Thread-safe with one lock.</summary>
public sealed class InMemoryQualityTermsCatalog : IQualityTermsCatalog
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<QualityTermsVersion>> versions = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<QualityTermsVersion?> GetLatestAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        lock (gate)
        {
            return Task.FromResult(versions.TryGetValue(tenantId, out var list) ? list[^1] : null);
        }
    }

    /// <inheritdoc />
    public Task<QualityTermsVersion?> GetAsync(string tenantId, int version, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        lock (gate)
        {
            return Task.FromResult(versions.TryGetValue(tenantId, out var list) && version >= 1 && version <= list.Count ? list[version - 1] : null);
        }
    }

    /// <inheritdoc />
    public Task<QualityTermsVersion> InForceAtAsync(string tenantId, Instant at, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        lock (gate)
        {
            return Task.FromResult(
                versions.TryGetValue(tenantId, out var list) ? list.LastOrDefault(v => v.AdoptedAt <= at) ?? QualityTermsVersion.Default : QualityTermsVersion.Default);
        }
    }

    /// <inheritdoc />
    public Task<QualityTermsVersion> AdoptAsync(string tenantId, QualityTerms terms, int expectedVersion, Instant adoptedAt, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(terms);
        Guard.NotNegative(expectedVersion);
        lock (gate)
        {
            if (!versions.TryGetValue(tenantId, out var list))
            {
                versions[tenantId] = list = [];
            }

            if (list.Count != expectedVersion)
            {
                throw new ConcurrencyConflictException("quality terms", tenantId, expectedVersion, list.Count);
            }

            if (list.Count > 0 && adoptedAt < list[^1].AdoptedAt)
            {
                throw new ArgumentOutOfRangeException(nameof(adoptedAt), adoptedAt, $"adoptedAt must not be before version {list.Count}'s adoption at {list[^1].AdoptedAt}.");
            }

            var adopted = new QualityTermsVersion(terms, list.Count + 1, adoptedAt);
            list.Add(adopted);
            return Task.FromResult(adopted);
        }
    }
}
