using AfterSales.WorkOrders;

namespace AfterSales.Quality.Terms;

/// <summary>
/// Where tenants' quality terms live (质量条款目录), every version kept: adopting one appends the next
/// version; a figure about an instant uses the version in force then. A port:
/// <see cref="InMemoryQualityTermsCatalog"/> for embedding and tests; adapters store it.
/// </summary>
/// <remarks>Implementations must be thread-safe; adopting is atomic.</remarks>
public interface IQualityTermsCatalog
{
    /// <summary>The tenant's latest version, or <see langword="null"/> when it adopted none (then <see cref="QualityTermsVersion.Default"/> applies).</summary>
    Task<QualityTermsVersion?> GetLatestAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>One version, or <see langword="null"/> when the tenant has no such version.</summary>
    Task<QualityTermsVersion?> GetAsync(string tenantId, int version, CancellationToken cancellationToken = default);

    /// <summary>The version in force at <paramref name="at"/>: the latest adopted at or before it, else <see cref="QualityTermsVersion.Default"/>.</summary>
    Task<QualityTermsVersion> InForceAtAsync(string tenantId, Instant at, CancellationToken cancellationToken = default);

    /// <summary>Adopts <paramref name="terms"/> as version <paramref name="expectedVersion"/> + 1 at <paramref name="adoptedAt"/>.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="terms">The terms.</param>
    /// <param name="expectedVersion">The latest version the caller saw; 0 when none.</param>
    /// <param name="adoptedAt">When; not before the latest version's adoption.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new version.</returns>
    /// <exception cref="ConcurrencyConflictException">The latest version is not <paramref name="expectedVersion"/>; nothing was stored.</exception>
    Task<QualityTermsVersion> AdoptAsync(string tenantId, QualityTerms terms, int expectedVersion, Instant adoptedAt, CancellationToken cancellationToken = default);
}
