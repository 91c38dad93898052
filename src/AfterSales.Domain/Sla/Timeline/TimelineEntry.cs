namespace AfterSales.Sla.Timeline;

/// <summary>One timestamped fact of a <see cref="TicketTimeline"/>. Immutable.</summary>
public sealed class TimelineEntry
{
    internal TimelineEntry(
        TimelineEntryKind kind,
        Instant at,
        Milestone? milestone = null,
        string? severityCode = null,
        string? reason = null,
        PauseReason? pauseReason = null,
        SlaMetric? metric = null,
        Instant? dueAt = null,
        string? agreedBy = null)
    {
        Kind = kind;
        At = at;
        Milestone = milestone;
        SeverityCode = severityCode;
        Reason = reason;
        PauseReason = pauseReason;
        Metric = metric;
        DueAt = dueAt;
        AgreedBy = agreedBy;
    }

    /// <summary>What happened.</summary>
    public TimelineEntryKind Kind { get; }

    /// <summary>When it happened.</summary>
    public Instant At { get; }

    /// <summary>The milestone reached, for <see cref="TimelineEntryKind.MilestoneReached"/>.</summary>
    public Milestone? Milestone { get; }

    /// <summary>The new severity code, for <see cref="TimelineEntryKind.SeverityChanged"/>.</summary>
    public string? SeverityCode { get; }

    /// <summary>Why, in words: what the customer must do for <see cref="TimelineEntryKind.PauseStarted"/>, the agreement's reason for <see cref="TimelineEntryKind.DueDateNegotiated"/>.</summary>
    public string? Reason { get; }

    /// <summary>The typed reason of a <see cref="TimelineEntryKind.PauseStarted"/> (<see cref="PauseReason.WaitingForCustomer"/> unless another was given).</summary>
    public PauseReason? PauseReason { get; }

    /// <summary>The metric whose due instant was agreed, for <see cref="TimelineEntryKind.DueDateNegotiated"/>.</summary>
    public SlaMetric? Metric { get; }

    /// <summary>The agreed due instant, for <see cref="TimelineEntryKind.DueDateNegotiated"/>.</summary>
    public Instant? DueAt { get; }

    /// <summary>Who agreed it (the actor), for <see cref="TimelineEntryKind.DueDateNegotiated"/>.</summary>
    public string? AgreedBy { get; }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        TimelineEntryKind.MilestoneReached => $"{At} {Milestone}",
        TimelineEntryKind.SeverityChanged => $"{At} severity → {SeverityCode}",
        TimelineEntryKind.PauseStarted => $"{At} paused, {PauseReason} ({Reason})",
        TimelineEntryKind.DueDateNegotiated => $"{At} {Metric} due {DueAt} as agreed by {AgreedBy} ({Reason})",
        _ => $"{At} {Kind}",
    };
}
