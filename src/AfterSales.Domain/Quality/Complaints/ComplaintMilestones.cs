using AfterSales.Sla;

namespace AfterSales.Quality.Complaints;

/// <summary>
/// The milestones of a complaint's life (投诉处理节点) that its clocks stop on. The complaint is
/// filed (受理投诉) at the timeline's <see cref="Milestone.Reported"/> instant.
/// </summary>
public static class ComplaintMilestones
{
    /// <summary>The complaint desk gave the customer its first reply (首次答复).</summary>
    public static Milestone FirstReplied { get; } = new("complaint-first-reply", "首次答复", "first reply to the complaint");

    /// <summary>The complaint was checked with the engineer concerned (向被投诉工程师核实).</summary>
    public static Milestone VerifiedWithEngineer { get; } = new("complaint-verified", "向被投诉工程师核实", "verification with the engineer");

    /// <summary>The formal written answer (and apology, where due) was given (正式书面答复).</summary>
    public static Milestone FormallyAnswered { get; } = new("complaint-formal-answer", "正式书面答复", "formal written answer");

    /// <summary>The complaint was closed (结案): solved and the customer satisfied (R-CP-4).</summary>
    public static Milestone Closed { get; } = new("complaint-closed", "结案", "complaint closed");
}
