namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// An inspection record (巡检记录行): the subject and day as columns for queries, the checklist,
/// results and signature as a JSON document. Written only by <see cref="EfCoreInspectionStore{TContext}"/>.
/// </summary>
public sealed class InspectionRecordRow
{
    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The record's id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary><c>Device</c> or <c>Site</c>.</summary>
    public string SubjectKind { get; set; } = string.Empty;

    /// <summary>The device's serial number or the site's name.</summary>
    public string SubjectId { get; set; } = string.Empty;

    /// <summary>The day of the inspection.</summary>
    public LocalDate InspectedOn { get; set; }

    /// <summary>The checklist, engineer, results and signature as JSON.</summary>
    public string Document { get; set; } = string.Empty;
}
