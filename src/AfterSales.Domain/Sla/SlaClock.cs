namespace AfterSales.Sla;

/// <summary>
/// The state of one SLA target for one work order at one instant: its status, due and warning
/// instants, elapsed and remaining business time, and an explanation a person can read of how the
/// due instant was reached. Computed by <see cref="SlaEvaluator"/>; immutable.
/// </summary>
public sealed class SlaClock
{
    internal SlaClock(
        SlaTarget target,
        int cycle,
        string severityCode,
        SlaClockStatus status,
        Instant? startedAt,
        Instant? dueAt,
        Instant? stoppedAt,
        Duration allowed,
        Duration elapsed,
        Duration pausedBusinessTime,
        IReadOnlyList<SlaWarning> warnings,
        IReadOnlyList<string> explanation,
        ClockBasis basis,
        IReadOnlyList<SlaEscalation>? escalations = null,
        ClockExtras? extras = null)
    {
        Extras = extras ?? ClockExtras.None;
        Escalations = escalations ?? [];
        PolicyKey = basis.PolicyKey;
        CalendarKey = basis.CalendarKey;
        IsProvisional = basis.IsProvisional;
        StoppedBy = basis.StoppedBy;
        Target = target;
        Cycle = cycle;
        SeverityCode = severityCode;
        Status = status;
        StartedAt = startedAt;
        DueAt = dueAt;
        StoppedAt = stoppedAt;
        Allowed = allowed;
        Elapsed = elapsed;
        PausedBusinessTime = pausedBusinessTime;
        Warnings = warnings;
        Explanation = explanation;
    }

    /// <summary>The key (<c>id@version</c>) of the SLA policy version the clock was computed with.</summary>
    public string PolicyKey { get; }

    /// <summary>The key (<c>id@version</c>) of the calendar version the clock was computed with.</summary>
    public string CalendarKey { get; }

    /// <summary>
    /// Whether the clock reached a year its calendar has no holiday data for and counted it as plain
    /// weeks: the due instant may move when the year's data is loaded (the explanation names the year).
    /// </summary>
    public bool IsProvisional { get; }

    /// <summary>
    /// The milestone that stopped the clock: the metric's own (<see cref="SlaMetric.StoppedBy"/>, the
    /// clock was met) or one that ended it (<see cref="SlaMetric.EndedBy"/>); <see langword="null"/> while not stopped.
    /// </summary>
    public Milestone? StoppedBy { get; }

    /// <summary>The metric measured.</summary>
    public SlaMetric Metric => Target.Metric;

    /// <summary>The target that applied (the strictest, when several did).</summary>
    public SlaTarget Target { get; }

    /// <summary>1 for the first cycle; 2, 3 … for the cycles after re-openings (R-WO-4).</summary>
    public int Cycle { get; }

    /// <summary>The severity whose target applies: at the stop for a stopped clock, the current one otherwise.</summary>
    public string SeverityCode { get; }

    /// <summary>The status at the evaluation instant.</summary>
    public SlaClockStatus Status { get; }

    /// <summary>When the clock started; <see langword="null"/> while <see cref="SlaClockStatus.NotStarted"/>.</summary>
    public Instant? StartedAt { get; }

    /// <summary>The due instant; while paused, the due instant if work resumed at the evaluation instant.
    /// <see langword="null"/> when the clock has not started.</summary>
    public Instant? DueAt { get; }

    /// <summary>When the stopping milestone was reached, if it was.</summary>
    public Instant? StoppedAt { get; }

    /// <summary>The business time the target allows (working days converted at the start).</summary>
    public Duration Allowed { get; }

    /// <summary>Business time counted so far (up to the stop, or the evaluation instant), pauses excluded.</summary>
    public Duration Elapsed { get; }

    /// <summary><see cref="Allowed"/> − <see cref="Elapsed"/>: negative once the clock is overdue.</summary>
    public Duration Remaining => Allowed - Elapsed;

    /// <summary>Business time that fell into pauses and did not count.</summary>
    public Duration PausedBusinessTime { get; }

