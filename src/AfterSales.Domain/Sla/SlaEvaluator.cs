using AfterSales.Calendars;
using AfterSales.Internal;
using AfterSales.Sla.Timeline;

namespace AfterSales.Sla;

/// <summary>
/// Computes a work order's SLA clocks: a pure function of (policy version, the calendars its
/// targets name, the ticket's timeline, now). Nothing is stored or read from a clock, so the same
/// inputs always give the same clocks, and replaying history gives what the live engine said.
/// </summary>
/// <remarks>
/// <para><b>Which target.</b> For each metric of the policy and each cycle, the targets that match
/// the ticket's severity, channel and site apply; when several do, the one with the earliest due
/// instant wins (the contract's strictest promise), and the explanation says so.</para>
/// <para><b>Pauses.</b> A target that pauses while waiting for the customer does not count the
/// business time between a pause and its resume; a pause outside business hours changes nothing.
/// While a pause is open, the due instant shown is where it would be if work resumed now.</para>
/// <para><b>Reclassification</b> (R-SEV-2). A clock that has stopped keeps the target of the
/// severity in force when it stopped: completed clocks never change. A clock still open uses the
/// target of the current severity, counted from its original start with the pauses it had: time
/// already elapsed and paused is kept, only the allowed amount changes. A reclassification upward
/// can therefore breach a clock at once — which is what the stricter promise means.</para>
/// <para><b>Re-opening</b> (R-WO-4). Each re-opening starts a new cycle for the metrics that
/// <see cref="SlaMetric.RestartsOnReopen">restart</see> (restoration, resolution, repair plan,
/// loaner), anchored at the re-opening; clocks of earlier cycles are left as they were. Metrics
/// that do not restart (response, arrival) keep their single first-cycle clock.</para>
/// <para><b>Ties.</b> A clock stopped exactly at its due instant is met; a clock is breached only
/// when the evaluation instant is strictly after its due instant.</para>
/// <para><b>As of now.</b> Facts recorded after <c>now</c> are ignored, so evaluating at an
/// earlier instant shows the clocks as they stood then.</para>
/// </remarks>
public static class SlaEvaluator
{
    /// <summary>Evaluates every clock of <paramref name="timeline"/> under <paramref name="policy"/> at <paramref name="now"/>.</summary>
    /// <returns>One clock per applicable metric and cycle, in the policy's metric order, cycles ascending.</returns>
    /// <exception cref="ArgumentException">The timeline uses a severity code that is not on the policy's scale.</exception>
    public static IReadOnlyList<SlaClock> Evaluate(SlaPolicy policy, TicketTimeline timeline, Instant now) =>
        Evaluate([SlaTerms.Of(Guard.NotNull(policy))], timeline, now);

    /// <summary>
    /// Evaluates every clock of <paramref name="timeline"/> at <paramref name="now"/> under the terms
    /// the work order adopted over time (SLA-ENGINES invariants 15, 16): a clock that stopped uses the
    /// terms in force when it stopped, so completed clocks never change; an open clock uses the latest
    /// terms in force at <paramref name="now"/>. Terms adopted after <paramref name="now"/> are ignored.
    /// </summary>
    /// <param name="terms">The terms, oldest first; the first is the report's (its <see cref="SlaTerms.EffectiveFrom"/> is ignored).</param>
    /// <param name="timeline">The work order's timeline.</param>
    /// <param name="now">The evaluation instant.</param>
    /// <returns>One clock per applicable metric and cycle: the latest policy's metrics in its order, then metrics only earlier versions had; cycles ascending.</returns>
    /// <exception cref="ArgumentException">No terms; or the timeline uses a severity code that is not on the latest policy's scale.</exception>
    public static IReadOnlyList<SlaClock> Evaluate(IReadOnlyList<SlaTerms> terms, TicketTimeline timeline, Instant now)
    {
        Guard.NotNull(terms);
        Guard.NotNull(timeline);
        if (terms.Count == 0)
        {
            throw new ArgumentException("terms must hold at least the terms of the report.", nameof(terms));
        }

        var entries = timeline.Entries;
        var count = 0;
        while (count < entries.Count && entries[count].At <= now)
        {
            count++;
        }

        var latest = TermsAt(terms, now);
        CheckSeverities(latest.Policy, timeline);
        var cycles = Cycles(timeline, count);
        var clocks = new List<SlaClock>();
        var metrics = latest.Policy.Metrics.ToList();
        foreach (var earlier in terms)
        {
            metrics.AddRange(earlier.Policy.Metrics.Where(m => !metrics.Contains(m)));
        }

        foreach (var metric in metrics)
        {
            for (var c = 0; c < cycles.Count; c++)
            {
                if (c > 0 && !metric.RestartsOnReopen)
                {
                    break;
                }

                var clock = EvaluateMetric(terms, latest, timeline, metric, cycles[c], c + 1, count, now);
                if (clock is not null)
                {
                    clocks.Add(clock);
                }
            }
        }

        return clocks;
    }

