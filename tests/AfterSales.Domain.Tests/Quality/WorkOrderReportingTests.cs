using AfterSales.Calendars;
using AfterSales.Quality.Reporting;
using AfterSales.Sla;
using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Tests.Quality;

public class WorkOrderReportingTests
{
    private static readonly DateTimeZone Beijing = ChinaCalendars.BeijingTime;

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
        Assert.Equal("A类问题", summary.Severity.NameZh);
        Assert.Equal(ticket.ReportedAt + Duration.FromMinutes(10), summary.RespondedAt);
        Assert.Null(summary.ArrivedAt);
        Assert.Equal(resolvedAt, summary.RestoredAt);
        Assert.Equal(resolvedAt, summary.ResolvedAt);
        Assert.Equal(new Interval(ticket.ReportedAt, resolvedAt), Assert.Single(summary.Downtime));
        Assert.Contains(summary.Clocks, c => c.Metric.Equals(SlaMetric.FirstResponse) && c.Status == SlaClockStatus.Met);
    }

    /// <summary>As of an instant before the resolution the order is still down, unresolved, with its clocks then: nothing later leaks in (R-WO-3).</summary>
    [Fact]
    public void Summarise_AsOfBeforeLaterFacts_IgnoresThem_RWO3()
    {
        var clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
        var ticket = Tickets.New(clock, severity: "A");
        var reported = ticket.ReportedAt;
        clock.AdvanceMinutes(10);
        ticket.Acknowledge();
        clock.AdvanceMinutes(50);
        ticket.StartRemoteDiagnosis();
        ticket.ResolveRemotely("reset");

        var summary = WorkOrderReporting.Summarise(ticket, reported + Duration.FromMinutes(30));

        Assert.Equal(reported + Duration.FromMinutes(10), summary.RespondedAt);
        Assert.Null(summary.RestoredAt);
        Assert.Null(summary.ResolvedAt);
        Assert.False(Assert.Single(summary.Downtime).HasEnd);
        Assert.Null(WorkOrderReporting.Callback(summary, [], Beijing, reported + Duration.FromMinutes(30)));
    }

    /// <summary>
    /// Found by the seed 000 scenario: a second call about one outage, cancelled as a duplicate (撤销), was
    /// counted as a second fault work order and a second major fault. It is no fault of its own (R-RP-2):
    /// the quarter counts one class-A order and one major fault, and the audit CSV's reported_in_period
    /// column adds up to the same one.
    /// </summary>
    [Fact]
    public void QuarterlyReport_CancelledDuplicate_IsNoFaultWorkOrderNorMajorFault_RRP2()
    {
        var clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
        var outage = Tickets.New(clock, "WO-1", "A");
        clock.AdvanceMinutes(3);
        var duplicate = Tickets.New(clock, "WO-2", "A");
        clock.AdvanceMinutes(3);
        duplicate.Cancel("duplicate of WO-1");
        var asOf = Instant.FromUtc(2026, 3, 31, 16, 0); // 2026-04-01 00:00 in Beijing: the quarter's end
        var builder = new QuarterlyReportBuilder(2026, 1, Beijing, asOf, ChinaCalendars.Statutory9To18, QualityTargets.Seed001);
        var rows = new List<string>();
        foreach (var ticket in new[] { outage, duplicate })
        {
            var facts = new WorkOrderFacts(WorkOrderReporting.Summarise(ticket, asOf), [], null, [], []);
            builder.Add(facts);
            rows.Add(builder.AuditRow(facts));
        }

        var quarter = builder.Build("t", "c", [], []).Quarter;

        Assert.True(WorkOrderReporting.Summarise(duplicate, asOf).IsCancelled);
        Assert.Equal((1, 1), (quarter.WorkOrderCount, quarter.MajorFaultCount));
        Assert.Equal(("A", 1), (Assert.Single(quarter.FaultsBySeverity).Level.Code, quarter.FaultsBySeverity[0].Count));
        var column = Array.IndexOf(QuarterlyReportBuilder.AuditHeader.Split(','), "reported_in_period");
        Assert.Equal(["1", "0"], rows.Select(r => r.Split(',')[column]));
    }

    /// <summary>A recurrence in observation (R-WO-4) is downtime again, from the re-opening to the next restoration.</summary>
    [Fact]
    public void Summarise_Reopened_TwoDowntimeIntervals_RWO4()
    {
        var clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
        var ticket = Tickets.In(TicketState.Observation, clock);
        var firstEnd = ticket.Events.First(e => e.Kind is TicketEventKind.ServiceRestored or TicketEventKind.Resolved or TicketEventKind.ResolvedRemotely).At;
        clock.AdvanceHours(3);
        ticket.Reopen("recurred");
        var reopened = clock.GetCurrentInstant();
        clock.AdvanceHours(1);

        var summary = WorkOrderReporting.Summarise(ticket, clock.GetCurrentInstant());

        Assert.Equal(2, summary.Downtime.Count);
        Assert.Equal(firstEnd, summary.Downtime[0].End);
        Assert.Equal(reopened, summary.Downtime[1].Start);
        Assert.False(summary.Downtime[1].HasEnd);
    }

    /// <summary>R-WO-8 / R-RP-5: a sign-off gives a rating for the satisfaction rate; it is not a survey, and no survey item is taken from it.</summary>
    [Fact]
    public void Ratings_OnePerSignOff_RWO8_NotASurvey()
    {
        var clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
        var ticket = Tickets.In(TicketState.Resolved, clock);
        ticket.SignOff("王经理", 4, "快");

        var rating = Assert.Single(WorkOrderReporting.Ratings(ticket, Beijing, clock.GetCurrentInstant()));

        Assert.Equal((4, "快", true), (rating.Score, rating.Comment, rating.IsSatisfied));
        Assert.Equal(clock.GetCurrentInstant().InZone(Beijing).Date, rating.RatedOn);
        Assert.Empty(WorkOrderReporting.Ratings(ticket, Beijing, clock.GetCurrentInstant() - Duration.FromSeconds(1)));
    }

    /// <summary>R-RP-3: the callback is owed from the resolution's day and done only by a callback that reached the customer by "as of".</summary>
    [Fact]
    public void Callback_DueOnResolution_DoneByAReachedCallback_RRP3()
    {
        var clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
        var ticket = Tickets.In(TicketState.Resolved, clock);
        var now = clock.GetCurrentInstant();
        var summary = WorkOrderReporting.Summarise(ticket, now + Duration.FromDays(2));
        var id = ticket.Id.Value;
        CustomerCallback[] calls = [new("C-1", id, now + Duration.FromHours(1), "客服小李", reached: false), new("C-2", id, now + Duration.FromDays(1), "客服小李", reached: true)];

        var early = WorkOrderReporting.Callback(summary, calls, Beijing, now + Duration.FromHours(2))!;
        var later = WorkOrderReporting.Callback(summary, calls, Beijing, now + Duration.FromDays(2))!;

        Assert.Equal(summary.ResolvedAt!.Value.InZone(Beijing).Date, early.DueOn);
        Assert.True(early.InWarranty);
        Assert.False(early.Done);
        Assert.True(later.Done);
    }
}
