using AfterSales.Internal;
using AfterSales.Sla;

namespace AfterSales.Events;

/// <summary>
/// Which warning, breach and escalation thresholds of a work order's clocks have been crossed (时限预警判定): a pure
/// function of evaluated clocks, so the watcher and every save decide alike, on any node.
/// </summary>
/// <remarks>
/// <para><b>Reached.</b> A warning or an escalation level is reached once its instant is not after the
/// clock's end (its stop, or the evaluation instant; a level after the due instant only by a clock that
/// breached); the breach once the clock is overdue (breached, or met late: a clock that breached and then
/// stopped still breached); a late stop once it is met late. A not-started or waived clock has reached nothing.</para>
/// <para><b>Newly.</b> The thresholds reached in the clocks <i>after</i> a change (or a wait) that were
/// not reached <i>before</i> it, by <see cref="ClockThreshold.Key"/>. A threshold reached, unreached
/// by a reclassification downward, and reached again is still one threshold: its event id is the
/// same, and the outbox keeps one.</para>
/// <para><b>Next.</b> The next instant at which a running clock reaches something: an unreached
/// warning's or escalation level's instant, or its due instant (breached only strictly after it); for a
/// breached clock not stopped, its next escalation level (while it waits for the customer, only one in
/// elapsed time). Paused clocks reach
/// nothing until resumed (a save). Evaluated at any instant later than it, the clocks have reached it.</para>
/// </remarks>
public static class ClockAlerts
{
    /// <summary>The thresholds <paramref name="clocks"/> have reached, in clock order.</summary>
    public static IReadOnlyList<ClockThreshold> Reached(IReadOnlyList<SlaClock> clocks)
    {
        Guard.NotNull(clocks);
        List<ClockThreshold>? reached = null;
        foreach (var clock in clocks)
        {
            if (clock.Status is SlaClockStatus.NotStarted or SlaClockStatus.Waived || clock.DueAt is not { } due)
            {
                continue;
            }

            foreach (var warning in clock.Warnings)
            {
                if (warning.IsReached)
                {
                    (reached ??= []).Add(new ClockThreshold(clock, ClockThresholdKind.Warning, warning.Percent, warning.At));
                }
            }

            if (clock.IsOverdue)
            {
                (reached ??= []).Add(new ClockThreshold(clock, ClockThresholdKind.Breach, 100, due));
            }

            if (clock.Status == SlaClockStatus.MetLate)
            {
                (reached ??= []).Add(new ClockThreshold(clock, ClockThresholdKind.MetLate, 100, clock.StoppedAt!.Value));
            }

            foreach (var escalation in clock.Escalations)
            {
                if (escalation.IsReached)
                {
                    (reached ??= []).Add(new ClockThreshold(clock, escalation));
                }
            }
        }

        return reached ?? (IReadOnlyList<ClockThreshold>)[];
    }

    /// <summary>
    /// The clocks that became provisional (<see cref="SlaClock.IsProvisional"/>: counted over a calendar year
    /// without data) between <paramref name="before"/> and <paramref name="after"/>, and those that stopped
    /// being provisional (confirmed: the data was adopted), by metric and cycle. A clock becomes provisional
    /// once and is confirmed once (their event ids are fixed by metric and cycle).
    /// </summary>
    public static IReadOnlyList<ClockThreshold> ProvisionalChanges(IReadOnlyList<SlaClock> before, IReadOnlyList<SlaClock> after)
    {
        Guard.NotNull(before);
        Guard.NotNull(after);
        var was = before.Where(static c => c.IsProvisional).Select(static c => ClockThreshold.ClockKey(c)).ToHashSet(StringComparer.Ordinal);
        List<ClockThreshold>? changes = null;
        foreach (var clock in after)
        {
            if (clock.DueAt is not { } due)
            {
                continue;
            }

            var key = ClockThreshold.ClockKey(clock);
            if (clock.IsProvisional && !was.Contains(key))
            {
                (changes ??= []).Add(new ClockThreshold(clock, ClockThresholdKind.Provisional, 100, due));
            }
            else if (!clock.IsProvisional && was.Contains(key))
            {
                (changes ??= []).Add(new ClockThreshold(clock, ClockThresholdKind.Confirmed, 100, due));
            }
        }

        return changes ?? (IReadOnlyList<ClockThreshold>)[];
    }