    /// <summary>
    /// The terms in force at <paramref name="at"/>: the last adopted at or before it — or, for a clock
    /// that stopped at <paramref name="at"/> (<paramref name="stopped"/>), strictly before it, so an
    /// adoption recorded at the very instant a clock stopped does not change that completed clock.
    /// </summary>
    private static SlaTerms TermsAt(IReadOnlyList<SlaTerms> terms, Instant at, bool stopped = false)
    {
        var found = terms[0];
        for (var i = 1; i < terms.Count; i++)
        {
            if (terms[i].EffectiveFrom is { } from && (from < at || (!stopped && from == at)))
            {
                found = terms[i];
            }
        }

        return found;
    }

    private readonly record struct Cycle(Instant Start, int FirstEntry, int EndEntry);

    private static List<Cycle> Cycles(TicketTimeline timeline, int count)
    {
        var cycles = new List<Cycle>();
        var start = timeline.ReportedAt;
        var first = 0;
        for (var i = 0; i < count; i++)
        {
            if (timeline.Entries[i].Kind == TimelineEntryKind.Reopened)
            {
                cycles.Add(new Cycle(start, first, i));
                start = timeline.Entries[i].At;
                first = i + 1;
            }
        }

        cycles.Add(new Cycle(start, first, count));
        return cycles;
    }

    private static SlaClock? EvaluateMetric(
        IReadOnlyList<SlaTerms> allTerms, SlaTerms latest, TicketTimeline timeline, SlaMetric metric, Cycle cycle, int cycleNumber, int count, Instant now)
    {
        var stopIndex = FindStop(timeline, metric, cycle.FirstEntry, cycle.EndEntry);

        // A stopped clock keeps the terms in force when it stopped; an open one takes the latest.
        var terms = stopIndex >= 0 ? TermsAt(allTerms, timeline.Entries[stopIndex].At, stopped: true) : latest;
        return EvaluateUnder(terms, timeline, metric, cycle, cycleNumber, stopIndex, count, now);
    }

    private static SlaClock? EvaluateUnder(
        SlaTerms terms, TicketTimeline timeline, SlaMetric metric, Cycle cycle, int cycleNumber, int stopIndex, int count, Instant now)
    {
        var policy = terms.Policy;
        var severity = timeline.SeverityCodeBefore(stopIndex >= 0 ? stopIndex : count);

        SlaClock? best = null;
        var applicable = 0;
        foreach (var target in policy.TargetsFor(metric, severity, timeline.Channel, timeline.Site))
        {
            applicable++;
            var clock = EvaluateTarget(terms, timeline, target, severity, cycle, cycleNumber, stopIndex, count, now);
            if (best is null || Earlier(clock, best))
            {
                best = clock;
            }
        }

        if (best is not null && applicable > 1)
        {
            var lines = best.Explanation.ToList();
            lines.Insert(1, $"strictest of {applicable} applicable targets");
            best = new SlaClock(best.Target, best.Cycle, best.SeverityCode, best.Status, best.StartedAt, best.DueAt,
                best.StoppedAt, best.Allowed, best.Elapsed, best.PausedBusinessTime, best.Warnings, lines, best.Basis);
        }

        return best;
    }

