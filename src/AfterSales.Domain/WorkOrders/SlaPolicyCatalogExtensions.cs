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
        Guard.NotBlank(key);
        var at = key.LastIndexOf('@');
        if (at <= 0 || !int.TryParse(key.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new ArgumentException($"key must be 'id@version', was '{key}'.", nameof(key));
        }

        return catalog.Get(key[..at], version);
    }
}