    /// <summary>The thresholds <paramref name="after"/> has reached that <paramref name="before"/> had not (see the remarks).</summary>
    /// <remarks>When the strictest of a metric's targets changed between the two evaluations (a paused
    /// target's moving due instant passed a running one's), a threshold of the new target is reported at its
    /// own instant, which may precede the change: two evaluations do not hold the change's instant. The
    /// watcher and saves use the overload that is given the history and finds it.</remarks>
    /// <param name="before">The clocks before: of the previous version at its last instant, or of the same history at the last evaluation; empty for a new ticket.</param>
    /// <param name="after">The clocks now.</param>
    public static IReadOnlyList<ClockThreshold> Newly(IReadOnlyList<SlaClock> before, IReadOnlyList<SlaClock> after)
    {
        Guard.NotNull(before);
        var reached = Reached(after);
        if (reached.Count == 0)
        {
            return reached;
        }

        var known = Reached(before);
        if (known.Count == 0)
        {
            return reached;
        }

        var keys = known.Select(static t => t.Key).ToHashSet(StringComparer.Ordinal);
        return [.. reached.Where(t => !keys.Contains(t.Key))];
    }

    /// <summary>
    /// <see cref="Newly(IReadOnlyList{SlaClock}, IReadOnlyList{SlaClock})"/> with the exact instant where a clock's
    /// strictest target changed between <paramref name="since"/> and <paramref name="now"/>: such a threshold was
    /// reached when the clocks first showed it, which may be later than the new target's own instant, and is found
    /// on <paramref name="clocksAt"/> (the same history evaluated at any instant) by halving the interval.
    /// </summary>
    internal static IReadOnlyList<ClockThreshold> Newly(
        IReadOnlyList<SlaClock> before, IReadOnlyList<SlaClock> after, Instant since, Instant now, Func<Instant, IReadOnlyList<SlaClock>> clocksAt)
    {
        var found = Newly(before, after);
        if (found.Count == 0 || before.Count == 0)
        {
            return found;
        }

        var targets = new Dictionary<string, SlaTarget>(StringComparer.Ordinal);
        foreach (var clock in before)
        {
            targets.TryAdd(ClockThreshold.ClockKey(clock), clock.Target);
        }

        List<ClockThreshold>? exact = null;
        for (var i = 0; i < found.Count; i++)
        {
            var threshold = found[i];
            if (!targets.TryGetValue(ClockThreshold.ClockKey(threshold.Clock), out var was) || ReferenceEquals(was, threshold.Clock.Target))
            {
                continue;
            }

            // Not reached at since (it is newly), reached at now: halve to the first instant the clocks show it. A breach
            // is reached strictly after its instant, so it is reported an instant before.
            var (lo, hi) = (since, now);
            while (hi - lo > Duration.Epsilon)
            {
                var mid = lo + Duration.FromNanoseconds((hi - lo).ToInt64Nanoseconds() / 2);
                if (Reached(clocksAt(mid)).Any(t => t.Key == threshold.Key))
                {
                    hi = mid;
                }
                else
                {
                    lo = mid;
                }
            }

            var at = threshold.Kind == ClockThresholdKind.Breach ? hi - Duration.Epsilon : hi;
            if (at != threshold.At)
            {
                (exact ??= [.. found])[i] = threshold.WithAt(at);
            }
        }

        return exact ?? found;
    }

    /// <summary>
    /// The next instant at which the clocks of <paramref name="timeline"/> under <paramref name="policy"/>
    /// may reach a threshold by time alone (no new fact): an unreached warning or escalation level of a
    /// running clock, a running clock's due instant (breached only strictly after it), a breached open
    /// clock's next escalation level, or the instant a paused clock's
    /// moving due instant passes the due instant of another target's running clock for the same metric,
    /// which then becomes the strictest; <see langword="null"/> when nothing can change without a new fact.
    /// Nothing is reached between <paramref name="now"/> and it that was not reached at <paramref name="now"/>.
    /// </summary>
    /// <remarks>Two paused targets of one metric on different calendars that swap order while paused are
    /// noticed at the next save or visit; the presets have none.</remarks>
    public static Instant? Next(SlaPolicy policy, Sla.Timeline.TicketTimeline timeline, Instant now) =>
        Next([SlaTerms.Of(Guard.NotNull(policy))], timeline, now);

