using AfterSales.Calendars;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;

namespace AfterSales.Testing;

/// <summary>
/// The slow, obviously correct SLA arithmetic, to use as an oracle in property tests: it looks at
/// every minute from the start, one at a time, and counts those that are business time and not
/// paused. It never calls <see cref="BusinessCalendar.Add"/> or
/// <see cref="BusinessCalendar.BusinessTimeBetween"/>, so it cannot share their mistakes.
/// </summary>
/// <remarks>
/// <para><b>Business minutes.</b> Each method takes the question "is this minute business time?"
/// either as a <see cref="ReferenceCalendar"/> (the rules written out, fully independent) or as a
/// <see cref="BusinessCalendar"/>, whose <see cref="BusinessCalendar.IsBusinessTime"/> is then asked
/// for every minute — independent of the calendar's adding and counting, not of its compiled hours.</para>
/// <para><b>Limits.</b> Instants, pauses, hours and amounts must be whole minutes (everything the
/// generators of this package make is); the answer for anything finer is the answer for its minute.
/// Spans are short: a walk gives up after <see cref="MaxSpan"/> of real time with an
/// <see cref="InvalidOperationException"/>. Warning instants (fractions of the allowed time) are
/// not checked, nor are waivers or which of several applicable targets the evaluator chose;
/// working-day amounts are taken as the business time the clock reports.</para>
/// <para>All members are pure and thread-safe.</para>
/// </remarks>
public static class ReferenceSla
{
    private static readonly Duration Minute = Duration.FromMinutes(1);

    /// <summary>How much real time a walk may step through before giving up: 400 days.</summary>
    public static Duration MaxSpan { get; } = Duration.FromDays(400);

    /// <summary>
    /// The instant at which <paramref name="businessTime"/> of unpaused business time has run from
    /// <paramref name="start"/>: the end of the last minute counted. For zero, the first business
    /// minute at or after <paramref name="start"/>.
    /// </summary>
    /// <param name="isBusinessMinute">Whether the minute starting at an instant is business time.</param>
    /// <param name="start">Where counting starts.</param>
    /// <param name="pauses">Intervals that do not count.</param>
    /// <param name="businessTime">The amount, whole minutes, not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative.</exception>
    /// <exception cref="InvalidOperationException">No answer within <see cref="MaxSpan"/>.</exception>
    public static Instant Due(Func<Instant, bool> isBusinessMinute, Instant start, IReadOnlyList<Interval> pauses, Duration businessTime)
    {
        ArgumentNullException.ThrowIfNull(isBusinessMinute);
        ArgumentNullException.ThrowIfNull(pauses);
        ArgumentOutOfRangeException.ThrowIfLessThan(businessTime, Duration.Zero);
        var minutes = (long)businessTime.TotalMinutes;
        var limit = start + MaxSpan;
        for (var minute = start; minute < limit; minute += Minute)
        {
            if (!isBusinessMinute(minute))
            {
                continue;
            }

            if (minutes == 0)
            {
                return minute;
            }

            if (!IsPaused(minute, pauses) && --minutes == 0)
            {
                return minute + Minute;
            }
        }

        throw new InvalidOperationException($"The reference found no due instant within {MaxSpan.TotalDays} days of {start}; it is meant for short spans.");
    }

