using AfterSales.Internal;

namespace AfterSales.Entitlements.Warranty;

/// <summary>
/// The warranty policies a service knows by code (质保条款目录): the seed presets and the host's own
/// (<c>AfterSalesOptions.WarrantyPolicies</c>), a host's policy replacing a preset of the same code.
/// Immutable and thread-safe.
/// </summary>
public sealed class WarrantyPolicyCatalog
{
    private readonly Dictionary<string, WarrantyPolicy> byCode;

    /// <summary>Creates a catalog; of two policies with one code the later wins.</summary>
    /// <param name="policies">The policies.</param>
    public WarrantyPolicyCatalog(IEnumerable<WarrantyPolicy> policies)
    {
        byCode = new Dictionary<string, WarrantyPolicy>(StringComparer.OrdinalIgnoreCase);
        foreach (var policy in Guard.NotNull(policies))
        {
            byCode[Guard.NotNull(policy).Code] = policy;
        }

        All = [.. byCode.Values.OrderBy(static p => p.Code, StringComparer.Ordinal)];
    }

    /// <summary>Every policy, by code.</summary>
    public IReadOnlyList<WarrantyPolicy> All { get; }

    /// <summary>The policy with <paramref name="code"/> (case-insensitive), or <see langword="null"/>.</summary>
    public WarrantyPolicy? Find(string? code) => code is not null && byCode.TryGetValue(code, out var policy) ? policy : null;
}
