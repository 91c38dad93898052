using AfterSales.Sla;

namespace AfterSales.Quality.Complaints;

/// <summary>
/// The metrics of a complaint's clocks (投诉处理时限). They are ordinary <see cref="SlaMetric"/>
/// values, so the SLA core (<see cref="SlaEvaluator"/>) computes complaint clocks exactly as it
/// computes work-order clocks. None restarts: a complaint is not re-opened.
/// </summary>
public static class ComplaintMetrics
{
    /// <summary>First reply (首次答复时限), stopped by <see cref="ComplaintMilestones.FirstReplied"/>.</summary>
    public static SlaMetric FirstReply { get; } =
        new("complaint-first-reply", "投诉首次答复时限", "complaint first reply", ComplaintMilestones.FirstReplied, restartsOnReopen: false);

    /// <summary>Verification with the engineer (核实时限), stopped by <see cref="ComplaintMilestones.VerifiedWithEngineer"/>.</summary>
    public static SlaMetric Verification { get; } =
        new("complaint-verification", "投诉核实时限", "complaint verification", ComplaintMilestones.VerifiedWithEngineer, restartsOnReopen: false);

    /// <summary>Formal written answer (正式答复时限), stopped by <see cref="ComplaintMilestones.FormallyAnswered"/>.</summary>
    public static SlaMetric FormalAnswer { get; } =
        new("complaint-formal-answer", "投诉正式答复时限", "complaint formal answer", ComplaintMilestones.FormallyAnswered, restartsOnReopen: false);

    /// <summary>
    /// Closing (结案时限), stopped by <see cref="ComplaintMilestones.Closed"/>: a complaint closes only
    /// when solved and the customer is satisfied, so this clock runs until then (R-CP-4).
    /// </summary>
    public static SlaMetric Closing { get; } =
        new("complaint-closing", "投诉结案时限", "complaint closing", ComplaintMilestones.Closed, restartsOnReopen: false);
}