    /// <summary>The warning thresholds with their instants.</summary>
    public IReadOnlyList<SlaWarning> Warnings { get; }

    /// <summary>The escalation levels as instants, in time order (stable keys for a deadline watcher).</summary>
    public IReadOnlyList<SlaEscalation> Escalations { get; }

    /// <summary>How the due instant and status were reached, one step per line.</summary>
    public IReadOnlyList<string> Explanation { get; }

    /// <summary>Whether the clock is breached or was met late — the order is then a legacy issue (遗留问题, R-WO-6).</summary>
    public bool IsOverdue => Status is SlaClockStatus.Breached or SlaClockStatus.MetLate;

    /// <summary>Whether the clock can still change on its own with time (running or paused).</summary>
    public bool IsOpen => Status is SlaClockStatus.Running or SlaClockStatus.Paused or SlaClockStatus.NotStarted;

    /// <summary>
    /// The next instant after <paramref name="now"/> at which this running clock crosses a warning
    /// threshold, an escalation level or its due instant, or a breached clock still open reaches an
    /// escalation level after its due instant; <see langword="null"/> when nothing is pending (stopped,
    /// paused, not started, or breached with no level to come). Stores index it to find due work.
    /// </summary>
    public Instant? NextDeadlineAfter(Instant now)
    {
        // A breached clock still has its escalation levels after the due instant to come.
        Instant? next = Status == SlaClockStatus.Running && DueAt > now ? DueAt : null;
        if (Status == SlaClockStatus.Running)
        {
            foreach (var warning in Warnings)
            {
                if (warning.At > now && (next is null || warning.At < next))
                {
                    next = warning.At;
                }
            }
        }

        if (Status is SlaClockStatus.Running or SlaClockStatus.Breached && StoppedAt is null)
        {
            foreach (var escalation in Escalations)
            {
                if (escalation.At > now && (next is null || escalation.At < next))
                {
                    next = escalation.At;
                }
            }
        }

        return next;
    }

    /// <summary>
    /// For a recurring metric (<see cref="SlaMetric.IsRecurring"/>), which occurrence this clock is: 1 for the
    /// first customer message that waited for an answer, 2 for the next …; <see langword="null"/> otherwise.
    /// </summary>
    public int? Occurrence => Extras.Occurrence;

    /// <summary>The paused business time by <see cref="PauseReason"/>, in the order the reasons first paused the clock; sums to <see cref="PausedBusinessTime"/> less any closed time of a continued clock.</summary>
    public IReadOnlyList<SlaPausedTime> PausedByReason => Extras.PausedByReason;

    /// <summary>The due instant agreed with the customer (协商时限) that applies to this clock, if any; <see cref="DueAt"/> is the policy's own deadline instead when the agreed one is earlier and the policy does not allow that.</summary>
    public Instant? AgreedDueAt => Extras.AgreedDueAt;

    /// <summary>The policy's own due instant, before any agreement with the customer; equal to <see cref="DueAt"/> when none applies.</summary>
    public Instant? PolicyDueAt => Extras.PolicyDueAt ?? DueAt;

    internal ClockExtras Extras { get; }

    internal ClockBasis Basis => new(PolicyKey, CalendarKey, IsProvisional, StoppedBy);

    /// <summary>The explanation on one line.</summary>
    public override string ToString() => $"{Metric} [{Status}] " + string.Join("; ", Explanation);
}

/// <summary>What issue 17 §3–§4 add to a clock: its occurrence, paused time by reason, the agreed due instant.</summary>
internal sealed record ClockExtras(int? Occurrence, IReadOnlyList<SlaPausedTime> PausedByReason, Instant? AgreedDueAt, Instant? PolicyDueAt)
{
    public static ClockExtras None { get; } = new(null, [], null, null);
}

/// <summary>What a clock was computed with, and how it stopped.</summary>
internal readonly record struct ClockBasis(string PolicyKey, string CalendarKey, bool IsProvisional, Milestone? StoppedBy);
