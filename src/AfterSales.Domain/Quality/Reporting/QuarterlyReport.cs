using AfterSales.Calendars;
using AfterSales.Internal;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// The quarterly service report to the customer (季度服务报告), R-RP-1: overall device operation,
/// fault analysis and improvements, overall service against the targets, and next quarter's
/// plan. A model; render it with <see cref="MarkdownReportRenderer"/> or <see cref="HtmlReportRenderer"/>.
/// </summary>
/// <remarks>Built by <see cref="Create"/>, a pure function of its inputs. Immutable.</remarks>
public sealed class QuarterlyReport
{
    private QuarterlyReport(
        string title,
        string customer,
        QualityFigures quarter,
        IReadOnlyList<QualityFigures> months,
        int deviceCount,
        IReadOnlyList<string> improvements,
        IReadOnlyList<string> nextQuarterPlan)
    {
        Title = title;
        Customer = customer;
        Quarter = quarter;
        Months = months;
        DeviceCount = deviceCount;
        Improvements = improvements;
        NextQuarterPlan = nextQuarterPlan;
    }

    /// <summary>The report's title.</summary>
    public string Title { get; }

    /// <summary>The customer (招标方 / 最终用户).</summary>
    public string Customer { get; }

    /// <summary>The quarter.</summary>
    public ReportPeriod Period => Quarter.Period;

    /// <summary>The figures of the whole quarter.</summary>
    public QualityFigures Quarter { get; }

    /// <summary>The figures of each month of the quarter.</summary>
    public IReadOnlyList<QualityFigures> Months { get; }

    /// <summary>Devices under contract (those given plus any with faults).</summary>
    public int DeviceCount { get; }

    /// <summary>Improvements taken or proposed (改进措施).</summary>
    public IReadOnlyList<string> Improvements { get; }

    /// <summary>Next quarter's plan (下季度工作计划), e.g. planned inspections.</summary>
    public IReadOnlyList<string> NextQuarterPlan { get; }

    /// <summary>Builds the report of <paramref name="year"/>'s <paramref name="quarter"/>.</summary>
    /// <param name="title">The title.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="year">The year.</param>
    /// <param name="quarter">The quarter, 1–4.</param>
    /// <param name="zone">The time zone of the days.</param>
    /// <param name="calendar">The calendar for business times.</param>
    /// <param name="workOrders">Work orders (any period; filtered).</param>
    /// <param name="surveys">Satisfaction surveys.</param>
    /// <param name="callbacks">Callbacks.</param>
    /// <param name="shipments">Parts shipments.</param>
    /// <param name="targets">The contract's targets.</param>
    /// <param name="devices">Devices under contract.</param>
    /// <param name="improvements">Improvements to report.</param>
    /// <param name="nextQuarterPlan">Next quarter's plan items.</param>
    /// <exception cref="ArgumentException">A blank title or customer, a null list, or a quarter outside 1–4.</exception>
    public static QuarterlyReport Create(
        string title,
        string customer,
        int year,
        int quarter,
        DateTimeZone zone,
        BusinessCalendar calendar,
        IEnumerable<WorkOrderSummary> workOrders,
        IEnumerable<SatisfactionSurvey> surveys,
        IEnumerable<CallbackRecord> callbacks,
        IEnumerable<PartsShipment> shipments,
        QualityTargets targets,
        IEnumerable<string> devices,
        IEnumerable<string> improvements,
        IEnumerable<string> nextQuarterPlan)
    {
        Guard.NotBlank(title);
        Guard.NotBlank(customer);
        var period = ReportPeriod.Quarter(year, quarter, zone);
        var orders = Guard.NotNull(workOrders).ToList();
        var surveyList = Guard.NotNull(surveys).ToList();
        var callbackList = Guard.NotNull(callbacks).ToList();
        var shipmentList = Guard.NotNull(shipments).ToList();
        var deviceList = Guard.NotNull(devices).ToList();

        QualityFigures Figures(ReportPeriod p) =>
            QualityFigures.Compute(p, orders, surveyList, callbackList, shipmentList, targets, calendar, deviceList);

        var quarterFigures = Figures(period);
        return new QuarterlyReport(
            title,
            customer,
            quarterFigures,
            [.. period.Months().Select(Figures)],
            quarterFigures.Availability.Count,
            [.. Guard.NotNull(improvements)],
            [.. Guard.NotNull(nextQuarterPlan)]);
    }
}
