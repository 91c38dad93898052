namespace AfterSales.Sla.Timeline;

/// <summary>The kinds of fact a <see cref="TicketTimeline"/> records.</summary>
public enum TimelineEntryKind
{
    /// <summary>A milestone was reached (responded, arrived on site, restored …).</summary>
    MilestoneReached,

    /// <summary>The ticket's severity was changed (reclassified, R-SEV-2).</summary>
    SeverityChanged,

    /// <summary>Work paused, for a <see cref="Sla.PauseReason"/> (waiting for the customer by default).</summary>
    PauseStarted,

    /// <summary>Work resumed after a pause.</summary>
    PauseEnded,

    /// <summary>The fault recurred during observation and the order was re-opened (R-WO-4).</summary>
    Reopened,

    /// <summary>A target's due instant was agreed with the customer (协商时限, R-SLA-3): carries the metric, the due instant, the reason and who agreed.</summary>
    DueDateNegotiated,
}