    /// <inheritdoc cref="Due(Func{Instant, bool}, Instant, IReadOnlyList{Interval}, Duration)"/>
    public static Instant Due(ReferenceCalendar calendar, Instant start, IReadOnlyList<Interval> pauses, Duration businessTime)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Due(calendar.IsBusinessMinute, start, pauses, businessTime);
    }

    /// <inheritdoc cref="Due(Func{Instant, bool}, Instant, IReadOnlyList{Interval}, Duration)"/>
    public static Instant Due(BusinessCalendar calendar, Instant start, IReadOnlyList<Interval> pauses, Duration businessTime)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Due(calendar.IsBusinessTime, start, pauses, businessTime);
    }

    /// <summary>The unpaused business time in [<paramref name="start"/>, <paramref name="end"/>), counted a minute at a time.</summary>
    /// <param name="isBusinessMinute">Whether the minute starting at an instant is business time.</param>
    /// <param name="start">The start.</param>
    /// <param name="pauses">Intervals that do not count.</param>
    /// <param name="end">The end; nothing is counted if it is not after <paramref name="start"/>.</param>
    /// <exception cref="InvalidOperationException">The span is longer than <see cref="MaxSpan"/>.</exception>
    public static Duration Elapsed(Func<Instant, bool> isBusinessMinute, Instant start, IReadOnlyList<Interval> pauses, Instant end)
    {
        ArgumentNullException.ThrowIfNull(isBusinessMinute);
        ArgumentNullException.ThrowIfNull(pauses);
        if (end - start > MaxSpan)
        {
            throw new InvalidOperationException($"The reference counts spans of up to {MaxSpan.TotalDays} days; {start}..{end} is longer.");
        }

        long counted = 0;
        for (var minute = start; minute < end; minute += Minute)
        {
            if (isBusinessMinute(minute) && !IsPaused(minute, pauses))
            {
                counted++;
            }
        }

        return Duration.FromMinutes(counted);
    }

    /// <inheritdoc cref="Elapsed(Func{Instant, bool}, Instant, IReadOnlyList{Interval}, Instant)"/>
    public static Duration Elapsed(ReferenceCalendar calendar, Instant start, IReadOnlyList<Interval> pauses, Instant end)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Elapsed(calendar.IsBusinessMinute, start, pauses, end);
    }

    /// <inheritdoc cref="Elapsed(Func{Instant, bool}, Instant, IReadOnlyList{Interval}, Instant)"/>
    public static Duration Elapsed(BusinessCalendar calendar, Instant start, IReadOnlyList<Interval> pauses, Instant end)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Elapsed(calendar.IsBusinessTime, start, pauses, end);
    }

    /// <summary>
    /// The pauses of <paramref name="timeline"/> as seen at <paramref name="now"/> (facts after it
    /// ignored; a pause still open runs until <paramref name="now"/>), clipped to
    /// [<paramref name="from"/>, <paramref name="to"/>]; empty pieces dropped.
    /// </summary>
    /// <returns>The intervals in time order.</returns>
    public static IReadOnlyList<Interval> Pauses(TicketTimeline timeline, Instant from, Instant to, Instant now) =>
        Pauses(timeline, from, to, now, static _ => true);

    /// <summary>
    /// The pauses of <paramref name="timeline"/> for the reasons <paramref name="pauses"/> accepts (a pause
    /// without a typed reason is waiting for the customer), as <see cref="Pauses(TicketTimeline, Instant, Instant, Instant)"/> gives them.
    /// </summary>
    /// <returns>The intervals in time order.</returns>
    public static IReadOnlyList<Interval> Pauses(TicketTimeline timeline, Instant from, Instant to, Instant now, Func<PauseReason, bool> pauses)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(pauses);
        var result = new List<Interval>();
        Instant? openedAt = null;
        foreach (var entry in timeline.Entries.TakeWhile(e => e.At <= now))
        {
            if (entry.Kind == TimelineEntryKind.PauseStarted)
            {
                openedAt = pauses(entry.PauseReason ?? PauseReason.WaitingForCustomer) ? entry.At : null;
            }
            else if (entry.Kind == TimelineEntryKind.PauseEnded && openedAt is { } start)
            {
                Add(start, entry.At);
                openedAt = null;
            }
        }

        if (openedAt is { } open)
        {
            Add(open, now);
        }

        return result;

        void Add(Instant start, Instant end)
        {
            start = start > from ? start : from;
            end = end < to ? end : to;
            if (end > start)
            {
                result.Add(new Interval(start, end));
            }
        }
    }

    /// <summary>
    /// Recomputes <paramref name="clock"/> — one clock of <c>SlaEvaluator.Evaluate(policy,
    /// <paramref name="timeline"/>, <paramref name="now"/>)</c> — from its start, its target and the
    /// timeline, minute by minute, with <paramref name="rules"/> for business minutes (or, if null,
    /// the target calendar's <see cref="BusinessCalendar.IsBusinessTime"/>).
    /// </summary>
    /// <returns>The reference clock, or null for a clock that never started (nothing to count).</returns>
    public static ReferenceClock? Recompute(SlaClock clock, TicketTimeline timeline, Instant now, ReferenceCalendar? rules = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(timeline);
        if (clock.StartedAt is not { } begin)
        {
            return null;
        }

        var target = clock.Target;
        Func<Instant, bool> isBusinessMinute = rules is null ? target.Calendar.IsBusinessTime : rules.IsBusinessMinute;
        if (target.Amount.Unit == SlaAmountUnit.CalendarPeriod)
        {
            isBusinessMinute = static _ => true; // calendar periods count elapsed time
        }

        var end = clock.StoppedAt ?? now;
        if (end < begin)
        {
            end = begin;
        }

        var pauses = target.PausesWhileWaitingForCustomer ? Pauses(timeline, begin, end, now) : [];
        var allowed = target.Amount.Unit == SlaAmountUnit.BusinessTime ? target.Amount.BusinessTime : clock.Allowed;
        var due = Due(isBusinessMinute, begin, pauses, allowed);
        var elapsed = Elapsed(isBusinessMinute, begin, pauses, end);
        var paused = Elapsed(isBusinessMinute, begin, [], end) - elapsed;
        var openPause = target.PausesWhileWaitingForCustomer && clock.StoppedAt is null && IsOpenPause(timeline, now);
        // A clock ended by a milestone other than its own (a resolution before the repair plan) is
        // not needed if that came by the due instant, and breached if it came later.
        var ended = clock.StoppedBy is { } by && !by.Equals(target.Metric.StoppedBy);
        var status = clock.StoppedAt is { } stop
            ? (ended ? (stop <= due ? SlaClockStatus.Waived : SlaClockStatus.Breached) : stop <= due ? SlaClockStatus.Met : SlaClockStatus.MetLate)
            : now > due ? SlaClockStatus.Breached
            : openPause ? SlaClockStatus.Paused
            : SlaClockStatus.Running;
        return new ReferenceClock(begin, due, allowed, elapsed, paused, status, checksStatus: target.WaivedBy is null);
    }

    /// <summary>
    /// Evaluates <paramref name="policy"/> with <see cref="SlaEvaluator"/> and compares every clock with
    /// <see cref="Clocks"/>, which works each one out from the policy and the timeline alone — which
    /// target applies, when the clock starts, what a working-days amount allows, when it stops — never
    /// from the evaluator's own clock. Targets on <paramref name="calendar"/>'s calendar are counted with
    /// its rules, targets on <see cref="ChinaCalendars.Statutory9To18"/> with
    /// <see cref="ReferenceCalendar.ChinaStatutory9To18"/>, any other with its calendar's
    /// <see cref="BusinessCalendar.IsBusinessTime"/>.
    /// </summary>
    /// <returns>Every difference found, one line each; empty when the evaluator agrees with the reference.</returns>
    public static IReadOnlyList<string> Disagreements(SlaPolicy policy, TicketTimeline timeline, Instant now, GeneratedCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(timeline);
        var differences = new List<string>();
        var evaluated = SlaEvaluator.Evaluate(policy, timeline, now, ExplanationLanguage.English);
        var reference = Clocks(policy, timeline, now, calendar);
        foreach (var (metric, cycle, expected) in reference)
        {
            var clock = evaluated.FirstOrDefault(c => c.Metric.Equals(metric) && c.Cycle == cycle && c.Occurrence is null);
            if (clock is null)
            {
                differences.Add($"cycle {cycle}, {metric}: no clock, reference {expected?.ToString() ?? "not started"}");
            }
            else if (expected is null)
            {
                if (clock.StartedAt is not null)
                {
                    differences.Add($"cycle {cycle}, {metric}: started {clock.StartedAt}, reference not started");
                }
            }
            else
            {
                differences.AddRange(expected.DifferencesFrom(clock).Select(d => $"cycle {cycle}, {d}"));
            }
        }

        foreach (var clock in evaluated.Where(c => c.Occurrence is null && !reference.Any(r => r.Metric.Equals(c.Metric) && r.Cycle == c.Cycle)))
        {
            differences.Add($"cycle {clock.Cycle}, {clock.Metric}: a clock the reference does not have");
        }

        var occurrences = Occurrences(policy, timeline, now, calendar);
        foreach (var (metric, occurrence, cycle, expected) in occurrences)
        {
            var clock = evaluated.FirstOrDefault(c => c.Metric.Equals(metric) && c.Occurrence == occurrence);
            if (clock is null)
            {
                differences.Add($"occurrence {occurrence}, {metric}: no clock, reference {expected}");
            }
            else if (clock.Cycle != cycle)
            {
                differences.Add($"occurrence {occurrence}, {metric}: cycle {clock.Cycle}, reference {cycle}");
            }
            else
            {
                differences.AddRange(expected.DifferencesFrom(clock).Select(d => $"occurrence {occurrence}, {d}"));
            }
        }

        foreach (var clock in evaluated.Where(c => c.Occurrence is { } n && !occurrences.Any(r => r.Metric.Equals(c.Metric) && r.Occurrence == n)))
        {
            differences.Add($"occurrence {clock.Occurrence}, {clock.Metric}: a clock the reference does not have");
        }

        return differences;
    }

    /// <summary>
    /// Every clock of <paramref name="policy"/> on <paramref name="timeline"/> at <paramref name="now"/>,
    /// worked out minute by minute from the policy's words and the timeline alone: per metric and cycle
    /// (a re-opening starts a new cycle for metrics that restart), the targets that apply to the
    /// severity in force at the stop (or now), each started at its anchor, given its amount (working
    /// days as the same position in the day that many working days later) and paused while waiting;
    /// the one due first wins. <see langword="null"/> for a clock that has not started.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <param name="timeline">The timeline.</param>
    /// <param name="now">The evaluation instant; later facts are ignored.</param>
    /// <param name="calendar">A generated calendar whose rules count its targets, if any.</param>
    public static IReadOnlyList<(SlaMetric Metric, int Cycle, ReferenceClock? Clock)> Clocks(SlaPolicy policy, TicketTimeline timeline, Instant now, GeneratedCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(timeline);
        var entries = timeline.Entries.TakeWhile(e => e.At <= now).ToList();
        var cycleStarts = new List<(Instant Start, int First, int End)>();
        var first = 0;
        var cycleStart = timeline.ReportedAt;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Kind == TimelineEntryKind.Reopened)
            {
                cycleStarts.Add((cycleStart, first, i));
                (cycleStart, first) = (entries[i].At, i + 1);
            }
        }

        cycleStarts.Add((cycleStart, first, entries.Count));
        var result = new List<(SlaMetric, int, ReferenceClock?)>();
        foreach (var metric in policy.Targets.Select(static t => t.Metric).Distinct().Where(static m => !m.IsRecurring))
        {
            // Re-opening that continues: one clock over every cycle, stopped in the last one, the time
            // from each earlier cycle's stop to the re-opening not counted.
            var continues = metric.RestartsOnReopen && policy.Reopening == ReopeningRule.ContinueClock;
            for (var c = 0; c < cycleStarts.Count && (c == 0 || (metric.RestartsOnReopen && !continues)); c++)
            {
                var (start, from, to) = cycleStarts[c];
                to = metric.RestartsOnReopen && !continues ? to : entries.Count; // one clock over every cycle
                var stopFrom = continues ? cycleStarts[^1].First : from;
                var stop = entries.FindIndex(stopFrom, to - stopFrom, e => IsStop(metric, e));
                var closed = new List<Interval>();
                for (var k = 0; continues && k < cycleStarts.Count - 1; k++)
                {
                    var earlier = entries.FindIndex(cycleStarts[k].First, cycleStarts[k].End - cycleStarts[k].First, e => IsStop(metric, e));
                    if (earlier >= 0)
                    {
                        closed.Add(new Interval(entries[earlier].At, entries[cycleStarts[k].End].At));
                    }
                }

                var severity = Severity(timeline, entries, stop >= 0 ? stop : entries.Count);
                ReferenceClock? best = null;
                var any = false;
                foreach (var target in policy.Targets.Where(t => t.Metric.Equals(metric) && t.AppliesTo(severity, timeline.Channel, timeline.Site)))
                {
                    any = true;
                    var clock = Clock(policy, target, timeline, entries, c + 1, start, from, to, stop, now, calendar, closed: closed);
                    if (clock is not null && (best is null || clock.Due < best.Due))
                    {
                        best = clock;
                    }
                }

                if (any)
                {
                    result.Add((metric, c + 1, best));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The instant <paramref name="workingDays"/> working days after <paramref name="start"/>, minute by
    /// minute: from the first business minute s at or after the start, the same count of business minutes
    /// into the day (counted from local midnight) on the <paramref name="workingDays"/>-th later date that
    /// has business minutes, or that day's last business minute's end when it has no more.
    /// </summary>
    /// <param name="isBusinessMinute">Whether the minute starting at an instant is business time.</param>
    /// <param name="zone">The calendar's zone (what a day is).</param>
    /// <param name="start">The start.</param>
    /// <param name="workingDays">The number of working days, 0 or more.</param>
    public static Instant WorkingDaysDue(Func<Instant, bool> isBusinessMinute, DateTimeZone zone, Instant start, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(isBusinessMinute);
        ArgumentNullException.ThrowIfNull(zone);
        var s = Due(isBusinessMinute, start, [], Duration.Zero);
        if (workingDays == 0)
        {
            return s;
        }

        var day = s.InZone(zone).Date;
        long position = 0;
        for (var minute = zone.AtStartOfDay(day).ToInstant(); minute < s; minute += Minute)
        {
            position += isBusinessMinute(minute) ? 1 : 0;
        }

        for (var left = workingDays; day < s.InZone(zone).Date.PlusDays(3660);)
        {
            day = day.PlusDays(1);
            var opening = zone.AtStartOfDay(day).ToInstant();
            var closing = zone.AtStartOfDay(day.PlusDays(1)).ToInstant();
            long counted = 0;
            Instant? lastEnd = null;
            Instant? atPosition = null;
            for (var minute = opening; minute < closing; minute += Minute)
            {
                if (!isBusinessMinute(minute))
                {
                    continue;
                }

                atPosition ??= counted == position ? minute : null;
                counted++;
                lastEnd = minute + Minute;
            }

            if (lastEnd is null || --left > 0)
            {
                continue; // not a working day, or not the last one
            }

            return atPosition ?? lastEnd.Value;
        }

        throw new InvalidOperationException($"The reference found no {workingDays}th working day within 10 years of {start}.");
    }

    /// <summary>
    /// The close of the <paramref name="workingDays"/>-th working day after the day of the first business
    /// minute at or after <paramref name="start"/>, minute by minute: the end of that day's last business minute.
    /// </summary>
    /// <param name="isBusinessMinute">Whether the minute starting at an instant is business time.</param>
    /// <param name="zone">The calendar's zone (what a day is).</param>
    /// <param name="start">The start.</param>
    /// <param name="workingDays">0 for the close of the first working day.</param>
    public static Instant CloseOfWorkingDay(Func<Instant, bool> isBusinessMinute, DateTimeZone zone, Instant start, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(isBusinessMinute);
        ArgumentNullException.ThrowIfNull(zone);
        var day = Due(isBusinessMinute, start, [], Duration.Zero).InZone(zone).Date;
        for (var left = workingDays; ; day = day.PlusDays(1))
        {
            Instant? close = null;
            for (var minute = zone.AtStartOfDay(day).ToInstant(); minute < zone.AtStartOfDay(day.PlusDays(1)).ToInstant(); minute += Minute)
            {
                close = isBusinessMinute(minute) ? minute + Minute : close;
            }

            if (close is { } end && left-- == 0)
            {
                return end;
            }
        }
    }

    private static ReferenceClock? Clock(
        SlaPolicy policy, SlaTarget target, TicketTimeline timeline, List<TimelineEntry> entries, int cycle, Instant cycleStart, int from, int to, int stop, Instant now, GeneratedCalendar? calendar,
        Instant? occurrenceStart = null, List<Interval>? closed = null)
    {
        var anchor = target.StartAnchor;
        Instant begin;
        if (occurrenceStart is { } message)
        {
            begin = message; // an occurrence of a recurring clock starts at its message
        }
        else if (anchor.Equals(Milestone.Reported) || anchor.Equals(Milestone.FaultOccurred))
        {
            begin = cycle > 1 ? cycleStart : anchor.Equals(Milestone.FaultOccurred) ? timeline.FaultOccurredAt ?? timeline.ReportedAt : timeline.ReportedAt;
        }
        else
        {
            var at = entries.FindIndex(from, to - from, e => e.Kind == TimelineEntryKind.MilestoneReached && anchor.Equals(e.Milestone));
            if (at < 0)
            {
                return null;
            }

            begin = entries[at].At;
        }

        if (policy.Reclassification == ReclassificationRule.RestartAtChange)
        {
            var upTo = stop >= 0 ? stop : to;
            var changed = entries.FindLastIndex(upTo - 1, upTo - from, e => e.Kind == TimelineEntryKind.SeverityChanged);
            if (upTo > from && changed >= from && entries[changed].At > begin)
            {
                begin = entries[changed].At;
            }
        }

        var rules = calendar is not null && ReferenceEquals(target.Calendar, calendar.Calendar) ? calendar.Rules
            : ReferenceEquals(target.Calendar, ChinaCalendars.Statutory9To18) ? ReferenceCalendar.ChinaStatutory9To18
            : null;
        Func<Instant, bool> isBusinessMinute = rules is null ? target.Calendar.IsBusinessTime : rules.IsBusinessMinute;
        if (target.Amount.Unit == SlaAmountUnit.CalendarPeriod)
        {
            isBusinessMinute = static _ => true; // calendar periods count elapsed time
        }

        Instant? stoppedAt = stop >= 0 ? entries[stop].At : null;
        var end = stoppedAt ?? now;
        if (end < begin)
        {
            end = begin;
        }

        // Which reasons pause the target, written out from its words rather than asked of it.
        bool Pausing(PauseReason reason) => target.PausesWhileWaitingForCustomer && (target.PausedBy is null || target.PausedBy.Contains(reason));
        var pauses = Pauses(timeline, begin, end, now, Pausing);
        var conventions = policy.Conventions;
        Instant? responded = entries.FirstOrDefault(e => e.Kind == TimelineEntryKind.MilestoneReached && Milestone.Responded.Equals(e.Milestone))?.At;
        var waitingCounts = conventions.WaitingBeforeFirstResponse == WaitingBeforeFirstResponse.Counts && !target.Metric.Equals(SlaMetric.FirstResponse);
        if (waitingCounts)
        {
            // Waiting before the first response counts: only the part of each pause after it pauses.
            pauses = responded is { } r
                ? [.. pauses.Where(p => p.End > r).Select(p => new Interval(p.Start > r ? p.Start : r, p.End))]
                : [];
        }

        foreach (var span in closed ?? [])
        {
            var (s, e) = (span.Start > begin ? span.Start : begin, span.End < end ? span.End : end);
            if (e > s)
            {
                pauses = [.. pauses, new Interval(s, e)];
            }
        }

        var zone = target.Calendar.Zone;
        var allowed = target.Amount.Unit switch
        {
            SlaAmountUnit.BusinessTime => target.Amount.BusinessTime,
            SlaAmountUnit.WorkingDays => Elapsed(isBusinessMinute, begin, [], WorkingDaysDue(isBusinessMinute, zone, begin, target.Amount.WorkingDays)),
            SlaAmountUnit.CloseOfWorkingDay => Elapsed(isBusinessMinute, begin, [], CloseOfWorkingDay(isBusinessMinute, zone, begin, target.Amount.WorkingDays)),
            SlaAmountUnit.ByAgreement => Duration.Zero, // only an agreed date makes it due
            _ => (begin.InZone(zone).LocalDateTime + target.Amount.CalendarPeriod!).InZoneLeniently(zone).ToInstant() - begin,
        };
        var due = Due(isBusinessMinute, begin, pauses, allowed);
        if (conventions.BudgetEndingAtClose == BudgetEndingAtClose.NextOpening && allowed > Duration.Zero
            && target.Amount.Unit != SlaAmountUnit.CloseOfWorkingDay && !isBusinessMinute(due))
        {
            due = Due(isBusinessMinute, due, [], Duration.Zero);
        }

        // A due date agreed with the customer in this clock's span, after it started: the agreed instant,
        // unless it is earlier than the policy's own and the policy does not allow that.
        var upToStop = stop >= 0 ? stop : to;
        var agreed = occurrenceStart is null
            ? entries.Take(upToStop).Skip(from).LastOrDefault(e => e.Kind == TimelineEntryKind.DueDateNegotiated && target.Metric.Equals(e.Metric) && e.At >= begin)
            : null;
        var byAgreement = target.Amount.Unit == SlaAmountUnit.ByAgreement;
        if (byAgreement && agreed is null)
        {
            return null; // planned by negotiation, and nothing agreed yet: nothing to count
        }

        if (agreed?.DueAt is { } agreedDue && (byAgreement || agreedDue >= due || policy.NegotiatedDueDates == NegotiatedDueDates.MayBeEarlier))
        {
            due = agreedDue;
            allowed = Elapsed(isBusinessMinute, begin, pauses, due);
        }

        var elapsed = Elapsed(isBusinessMinute, begin, pauses, end);
        var paused = Elapsed(isBusinessMinute, begin, [], end) - elapsed;
        var openPause = stoppedAt is null && OpenPauseReason(timeline, now) is { } openReason && Pausing(openReason) && (!waitingCounts || responded is not null);
        var ended = stop >= 0 && !target.Metric.StoppedBy.Equals(entries[stop].Milestone);
        var status = stoppedAt is { } at2
            ? (ended ? (at2 <= due ? SlaClockStatus.Waived : SlaClockStatus.Breached) : at2 <= due ? SlaClockStatus.Met : SlaClockStatus.MetLate)
            : now > due ? SlaClockStatus.Breached
            : openPause ? SlaClockStatus.Paused
            : SlaClockStatus.Running;
        if (conventions.Rounding == DurationRounding.Minute)
        {
            static Duration Down(Duration d) => Duration.FromMinutes((long)Math.Truncate(d.TotalMinutes));
            (allowed, elapsed, paused) = (Down(allowed), Down(elapsed), Down(paused));
        }

        return new ReferenceClock(begin, due, allowed, elapsed, paused, status, checksStatus: target.WaivedBy is null);
    }

    /// <summary>The severity in force before entry <paramref name="index"/>: the last reclassification before it, or the reported one.</summary>
    private static string Severity(TicketTimeline timeline, List<TimelineEntry> entries, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (entries[i].Kind == TimelineEntryKind.SeverityChanged)
            {
                return entries[i].SeverityCode!;
            }
        }

        return timeline.InitialSeverityCode;
    }

    private static bool IsPaused(Instant minute, IReadOnlyList<Interval> pauses)
    {
        foreach (var pause in pauses)
        {
            if (pause.Start <= minute && minute < pause.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStop(SlaMetric metric, TimelineEntry e) =>
        e.Kind == TimelineEntryKind.MilestoneReached && (metric.StoppedBy.Equals(e.Milestone) || metric.EndedBy.Contains(e.Milestone!));

    /// <summary>
    /// Every occurrence of every recurring metric of <paramref name="policy"/>, worked out from the timeline
    /// alone: a start milestone while no occurrence waits opens one; the next stop (its own milestone or
    /// one that ends it) closes it; later start milestones before that belong to it. Each is counted like
    /// any clock from its message, by the target that applies to the severity at its stop (or now).
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <param name="timeline">The timeline.</param>
    /// <param name="now">The evaluation instant; later facts are ignored.</param>
    /// <param name="calendar">A generated calendar whose rules count its targets, if any.</param>
    /// <returns>Per occurrence: the metric, its number from 1, the cycle it started in and the reference clock.</returns>
    public static IReadOnlyList<(SlaMetric Metric, int Occurrence, int Cycle, ReferenceClock Clock)> Occurrences(SlaPolicy policy, TicketTimeline timeline, Instant now, GeneratedCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(timeline);
        var entries = timeline.Entries.TakeWhile(e => e.At <= now).ToList();
        var result = new List<(SlaMetric, int, int, ReferenceClock)>();
        foreach (var metric in policy.Targets.Select(static t => t.Metric).Distinct().Where(static m => m.IsRecurring))
        {
            var number = 0;
            int? open = null;
            for (var i = 0; i <= entries.Count; i++)
            {
                var last = i == entries.Count;
                if (!last && open is null && entries[i].Kind == TimelineEntryKind.MilestoneReached && metric.RecursOn!.Equals(entries[i].Milestone))
                {
                    open = i;
                }
                else if (open is { } started && (last || IsStop(metric, entries[i])))
                {
                    number++;
                    var stop = last ? -1 : i;
                    var cycle = 1 + entries.Take(started).Count(static e => e.Kind == TimelineEntryKind.Reopened);
                    var severity = Severity(timeline, entries, stop >= 0 ? stop : entries.Count);
                    ReferenceClock? best = null;
                    foreach (var target in policy.Targets.Where(t => t.Metric.Equals(metric) && t.AppliesTo(severity, timeline.Channel, timeline.Site)))
                    {
                        var clock = Clock(policy, target, timeline, entries, cycle, entries[started].At, started + 1, entries.Count, stop, now, calendar, occurrenceStart: entries[started].At);
                        if (clock is not null && (best is null || clock.Due < best.Due))
                        {
                            best = clock;
                        }
                    }

                    if (best is not null)
                    {
                        result.Add((metric, number, cycle, best));
                    }

                    open = null;
                }
            }
        }

        return result;
    }

    /// <summary>The reason of the pause open at <paramref name="now"/>, or <see langword="null"/> when none is.</summary>
    private static PauseReason? OpenPauseReason(TicketTimeline timeline, Instant now)
    {
        PauseReason? open = null;
        foreach (var entry in timeline.Entries.TakeWhile(e => e.At <= now))
        {
            open = entry.Kind switch
            {
                TimelineEntryKind.PauseStarted => entry.PauseReason ?? PauseReason.WaitingForCustomer,
                TimelineEntryKind.PauseEnded => null,
                _ => open,
            };
        }

        return open;
    }

    private static bool IsOpenPause(TicketTimeline timeline, Instant now)
    {
        var open = false;
        foreach (var entry in timeline.Entries.TakeWhile(e => e.At <= now))
        {
            open = entry.Kind switch
            {
                TimelineEntryKind.PauseStarted => true,
                TimelineEntryKind.PauseEnded => false,
                _ => open,
            };
        }

        return open;
    }
}
