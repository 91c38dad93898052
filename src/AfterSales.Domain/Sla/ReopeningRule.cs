namespace AfterSales.Sla;

/// <summary>What re-opening a work order after a recurrence (R-WO-4) does to the clocks of metrics that <see cref="SlaMetric.RestartsOnReopen">restart</see>.</summary>
public enum ReopeningRule
{
    /// <summary>A new cycle (the default, and 0.1's rule): each restarting metric gets a new clock anchored at the re-opening.</summary>
    NewCycle = 0,

    /// <summary>
    /// The same clock continues: the first cycle's clock counts on from the re-opening, the time between
    /// its stop and the re-opening (the order was fixed) excluded, and stops at the last cycle's stop.
    /// </summary>
    ContinueClock = 1,
}
