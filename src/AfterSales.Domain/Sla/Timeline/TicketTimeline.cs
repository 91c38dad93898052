using AfterSales.Internal;

namespace AfterSales.Sla.Timeline;

/// <summary>
/// The facts of one work order that SLA clocks are computed from: when and how it was reported,
/// the site, the severity, when the fault occurred (if known), and the timestamped milestones,
/// reclassifications, pauses and re-openings that followed (R-WO-3).
/// </summary>
/// <remarks>
/// <para>Immutable: every <c>Reached</c>, <c>Reclassified</c>, <c>Paused</c>, <c>Resumed</c> and
/// <c>Reopened</c> returns a new timeline. Facts must be appended in time order (equal instants
/// are fine and keep their order); a fact that contradicts the timeline — a pause while paused, a
/// resume while running, an instant earlier than the last fact — is rejected with an
/// <see cref="ArgumentException"/>, and the timeline is left as it was.</para>
/// <para>The work-order aggregate builds its timeline from its events; integrators may build one
/// directly to evaluate SLA clocks without the workflow.</para>
/// </remarks>
public sealed class TicketTimeline
{
    private readonly AppendOnlyList<TimelineEntry> entries;

    private TicketTimeline(
        Instant reportedAt,
        string severityCode,
        ReportChannel channel,
        ServiceSite site,
        Instant? faultOccurredAt,
        AppendOnlyList<TimelineEntry> entries)
    {
        ReportedAt = reportedAt;
        InitialSeverityCode = severityCode;
        Channel = channel;
        Site = site;
        FaultOccurredAt = faultOccurredAt;
        this.entries = entries;
    }

    /// <summary>Starts the timeline of a newly reported fault.</summary>
    /// <param name="reportedAt">When the fault was reported.</param>
    /// <param name="severityCode">The severity code at report, a code of the policy's scale.</param>
    /// <param name="channel">How it was reported.</param>
    /// <param name="site">Where the device is.</param>
    /// <param name="faultOccurredAt">When the fault occurred, if known; not after <paramref name="reportedAt"/>.</param>
    /// <exception cref="ArgumentException">The severity is blank or the fault time is after the report.</exception>
    public static TicketTimeline Open(
        Instant reportedAt,
        string severityCode,
        ReportChannel channel,
        ServiceSite site,
        Instant? faultOccurredAt = null)
    {
        Guard.NotBlank(severityCode);
        if (faultOccurredAt > reportedAt)
        {
            throw new ArgumentException(
                $"faultOccurredAt ({faultOccurredAt}) must not be after reportedAt ({reportedAt}).",
                nameof(faultOccurredAt));
        }

        return new TicketTimeline(reportedAt, severityCode, channel, site, faultOccurredAt, AppendOnlyList<TimelineEntry>.Empty);
    }

    /// <summary>When the fault was reported (the work order opened).</summary>
    public Instant ReportedAt { get; }

    /// <summary>The severity code given at report.</summary>
    public string InitialSeverityCode { get; }

    /// <summary>The report channel.</summary>
    public ReportChannel Channel { get; }

    /// <summary>The site.</summary>
    public ServiceSite Site { get; }

    /// <summary>When the fault occurred, if known.</summary>
    public Instant? FaultOccurredAt { get; }

    /// <summary>The facts after the report, in time order.</summary>
    public IReadOnlyList<TimelineEntry> Entries => entries;

    /// <summary>The severity code now: the last reclassification's, or the initial one.</summary>
    public string CurrentSeverityCode => SeverityCodeBefore(entries.Count);

    /// <summary>Whether the last pause has not ended.</summary>
    public bool IsPaused => OpenPauseIndex(entries.Count) >= 0;

    /// <summary>The instant of the last fact, or the report when there is none.</summary>
    public Instant LastAt => entries.Count == 0 ? ReportedAt : entries[entries.Count - 1].At;

    /// <summary>Records that <paramref name="milestone"/> was reached at <paramref name="at"/>.</summary>
    /// <exception cref="ArgumentException">The milestone is the report or the fault's occurrence (they are part of
    /// <see cref="Open"/>), or <paramref name="at"/> is earlier than the last fact.</exception>
    public TicketTimeline Reached(Milestone milestone, Instant at)
    {
        Guard.NotNull(milestone);
        if (milestone.Equals(Milestone.Reported) || milestone.Equals(Milestone.FaultOccurred))
        {
            throw new ArgumentException(
                $"milestone '{milestone.Code}' is given when the timeline is opened, not appended.",
                nameof(milestone));
        }

        return Append(new TimelineEntry(TimelineEntryKind.MilestoneReached, at, milestone: milestone), nameof(at));
    }

    /// <summary>Records that the severity was changed to <paramref name="severityCode"/> at <paramref name="at"/>.</summary>
    /// <exception cref="ArgumentException">The code is blank or equals the current one, or <paramref name="at"/> is too early.</exception>
    public TicketTimeline Reclassified(string severityCode, Instant at)
    {
        Guard.NotBlank(severityCode);
        if (string.Equals(severityCode, CurrentSeverityCode, StringComparison.Ordinal))
        {
            throw new ArgumentException($"severityCode '{severityCode}' is already the current severity.", nameof(severityCode));
        }

        return Append(new TimelineEntry(TimelineEntryKind.SeverityChanged, at, severityCode: severityCode), nameof(at));
    }

