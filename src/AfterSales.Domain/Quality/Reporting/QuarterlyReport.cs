using AfterSales.Calendars;
using AfterSales.Internal;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// The quarterly service report to the customer (季度服务报告), R-RP-1, as of an instant: a summary
/// of the targets met and missed, overall device operation, fault analysis and improvements,
/// overall service against the targets, and next quarter's plan. A model; render it with
/// <see cref="MarkdownReportRenderer"/> or <see cref="HtmlReportRenderer"/>.
/// </summary>
/// <remarks>
/// Built by <see cref="Create"/> from lists or by a <see cref="QuarterlyReportBuilder"/> from a
/// stream; a pure function of its inputs either way. Immutable.
/// </remarks>
public sealed class QuarterlyReport
{
    internal QuarterlyReport(
        string title,
        string customer,
        Instant asOf,
        QualityFigures quarter,
        IReadOnlyList<QualityFigures> months,
        QualityTargets targets,
        IReadOnlyList<string> improvements,
        IReadOnlyList<string> nextQuarterPlan)
    {
        Title = title;
        Customer = customer;
        AsOf = asOf;
        Quarter = quarter;
        Months = months;
        Targets = targets;
        Improvements = improvements;
        NextQuarterPlan = nextQuarterPlan;
    }

    /// <summary>The report's title.</summary>
    public string Title { get; }

    /// <summary>The customer (招标方 / 最终用户).</summary>
    public string Customer { get; }

    /// <summary>The instant the report is as of (截至): later facts do not count.</summary>
    public Instant AsOf { get; }

    /// <summary>The quarter.</summary>
    public ReportPeriod Period => Quarter.Period;

    /// <summary>Whether the quarter was still in progress at <see cref="AsOf"/>: then it is measured over its elapsed part.</summary>
    public bool IsPartial => Quarter.IsPartial;

    /// <summary>The figures of the whole quarter (or its elapsed part).</summary>
    public QualityFigures Quarter { get; }

    /// <summary>The figures of each month of the quarter; months after <see cref="AsOf"/> are not started.</summary>
    public IReadOnlyList<QualityFigures> Months { get; }

    /// <summary>The targets the figures are compared with.</summary>
    public QualityTargets Targets { get; }

    /// <summary>Devices under contract: those registered plus any with faults.</summary>
    public int DeviceCount => Quarter.Availability.Count;

    /// <summary>Improvements taken or proposed (改进措施); empty when none were recorded.</summary>
    public IReadOnlyList<string> Improvements { get; }

    /// <summary>Next quarter's plan (下季度工作计划), e.g. planned inspections; empty when none.</summary>
    public IReadOnlyList<string> NextQuarterPlan { get; }

    /// <summary>Builds the report of <paramref name="year"/>'s <paramref name="quarter"/> as of <paramref name="asOf"/> from lists.</summary>
    /// <param name="title">The title.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="year">The year.</param>
    /// <param name="quarter">The quarter, 1–4.</param>
    /// <param name="zone">The time zone of the days.</param>
    /// <param name="asOf">The instant the report is as of.</param>
    /// <param name="calendar">The calendar for business times.</param>
    /// <param name="workOrders">Work orders summarised as of <paramref name="asOf"/> (any period; filtered).</param>
    /// <param name="ratings">Sign-off ratings.</param>
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
        Instant asOf,
        BusinessCalendar calendar,
        IEnumerable<WorkOrderSummary> workOrders,
        IEnumerable<SignOffRating> ratings,
        IEnumerable<SatisfactionSurvey> surveys,
        IEnumerable<CallbackRecord> callbacks,
        IEnumerable<PartsShipment> shipments,
        QualityTargets targets,
        IEnumerable<string> devices,
        IEnumerable<string> improvements,
        IEnumerable<string> nextQuarterPlan)
    {
        var builder = new QuarterlyReportBuilder(year, quarter, zone, asOf, calendar, targets);
        foreach (var device in Guard.NotNull(devices))
        {
            builder.AddDevice(device);
        }

        foreach (var order in Guard.NotNull(workOrders))
        {
            builder.Add(order);
        }

        foreach (var rating in Guard.NotNull(ratings))
        {
            builder.Add(rating);
        }

        foreach (var survey in Guard.NotNull(surveys))
        {
            builder.Add(survey);
        }

        foreach (var callback in Guard.NotNull(callbacks))
        {
            builder.Add(callback);
        }

        foreach (var shipment in Guard.NotNull(shipments))
        {
            builder.Add(shipment);
        }

        return builder.Build(title, customer, improvements, nextQuarterPlan);
    }
}
