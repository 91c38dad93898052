using System.Globalization;
using AfterSales.Internal;
using AfterSales.Sla;

namespace AfterSales.WorkOrders;

/// <summary>Lookups over any <see cref="ISlaPolicyCatalog"/> that throw when the policy is missing.</summary>
public static class SlaPolicyCatalogExtensions
{
    /// <summary>The policy <paramref name="policyId"/> at <paramref name="version"/>.</summary>
    /// <exception cref="SlaPolicyNotFoundException">The catalog does not have it.</exception>
    public static SlaPolicy Get(this ISlaPolicyCatalog catalog, string policyId, int version) =>
        Guard.NotNull(catalog).Find(policyId, version) ?? throw new SlaPolicyNotFoundException(policyId, version);

    /// <summary>The highest version of <paramref name="policyId"/>.</summary>
    /// <exception cref="SlaPolicyNotFoundException">The catalog has no version of it.</exception>
    public static SlaPolicy GetLatest(this ISlaPolicyCatalog catalog, string policyId) =>
        Guard.NotNull(catalog).Latest(policyId) ?? throw new SlaPolicyNotFoundException(policyId, null);

    /// <summary>The policy with the key <c>id@version</c> (<see cref="SlaPolicy.Key"/>), as tickets record it.</summary>
    /// <exception cref="ArgumentException">The key is not <c>id@version</c>.</exception>
    /// <exception cref="SlaPolicyNotFoundException">The catalog does not have it.</exception>
    public static SlaPolicy GetByKey(this ISlaPolicyCatalog catalog, string key)
    {
        var (id, version) = ParseKey(key);
        return catalog.Get(id, version);
    }

    /// <summary>The policy <paramref name="policyId"/> at <paramref name="version"/> (the latest when null) as the tenant sees it.</summary>
    /// <exception cref="SlaPolicyNotFoundException">The tenant sees no such policy.</exception>
    public static async Task<SlaPolicy> GetAsync(this ISlaPolicyCatalog catalog, string tenantId, string policyId, int? version, CancellationToken cancellationToken = default) =>
        await Guard.NotNull(catalog).FindAsync(tenantId, policyId, version, cancellationToken).ConfigureAwait(false)
            ?? throw new SlaPolicyNotFoundException(policyId, version);

    /// <summary>The policy with the key <c>id@version</c> as the tenant sees it, as the tenant's tickets record it.</summary>
    /// <exception cref="ArgumentException">The key is not <c>id@version</c>.</exception>
    /// <exception cref="SlaPolicyNotFoundException">The tenant sees no such policy.</exception>
    public static Task<SlaPolicy> GetByKeyAsync(this ISlaPolicyCatalog catalog, string tenantId, string key, CancellationToken cancellationToken = default)
    {
        var (id, version) = ParseKey(key);
        return catalog.GetAsync(tenantId, id, version, cancellationToken);
    }

    private static (string Id, int Version) ParseKey(string key)
    {
        Guard.NotBlank(key);
        var at = key.LastIndexOf('@');
        if (at <= 0 || !int.TryParse(key.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new ArgumentException($"key must be 'id@version', was '{key}'.", nameof(key));
        }

        return (key[..at], version);
    }
}