    /// <summary>The first entry of the cycle that stops the metric's clock: its own milestone, or one that ends it.</summary>
    private static int FindStop(TicketTimeline timeline, SlaMetric metric, int first, int end)
    {
        for (var i = first; i < end; i++)
        {
            var entry = timeline.Entries[i];
            if (entry.Kind == TimelineEntryKind.MilestoneReached && entry.Milestone is { } m
                && (metric.StoppedBy.Equals(m) || metric.EndedBy.Contains(m)))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Earlier(SlaClock candidate, SlaClock best) =>
        (candidate.DueAt, best.DueAt) switch
        {
            ({ } c, { } b) => c < b,
            ({ }, null) => true,
            _ => false,
        };

    private static SlaClock EvaluateTarget(
        SlaTerms terms, TicketTimeline timeline, SlaTarget target, string severity, Cycle cycle, int cycleNumber, int stopIndex, int count, Instant now)
    {
        var calendar = terms.CalendarFor(target);
        var text = new ExplanationWriter(calendar.Zone);
        text.Line($"{target.Metric} ({target.Metric.NameZh}) within {target.Amount} on {calendar.Name}, severity {severity}"
            + (target.Conditions.IsAny ? "" : $", {target.Conditions}")
            + (target.Description.Length > 0 ? $" — {target.Description}" : ""));

        Instant? stoppedAt = stopIndex >= 0 ? timeline.Entries[stopIndex].At : null;
        var stoppedBy = stopIndex >= 0 ? timeline.Entries[stopIndex].Milestone : null;
        var ended = stoppedBy is not null && !stoppedBy.Equals(target.Metric.StoppedBy);
        var start = StartOf(timeline, target.StartAnchor, cycle, cycleNumber, text);
        if (start is null)
        {
            var status = stoppedAt is null ? SlaClockStatus.NotStarted : ended ? SlaClockStatus.Waived : SlaClockStatus.Met;
            text.Line(stoppedAt is { } s
                ? $"{stoppedBy} at {text.Local(s)} came before {target.StartAnchor}; nothing to count"
                : $"not started: waits for {target.StartAnchor}");
            return new SlaClock(target, cycleNumber, severity, status, null, null, stoppedAt,
                Duration.Zero, Duration.Zero, Duration.Zero, [], text.Lines, new ClockBasis(terms.Policy.Key, calendar.Key, false, stoppedBy));
        }

        var begin = start.Value;
        var end = stoppedAt ?? now;
        if (end < begin)
        {
            end = begin;
        }

        var allowed = target.Amount.ToBusinessTime(calendar, begin);
        if (target.Amount.Unit == SlaAmountUnit.WorkingDays)
        {
            text.Line($"{target.Amount} from the start = {DurationText.Format(allowed)} of business time");
        }

        ExplainReclassification(timeline, stopIndex >= 0 ? stopIndex : count, text);

        var pauses = target.PausesWhileWaitingForCustomer
            ? Pauses(timeline, cycle, count, begin, end, now)
            : [];
        var openPause = target.PausesWhileWaitingForCustomer && stoppedAt is null && timeline.OpenPauseIndex(count) >= 0;

        var due = Walk(calendar, begin, pauses, allowed);
        var paused = Duration.Zero;
        foreach (var (from, to) in pauses)
        {
            paused += calendar.BusinessTimeBetween(from, to);
        }

        var elapsed = calendar.BusinessTimeBetween(begin, end) - paused;
        if (pauses.Count > 0)
        {
            text.Line($"paused {DurationText.Format(paused)} of business time waiting for the customer ("
                + string.Join(", ", pauses.Select(p => $"{text.Local(p.From)}–{text.Local(p.To)}"))
                + (openPause ? ", still paused" : "") + ")");
        }
        else if (!target.PausesWhileWaitingForCustomer && timeline.Entries.Take(count).Any(e => e.Kind == TimelineEntryKind.PauseStarted))
        {
            text.Line("waiting for the customer does not pause this target");
        }

        ExplainSpecialDays(calendar, begin, Max(due, end), text);

        var warnings = new SlaWarning[target.WarningPercents.Count];
        for (var i = 0; i < warnings.Length; i++)
        {
            var percent = target.WarningPercents[i];
            var at = Walk(calendar, begin, pauses, Duration.FromNanoseconds(allowed.ToInt64Nanoseconds() / 100 * percent
                + allowed.ToInt64Nanoseconds() % 100 * percent / 100));
            warnings[i] = new SlaWarning(percent, at, at <= end);
        }

        SlaClockStatus state;
        if (Waived(timeline, target, cycle, count, begin, pauses, calendar, text))
        {
            state = SlaClockStatus.Waived;
        }
        else if (ended && stoppedAt is { } endedAt)
        {
            // The promise became moot (e.g. resolved before a repair plan was due): not needed if
            // that came in time, a breach frozen at that instant if it came late.
            text.Line($"due {text.Local(due)}");
            state = endedAt <= due ? SlaClockStatus.Waived : SlaClockStatus.Breached;
            text.Line(state == SlaClockStatus.Waived
                ? $"not needed: {stoppedBy} at {text.Local(endedAt)} ended it before it was due"
                : $"breached: {DurationText.Format(elapsed - allowed)} of business time overdue when {stoppedBy} at {text.Local(endedAt)} ended it");
        }
        else if (stoppedAt is { } stop)
        {
            state = stop <= due ? SlaClockStatus.Met : SlaClockStatus.MetLate;
            text.Line($"due {text.Local(due)}");
            text.Line(state == SlaClockStatus.Met
                ? $"met at {text.Local(stop)} with {DurationText.Format(allowed - elapsed)} of business time to spare"
                : $"met late at {text.Local(stop)}, {DurationText.Format(elapsed - allowed)} of business time over");
        }
        else if (now > due)
        {
            state = SlaClockStatus.Breached;
            text.Line($"due {text.Local(due)}");
            text.Line($"breached: {DurationText.Format(elapsed - allowed)} of business time overdue at {text.Local(now)}");
        }
        else if (openPause)
        {
            state = SlaClockStatus.Paused;
            text.Line($"due {text.Local(due)} if work resumes now; {DurationText.Format(allowed - elapsed)} of business time left");
        }
        else
        {
            state = SlaClockStatus.Running;
            text.Line($"due {text.Local(due)}; {DurationText.Format(allowed - elapsed)} of business time left");
        }

        var provisional = calendar.ProvisionalLines(begin, Max(due, end));
        foreach (var line in provisional)
        {
            text.Line(line.TrimEnd('.'));
        }

        return new SlaClock(target, cycleNumber, severity, state, begin, due, stoppedAt, allowed, elapsed, paused, warnings, text.Lines,
            new ClockBasis(terms.Policy.Key, calendar.Key, provisional.Count > 0, stoppedBy));
    }

    /// <summary>
    /// The instant at which <paramref name="amount"/> of business time has run outside the pauses,
    /// counting from <paramref name="start"/>. One mechanism for due and warning instants alike.
    /// </summary>
    internal static Instant Walk(BusinessCalendar calendar, Instant start, IReadOnlyList<(Instant From, Instant To)> pauses, Duration amount)
    {
        var used = Duration.Zero;
        var cursor = start;
        foreach (var (from, to) in pauses)
        {
            if (from > cursor)
            {
                var running = calendar.BusinessTimeBetween(cursor, from);
                if (used + running >= amount)
                {
                    return calendar.Add(cursor, amount - used);
                }

                used += running;
            }

            cursor = Max(cursor, to);
        }

        return calendar.Add(cursor, amount - used);
    }

    private static Instant? StartOf(TicketTimeline timeline, Milestone anchor, Cycle cycle, int cycleNumber, ExplanationWriter text)
    {
        if (anchor.Equals(Milestone.Reported) || anchor.Equals(Milestone.FaultOccurred))
        {
            if (cycleNumber > 1)
            {
                text.Line($"cycle {cycleNumber}: started {text.Local(cycle.Start)} at the re-opening");
                return cycle.Start;
            }

            if (anchor.Equals(Milestone.FaultOccurred))
            {
                if (timeline.FaultOccurredAt is { } fault)
                {
                    text.Line($"started {text.Local(fault)} at the fault's occurrence");
                    return fault;
                }

                text.Line($"fault time unknown: started {text.Local(timeline.ReportedAt)} at the report");
                return timeline.ReportedAt;
            }

            text.Line($"started {text.Local(timeline.ReportedAt)} at the report");
            return timeline.ReportedAt;
        }

        var index = FindMilestone(timeline, anchor, cycle.FirstEntry, cycle.EndEntry);
        if (index < 0)
        {
            return null;
        }

        var at = timeline.Entries[index].At;
        text.Line($"started {text.Local(at)} at {anchor}");
        return at;
    }

    private static int FindMilestone(TicketTimeline timeline, Milestone milestone, int first, int end)
    {
        for (var i = first; i < end; i++)
        {
            var entry = timeline.Entries[i];
            if (entry.Kind == TimelineEntryKind.MilestoneReached && milestone.Equals(entry.Milestone))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The pauses within [begin, end], clipped; an open pause runs until now.</summary>
    private static List<(Instant From, Instant To)> Pauses(TicketTimeline timeline, Cycle cycle, int count, Instant begin, Instant end, Instant now)
    {
        var pauses = new List<(Instant, Instant)>();
        Instant? openedAt = null;
        for (var i = 0; i < count; i++)
        {
            var entry = timeline.Entries[i];
            if (entry.Kind == TimelineEntryKind.PauseStarted)
            {
                openedAt = entry.At;
            }
            else if (entry.Kind == TimelineEntryKind.PauseEnded && openedAt is { } from)
            {
                AddClipped(from, entry.At);
                openedAt = null;
            }
        }

        if (openedAt is { } open)
        {
            AddClipped(open, now);
        }

        return pauses;

        void AddClipped(Instant from, Instant to)
        {
            from = Max(from, begin);
            to = to < end ? to : end;
            if (to > from)
            {
                pauses.Add((from, to));
            }
        }
    }

    private static bool Waived(
        TicketTimeline timeline, SlaTarget target, Cycle cycle, int count, Instant begin,
        List<(Instant From, Instant To)> pauses, BusinessCalendar calendar, ExplanationWriter text)
    {
        if (target.WaivedBy is not { } milestone)
        {
            return false;
        }

        var deadline = Walk(calendar, begin, pauses, target.WaiverWindow);
        var index = FindMilestone(timeline, milestone, cycle.FirstEntry, Math.Min(cycle.EndEntry, count));
        if (index >= 0 && timeline.Entries[index].At <= deadline)
        {
            text.Line($"waived: {milestone} at {text.Local(timeline.Entries[index].At)}, within {DurationText.Format(target.WaiverWindow)} of the start");
            return true;
        }

        text.Line($"owed unless {milestone} by {text.Local(deadline)}"
            + (index >= 0 ? $"; it came at {text.Local(timeline.Entries[index].At)}" : ""));
        return false;
    }

    private static void ExplainReclassification(TicketTimeline timeline, int upTo, ExplanationWriter text)
    {
        for (var i = 0; i < upTo; i++)
        {
            var entry = timeline.Entries[i];
            if (entry.Kind == TimelineEntryKind.SeverityChanged)
            {
                text.Line($"severity reclassified {timeline.SeverityCodeBefore(i)} → {entry.SeverityCode} at {text.Local(entry.At)}: "
                    + "its target applies from the original start; elapsed and paused time are kept");
            }
        }
    }

    /// <summary>Names the holidays and make-up working days the clock ran over; a block of
    /// consecutive days of one holiday is one line ("2026-10-01 to 2026-10-07 are holidays (国庆节 …)").</summary>
    private static void ExplainSpecialDays(BusinessCalendar calendar, Instant from, Instant to, ExplanationWriter text)
    {
        var first = from.InZone(calendar.Zone).Date;
        var last = to.InZone(calendar.Zone).Date;
        CalendarDay? blockStart = null;
        CalendarDay? blockEnd = null;
        foreach (var day in calendar.SpecialDaysBetween(first, last))
        {
            if (blockEnd is not null && day.Kind == blockEnd.Kind && day.Name == blockEnd.Name && day.Date == blockEnd.Date.PlusDays(1))
            {
                blockEnd = day;
                continue;
            }

            Flush();
            blockStart = blockEnd = day;
        }

        Flush();

        void Flush()
        {
            if (blockStart is null || blockEnd is null)
            {
                return;
            }

            var what = blockStart.Kind == CalendarDayKind.Holiday ? "holiday" : "make-up working day";
            var name = string.Join(" ", new[] { blockStart.Name, blockStart.NameEn ?? string.Empty }.Where(static n => n.Length > 0));
            var named = name.Length > 0 ? $" ({name})" : string.Empty;
            text.Line(blockStart.Date == blockEnd.Date
                ? $"{ExplanationWriter.Date(blockStart.Date)} is a {what}{named}"
                : $"{ExplanationWriter.Date(blockStart.Date)} to {ExplanationWriter.Date(blockEnd.Date)} are {what}s{named}");
        }
    }

    private static void CheckSeverities(SlaPolicy policy, TicketTimeline timeline)
    {
        Check(timeline.InitialSeverityCode);
        foreach (var entry in timeline.Entries)
        {
            if (entry.SeverityCode is { } code)
            {
                Check(code);
            }
        }

        void Check(string code)
        {
            if (!policy.SeverityScale.Contains(code))
            {
                throw new ArgumentException(
                    $"timeline: severity '{code}' is not a level of policy {policy.Key}'s scale '{policy.SeverityScale.Code}' "
                    + $"({string.Join(", ", policy.SeverityScale.Levels.Select(l => l.Code))}).",
                    nameof(timeline));
            }
        }
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
