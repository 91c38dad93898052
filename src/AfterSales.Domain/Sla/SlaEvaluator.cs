using System.Globalization;
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
/// <para><b>Pauses.</b> A target does not count the business time between a pause for a reason it
/// pauses for (<see cref="SlaTarget.PausesFor"/>) and its resume; a pause outside business hours
/// changes nothing. While a pause is open, the due instant shown is where it would be if work resumed
/// now. The explanation names each reason; <see cref="SlaClock.PausedByReason"/> sums by reason.</para>
/// <para><b>Agreed dates</b> (R-SLA-3). The last due date negotiated for a metric since its clock
/// started in the cycle is the due instant — unless it is earlier than the policy's own deadline and
/// the policy does not allow that (<see cref="SlaPolicy.NegotiatedDueDates"/>), when the policy's stands.</para>
/// <para><b>Recurring metrics</b> (<see cref="SlaMetric.IsRecurring"/>): one clock per occurrence, from
/// each start milestone not already waiting to the next stop.</para>
/// <para><b>Reclassification</b> (R-SEV-2). A clock that has stopped keeps the target of the
/// severity in force when it stopped: completed clocks never change. A clock still open uses the
/// target of the current severity, counted from its original start with the pauses it had: time
/// already elapsed and paused is kept, only the allowed amount changes. A reclassification upward
/// can therefore breach a clock at once — which is what the stricter promise means.</para>
/// <para><b>Re-opening</b> (R-WO-4). Each re-opening starts a new cycle for the metrics that
/// <see cref="SlaMetric.RestartsOnReopen">restart</see> (restoration, resolution, repair plan,
/// loaner), anchored at the re-opening; clocks of earlier cycles are left as they were. Metrics
/// that do not restart (response, arrival) keep their single first-cycle clock. Under
/// <see cref="ReopeningRule.ContinueClock"/> a restarting metric keeps one clock too, which does not
/// count the time from each earlier stop to the re-opening.</para>
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

    /// <summary>Evaluates every clock of <paramref name="timeline"/> under <paramref name="policy"/> at <paramref name="now"/>, explained in <paramref name="language"/>.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="timeline">The work order's timeline.</param>
    /// <param name="now">The evaluation instant.</param>
    /// <param name="language">The language of the explanations; the policy's (<see cref="SlaPolicy.Language"/>) when <see langword="null"/>.</param>
    public static IReadOnlyList<SlaClock> Evaluate(SlaPolicy policy, TicketTimeline timeline, Instant now, ExplanationLanguage? language) =>
        Evaluate([SlaTerms.Of(Guard.NotNull(policy))], timeline, now, language);

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
    public static IReadOnlyList<SlaClock> Evaluate(IReadOnlyList<SlaTerms> terms, TicketTimeline timeline, Instant now) =>
        Evaluate(terms, timeline, now, null);

    /// <summary>
    /// Evaluates every clock under the terms adopted over time (see <see cref="Evaluate(IReadOnlyList{SlaTerms}, TicketTimeline, Instant)"/>),
    /// explained in <paramref name="language"/>.
    /// </summary>
    /// <param name="terms">The terms, oldest first.</param>
    /// <param name="timeline">The work order's timeline.</param>
    /// <param name="now">The evaluation instant.</param>
    /// <param name="language">The language of the explanations; the latest policy's (<see cref="SlaPolicy.Language"/>) when <see langword="null"/>.</param>
    public static IReadOnlyList<SlaClock> Evaluate(IReadOnlyList<SlaTerms> terms, TicketTimeline timeline, Instant now, ExplanationLanguage? language) =>
        EvaluateAll(terms, timeline, now, language, null, explain: true);

    /// <summary>
    /// The clocks, and for each the clocks of every target that applied to its metric and cycle (the
    /// strictest of which it is): while a clock is paused, another target's running clock may become
    /// the stricter one with time alone (<see cref="Events.ClockAlerts.Next(IReadOnlyList{SlaTerms}, TicketTimeline, Instant)"/>).
    /// </summary>
    /// <summary>
    /// The clocks without their explanations (empty): for a report or a stored summary, which read the
    /// instants and statuses only, so no line of text is formatted.
    /// </summary>
    internal static IReadOnlyList<SlaClock> EvaluateUnexplained(IReadOnlyList<SlaTerms> terms, TicketTimeline timeline, Instant now) =>
        EvaluateAll(terms, timeline, now, null, null, explain: false);

    internal static (IReadOnlyList<SlaClock> Clocks, IReadOnlyList<IReadOnlyList<SlaClock>> Candidates) EvaluateWithCandidates(
        IReadOnlyList<SlaTerms> terms, TicketTimeline timeline, Instant now, bool explain = true)
    {
        var candidates = new List<IReadOnlyList<SlaClock>>();
        return (EvaluateAll(terms, timeline, now, null, candidates, explain), candidates);
    }

    private static List<SlaClock> EvaluateAll(
        IReadOnlyList<SlaTerms> terms, TicketTimeline timeline, Instant now, ExplanationLanguage? language, List<IReadOnlyList<SlaClock>>? candidates, bool explain)
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
        language ??= latest.Policy.Language;
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
            if (metric.IsRecurring)
            {
                AddOccurrences(terms, latest, timeline, metric, cycles, count, now, language, explain, clocks, candidates);
                continue;
            }

            if (metric.RestartsOnReopen && latest.Policy.Reopening == ReopeningRule.ContinueClock)
            {
                // One clock over every cycle: it continues after each re-opening, the fixed time excluded.
                var appliedToContinued = candidates is null ? null : new List<SlaClock>();
                var continued = EvaluateMetric(terms, latest, timeline, metric, cycles[0] with { EndEntry = count, Continues = cycles.Count > 1 }, 1, count, now, language, explain, appliedToContinued);
                if (continued is not null)
                {
                    clocks.Add(continued);
                    candidates?.Add(appliedToContinued!);
                }

                continue;
            }

            for (var c = 0; c < cycles.Count; c++)
            {
                if (c > 0 && !metric.RestartsOnReopen)
                {
                    break;
                }

                // A metric that does not restart has one clock over every cycle: a resolution after a
                // re-opening still ends it.
                var cycle = metric.RestartsOnReopen ? cycles[c] : cycles[c] with { EndEntry = count };
                var applied = candidates is null ? null : new List<SlaClock>();
                var clock = EvaluateMetric(terms, latest, timeline, metric, cycle, c + 1, count, now, language, explain, applied);
                if (clock is not null)
                {
                    clocks.Add(clock);
                    candidates?.Add(applied!);
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

    /// <summary>
    /// The entries a clock looks at: a cycle (between re-openings), one occurrence of a recurring metric
    /// (from its start, <paramref name="Occurrence"/> &gt; 0), or every cycle of a clock that continues
    /// after re-openings (<paramref name="Continues"/>).
    /// </summary>
    private readonly record struct Cycle(Instant Start, int FirstEntry, int EndEntry, int Occurrence = 0, bool Continues = false);

    /// <summary>One clock per occurrence of a recurring metric: each start milestone not already being answered opens one, stopped by the next stop.</summary>
    private static void AddOccurrences(
        IReadOnlyList<SlaTerms> terms, SlaTerms latest, TicketTimeline timeline, SlaMetric metric, List<Cycle> cycles, int count, Instant now, ExplanationLanguage language, bool explain, List<SlaClock> clocks,
        List<IReadOnlyList<SlaClock>>? candidates)
    {
        var occurrence = 0;
        for (var i = 0; i < count;)
        {
            var entry = timeline.Entries[i];
            if (entry.Kind != TimelineEntryKind.MilestoneReached || !metric.RecursOn!.Equals(entry.Milestone))
            {
                i++;
                continue;
            }

            occurrence++;
            var cycle = cycles.FindLastIndex(c => c.FirstEntry <= i) + 1;
            var applied = candidates is null ? null : new List<SlaClock>();
            var clock = EvaluateMetric(terms, latest, timeline, metric, new Cycle(entry.At, i + 1, count, occurrence), cycle, count, now, language, explain, applied);
            if (clock is not null)
            {
                clocks.Add(clock);
                candidates?.Add(applied!);
            }

            var stop = FindStop(timeline, metric, i + 1, count);
            if (stop < 0)
            {
                break; // still waiting for an answer: later messages belong to this occurrence
            }

            i = stop + 1;
        }
    }

    /// <summary>The index of the last re-opening among the first <paramref name="count"/> entries, or -1.</summary>
    private static int LastReopening(TicketTimeline timeline, int count)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            if (timeline.Entries[i].Kind == TimelineEntryKind.Reopened)
            {
                return i;
            }
        }

        return -1;
    }

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
        IReadOnlyList<SlaTerms> allTerms, SlaTerms latest, TicketTimeline timeline, SlaMetric metric, Cycle cycle, int cycleNumber, int count, Instant now, ExplanationLanguage language, bool explain, List<SlaClock>? applied)
    {
        // A clock that continues after re-openings stops only at its stop after the last one.
        var stopIndex = FindStop(timeline, metric, cycle.Continues ? LastReopening(timeline, count) + 1 : cycle.FirstEntry, cycle.EndEntry);

        // A stopped clock keeps the terms in force when it stopped; an open one takes the latest.
        var terms = stopIndex >= 0 ? TermsAt(allTerms, timeline.Entries[stopIndex].At, stopped: true) : latest;
        return EvaluateUnder(terms, timeline, metric, cycle, cycleNumber, stopIndex, count, now, language, explain, applied);
    }

    private static SlaClock? EvaluateUnder(
        SlaTerms terms, TicketTimeline timeline, SlaMetric metric, Cycle cycle, int cycleNumber, int stopIndex, int count, Instant now, ExplanationLanguage language, bool explain, List<SlaClock>? applied)
    {
        var policy = terms.Policy;
        var severity = timeline.SeverityCodeBefore(stopIndex >= 0 ? stopIndex : count);

        SlaClock? best = null;
        var applicable = 0;
        foreach (var target in policy.TargetsFor(metric, severity, timeline.Channel, timeline.Site))
        {
            applicable++;
            var clock = EvaluateTarget(terms, timeline, target, severity, cycle, cycleNumber, stopIndex, count, now, language, explain);
            applied?.Add(clock);
            if (best is null || Earlier(clock, best))
            {
                best = clock;
            }
        }

        if (best is not null && applicable > 1 && explain)
        {
            var lines = best.Explanation.ToList();
            lines.Insert(1, language.Text($"取 {applicable} 个适用时限中最严格的一个", $"strictest of {applicable} applicable targets"));
            best = new SlaClock(best.Target, best.Cycle, best.SeverityCode, best.Status, best.StartedAt, best.DueAt,
                best.StoppedAt, best.Allowed, best.Elapsed, best.PausedBusinessTime, best.Warnings, lines, best.Basis, best.Escalations, best.Extras);
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
        SlaTerms terms, TicketTimeline timeline, SlaTarget target, string severity, Cycle cycle, int cycleNumber, int stopIndex, int count, Instant now, ExplanationLanguage language, bool explain)
    {
        var calendar = terms.CalendarFor(target);
        var calendarKey = calendar.Key;
        var text = new ExplanationWriter(calendar.Zone, language, explain);
        var conditions = !explain || target.Conditions.IsAny ? "" : $", {target.Conditions}";
        var words = explain && target.Description.Length > 0 ? $" — {target.Description}" : "";
        var byClose = target.Amount.Unit is SlaAmountUnit.CloseOfWorkingDay or SlaAmountUnit.ByAgreement;
        text.Line(
            $"{target.Metric.NameZh}:{text.Amount(target.Amount)}{(byClose ? "" : "内")}(日历 {calendar.Name}),故障等级 {severity}{conditions}{words}",
            $"{target.Metric} ({target.Metric.NameZh}) {(byClose ? "by" : "within")} {target.Amount} on {calendar.Name}, severity {severity}{conditions}{words}");

        Instant? stoppedAt = stopIndex >= 0 ? timeline.Entries[stopIndex].At : null;
        var stoppedBy = stopIndex >= 0 ? timeline.Entries[stopIndex].Milestone : null;
        var ended = stoppedBy is not null && !stoppedBy.Equals(target.Metric.StoppedBy);
        Instant? start;
        if (cycle.Occurrence > 0)
        {
            text.Line(
                $"第 {cycle.Occurrence} 次:自{text.Name(target.Metric.RecursOn!)} {text.Local(cycle.Start)} 起计,至下一次{text.Name(target.Metric.StoppedBy)}",
                $"occurrence {cycle.Occurrence}: started {text.Local(cycle.Start)} at a {target.Metric.RecursOn}, until the next {target.Metric.StoppedBy}");
            start = cycle.Start;
        }
        else
        {
            start = StartOf(timeline, target.StartAnchor, cycle, cycleNumber, text);
        }

        var occurrenceNumber = cycle.Occurrence > 0 ? cycle.Occurrence : (int?)null;
        if (start is null)
        {
            var status = stoppedAt is null ? SlaClockStatus.NotStarted : ended ? SlaClockStatus.Waived : SlaClockStatus.Met;
            text.Line(stoppedAt is { } s
                ? text.T($"{text.Name(stoppedBy!)}({text.Local(s)})早于{text.Name(target.StartAnchor)},无需计时", $"{stoppedBy} at {text.Local(s)} came before {target.StartAnchor}; nothing to count")
                : text.T($"未开始:等待{text.Name(target.StartAnchor)}", $"not started: waits for {target.StartAnchor}"));
            text.Line(explain ? terms.Policy.Conventions.Describe(language) : "");
            return new SlaClock(target, cycleNumber, severity, status, null, null, stoppedAt,
                Duration.Zero, Duration.Zero, Duration.Zero, [], text.Lines, new ClockBasis(terms.Policy.Key, calendar.Key, false, stoppedBy), null,
                new ClockExtras(occurrenceNumber, [], null, null));
        }

        var begin = start.Value;
        var upTo = stopIndex >= 0 ? stopIndex : count;
        if (terms.Policy.Reclassification == ReclassificationRule.RestartAtChange
            && LastReclassification(timeline, cycle.FirstEntry, upTo) is { } changedAt && changedAt > begin)
        {
            begin = changedAt;
        }

        var end = stoppedAt ?? now;
        if (end < begin)
        {
            end = begin;
        }

        var allowed = target.Amount.ToBusinessTime(calendar, begin);
        if (target.Amount.Unit == SlaAmountUnit.ByAgreement
            && Agreement(timeline, target.Metric, cycle.FirstEntry, stopIndex >= 0 ? stopIndex : cycle.EndEntry, begin) is null)
        {
            // Planned by negotiation (R-SLA-3's class D): nothing is due until a date is agreed.
            text.Line("按协议与客户协商确定时间,尚未约定", "planned by negotiation with the customer: no date agreed yet");
            text.Line(explain ? terms.Policy.Conventions.Describe(language) : "");
            var status = stoppedAt is null ? SlaClockStatus.NotStarted : ended ? SlaClockStatus.Waived : SlaClockStatus.Met;
            return new SlaClock(target, cycleNumber, severity, status, null, null, stoppedAt, Duration.Zero, Duration.Zero, Duration.Zero, [], text.Lines,
                new ClockBasis(terms.Policy.Key, calendar.Key, false, stoppedBy), null, new ClockExtras(occurrenceNumber, [], null, null));
        }
        if (target.Amount.CountsElapsedTime)
        {
            // Calendar days, weeks and months are elapsed time in the calendar's zone: counted on 7×24 there.
            text.Line(
                $"自开始起{text.Amount(target.Amount)} = {text.D(allowed)}自然时间(按月份天数截取,不按工作时间)",
                $"{target.Amount} from the start = {DurationText.Format(allowed)} of elapsed time (months clamp to a shorter month's end; not business time)");
            calendar = BusinessCalendar.TwentyFourSeven(calendar.Zone);
        }
        else if (target.Amount.Unit != SlaAmountUnit.BusinessTime)
        {
            text.Line($"自开始起{text.Amount(target.Amount)} = {text.D(allowed)}工作时间", $"{target.Amount} from the start = {DurationText.Format(allowed)} of business time");
        }

        var (timeZh, timeEn) = target.Amount.CountsElapsedTime ? ("自然时间", "elapsed time") : ("工作时间", "business time");
        ExplainReclassification(timeline, upTo, terms.Policy.Reclassification, text);

        var conventions = terms.Policy.Conventions;
        var spans = Pauses(timeline, target, count, begin, end, now);
        var openIndex = stoppedAt is null ? timeline.OpenPauseIndex(count) : -1;
        var openPause = openIndex >= 0 && target.PausesFor(timeline.Entries[openIndex].PauseReason ?? PauseReason.WaitingForCustomer);
        if (conventions.WaitingBeforeFirstResponse == WaitingBeforeFirstResponse.Counts && !target.Metric.Equals(SlaMetric.FirstResponse))
        {
            // Only waiting after the first response pauses this target; before it, the time counts.
            var responded = FirstResponse(timeline, count);
            spans = [.. spans.Select(p => p with { From = responded is { } r && r > p.From ? r : p.From }).Where(p => responded is not null && p.To > p.From)];
            openPause &= responded is not null;
        }

        if (cycle.Continues)
        {
            spans.AddRange(ClosedTime(timeline, target.Metric, count, begin, end, text));
        }

        var pauses = Merged(spans);
        var due = Walk(calendar, begin, pauses, allowed);
        if (conventions.BudgetEndingAtClose == BudgetEndingAtClose.NextOpening && allowed > Duration.Zero
            && target.Amount.Unit != SlaAmountUnit.CloseOfWorkingDay && !calendar.IsBusinessTime(due))
        {
            due = calendar.NextBusinessTime(due); // the budget ran out at a close: due at the next opening
        }
        var paused = Duration.Zero;
        foreach (var (from, to) in pauses)
        {
            paused += calendar.BusinessTimeBetween(from, to);
        }

        var elapsed = calendar.BusinessTimeBetween(begin, end) - paused;
        var byReason = ExplainPauses(timeline, target, count, spans, openPause ? timeline.Entries[openIndex].PauseReason ?? PauseReason.WaitingForCustomer : null, calendar, text, timeZh, timeEn);
        Instant? agreedAt = null;
        var policyDue = due;
        if (cycle.Occurrence == 0 && Agreement(timeline, target.Metric, cycle.FirstEntry, stopIndex >= 0 ? stopIndex : cycle.EndEntry, begin) is { } agreement)
        {
            agreedAt = agreement.DueAt;
            var byAgreement = target.Amount.Unit == SlaAmountUnit.ByAgreement;
            var agreedDue = AgreedDue(terms.Policy, agreement, due, byAgreement, text);
            policyDue = byAgreement ? agreedDue : policyDue;
            if (agreedDue != due)
            {
                // The agreed instant is the deadline; the allowed time is what it leaves outside the pauses.
                due = agreedDue;
                allowed = calendar.BusinessTimeBetween(begin, due);
                foreach (var (from, to) in pauses)
                {
                    allowed -= from < due ? calendar.BusinessTimeBetween(from, to < due ? to : due) : Duration.Zero;
                }
            }
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
            text.Line(Due(text, due));
            state = endedAt <= due ? SlaClockStatus.Waived : SlaClockStatus.Breached;
            text.Line(state == SlaClockStatus.Waived
                ? text.T($"无需履行:{text.Name(stoppedBy!)}({text.Local(endedAt)})在到期前结束了本时限", $"not needed: {stoppedBy} at {text.Local(endedAt)} ended it before it was due")
                : text.T($"已超时:{text.Name(stoppedBy!)}({text.Local(endedAt)})结束本时限时已超时 {text.D(elapsed - allowed)} {timeZh}", $"breached: {DurationText.Format(elapsed - allowed)} of {timeEn} overdue when {stoppedBy} at {text.Local(endedAt)} ended it"));
        }
        else if (stoppedAt is { } stop)
        {
            state = stop <= due ? SlaClockStatus.Met : SlaClockStatus.MetLate;
            text.Line(Due(text, due));
            text.Line(state == SlaClockStatus.Met
                ? text.T($"已于 {text.Local(stop)} 按时达成,尚余 {text.D(allowed - elapsed)} {timeZh}", $"met at {text.Local(stop)} with {DurationText.Format(allowed - elapsed)} of {timeEn} to spare")
                : text.T($"已于 {text.Local(stop)} 超时达成,超出 {text.D(elapsed - allowed)} {timeZh}", $"met late at {text.Local(stop)}, {DurationText.Format(elapsed - allowed)} of {timeEn} over"));
        }
        else if (now > due)
        {
            state = SlaClockStatus.Breached;
            text.Line(Due(text, due));
            text.Line($"已超时:截至 {text.Local(now)} 超时 {text.D(elapsed - allowed)} {timeZh}", $"breached: {DurationText.Format(elapsed - allowed)} of {timeEn} overdue at {text.Local(now)}");
        }
        else if (openPause)
        {
            state = SlaClockStatus.Paused;
            text.Line($"若现在恢复处理,{text.Local(due)} 到期;尚余 {text.D(allowed - elapsed)} {timeZh}", $"due {text.Local(due)} if work resumes now; {DurationText.Format(allowed - elapsed)} of {timeEn} left");
        }
        else
        {
            state = SlaClockStatus.Running;
            text.Line($"{text.Local(due)} 到期;尚余 {text.D(allowed - elapsed)} {timeZh}", $"due {text.Local(due)}; {DurationText.Format(allowed - elapsed)} of {timeEn} left");
        }

        var provisional = calendar.ProvisionalLines(begin, Max(due, end), language);
        foreach (var line in provisional)
        {
            text.Line(line.TrimEnd('.', '。'));
        }

        var escalations = Escalations(target, cycleNumber, occurrenceNumber, calendar, begin, pauses, allowed, due, end, text);
        text.Line(explain ? conventions.Describe(language) : "");
        if (conventions.Rounding == DurationRounding.Minute)
        {
            (allowed, elapsed, paused) = (ToMinute(allowed), ToMinute(elapsed), ToMinute(paused));
            byReason = [.. byReason.Select(static p => new SlaPausedTime(p.Reason, ToMinute(p.BusinessTime)))];
        }

        return new SlaClock(target, cycleNumber, severity, state, begin, due, stoppedAt, allowed, elapsed, paused, warnings, text.Lines,
            new ClockBasis(terms.Policy.Key, calendarKey, provisional.Count > 0, stoppedBy, openPause), escalations, new ClockExtras(occurrenceNumber, byReason, agreedAt, policyDue));
    }

    /// <summary>
    /// Each escalation level as an instant: a percent or a business-time offset walks the allowed time
    /// with the pauses (so pausing moves every level like the deadline); an elapsed offset is the due
    /// instant plus the offset, never before the start. In time order, keyed <c>metric/cycle/level</c>.
    /// </summary>
    private static SlaEscalation[] Escalations(
        SlaTarget target, int cycle, int? occurrence, BusinessCalendar calendar, Instant begin, List<(Instant From, Instant To)> pauses, Duration allowed, Instant due, Instant end, ExplanationWriter text)
    {
        if (target.EscalationLevels.Count == 0)
        {
            return [];
        }

        var result = new List<SlaEscalation>(target.EscalationLevels.Count);
        foreach (var level in target.EscalationLevels)
        {
            Instant at;
            if (level.Percent is { } percent)
            {
                at = Walk(calendar, begin, pauses, Duration.FromNanoseconds((long)((decimal)allowed.ToInt64Nanoseconds() * percent / 100)));
            }
            else if (level.Counting == EscalationCounting.BusinessTime)
            {
                var amount = allowed + level.Offset;
                at = Walk(calendar, begin, pauses, amount < Duration.Zero ? Duration.Zero : amount);
            }
            else
            {
                at = Max(due + level.Offset, begin);
            }

            // An occurrence of a recurring clock has its own levels: metric/cycle.occurrence/level.
            var key = occurrence is { } n
                ? string.Create(CultureInfo.InvariantCulture, $"{target.Metric.Code}/{cycle}.{n}/{level.Name}")
                : string.Create(CultureInfo.InvariantCulture, $"{target.Metric.Code}/{cycle}/{level.Name}");
            result.Add(new SlaEscalation(key, level, at, at <= end));
        }

        result.Sort(static (a, b) => a.At.CompareTo(b.At));
        foreach (var e in result)
        {
            var to = string.Join(", ", e.Level.Notify);
            text.Line(
                $"升级“{e.Level.Name}”(通知 {to}):{text.Local(e.At)},即{e.Level.Describe(text.Language)}{(e.IsReached ? ",已到" : string.Empty)}",
                $"escalation {e.Level.Name} (to {to}) at {text.Local(e.At)}, {e.Level.Describe(text.Language)}{(e.IsReached ? ", reached" : string.Empty)}");
        }

        return [.. result];
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
                text.Line($"第 {cycleNumber} 周期:自重新打开 {text.Local(cycle.Start)} 起计", $"cycle {cycleNumber}: started {text.Local(cycle.Start)} at the re-opening");
                return cycle.Start;
            }

            if (anchor.Equals(Milestone.FaultOccurred))
            {
                if (timeline.FaultOccurredAt is { } fault)
                {
                    text.Line($"自故障发生 {text.Local(fault)} 起计", $"started {text.Local(fault)} at the fault's occurrence");
                    return fault;
                }

                text.Line($"故障发生时间未知:自报障 {text.Local(timeline.ReportedAt)} 起计", $"fault time unknown: started {text.Local(timeline.ReportedAt)} at the report");
                return timeline.ReportedAt;
            }

            text.Line($"自报障 {text.Local(timeline.ReportedAt)} 起计", $"started {text.Local(timeline.ReportedAt)} at the report");
            return timeline.ReportedAt;
        }

        var index = FindMilestone(timeline, anchor, cycle.FirstEntry, cycle.EndEntry);
        if (index < 0)
        {
            return null;
        }

        var at = timeline.Entries[index].At;
        text.Line($"自{text.Name(anchor)} {text.Local(at)} 起计", $"started {text.Local(at)} at {anchor}");
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

    /// <summary>A span of time a clock does not count: a pause for <paramref name="Reason"/>, or (no reason) the fixed time before a re-opening of a continued clock.</summary>
    private readonly record struct Span(Instant From, Instant To, PauseReason? Reason);

    /// <summary>The pauses for reasons that pause <paramref name="target"/> within [begin, end], clipped; an open pause runs until now.</summary>
    private static List<Span> Pauses(TicketTimeline timeline, SlaTarget target, int count, Instant begin, Instant end, Instant now)
    {
        var pauses = new List<Span>();
        Instant? openedAt = null;
        var reason = PauseReason.WaitingForCustomer;
        for (var i = 0; i < count; i++)
        {
            var entry = timeline.Entries[i];
            if (entry.Kind == TimelineEntryKind.PauseStarted)
            {
                openedAt = entry.At;
                reason = entry.PauseReason ?? PauseReason.WaitingForCustomer;
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
            if (to > from && target.PausesFor(reason))
            {
                pauses.Add(new Span(from, to, reason));
            }
        }
    }

    /// <summary>
    /// The time a clock that continues after re-openings does not count: from its stop in each earlier
    /// cycle to the re-opening that follows (the order was fixed then), clipped to [begin, end].
    /// </summary>
    private static IEnumerable<Span> ClosedTime(TicketTimeline timeline, SlaMetric metric, int count, Instant begin, Instant end, ExplanationWriter text)
    {
        var first = 0;
        for (var i = 0; i < count; i++)
        {
            if (timeline.Entries[i].Kind != TimelineEntryKind.Reopened)
            {
                continue;
            }

            var stop = FindStop(timeline, metric, first, i);
            var reopened = timeline.Entries[i].At;
            first = i + 1;
            if (stop < 0)
            {
                text.Line($"{text.Local(reopened)} 重新打开:本时限继续计时", $"re-opened {text.Local(reopened)}: the clock continues");
                continue;
            }

            var from = Max(timeline.Entries[stop].At, begin);
            var to = reopened < end ? reopened : end;
            text.Line(
                $"{text.Local(reopened)} 重新打开:本时限继续计时,不计 {text.Local(timeline.Entries[stop].At)} 至重新打开之间的时间",
                $"re-opened {text.Local(reopened)}: the clock continues; the time from {text.Local(timeline.Entries[stop].At)} to the re-opening does not count");
            if (to > from)
            {
                yield return new Span(from, to, null);
            }
        }
    }

    /// <summary>The spans as sorted, non-overlapping intervals, as <see cref="Walk"/> takes them.</summary>
    private static List<(Instant From, Instant To)> Merged(List<Span> spans)
    {
        // Sorted by start on a copy (the merge does not depend on the order of spans that start together).
        var sorted = spans.ToArray();
        Array.Sort(sorted, static (a, b) => a.From.CompareTo(b.From));
        var merged = new List<(Instant From, Instant To)>(sorted.Length);
        foreach (var span in sorted)
        {
            if (merged.Count > 0 && span.From <= merged[^1].To)
            {
                merged[^1] = (merged[^1].From, Max(merged[^1].To, span.To));
            }
            else
            {
                merged.Add((span.From, span.To));
            }
        }

        return merged;
    }

    /// <summary>
    /// One line per pause reason that paused the clock (its business time and spans), one per reason
    /// that occurred but does not pause this target; the paused time by reason.
    /// </summary>
    private static List<SlaPausedTime> ExplainPauses(
        TicketTimeline timeline, SlaTarget target, int count, List<Span> spans, PauseReason? open, BusinessCalendar calendar, ExplanationWriter text, string timeZh, string timeEn)
    {
        var result = new List<SlaPausedTime>();
        foreach (var group in spans.Where(static s => s.Reason is not null).GroupBy(static s => s.Reason!))
        {
            var time = Duration.Zero;
            foreach (var span in group)
            {
                time += calendar.BusinessTimeBetween(span.From, span.To);
            }

            result.Add(new SlaPausedTime(group.Key, time));
            if (text.Explains)
            {
                var still = group.Key.Equals(open);
                var list = string.Join(", ", group.Select(p => $"{text.Local(p.From)}–{text.Local(p.To)}"));
                text.Line(
                    $"{group.Key.NameZh}暂停 {text.D(time)} {timeZh}({list}{(still ? ",仍在暂停" : "")})",
                    $"paused {DurationText.Format(time)} of {timeEn} {group.Key.NameEn} ({list}{(still ? ", still paused" : "")})");
            }
        }

        // The rest only explains (a save's summary and the alerts evaluate without explanations).
        if (!text.Explains)
        {
            return result;
        }

        var notPausing = timeline.Entries.Take(count)
            .Where(static e => e.Kind == TimelineEntryKind.PauseStarted)
            .Select(static e => e.PauseReason ?? PauseReason.WaitingForCustomer)
            .Distinct()
            .Where(r => !target.PausesFor(r));
        foreach (var reason in notPausing)
        {
            text.Line($"{reason.NameZh}不暂停本时限", $"{reason.NameEn} does not pause this target");
        }

        return result;
    }

    /// <summary>The last due date agreed for <paramref name="metric"/> among entries [first, end) since the clock began, if any.</summary>
    private static TimelineEntry? Agreement(TicketTimeline timeline, SlaMetric metric, int first, int end, Instant begin)
    {
        for (var i = end - 1; i >= first; i--)
        {
            var entry = timeline.Entries[i];
            if (entry.Kind == TimelineEntryKind.DueDateNegotiated && metric.Equals(entry.Metric) && entry.At >= begin)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>
    /// The due instant under an agreement with the customer: the agreed one — unless it is earlier than
    /// the policy's own deadline and the policy does not allow that, when the policy's deadline stands.
    /// </summary>
    private static Instant AgreedDue(SlaPolicy policy, TimelineEntry agreement, Instant policyDue, bool byAgreement, ExplanationWriter text)
    {
        var agreed = agreement.DueAt!.Value;
        var on = text.Local(agreement.At);
        var words = $"{agreement.AgreedBy}: {agreement.Reason}";
        if (byAgreement)
        {
            text.Line(
                $"{text.Local(agreed)} 到期,系 {on} 与客户协商约定({words});协议规定本时限协商确定",
                $"due {text.Local(agreed)} as agreed with the customer on {on} ({words}); the policy plans it by negotiation");
            return agreed;
        }

        if (agreed >= policyDue)
        {
            text.Line(
                $"{text.Local(agreed)} 到期,系 {on} 与客户协商约定({words});协议自身时限为 {text.Local(policyDue)}",
                $"due {text.Local(agreed)} as agreed with the customer on {on} ({words}); the policy's own deadline was {text.Local(policyDue)}");
            return agreed;
        }

        if (policy.NegotiatedDueDates == NegotiatedDueDates.MayBeEarlier)
        {
            text.Line(
                $"{text.Local(agreed)} 到期,系 {on} 与客户协商约定({words}),早于协议自身时限 {text.Local(policyDue)},协议允许",
                $"due {text.Local(agreed)} as agreed with the customer on {on} ({words}), earlier than the policy's own deadline {text.Local(policyDue)}, as the policy allows");
            return agreed;
        }

        text.Line(
            $"{on} 与客户约定的 {text.Local(agreed)}({words})早于协议自身时限 {text.Local(policyDue)},协议不允许提前,仍按协议时限",
            $"the date agreed with the customer on {on}, {text.Local(agreed)} ({words}), is earlier than the policy's own deadline {text.Local(policyDue)}, which stands: the policy does not allow earlier agreed dates");
        return policyDue;
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
            text.Line(
                $"免除:{text.Name(milestone)}于 {text.Local(timeline.Entries[index].At)},在开始后 {text.D(target.WaiverWindow)} 内",
                $"waived: {milestone} at {text.Local(timeline.Entries[index].At)}, within {DurationText.Format(target.WaiverWindow)} of the start");
            return true;
        }

        var came = index >= 0 ? timeline.Entries[index].At : (Instant?)null;
        text.Line(
            $"除非{text.Name(milestone)}不晚于 {text.Local(deadline)},否则须履行" + (came is { } c1 ? $";实际于 {text.Local(c1)}" : ""),
            $"owed unless {milestone} by {text.Local(deadline)}" + (came is { } c2 ? $"; it came at {text.Local(c2)}" : ""));
        return false;
    }

    private static void ExplainReclassification(TicketTimeline timeline, int upTo, ReclassificationRule rule, ExplanationWriter text)
    {
        for (var i = 0; i < upTo; i++)
        {
            var entry = timeline.Entries[i];
            if (entry.Kind == TimelineEntryKind.SeverityChanged)
            {
                var change = $"{timeline.SeverityCodeBefore(i)} → {entry.SeverityCode}";
                text.Line(rule == ReclassificationRule.RestartAtChange
                    ? text.T($"{text.Local(entry.At)} 重新定级 {change}:按协议自定级时重新计时", $"severity reclassified {change} at {text.Local(entry.At)}: the clock starts again at the change, as the policy says")
                    : text.T($"{text.Local(entry.At)} 重新定级 {change}:新等级的时限自原开始时间起适用,已用和暂停时间保留", $"severity reclassified {change} at {text.Local(entry.At)}: its target applies from the original start; elapsed and paused time are kept"));
            }
        }
    }

    /// <summary>When the severity last changed among entries [first, end), if it did.</summary>
    private static Instant? LastReclassification(TicketTimeline timeline, int first, int end)
    {
        for (var i = end - 1; i >= first; i--)
        {
            if (timeline.Entries[i].Kind == TimelineEntryKind.SeverityChanged)
            {
                return timeline.Entries[i].At;
            }
        }

        return null;
    }

    /// <summary>Names the holidays and make-up working days the clock ran over; a block of
    /// consecutive days of one holiday is one line ("2026-10-01 to 2026-10-07 are holidays (国庆节 …)").</summary>
    private static void ExplainSpecialDays(BusinessCalendar calendar, Instant from, Instant to, ExplanationWriter text)
    {
        if (!text.Explains)
        {
            return;
        }

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

            var holiday = blockStart.Kind == CalendarDayKind.Holiday;
            var what = holiday ? "holiday" : "make-up working day";
            var name = string.Join(" ", new[] { blockStart.Name, blockStart.NameEn ?? string.Empty }.Where(static n => n.Length > 0));
            var named = name.Length > 0 ? $" ({name})" : string.Empty;
            var namedZh = blockStart.Name.Length > 0 ? $"({blockStart.Name})" : string.Empty;
            var from = ExplanationWriter.Date(blockStart.Date);
            var to = ExplanationWriter.Date(blockEnd.Date);
            text.Line(blockStart.Date == blockEnd.Date
                ? text.T($"{from} 为{(holiday ? "节假日" : "调休工作日")}{namedZh}", $"{from} is a {what}{named}")
                : text.T($"{from} 至 {to} 为{(holiday ? "节假日" : "调休工作日")}{namedZh}", $"{from} to {to} are {what}s{named}"));
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

    private static Duration ToMinute(Duration d) => Duration.FromMinutes((long)Math.Truncate(d.TotalMinutes));

    /// <summary>The first response of the ticket among the first <paramref name="count"/> entries, if any.</summary>
    private static Instant? FirstResponse(TicketTimeline timeline, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (timeline.Entries[i].Kind == TimelineEntryKind.MilestoneReached && Milestone.Responded.Equals(timeline.Entries[i].Milestone))
            {
                return timeline.Entries[i].At;
            }
        }

        return null;
    }

    private static string Due(ExplanationWriter text, Instant due) => text.T($"{text.Local(due)} 到期", $"due {text.Local(due)}");

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