    /// <summary><see cref="Next(SlaPolicy, Sla.Timeline.TicketTimeline, Instant)"/> under the terms a work order adopted over time.</summary>
    public static Instant? Next(IReadOnlyList<SlaTerms> terms, Sla.Timeline.TicketTimeline timeline, Instant now)
    {
        var (clocks, candidates) = SlaEvaluator.EvaluateWithCandidates(Guard.NotNull(terms), Guard.NotNull(timeline), now, explain: false);
        return Next(clocks, candidates, now);
    }

    /// <summary><see cref="Next(SlaPolicy, Sla.Timeline.TicketTimeline, Instant)"/> from an evaluation with its candidates.</summary>
    internal static Instant? Next(IReadOnlyList<SlaClock> clocks, IReadOnlyList<IReadOnlyList<SlaClock>> candidates, Instant now)
    {
        Instant? next = null;
        for (var i = 0; i < clocks.Count; i++)
        {
            var clock = clocks[i];
            Instant? at = clock.Status switch
            {
                SlaClockStatus.Running => NextOfRunning(clock),
                SlaClockStatus.Paused => SwitchOfPaused(clock, candidates[i], now),
                SlaClockStatus.Breached when clock.StoppedAt is null => NextEscalation(clock, null),
                _ => null,
            };
            if (at is { } a && (next is null || a < next))
            {
                next = a;
            }
        }

        return next;
    }

    private static Instant? NextOfRunning(SlaClock clock)
    {
        if (clock.DueAt is not { } due)
        {
            return null;
        }

        var at = due;
        foreach (var warning in clock.Warnings)
        {
            if (!warning.IsReached && warning.At < at)
            {
                at = warning.At;
            }
        }

        return NextEscalation(clock, at);
    }

    /// <summary>
    /// The earlier of <paramref name="next"/> and the clock's first escalation level not yet reached. While a
    /// breached clock waits for the customer, only its levels in elapsed time from the (fixed) due instant
    /// fall due; the others walk business time with the pause and move later until a save resumes it.
    /// </summary>
    private static Instant? NextEscalation(SlaClock clock, Instant? next)
    {
        foreach (var escalation in clock.Escalations)
        {
            if (!escalation.IsReached && (next is null || escalation.At < next) && (!clock.IsWaiting || escalation.IsFixedWhileWaiting))
            {
                next = escalation.At;
            }
        }

        return next;
    }

    /// <summary>
    /// While paused, a clock's due instant ("if work resumed now") moves later; the first instant it reaches
    /// the (fixed) due instant of a rival for the same metric that is not paused, the rival is the strictest.
    /// </summary>
    private static Instant? SwitchOfPaused(SlaClock paused, IReadOnlyList<SlaClock> candidates, Instant now)
    {
        Instant? rival = null;
        foreach (var c in candidates)
        {
            // Any rival whose due instant is fixed: running, or stopped (met, late, breached) or waived while
            // not in the open pause itself — a waived rival with an earlier due instant is the "strictest" too.
            if (!ReferenceEquals(c.Target, paused.Target) && c.Status is not (SlaClockStatus.Paused or SlaClockStatus.NotStarted) && !c.IsWaiting
                && c.DueAt is { } d && (rival is null || d < rival))
            {
                rival = d;
            }
        }

        if (rival is not { } target || paused.DueAt is not { } shown || shown >= target)
        {
            return rival is { } r && paused.DueAt >= r ? now : null;
        }

        // The due instant if work resumed at t is Add(t, remaining): monotone in t, so search for the first t reaching the rival's.
        var calendar = paused.Target.Calendar;
        var remaining = paused.Remaining;
        var lo = now;
        var hi = target;
        while (hi - lo > Duration.Epsilon)
        {
            var mid = lo + Duration.FromNanoseconds((hi - lo).ToInt64Nanoseconds() / 2);
            if (calendar.Add(mid, remaining) >= target)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return hi;
    }
}
