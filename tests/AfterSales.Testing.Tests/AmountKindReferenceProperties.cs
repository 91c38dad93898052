using AfterSales.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AfterSales.Testing.Tests;

/// <summary>Issue 17 §1 against the independent reference: close-of-working-day and calendar-period clocks on random timelines.</summary>
public class AmountKindReferenceProperties
{
    private static readonly SlaPolicy Policy =
        SlaPolicy.CreateBuilder("amount-kinds", 1, "amount kinds", SeverityScales.SingleLevel)
            .WithCalendar(ChinaCalendars.Statutory9To18)
            .AddTarget(SlaMetric.Resolved, SlaAmount.UntilCloseOfWorkingDay(2), static t => t.ForAllSeverities())
            .AddTarget(SlaMetric.RepairPlan, SlaAmount.UntilCloseOfWorkingDay(0), static t => t.ForAllSeverities())
            .AddTarget(SlaMetric.ServiceRestored, SlaAmount.OfCalendarPeriod(Period.FromDays(3)), static t => t.ForAllSeverities())
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.OfCalendarPeriod(Period.FromMonths(1)), static t => t.ForAllSeverities().On(TestCalendars.NineToFive("Europe/Berlin")))
            .Build();

    public static Arbitrary<TicketTimeline> Timelines() => AfterSalesArb.Timelines(Policy);

    [Property(Arbitrary = new[] { typeof(AmountKindReferenceProperties) }, MaxTest = 60)]
    public Property Evaluator_AgreesWithTheReference_OnCloseOfDayAndCalendarPeriods(TicketTimeline timeline)
    {
        var differences = ReferenceSla.Disagreements(Policy, timeline, timeline.LastAt + Duration.FromHours(5));
        return differences.Count == 0 ? true.ToProperty() : false.Label(string.Join("; ", differences));
    }
}

/// <summary>Issue 17 §5 against the independent reference: the non-default conventions on random timelines.</summary>
public class ConventionReferenceProperties
{
    private static readonly SlaPolicy Policy =
        SlaPolicy.CreateBuilder("conventions", 1, "conventions", SeverityScales.SingleLevel)
            .WithCalendar(ChinaCalendars.Statutory9To18)
            .WithConventions(new SlaConventions { BudgetEndingAtClose = BudgetEndingAtClose.NextOpening, WaitingBeforeFirstResponse = WaitingBeforeFirstResponse.Counts, Rounding = DurationRounding.Minute })
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(1), static t => t.ForAllSeverities())
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(9), static t => t.ForAllSeverities())
            .AddTarget(SlaMetric.RepairPlan, SlaAmount.OfWorkingDays(1), static t => t.ForAllSeverities())
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.UntilCloseOfWorkingDay(1), static t => t.ForAllSeverities())
            .Build();

    public static Arbitrary<TicketTimeline> Timelines() => AfterSalesArb.Timelines(Policy);

    [Property(Arbitrary = new[] { typeof(ConventionReferenceProperties) }, MaxTest = 60)]
    public Property Evaluator_AgreesWithTheReference_UnderTheOtherConventions(TicketTimeline timeline)
    {
        var differences = ReferenceSla.Disagreements(Policy, timeline, timeline.LastAt + Duration.FromHours(3));
        return differences.Count == 0 ? true.ToProperty() : false.Label(string.Join("; ", differences));
    }
}
