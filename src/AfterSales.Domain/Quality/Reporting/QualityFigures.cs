using AfterSales.Calendars;
using AfterSales.Internal;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// The service-quality figures of a period as of an instant (服务质量统计), R-RP-2 … R-RP-5, R-WO-3:
/// on-time rates per metric and severity, major faults, times to respond/arrive/restore/resolve,
/// availability per device, satisfaction, the survey items, callbacks and parts-shipment accuracy,
/// each against the contract's targets.
/// </summary>
/// <remarks>
/// <para><b>As of.</b> Only what happened before <see cref="MeasuredUntil"/> — the period's end, or
/// the report's "as of" instant when that is earlier — counts: a period in progress is measured
/// over its elapsed part (<see cref="IsPartial"/>), so an open fault is down until "as of", never
/// until the period's end in the future.</para>
/// <para><b>Membership.</b> A work order belongs to the period in which it was <em>reported</em>
/// (counts, severities, clocks, times, parts); availability instead uses every work order whose
/// downtime overlaps the period, cut to it, so downtime adds up across months. Ratings, surveys,
/// callbacks and shipments belong to the period of their day.</para>
/// <para>Additive over a split of the period: every count, the met/met-late/breached counts, the
/// duration and score totals and each device's downtime. Rates and means are not. Built by
/// <see cref="Compute"/> or a <see cref="QuarterlyReportBuilder"/>. Immutable.</para>
/// </remarks>
public sealed class QualityFigures
{
    internal QualityFigures()
    {
    }

    /// <summary>The period.</summary>
    public ReportPeriod Period { get; internal init; } = null!;

    /// <summary>The first instant measured: the period's start.</summary>
    public Instant MeasuredFrom => Period.StartInstant;

    /// <summary>The first instant not measured: the period's end, or "as of" when earlier (never before the start).</summary>
    public Instant MeasuredUntil { get; internal init; }

    /// <summary>The elapsed time measured; zero when the period had not started.</summary>
    public Duration MeasuredLength => MeasuredUntil - MeasuredFrom;

    /// <summary>Whether only part of the period had elapsed at "as of" (a period in progress).</summary>
    public bool IsPartial => MeasuredUntil < Period.EndInstant;

    /// <summary>Whether the period had started at "as of".</summary>
    public bool IsStarted => MeasuredUntil > MeasuredFrom;

    /// <summary>Work orders reported in the period.</summary>
    public int WorkOrderCount { get; internal init; }

    /// <summary>Major faults (重大故障) among them.</summary>
    public int MajorFaultCount { get; internal init; }

    /// <summary>Work orders per severity level, most severe first (by rank, then code).</summary>
    public IReadOnlyList<SeverityCount> FaultsBySeverity { get; internal init; } = null!;

    /// <summary>On-time figures per metric (severity null) and per metric and severity.</summary>
    public IReadOnlyList<OnTimeFigure> OnTime { get; internal init; } = null!;

    /// <summary>The on-time figure over all metrics and severities (code <c>all</c>).</summary>
    public OnTimeFigure OverallOnTime { get; internal init; } = null!;

    /// <summary>Paused business time per metric and pause reason (issue 17 §4), in the order first met.</summary>
    public IReadOnlyList<PausedTimeFigure> PausedTime { get; internal init; } = [];

    /// <summary>Times from the report to response, arrival, restoration and resolution.</summary>
    public IReadOnlyList<DurationFigure> Durations { get; internal init; } = null!;

    /// <summary>Availability per device, ordered by serial; empty when the period had not started.</summary>
    public IReadOnlyList<DeviceAvailability> Availability { get; internal init; } = null!;

    /// <summary>The mean availability over the devices; null without devices.</summary>
    public decimal? MeanAvailability => Availability.Count == 0 ? null : Availability.Average(a => a.Availability);

    /// <summary>Signed service reports rated in the period (R-WO-8).</summary>
    public int RatingCount { get; internal init; }

    /// <summary>Ratings of a satisfied customer (4 or 5).</summary>
    public int SatisfiedCount { get; internal init; }

    /// <summary>Satisfied / ratings (服务满意率); null without ratings.</summary>
    public decimal? SatisfactionRate => RatingCount == 0 ? null : (decimal)SatisfiedCount / RatingCount;

    /// <summary>Surveys answered in the period.</summary>
    public int SurveyCount { get; internal init; }

    /// <summary>The survey items — skill, attitude, timeliness — each over the surveys that answered it (R-RP-5).</summary>
    public IReadOnlyList<SurveyItemFigure> SurveyItems { get; internal init; } = null!;

    /// <summary>The customers' suggestions and comments, by day then work order: at most 50 (see <see cref="RemarkCount"/>).</summary>
    public IReadOnlyList<CustomerRemark> Remarks { get; internal init; } = null!;

    /// <summary>All suggestions and comments given in the period.</summary>
    public int RemarkCount { get; internal init; }

