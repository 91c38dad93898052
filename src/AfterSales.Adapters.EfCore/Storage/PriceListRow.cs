namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// One version of a tenant's tendered price list (投标报价单版本行): its currency and its parts with their
/// tendered unit prices as a JSON document, and when it was saved. Written only by
/// <see cref="EfCorePriceListCatalog{TContext}"/>; versions never change once saved.
/// </summary>
public sealed class PriceListRow
{
    /// <summary>The tenant (租户).</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The list's id: the contract it was tendered for.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The version; the key is (tenant, id, version), so two writers cannot both save the same version.</summary>
    public int Version { get; set; }

    /// <summary>The ISO 4217 currency of every price.</summary>
    public string Currency { get; set; } = string.Empty;

    /// <summary>The parts and their tendered unit prices as JSON: <c>[{"partNumber":"P-1","maxUnitPrice":120.50}, …]</c>.</summary>
    public string Document { get; set; } = string.Empty;

    /// <summary>When the version was saved.</summary>
    public Instant SavedAt { get; set; }
}
