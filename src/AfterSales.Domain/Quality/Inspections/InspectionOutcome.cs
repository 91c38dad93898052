namespace AfterSales.Quality.Inspections;

/// <summary>The result of one checklist item (检查结果).</summary>
public enum InspectionOutcome
{
    /// <summary>Normal (正常).</summary>
    Ok,

    /// <summary>A problem found and fixed on the spot (现场处理).</summary>
    FixedOnSite,

    /// <summary>A fault found that needs a work order (故障).</summary>
    Fault,

    /// <summary>Not applicable to this device (不适用).</summary>
    NotApplicable,
}
