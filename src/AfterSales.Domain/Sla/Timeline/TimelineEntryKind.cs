namespace AfterSales.Sla.Timeline;

/// <summary>The kinds of fact a <see cref="TicketTimeline"/> records.</summary>
public enum TimelineEntryKind
{
    /// <summary>A milestone was reached (responded, arrived on site, restored …).</summary>
    MilestoneReached,

    /// <summary>The ticket's severity was changed (reclassified, R-SEV-2).</summary>
    SeverityChanged,

    /// <summary>Work paused: waiting for the customer.</summary>
    PauseStarted,

    /// <summary>Work resumed after waiting for the customer.</summary>
    PauseEnded,

    /// <summary>The fault recurred during observation and the order was re-opened (R-WO-4).</summary>
    Reopened,
}
