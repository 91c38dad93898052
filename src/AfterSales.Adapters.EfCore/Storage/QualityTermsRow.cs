namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>One adopted version of a tenant's quality terms (质量条款版本行), as its JSON document (quality-terms.schema.json). Written only by <see cref="EfCoreQualityTermsCatalog{TContext}"/>.</summary>
public sealed class QualityTermsRow
{
    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>1, 2, 3 … per tenant.</summary>
    public int Version { get; set; }

    /// <summary>When it was adopted.</summary>
    public Instant AdoptedAt { get; set; }

    /// <summary>The terms as JSON.</summary>
    public string Document { get; set; } = string.Empty;
}