    /// <summary>Records that work paused at <paramref name="at"/> waiting for the customer (<see cref="PauseReason.WaitingForCustomer"/>).</summary>
    /// <param name="at">When.</param>
    /// <param name="reason">What the customer must do or provide, in words.</param>
    /// <exception cref="ArgumentException">Already paused, or <paramref name="at"/> is too early.</exception>
    public TicketTimeline Paused(Instant at, string reason = "waiting for customer") => Paused(at, PauseReason.WaitingForCustomer, reason);

    /// <summary>Records that work paused at <paramref name="at"/> for <paramref name="pauseReason"/>; the targets that pause for it stop counting.</summary>
    /// <param name="at">When.</param>
    /// <param name="pauseReason">Why, as data (<see cref="PauseReason"/>).</param>
    /// <param name="note">Why, in words.</param>
    /// <exception cref="ArgumentException">Already paused, a blank note, or <paramref name="at"/> is too early.</exception>
    public TicketTimeline Paused(Instant at, PauseReason pauseReason, string note)
    {
        Guard.NotNull(pauseReason);
        Guard.NotBlank(note);
        if (IsPaused)
        {
            throw new ArgumentException("at: the timeline is already paused; resume it before pausing again.", nameof(at));
        }

        return Append(new TimelineEntry(TimelineEntryKind.PauseStarted, at, reason: note, pauseReason: pauseReason), nameof(at));
    }

    /// <summary>
    /// Records that the due instant of <paramref name="metric"/>'s clock in the current cycle was agreed
    /// with the customer at <paramref name="at"/> (协商时限, R-SLA-3): from then on the clock is due at
    /// <paramref name="dueAt"/> — never earlier than the policy's own deadline unless the policy allows it
    /// (<see cref="SlaPolicy.NegotiatedDueDates"/>). A later agreement replaces an earlier one.
    /// </summary>
    /// <param name="metric">The metric whose clock moves.</param>
    /// <param name="dueAt">The agreed due instant; after <paramref name="at"/>.</param>
    /// <param name="at">When it was agreed.</param>
    /// <param name="reason">Why, in words.</param>
    /// <param name="agreedBy">Who agreed it (the actor).</param>
    /// <exception cref="ArgumentException">A blank reason or actor, a due instant not after <paramref name="at"/>, or <paramref name="at"/> is too early.</exception>
    public TicketTimeline DueDateNegotiated(SlaMetric metric, Instant dueAt, Instant at, string reason, string agreedBy)
    {
        Guard.NotNull(metric);
        Guard.NotBlank(reason);
        Guard.NotBlank(agreedBy);
        if (dueAt <= at)
        {
            throw new ArgumentException($"dueAt ({dueAt}) must be after the agreement ({at}).", nameof(dueAt));
        }

        return Append(new TimelineEntry(TimelineEntryKind.DueDateNegotiated, at, reason: reason, metric: metric, dueAt: dueAt, agreedBy: agreedBy), nameof(at));
    }

    /// <summary>Records that work resumed at <paramref name="at"/>.</summary>
    /// <exception cref="ArgumentException">Not paused, or <paramref name="at"/> is too early.</exception>
    public TicketTimeline Resumed(Instant at)
    {
        if (!IsPaused)
        {
            throw new ArgumentException("at: the timeline is not paused, so it cannot resume.", nameof(at));
        }

        return Append(new TimelineEntry(TimelineEntryKind.PauseEnded, at), nameof(at));
    }

    /// <summary>Records that the fault recurred and the order was re-opened at <paramref name="at"/> (R-WO-4).</summary>
    /// <exception cref="ArgumentException"><paramref name="at"/> is too early.</exception>
    public TicketTimeline Reopened(Instant at) => Append(new TimelineEntry(TimelineEntryKind.Reopened, at), nameof(at));

    /// <summary>The timeline as it stood with its first <paramref name="count"/> entries (an earlier version of the same ticket).</summary>
    internal TicketTimeline Prefix(int count) =>
        count >= entries.Count ? this : new TicketTimeline(ReportedAt, InitialSeverityCode, Channel, Site, FaultOccurredAt, entries.Take(count));

    /// <summary>The severity code in force before entry <paramref name="index"/>.</summary>
    internal string SeverityCodeBefore(int index)
    {
        var items = entries.AsSpan();
        for (var i = Math.Min(index, items.Length) - 1; i >= 0; i--)
        {
            if (items[i].Kind == TimelineEntryKind.SeverityChanged)
            {
                return items[i].SeverityCode!;
            }
        }

        return InitialSeverityCode;
    }

    /// <summary>The index of the pause still open before entry <paramref name="count"/>, or -1.</summary>
    internal int OpenPauseIndex(int count)
    {
        var items = entries.AsSpan();
        for (var i = Math.Min(count, items.Length) - 1; i >= 0; i--)
        {
            switch (items[i].Kind)
            {
                case TimelineEntryKind.PauseStarted:
                    return i;
                case TimelineEntryKind.PauseEnded:
                    return -1;
            }
        }

        return -1;
    }

    private TicketTimeline Append(TimelineEntry entry, string atName)
    {
        if (entry.At < LastAt)
        {
            throw new ArgumentException(
                $"at ({entry.At}) must not be earlier than the timeline's last fact ({LastAt}); facts are appended in time order.",
                atName);
        }

        return new TicketTimeline(ReportedAt, InitialSeverityCode, Channel, Site, FaultOccurredAt, entries.Add(entry));
    }
}
