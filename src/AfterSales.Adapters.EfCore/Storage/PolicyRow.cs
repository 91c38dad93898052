namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// One version of a tenant's SLA policy (服务级别协议版本行): the policy document as JSON, the keys of
/// the calendar versions its targets were bound to when it was saved (so loading it later gives the
/// same policy whatever calendars were saved since), and when it was saved.
/// </summary>
public sealed class PolicyRow
{
    /// <summary>The tenant (租户).</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The policy's id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The version; the key is (tenant, id, version), so two writers cannot both save the same version.</summary>
    public int Version { get; set; }

    /// <summary>The policy's name, for listing without parsing the document.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The policy document (<c>sla-policy.schema.json</c>) as JSON.</summary>
    public string Document { get; set; } = string.Empty;

    /// <summary>The calendar versions the targets count on, <c>id@version</c> comma-separated, ordered.</summary>
    public string Calendars { get; set; } = string.Empty;

    /// <summary>When the version was saved.</summary>
    public Instant SavedAt { get; set; }
}
