using AfterSales.Calendars;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Testing.Tests;

public class BuilderTests
{
    private static readonly Instant Monday9 = Instant.FromUtc(2026, 3, 2, 9, 0);

    [Fact]
    public void TicketTimelineBuilder_MeasuresEachStepFromThePreviousOne()
    {
        TicketTimeline timeline = TicketTimelineBuilder.ReportedAt(Monday9, "1", ReportChannel.Email, ServiceSite.NonLocal, Duration.FromMinutes(30))
            .RespondedAfter(Duration.FromMinutes(10))
            .PausedFor(Duration.FromHours(1))
            .ArrivedAfter(Duration.FromHours(2))
            .ReclassifiedAfter(Duration.Zero, "2")
            .RestoredAfter(Duration.FromMinutes(5))
            .ResolvedAfter(Duration.FromMinutes(5))
            .ReopenedAfter(Duration.FromDays(1))
            .PausedAfter(Duration.FromMinutes(1));

        Assert.Equal(Monday9 - Duration.FromMinutes(30), timeline.FaultOccurredAt);
        Assert.Equal(
            [
                "10 min MilestoneReached", "10 min PauseStarted", "70 min PauseEnded", "190 min MilestoneReached",
                "190 min SeverityChanged", "195 min MilestoneReached", "200 min MilestoneReached", "1640 min Reopened", "1641 min PauseStarted",
            ],
            timeline.Entries.Select(e => $"{(e.At - Monday9).TotalMinutes} min {e.Kind}"));
        Assert.True(timeline.IsPaused);
        Assert.Equal("2", timeline.CurrentSeverityCode);
    }

    [Fact]
    public void TicketTimelineBuilder_RejectsANegativeDelay() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TicketTimelineBuilder.ReportedAt(Monday9).RespondedAfter(Duration.FromMinutes(-1)));

    [Fact]
    public void TicketBuilder_ReportsATicketAtTheClocksInstant()
    {
        var clock = new FakeClock(Monday9);
        var ticket = new TicketBuilder(SlaPresets.EnterpriseSystems003, clock).WithId("WO-7").WithSeverity("1").WithChannel(ReportChannel.Email).Report();
        Assert.Equal(TicketState.Reported, ticket.State);
        Assert.Equal(Monday9, ticket.ReportedAt);
        Assert.Equal("1", ticket.SeverityCode);
        clock.AdvanceMinutes(20);
        ticket.Acknowledge();
        var response = ticket.Clocks(clock.GetCurrentInstant()).Single(c => c.Metric == SlaMetric.FirstResponse);
        Assert.Equal(SlaClockStatus.Met, response.Status);
    }

    [Fact]
    public void TicketBuilder_DefaultsToTheLeastSevereLevel()
    {
        var ticket = new TicketBuilder(SlaPresets.SystemIntegration002, new FakeClock(Monday9)).Report();
        Assert.Equal("D", ticket.SeverityCode);
    }

    [Fact]
    public void TestCalendars_OfficeHours_HonoursHolidaysAndZone()
    {
        var calendar = TestCalendars.NineToFive("Europe/Berlin", new LocalDate(2026, 3, 3));
        var mondayNine = Instant.FromUtc(2026, 3, 2, 8, 0);
        Assert.Equal(Instant.FromUtc(2026, 3, 4, 9, 0), calendar.Add(mondayNine, Duration.FromHours(9)));
        Assert.Equal(Duration.FromHours(1), TestCalendars.TwentyFourSeven().BusinessTimeBetween(Monday9, Monday9 + Duration.FromHours(1)));
        Assert.Same(ChinaCalendars.Statutory9To18, TestCalendars.ChinaStatutory);
    }

    [Fact]
    public void TestPolicies_OneTarget_BuildsOneClock()
    {
        var policy = TestPolicies.OnSite(Duration.FromHours(4), TestCalendars.TwentyFourSeven());
        var clock = Assert.Single(SlaEvaluator.Evaluate(policy, TicketTimelineBuilder.ReportedAt(Monday9), Monday9));
        Assert.Equal(Monday9 + Duration.FromHours(4), clock.DueAt);
        Assert.False(TestPolicies.OneTarget(SlaMetric.Resolved, Duration.FromHours(1), TestCalendars.TwentyFourSeven(), pauses: false).Targets[0].PausesWhileWaitingForCustomer);
    }

    [Fact]
    public void WithoutPauses_DropsPausesOnly_AndTakeFactsKeepsAPrefix()
    {
        TicketTimeline timeline = TicketTimelineBuilder.ReportedAt(Monday9).PausedFor(Duration.FromHours(1)).ResolvedAfter(Duration.FromHours(1));
        Assert.Equal([TimelineEntryKind.MilestoneReached], timeline.WithoutPauses().Entries.Select(e => e.Kind));
        Assert.Equal(2, timeline.TakeFacts(2).Entries.Count);
        Assert.Contains("paused", timeline.Describe(), StringComparison.Ordinal);
    }
}