    /// <summary>In-warranty callbacks due in the period.</summary>
    public int CallbacksDue { get; internal init; }

    /// <summary>In-warranty callbacks made.</summary>
    public int CallbacksDone { get; internal init; }

    /// <summary>Made / due; null when none was due.</summary>
    public decimal? CallbackRate => CallbacksDue == 0 ? null : (decimal)CallbacksDone / CallbacksDue;

    /// <summary>Parts shipments in the period.</summary>
    public int ShipmentCount { get; internal init; }

    /// <summary>Correct shipments.</summary>
    public int CorrectShipments { get; internal init; }

    /// <summary>Correct / shipments; null without shipments.</summary>
    public decimal? ShipmentAccuracy => ShipmentCount == 0 ? null : (decimal)CorrectShipments / ShipmentCount;

    /// <summary>Replaced part types by count, most first, then by name.</summary>
    public IReadOnlyList<PartTypeCount> PartTypes { get; internal init; } = null!;

    /// <summary>The figures against the targets that were set.</summary>
    public IReadOnlyList<TargetComparison> Comparisons { get; internal set; } = null!;

    /// <summary>Why <paramref name="code"/>'s figure has no value, or null when it has one.</summary>
    /// <param name="code">
    /// <c>work-orders</c>, <c>on-time</c>, <c>availability</c>, <c>satisfaction</c>, <c>callback</c>,
    /// <c>parts-accuracy</c>, <c>parts</c>, or a survey item's code.
    /// </param>
    public NoDataReason? NoData(string code)
    {
        if (!IsStarted)
        {
            return NoDataReason.PeriodNotStarted;
        }

        return code switch
        {
            "work-orders" => WorkOrderCount == 0 ? NoDataReason.NoWorkOrders : null,
            "on-time" => OverallOnTime.Total > 0 ? null : WorkOrderCount == 0 ? NoDataReason.NoWorkOrders : NoDataReason.NoClockDecided,
            "availability" => Availability.Count == 0 ? NoDataReason.NoDevices : null,
            "satisfaction" => RatingCount == 0 ? NoDataReason.NoRatings : null,
            "callback" => CallbacksDue == 0 ? NoDataReason.NoCallbacksDue : null,
            "parts-accuracy" => ShipmentCount == 0 ? NoDataReason.NoShipments : null,
            "parts" => PartTypes.Count == 0 ? (WorkOrderCount == 0 ? NoDataReason.NoWorkOrders : NoDataReason.NoPartsReplaced) : null,
            _ => SurveyItems.FirstOrDefault(i => i.Code == code) is { } item
                ? item.Answers == 0 ? NoDataReason.NoSurveyAnswers : null
                : throw new ArgumentOutOfRangeException(nameof(code), code, $"code '{code}' names no figure."),
        };
    }

    /// <summary>Computes the figures of <paramref name="period"/> as of <paramref name="asOf"/>.</summary>
    /// <param name="period">The period.</param>
    /// <param name="asOf">The instant the figures are as of; facts after it are ignored.</param>
    /// <param name="workOrders">Work orders summarised as of <paramref name="asOf"/>; filtered here.</param>
    /// <param name="ratings">Sign-off ratings; filtered by day.</param>
    /// <param name="surveys">Surveys; filtered by answer day.</param>
    /// <param name="callbacks">Callbacks; filtered by due day, in-warranty only.</param>
    /// <param name="shipments">Parts shipments; filtered by shipping day.</param>
    /// <param name="targets">The contract's targets.</param>
    /// <param name="calendar">The calendar for business times (e.g. the contract's coverage).</param>
    /// <param name="devices">Devices under contract, so that devices without faults show 100 %; may be empty.</param>
    public static QualityFigures Compute(
        ReportPeriod period,
        Instant asOf,
        IEnumerable<WorkOrderSummary> workOrders,
        IEnumerable<SignOffRating> ratings,
        IEnumerable<SatisfactionSurvey> surveys,
        IEnumerable<CallbackRecord> callbacks,
        IEnumerable<PartsShipment> shipments,
        QualityTargets targets,
        BusinessCalendar calendar,
        IEnumerable<string>? devices = null)
    {
        var figures = new FiguresAccumulator(Guard.NotNull(period), asOf, Guard.NotNull(calendar));
        foreach (var device in devices ?? [])
        {
            figures.AddDevice(device);
        }

        foreach (var order in Guard.NotNull(workOrders))
        {
            figures.Add(order);
        }

        foreach (var rating in Guard.NotNull(ratings))
        {
            figures.Add(rating);
        }

        foreach (var survey in Guard.NotNull(surveys))
        {
            figures.Add(survey);
        }

        foreach (var callback in Guard.NotNull(callbacks))
        {
            figures.Add(callback);
        }

        foreach (var shipment in Guard.NotNull(shipments))
        {
            figures.Add(shipment);
        }

        return figures.Build(Guard.NotNull(targets));
    }
}
