namespace AfterSales.Quality.Inspections;

/// <summary>Where an inspection window stands on a given day.</summary>
public enum InspectionStatus
{
    /// <summary>The window is open and no record counts yet (待巡检).</summary>
    Open,

    /// <summary>A complete, signed record falls within the window (已巡检).</summary>
    Done,

    /// <summary>The due date passed without a complete, signed record (逾期).</summary>
    Overdue,
}
