namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// A service centre's duty rota (值班表行, R-ORG-2): its time zone (IANA id), its shifts as a JSON
/// document, and the version, the optimistic-concurrency token. Written only by <see cref="EfCoreEngineerStore{TContext}"/>.
/// </summary>
public sealed class DutyRotaRow
{
    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The service centre.</summary>
    public string CentreId { get; set; } = string.Empty;

    /// <summary>The IANA time zone id of the shifts' local date-times, e.g. <c>Asia/Shanghai</c>.</summary>
    public string Zone { get; set; } = string.Empty;

    /// <summary>The shifts as JSON: <c>[{"engineerId":"E-7","start":"2026-03-02T09:00:00","end":"2026-03-02T17:00:00"}, …]</c>.</summary>
    public string Document { get; set; } = "[]";

    /// <summary>The number of saves.</summary>
    public int Version { get; set; }
}
