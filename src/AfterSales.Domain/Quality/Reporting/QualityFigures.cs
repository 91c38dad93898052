using AfterSales.Calendars;
using AfterSales.Internal;
using AfterSales.Sla;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// The service-quality figures of a period (服务质量统计), R-RP-2 … R-RP-5, R-WO-3: on-time rates per
/// metric and severity, major faults, times to respond/arrive/restore/resolve, availability per
/// device, satisfaction, callbacks and parts-shipment accuracy, each against the contract's targets.
/// </summary>
/// <remarks>
/// <para><see cref="Compute"/> is a pure function of its inputs. A work order belongs to the period
/// in which it was <em>reported</em> (counts, severities, clocks, times, parts); availability instead
/// uses every work order whose downtime overlaps the period, cut to it, so downtime adds up across
/// months. Surveys, callbacks and shipments belong to the period of their day.</para>
/// <para>Additive over a split of the period: every count, the met/met-late/breached counts, the
/// duration totals and each device's downtime. Rates and means are not additive. Immutable.</para>
/// </remarks>
public sealed class QualityFigures
{
    private QualityFigures()
    {
    }

    /// <summary>The period.</summary>
    public ReportPeriod Period { get; private init; } = null!;

    /// <summary>Work orders reported in the period.</summary>
    public int WorkOrderCount { get; private init; }

    /// <summary>Major faults (重大故障) among them.</summary>
    public int MajorFaultCount { get; private init; }

    /// <summary>Work orders per severity code, ordered by code.</summary>
    public IReadOnlyDictionary<string, int> FaultsBySeverity { get; private init; } = null!;

    /// <summary>On-time figures per metric (severity null) and per metric and severity.</summary>
    public IReadOnlyList<OnTimeFigure> OnTime { get; private init; } = null!;

    /// <summary>The on-time figure over all metrics and severities (code <c>all</c>).</summary>
    public OnTimeFigure OverallOnTime { get; private init; } = null!;

    /// <summary>Times from the report to response, arrival, restoration and resolution.</summary>
    public IReadOnlyList<DurationFigure> Durations { get; private init; } = null!;

    /// <summary>Availability per device, ordered by serial.</summary>
    public IReadOnlyList<DeviceAvailability> Availability { get; private init; } = null!;

    /// <summary>The mean availability over the devices; null without devices.</summary>
    public decimal? MeanAvailability => Availability.Count == 0 ? null : Availability.Average(a => a.Availability);

    /// <summary>Surveys answered in the period.</summary>
    public int SurveyCount { get; private init; }

    /// <summary>Surveys with a satisfied overall score.</summary>
    public int SatisfiedCount { get; private init; }

    /// <summary>Satisfied / surveys; null without surveys.</summary>
    public decimal? SatisfactionRate => SurveyCount == 0 ? null : (decimal)SatisfiedCount / SurveyCount;

    /// <summary>Sum of skill scores (for means and additivity).</summary>
    public int SkillScoreTotal { get; private init; }

    /// <summary>Sum of attitude scores.</summary>
    public int AttitudeScoreTotal { get; private init; }

    /// <summary>Sum of timeliness scores.</summary>
    public int TimelinessScoreTotal { get; private init; }

    /// <summary>The non-empty suggestions, in order of answer.</summary>
    public IReadOnlyList<string> Suggestions { get; private init; } = null!;

    /// <summary>In-warranty callbacks due in the period.</summary>
    public int CallbacksDue { get; private init; }

    /// <summary>In-warranty callbacks made.</summary>
    public int CallbacksDone { get; private init; }

    /// <summary>Made / due; null when none was due.</summary>
    public decimal? CallbackRate => CallbacksDue == 0 ? null : (decimal)CallbacksDone / CallbacksDue;

    /// <summary>Parts shipments in the period.</summary>
    public int ShipmentCount { get; private init; }

    /// <summary>Correct shipments.</summary>
    public int CorrectShipments { get; private init; }

    /// <summary>Correct / shipments; null without shipments.</summary>
    public decimal? ShipmentAccuracy => ShipmentCount == 0 ? null : (decimal)CorrectShipments / ShipmentCount;

    /// <summary>Replaced part types by count, most first, then by name.</summary>
    public IReadOnlyList<PartTypeCount> PartTypes { get; private init; } = null!;

