using AfterSales.Calendars;
using AfterSales.Internal;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// Builds a <see cref="QuarterlyReport"/> from facts handed over one at a time (季度报告汇总), so a
/// report over a stream of work orders holds counts, totals and per-device downtime — bounded by the
/// devices, not the work orders. The quarter and each of its months are added up at once. Each
/// work order's facts can also be written as a row of the audit CSV (<see cref="AuditRow"/>), with
/// one column per figure it feeds, so every figure is the sum of a column.
/// </summary>
/// <remarks>Not thread-safe: one builder per report.</remarks>
public sealed class QuarterlyReportBuilder
{
    private readonly FiguresAccumulator quarter;
    private readonly FiguresAccumulator[] months;
    private readonly HashSet<string> devices = new(StringComparer.Ordinal);
    private readonly QualityTargets targets;

    /// <summary>Starts the report of <paramref name="year"/>'s <paramref name="quarterNumber"/> as of <paramref name="asOf"/>.</summary>
    /// <param name="year">The year.</param>
    /// <param name="quarterNumber">The quarter, 1–4.</param>
    /// <param name="zone">The zone of the report's days.</param>
    /// <param name="asOf">The instant the report is as of: later facts do not count; a quarter in progress is measured up to here.</param>
    /// <param name="calendar">The calendar business times are measured on.</param>
    /// <param name="targets">The contract's targets.</param>
    /// <exception cref="ArgumentException">A null argument or a quarter outside 1–4.</exception>
    public QuarterlyReportBuilder(int year, int quarterNumber, DateTimeZone zone, Instant asOf, BusinessCalendar calendar, QualityTargets targets)
    {
        var period = ReportPeriod.Quarter(year, quarterNumber, Guard.NotNull(zone));
        Guard.NotNull(calendar);
        this.targets = Guard.NotNull(targets);
        AsOf = asOf;
        quarter = new FiguresAccumulator(period, asOf, calendar);
        months = [.. period.Months().Select(m => new FiguresAccumulator(m, asOf, calendar))];
    }

    /// <summary>The quarter.</summary>
    public ReportPeriod Period => quarter.Period;

    /// <summary>The instant the report is as of.</summary>
    public Instant AsOf { get; }

    /// <summary>The first instant the report does not measure: the quarter's end, or <see cref="AsOf"/> when earlier.</summary>
    public Instant MeasuredUntil => quarter.End;

    /// <summary>
    /// The end (exclusive) of the report instants that count: the quarter's end, or just after
    /// <see cref="AsOf"/> when earlier — a work order reported at "as of" is known then.
    /// </summary>
    public Instant ReportedBefore => AsOf < Period.EndInstant ? AsOf + Duration.Epsilon : Period.EndInstant;

    /// <summary>Adds a device under contract, so a device without faults shows 100 %.</summary>
    public QuarterlyReportBuilder AddDevice(string serial)
    {
        Guard.NotBlank(serial);
        if (devices.Add(serial))
        {
            Each(a => a.AddDevice(serial));
        }

        return this;
    }

    /// <summary>Adds a work order summarised as of <see cref="AsOf"/>; one outside the quarter counts only for downtime it had in it.</summary>
    public QuarterlyReportBuilder Add(WorkOrderSummary order)
    {
        Guard.NotNull(order);
        Each(a => a.Add(order));
        return this;
    }

    /// <summary>Adds a sign-off rating.</summary>
    public QuarterlyReportBuilder Add(SignOffRating rating) => Each(Guard.NotNull(rating), static (a, r) => a.Add(r));

    /// <summary>Adds a survey.</summary>
    public QuarterlyReportBuilder Add(SatisfactionSurvey survey) => Each(Guard.NotNull(survey), static (a, s) => a.Add(s));

    /// <summary>Adds a callback.</summary>
    public QuarterlyReportBuilder Add(CallbackRecord callback) => Each(Guard.NotNull(callback), static (a, c) => a.Add(c));

    /// <summary>Adds a parts shipment.</summary>
    public QuarterlyReportBuilder Add(PartsShipment shipment) => Each(Guard.NotNull(shipment), static (a, s) => a.Add(s));

    /// <summary>Adds every fact of one work order.</summary>
    public QuarterlyReportBuilder Add(WorkOrderFacts facts)
    {
        Guard.NotNull(facts);
        Add(facts.Summary);
        foreach (var rating in facts.Ratings)
        {
            Add(rating);
        }

        if (facts.Callback is { } callback)
        {
            Add(callback);
        }

        foreach (var survey in facts.Surveys)
        {
            Add(survey);
        }

        foreach (var shipment in facts.Shipments)
        {
            Add(shipment);
        }

        return this;
    }

    /// <summary>The audit CSV's header line (RFC 4180, no line break).</summary>
    public static string AuditHeader => ReportAudit.Header;

    /// <summary>
    /// The audit CSV row of one work order's facts (RFC 4180, no line break): what it adds to each
    /// figure of the quarter, so a figure is the sum (or sum ratio) of columns over the rows. Does
    /// not add the facts; call <see cref="Add(WorkOrderFacts)"/> too.
    /// </summary>
    public string AuditRow(WorkOrderFacts facts) => ReportAudit.Row(quarter, Guard.NotNull(facts));

    /// <summary>The report.</summary>
    /// <param name="title">The title.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="improvements">Improvements taken or proposed; empty when none were recorded.</param>
    /// <param name="nextQuarterPlan">Next quarter's plan items; empty when none.</param>
    /// <exception cref="ArgumentException">A blank title or customer, or a null list.</exception>
    public QuarterlyReport Build(string title, string customer, IEnumerable<string> improvements, IEnumerable<string> nextQuarterPlan) =>
        new(
            Guard.NotBlank(title),
            Guard.NotBlank(customer),
            AsOf,
            quarter.Build(targets),
            [.. months.Select(m => m.Build(targets))],
            targets,
            [.. Guard.NotNull(improvements)],
            [.. Guard.NotNull(nextQuarterPlan)]);

    private QuarterlyReportBuilder Each<T>(T item, Action<FiguresAccumulator, T> add)
    {
        add(quarter, item);
        foreach (var month in months)
        {
            add(month, item);
        }

        return this;
    }

    private void Each(Action<FiguresAccumulator> add)
    {
        add(quarter);
        foreach (var month in months)
        {
            add(month);
        }
    }
}
