namespace AfterSales.Sla.Timeline;

/// <summary>One timestamped fact of a <see cref="TicketTimeline"/>. Immutable.</summary>
public sealed class TimelineEntry
{
    internal TimelineEntry(TimelineEntryKind kind, Instant at, Milestone? milestone = null, string? severityCode = null, string? reason = null)
    {
        Kind = kind;
        At = at;
        Milestone = milestone;
        SeverityCode = severityCode;
        Reason = reason;
    }

    /// <summary>What happened.</summary>
    public TimelineEntryKind Kind { get; }

    /// <summary>When it happened.</summary>
    public Instant At { get; }

    /// <summary>The milestone reached, for <see cref="TimelineEntryKind.MilestoneReached"/>.</summary>
    public Milestone? Milestone { get; }

    /// <summary>The new severity code, for <see cref="TimelineEntryKind.SeverityChanged"/>.</summary>
    public string? SeverityCode { get; }

    /// <summary>Why work paused, for <see cref="TimelineEntryKind.PauseStarted"/>.</summary>
    public string? Reason { get; }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        TimelineEntryKind.MilestoneReached => $"{At} {Milestone}",
        TimelineEntryKind.SeverityChanged => $"{At} severity → {SeverityCode}",
        TimelineEntryKind.PauseStarted => $"{At} paused ({Reason})",
        _ => $"{At} {Kind}",
    };
}
