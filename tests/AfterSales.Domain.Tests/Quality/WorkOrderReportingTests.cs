using AfterSales.Quality.Reporting;
using AfterSales.Sla;
using AfterSales.Tests.Support;
using NodaTime.Testing;

namespace AfterSales.Tests.Quality;

public class WorkOrderReportingTests
{
    [Fact]
    public void Summarise_RemoteResolution_R_WO_3_RestoresAndResolvesAtOnceWithTheClocksAsOfTheInstant()
    {
        var clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
        var ticket = Tickets.New(clock, severity: "A");
        clock.AdvanceMinutes(10);
        ticket.Acknowledge();
        clock.AdvanceMinutes(5);
        ticket.StartRemoteDiagnosis();
        clock.AdvanceMinutes(40);
        ticket.ResolveRemotely("reset the controller");
        var resolvedAt = clock.GetCurrentInstant();

        var summary = WorkOrderReporting.Summarise(ticket, resolvedAt + Duration.FromHours(1));

        Assert.True(summary.IsMajorFault); // A is the most severe class of seed 002 (R-RP-2)
        Assert.Equal(ticket.ReportedAt + Duration.FromMinutes(10), summary.RespondedAt);
        Assert.Null(summary.ArrivedAt);
        Assert.Equal(resolvedAt, summary.RestoredAt);
        Assert.Equal(resolvedAt, summary.ResolvedAt);
        Assert.Contains(summary.Clocks, c => c.Metric.Equals(SlaMetric.FirstResponse) && c.Status == SlaClockStatus.Met);
    }

    [Fact]
    public void Surveys_OnePerSignOff_R_RP_5_TheRatingStandsForEveryItem()
    {
        var clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
        var ticket = Tickets.In(AfterSales.WorkOrders.TicketState.Resolved, clock);
        ticket.SignOff("王经理", 4, "快");

        var survey = Assert.Single(WorkOrderReporting.Surveys(ticket, "bank", AfterSales.Calendars.ChinaCalendars.BeijingTime));

        Assert.Equal((4, 4, 4, 4, "快"), (survey.Skill, survey.Attitude, survey.Timeliness, survey.Overall, survey.Suggestions));
        Assert.Equal(clock.GetCurrentInstant().InZone(AfterSales.Calendars.ChinaCalendars.BeijingTime).Date, survey.AnsweredOn);
    }
}
