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
    public static IReadOnlyList<Interval> Pauses(TicketTimeline timeline, Instant from, Instant to, Instant now)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var result = new List<Interval>();
        Instant? openedAt = null;
        foreach (var entry in timeline.Entries.TakeWhile(e => e.At <= now))
        {
            if (entry.Kind == TimelineEntryKind.PauseStarted)
            {
                openedAt = entry.At;
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
    /// Evaluates <paramref name="policy"/> with <see cref="SlaEvaluator"/> and recomputes every clock
    /// that started with <see cref="Recompute"/>. Targets on <paramref name="calendar"/>'s calendar
    /// are counted with its rules, targets on <see cref="ChinaCalendars.Statutory9To18"/> with
    /// <see cref="ReferenceCalendar.ChinaStatutory9To18"/>, any other with its calendar's
    /// <see cref="BusinessCalendar.IsBusinessTime"/>.
    /// </summary>
    /// <returns>Every difference found, one line each; empty when the evaluator agrees with the reference.</returns>
    public static IReadOnlyList<string> Disagreements(SlaPolicy policy, TicketTimeline timeline, Instant now, GeneratedCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var differences = new List<string>();
        foreach (var clock in SlaEvaluator.Evaluate(policy, timeline, now))
        {
            var rules = calendar is not null && ReferenceEquals(clock.Target.Calendar, calendar.Calendar) ? calendar.Rules
                : ReferenceEquals(clock.Target.Calendar, ChinaCalendars.Statutory9To18) ? ReferenceCalendar.ChinaStatutory9To18
                : null;
            if (Recompute(clock, timeline, now, rules) is { } reference)
            {
                differences.AddRange(reference.DifferencesFrom(clock).Select(d => $"cycle {clock.Cycle}, {d}"));
            }
        }

        return differences;
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
