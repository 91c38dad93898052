namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// An inspection plan (巡检计划行): the plan as a JSON document (checklist, schedule, subjects) and its
/// version, the optimistic-concurrency token. Written only by <see cref="EfCoreInspectionStore{TContext}"/>.
/// </summary>
public sealed class InspectionPlanRow
{
    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The plan's code.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>The plan as JSON.</summary>
    public string Document { get; set; } = string.Empty;

    /// <summary>The number of saves.</summary>
    public int Version { get; set; }
}
