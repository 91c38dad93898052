namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// An engineer (工程师行, R-ORG-1): name, centre and contact as columns, the skills as a JSON array, and
/// the version, the optimistic-concurrency token. Written only by <see cref="EfCoreEngineerStore{TContext}"/>.
/// </summary>
public sealed class EngineerRow
{
    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The engineer's id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The engineer's name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The service centre; indexed with the tenant, for the list by centre.</summary>
    public string CentreId { get; set; } = string.Empty;

    /// <summary>A phone number or e-mail address.</summary>
    public string Contact { get; set; } = string.Empty;

    /// <summary>The skills as a JSON array of strings.</summary>
    public string Skills { get; set; } = "[]";

    /// <summary>The number of saves.</summary>
    public int Version { get; set; }
}
