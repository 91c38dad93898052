using AfterSales.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// Adds up one period's figures from facts handed over one at a time, so a report over a stream of
/// work orders keeps counts, totals and per-device downtime intervals — not the work orders.
/// <see cref="QualityFigures.Compute"/> and <see cref="QuarterlyReportBuilder"/> both use it: one
/// way of counting. Not thread-safe.
/// </summary>
internal sealed class FiguresAccumulator
{
    private const int MaxRemarks = 50;

    private static readonly (string Code, string Zh, string En, Func<WorkOrderSummary, Instant?> At)[] Steps =
    [
        ("respond", "响应时间", "time to respond", static o => o.RespondedAt),
        ("arrive", "到场时间", "time to arrive", static o => o.ArrivedAt),
        ("restore", "恢复时间", "time to restore", static o => o.RestoredAt),
        ("resolve", "修复时间", "time to resolve", static o => o.ResolvedAt),
    ];

    private readonly ReportPeriod period;
    private readonly BusinessCalendar calendar;
    private readonly Instant start;
    private readonly Instant end;
    private readonly Instant asOf;
    private readonly LocalDate lastDay;
    private readonly Dictionary<string, (SeverityLevel Level, int Count)> severities = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Metric, string Severity), int[]> clocks = [];
    private readonly Dictionary<string, SlaMetric> metrics = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Metric, PauseReason Reason), (Duration Time, int Clocks)> paused = [];
    private readonly List<(string Metric, PauseReason Reason)> pausedOrder = [];
    private readonly (int Count, Duration Elapsed, Duration Business)[] durations = new (int, Duration, Duration)[Steps.Length];
    private readonly Dictionary<string, List<(Instant From, Instant To)>> downtime = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> parts = new(StringComparer.Ordinal);
    private readonly int[] itemAnswers = new int[3];
    private readonly int[] itemTotals = new int[3];
    private readonly List<CustomerRemark> remarks = [];
    private int orders, major, ratings, satisfied, surveys, remarkCount, callbacksDue, callbacksDone, shipments, correct;

    public FiguresAccumulator(ReportPeriod period, Instant asOf, BusinessCalendar calendar)
    {
        this.period = period;
        this.calendar = calendar;
        start = period.StartInstant;
        this.asOf = asOf;
        end = asOf < period.EndInstant ? (asOf < start ? start : asOf) : period.EndInstant;
        lastDay = end > start ? (end - Duration.Epsilon).InZone(period.Zone).Date : period.Start.PlusDays(-1);
    }

    public ReportPeriod Period => period;

    /// <summary>The first instant not measured.</summary>
    public Instant End => end;

    /// <summary>Whether a work order reported at <paramref name="reportedAt"/> belongs to the period: in it, and not after "as of" (a report at "as of" is known then).</summary>
    public bool Counts(Instant reportedAt) => reportedAt >= start && reportedAt < period.EndInstant && reportedAt <= asOf;

    /// <summary>
    /// Whether <paramref name="order"/> counts as a fault work order of the period (故障工单, R-RP-2): reported in
    /// it, and not cancelled as a duplicate or invalid report — a second call about one outage is not a
    /// second fault. Its ratings, surveys, callbacks and shipments count by their own dates either way.
    /// </summary>
    public bool Counts(WorkOrderSummary order) => Counts(order.ReportedAt) && !order.IsCancelled;

    /// <summary>Whether a fact dated <paramref name="day"/> belongs to the period (and is not after "as of").</summary>
    public bool Counts(LocalDate day) => day >= period.Start && day <= lastDay;

    public void AddDevice(string serial)
    {
        if (end > start)
        {
            downtime.TryAdd(serial, []);
        }
    }

    public void Add(WorkOrderSummary order)
    {
        AddDowntime(order);
        if (!Counts(order))
        {
            return;
        }

        orders++;
        if (order.IsMajorFault)
        {
            major++;
        }

        severities[order.SeverityCode] = severities.TryGetValue(order.SeverityCode, out var s) ? (s.Level, s.Count + 1) : (order.Severity, 1);
        foreach (var clock in order.Clocks)
        {
            foreach (var p in clock.PausedByReason)
            {
                var pausedKey = (clock.Metric.Code, p.Reason);
                if (!paused.TryGetValue(pausedKey, out var sum))
                {
                    pausedOrder.Add(pausedKey);
                }

                paused[pausedKey] = (sum.Time + p.BusinessTime, sum.Clocks + 1);
            }

            var index = clock.Status switch
            {
                SlaClockStatus.Met => 0,
                SlaClockStatus.MetLate => 1,
                SlaClockStatus.Breached => 2,
                _ => -1,
            };
            if (index < 0)
            {
                continue;
            }

            metrics.TryAdd(clock.Metric.Code, clock.Metric);
            var key = (clock.Metric.Code, order.SeverityCode);
            if (!clocks.TryGetValue(key, out var counts))
            {
                clocks[key] = counts = new int[3];
            }

            counts[index]++;
        }

        for (var i = 0; i < Steps.Length; i++)
        {
            if (Steps[i].At(order) is { } at)
            {
                var (count, elapsed, business) = durations[i];
                durations[i] = (count + 1, elapsed + (at - order.ReportedAt), business + calendar.BusinessTimeBetween(order.ReportedAt, at));
            }
        }

        foreach (var part in order.PartTypesUsed)
        {
            parts[part] = parts.GetValueOrDefault(part) + 1;
        }
    }

    public void Add(SignOffRating rating)
    {
        if (!Counts(rating.RatedOn))
        {
            return;
        }

        ratings++;
        if (rating.IsSatisfied)
        {
            satisfied++;
        }

        Remark(rating.WorkOrderId, rating.RatedOn, rating.Comment);
    }

    public void Add(SatisfactionSurvey survey)
    {
        if (!Counts(survey.AnsweredOn))
        {
            return;
        }

        surveys++;
        int?[] items = [survey.Skill, survey.Attitude, survey.Timeliness];
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is { } score)
            {
                itemAnswers[i]++;
                itemTotals[i] += score;
            }
        }

        Remark(survey.WorkOrderId, survey.AnsweredOn, survey.Suggestions);
    }

    public void Add(CallbackRecord callback)
    {
        if (callback.InWarranty && Counts(callback.DueOn))
        {
            callbacksDue++;
            if (callback.Done)
            {
                callbacksDone++;
            }
        }
    }

    public void Add(PartsShipment shipment)
    {
        if (Counts(shipment.ShippedOn))
        {
            shipments++;
            if (shipment.Correct)
            {
                correct++;
            }
        }
    }

    public QualityFigures Build(QualityTargets targets)
    {
        var overall = new int[3];
        var onTime = new List<OnTimeFigure>();
        foreach (var byMetric in clocks.GroupBy(static p => p.Key.Metric, StringComparer.Ordinal).OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            var metric = metrics[byMetric.Key];
            var total = new int[3];
            var perSeverity = new List<OnTimeFigure>();
            foreach (var (key, counts) in byMetric.OrderBy(p => Rank(p.Key.Severity)).ThenBy(static p => p.Key.Severity, StringComparer.Ordinal))
            {
                perSeverity.Add(new OnTimeFigure(metric.Code, metric.NameZh, metric.NameEn, key.Severity, counts[0], counts[1], counts[2]));
                for (var i = 0; i < 3; i++)
                {
                    total[i] += counts[i];
                    overall[i] += counts[i];
                }
            }

            onTime.Add(new OnTimeFigure(metric.Code, metric.NameZh, metric.NameEn, null, total[0], total[1], total[2]));
            onTime.AddRange(perSeverity);
        }

        var length = end - start;
        var figures = new QualityFigures
        {
            Period = period,
            MeasuredUntil = end,
            WorkOrderCount = orders,
            MajorFaultCount = major,
            FaultsBySeverity = [.. severities.Values.OrderBy(static s => s.Level.Rank).ThenBy(static s => s.Level.Code, StringComparer.Ordinal).Select(static s => new SeverityCount(s.Level, s.Count))],
            OnTime = onTime,
            OverallOnTime = new OnTimeFigure("all", "全部时限", "all targets", null, overall[0], overall[1], overall[2]),
            PausedTime = [.. pausedOrder.Select(k => new PausedTimeFigure(k.Metric, k.Reason, paused[k].Time, paused[k].Clocks))],
            Durations = [.. Steps.Select((s, i) => new DurationFigure(s.Code, s.Zh, s.En, durations[i].Count, durations[i].Elapsed, durations[i].Business))],
            Availability = length > Duration.Zero
                ? [.. downtime.OrderBy(static p => p.Key, StringComparer.Ordinal).Select(p => new DeviceAvailability(p.Key, Union(p.Value), length))]
                : [],
            RatingCount = ratings,
            SatisfiedCount = satisfied,
            SurveyCount = surveys,
            SurveyItems =
            [
                new SurveyItemFigure("skill", "技术水平", "engineer skill", itemAnswers[0], itemTotals[0]),
                new SurveyItemFigure("attitude", "服务态度", "attitude", itemAnswers[1], itemTotals[1]),
                new SurveyItemFigure("timeliness", "处理及时程度", "timeliness", itemAnswers[2], itemTotals[2]),
            ],
            Remarks = [.. OrderedRemarks().Take(MaxRemarks)],
            RemarkCount = remarkCount,
            CallbacksDue = callbacksDue,
            CallbacksDone = callbacksDone,
            ShipmentCount = shipments,
            CorrectShipments = correct,
            PartTypes =
            [
                .. parts.Select(static p => new PartTypeCount(p.Key, p.Value))
                    .OrderByDescending(static p => p.Count)
                    .ThenBy(static p => p.PartType, StringComparer.Ordinal),
            ],
            Comparisons = [],
        };

        figures.Comparisons = Compare(figures, targets);
        return figures;
    }

    private int Rank(string severity) => severities.TryGetValue(severity, out var s) ? s.Level.Rank : int.MaxValue;

    private void AddDowntime(WorkOrderSummary order)
    {
        foreach (var interval in order.Downtime)
        {
            var from = interval.HasStart && interval.Start > start ? interval.Start : start;
            var to = interval.HasEnd && interval.End < end ? interval.End : end;
            if (from < to)
            {
                if (!downtime.TryGetValue(order.DeviceSerial, out var list))
                {
                    downtime[order.DeviceSerial] = list = [];
                }

                list.Add((from, to));
            }
            else if (end > start && interval.HasStart && interval.Start < end)
            {
                // The device had a fault before or during the period but no downtime in it: it is still under contract.
                downtime.TryAdd(order.DeviceSerial, []);
            }
        }
    }

    private void Remark(string workOrderId, LocalDate on, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        remarkCount++;
        remarks.Add(new CustomerRemark(workOrderId, on, text));
        if (remarks.Count > 2 * MaxRemarks)
        {
            // Keep memory bounded over a long stream: only the first MaxRemarks in report order can be shown.
            var kept = OrderedRemarks().Take(MaxRemarks).ToList();
            remarks.Clear();
            remarks.AddRange(kept);
        }
    }

    private IEnumerable<CustomerRemark> OrderedRemarks() =>
        remarks.OrderBy(static r => r.On).ThenBy(static r => r.WorkOrderId, StringComparer.Ordinal).ThenBy(static r => r.Text, StringComparer.Ordinal);

    private static List<TargetComparison> Compare(QualityFigures f, QualityTargets t)
    {
        var result = new List<TargetComparison>();
        void Add(string code, string zh, string en, decimal? actual, decimal? target)
        {
            if (target is { } value)
            {
                result.Add(new TargetComparison(code, zh, en, actual, value, f.NoData(code)));
            }
        }

        Add("on-time", "故障修复及时率", "on-time rate", f.OverallOnTime.Rate, t.OnTimeRate);
        Add("availability", "设备可用率", "device availability", f.MeanAvailability, t.Availability);
        Add("satisfaction", "服务满意率", "customer satisfaction", f.SatisfactionRate, t.SatisfactionRate);
        Add("callback", "保修期内客户回访率", "callback rate (in warranty)", f.CallbackRate, t.CallbackRate);
        Add("parts-accuracy", "备件发货准确率", "parts shipment accuracy", f.ShipmentAccuracy, t.PartsShipmentAccuracy);
        return result;
    }

    private static Duration Union(List<(Instant From, Instant To)> intervals)
    {
        var total = Duration.Zero;
        Instant? currentFrom = null, currentTo = null;
        foreach (var (from, to) in intervals.OrderBy(static i => i.From))
        {
            if (currentTo is { } ct && from <= ct)
            {
                if (to > ct)
                {
                    currentTo = to;
                }

                continue;
            }

            if (currentFrom is { } cf && currentTo is { } cEnd)
            {
                total += cEnd - cf;
            }

            currentFrom = from;
            currentTo = to;
        }

        if (currentFrom is { } lf && currentTo is { } lt)
        {
            total += lt - lf;
        }

        return total;
    }
}
