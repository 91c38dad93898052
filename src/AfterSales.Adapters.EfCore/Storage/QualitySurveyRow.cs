namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// A work order's satisfaction survey (满意度调查行): one per work order, each item answered or null.
/// Written only by <see cref="EfCoreQualityRecordStore{TContext}"/>; hosts may read it for reports.
/// </summary>
public sealed class QualitySurveyRow
{
    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The work order surveyed.</summary>
    public string WorkOrderId { get; set; } = string.Empty;

    /// <summary>The day of the answer.</summary>
    public LocalDate AnsweredOn { get; set; }

    /// <summary>The engineer's skill, 1–5, or null.</summary>
    public int? Skill { get; set; }

    /// <summary>The engineer's attitude, 1–5, or null.</summary>
    public int? Attitude { get; set; }

    /// <summary>Timeliness, 1–5, or null.</summary>
    public int? Timeliness { get; set; }

    /// <summary>Suggestions; empty when none.</summary>
    public string Suggestions { get; set; } = string.Empty;
}