    /// <summary>The figures against the targets that were set.</summary>
    public IReadOnlyList<TargetComparison> Comparisons { get; private set; } = null!;

    /// <summary>Computes the figures of <paramref name="period"/>.</summary>
    /// <param name="period">The period.</param>
    /// <param name="workOrders">Work orders; filtered here.</param>
    /// <param name="surveys">Surveys; filtered by answer day.</param>
    /// <param name="callbacks">Callbacks; filtered by due day, in-warranty only.</param>
    /// <param name="shipments">Parts shipments; filtered by shipping day.</param>
    /// <param name="targets">The contract's targets.</param>
    /// <param name="calendar">The calendar for business times (e.g. the contract's coverage).</param>
    /// <param name="devices">Devices under contract, so that devices without faults show 100 %; may be empty.</param>
    public static QualityFigures Compute(
        ReportPeriod period,
        IEnumerable<WorkOrderSummary> workOrders,
        IEnumerable<SatisfactionSurvey> surveys,
        IEnumerable<CallbackRecord> callbacks,
        IEnumerable<PartsShipment> shipments,
        QualityTargets targets,
        BusinessCalendar calendar,
        IEnumerable<string>? devices = null)
    {
        Guard.NotNull(period);
        Guard.NotNull(targets);
        Guard.NotNull(calendar);
        var allOrders = Guard.NotNull(workOrders).ToList();
        var orders = allOrders.Where(o => period.Contains(o.ReportedAt)).ToList();
        var surveysIn = Guard.NotNull(surveys).Where(s => period.Contains(s.AnsweredOn)).OrderBy(s => s.AnsweredOn).ToList();
        var callbacksIn = Guard.NotNull(callbacks).Where(c => c.InWarranty && period.Contains(c.DueOn)).ToList();
        var shipmentsIn = Guard.NotNull(shipments).Where(s => period.Contains(s.ShippedOn)).ToList();

        var overall = OnTimeOf("all", "全部时限", "all targets", null, orders.SelectMany(o => o.Clocks));
        var figures = new QualityFigures
        {
            Period = period,
            WorkOrderCount = orders.Count,
            MajorFaultCount = orders.Count(o => o.IsMajorFault),
            FaultsBySeverity = new SortedDictionary<string, int>(
                orders.GroupBy(o => o.SeverityCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
                StringComparer.Ordinal),
            OnTime = OnTimeFigures(orders),
            OverallOnTime = overall,
            Durations =
            [
                DurationOf("respond", "响应时间", "time to respond", orders, o => o.RespondedAt, calendar),
                DurationOf("arrive", "到场时间", "time to arrive", orders, o => o.ArrivedAt, calendar),
                DurationOf("restore", "恢复时间", "time to restore", orders, o => o.RestoredAt, calendar),
                DurationOf("resolve", "修复时间", "time to resolve", orders, o => o.ResolvedAt, calendar),
            ],
            Availability = AvailabilityOf(period, allOrders, devices ?? []),
            SurveyCount = surveysIn.Count,
            SatisfiedCount = surveysIn.Count(s => s.IsSatisfied),
            SkillScoreTotal = surveysIn.Sum(s => s.Skill),
            AttitudeScoreTotal = surveysIn.Sum(s => s.Attitude),
            TimelinessScoreTotal = surveysIn.Sum(s => s.Timeliness),
            Suggestions = [.. surveysIn.Select(s => s.Suggestions.Trim()).Where(s => s.Length > 0)],
            CallbacksDue = callbacksIn.Count,
            CallbacksDone = callbacksIn.Count(c => c.Done),
            ShipmentCount = shipmentsIn.Count,
            CorrectShipments = shipmentsIn.Count(s => s.Correct),
            PartTypes =
            [
                .. orders.SelectMany(o => o.PartTypesUsed)
                    .GroupBy(p => p, StringComparer.Ordinal)
                    .Select(g => new PartTypeCount(g.Key, g.Count()))
                    .OrderByDescending(p => p.Count)
                    .ThenBy(p => p.PartType, StringComparer.Ordinal),
            ],
            Comparisons = [],
        };

        figures.Comparisons = Compare(figures, targets);
        return figures;
    }

    private static List<TargetComparison> Compare(QualityFigures f, QualityTargets t)
    {
        var result = new List<TargetComparison>();
        void Add(string code, string zh, string en, decimal? actual, decimal? target)
        {
            if (target is { } value)
            {
                result.Add(new TargetComparison(code, zh, en, actual, value));
            }
        }

        Add("callback", "保修期内客户回访率", "callback rate (in warranty)", f.CallbackRate, t.CallbackRate);
        Add("satisfaction", "服务满意率", "customer satisfaction", f.SatisfactionRate, t.SatisfactionRate);
        Add("parts-accuracy", "备件发货准确率", "parts shipment accuracy", f.ShipmentAccuracy, t.PartsShipmentAccuracy);
        Add("on-time", "故障修复及时率", "on-time rate", f.OverallOnTime.Rate, t.OnTimeRate);
        Add("availability", "设备可用率", "device availability", f.MeanAvailability, t.Availability);
        return result;
    }

    private static List<OnTimeFigure> OnTimeFigures(List<WorkOrderSummary> orders)
    {
        var clocks = orders.SelectMany(o => o.Clocks.Select(c => (Severity: o.SeverityCode, Clock: c))).ToList();
        var result = new List<OnTimeFigure>();
        foreach (var byMetric in clocks.GroupBy(c => c.Clock.Metric).OrderBy(g => g.Key.Code, StringComparer.Ordinal))
        {
            var metric = byMetric.Key;
            result.Add(OnTimeOf(metric.Code, metric.NameZh, metric.NameEn, null, byMetric.Select(c => c.Clock)));
            foreach (var bySeverity in byMetric.GroupBy(c => c.Severity, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                result.Add(OnTimeOf(metric.Code, metric.NameZh, metric.NameEn, bySeverity.Key, bySeverity.Select(c => c.Clock)));
            }
        }

        return result;
    }

    private static OnTimeFigure OnTimeOf(string code, string zh, string en, string? severity, IEnumerable<SlaClock> clocks)
    {
        int met = 0, late = 0, breached = 0;
        foreach (var clock in clocks)
        {
            switch (clock.Status)
            {
                case SlaClockStatus.Met:
                    met++;
                    break;
                case SlaClockStatus.MetLate:
                    late++;
                    break;
                case SlaClockStatus.Breached:
                    breached++;
                    break;
            }
        }

        return new OnTimeFigure(code, zh, en, severity, met, late, breached);
    }

    private static DurationFigure DurationOf(string code, string zh, string en, List<WorkOrderSummary> orders, Func<WorkOrderSummary, Instant?> milestone, BusinessCalendar calendar)
    {
        var count = 0;
        Duration elapsed = Duration.Zero, business = Duration.Zero;
        foreach (var order in orders)
        {
            if (milestone(order) is { } at)
            {
                count++;
                elapsed += at - order.ReportedAt;
                business += calendar.BusinessTimeBetween(order.ReportedAt, at);
            }
        }

        return new DurationFigure(code, zh, en, count, elapsed, business);
    }

    private static List<DeviceAvailability> AvailabilityOf(ReportPeriod period, List<WorkOrderSummary> orders, IEnumerable<string> devices)
    {
        var start = period.StartInstant;
        var end = period.EndInstant;
        var intervals = new Dictionary<string, List<(Instant From, Instant To)>>(StringComparer.Ordinal);
        foreach (var device in devices)
        {
            intervals.TryAdd(device, []);
        }

        foreach (var order in orders)
        {
            var from = order.DownFrom < start ? start : order.DownFrom;
            var restored = order.RestoredAt ?? order.ResolvedAt ?? end;
            var to = restored > end ? end : restored;
            if (from < to)
            {
                if (!intervals.TryGetValue(order.DeviceSerial, out var list))
                {
                    intervals[order.DeviceSerial] = list = [];
                }

                list.Add((from, to));
            }
        }

        return
        [
            .. intervals
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new DeviceAvailability(p.Key, Union(p.Value), period.Length)),
        ];
    }

    private static Duration Union(List<(Instant From, Instant To)> intervals)
    {
        var total = Duration.Zero;
        Instant? currentFrom = null, currentTo = null;
        foreach (var (from, to) in intervals.OrderBy(i => i.From))
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
