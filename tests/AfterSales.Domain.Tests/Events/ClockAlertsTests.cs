using AfterSales.Calendars;
using AfterSales.Events;
using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using AfterSales.Testing;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Tests.Events;

/// <summary>Worked examples of which thresholds are reached, newly, and when the next one is due.</summary>
public class ClockAlertsTests
{
    private static readonly Instant Reported = Instant.FromUtc(2026, 3, 2, 1, 0);

    [Fact]
    public void R_SLA_4_PhoneResponse15Min_WarningsAtTheirInstants_BreachStrictlyAfterTheDueInstant()
    {
        // Seed 002, 7×24: a phone report answered within 15 min, warned at 50/75/90 % (7:30, 11:15, 13:30).
        var policy = SlaPresets.SystemIntegration002;
        var timeline = TicketTimeline.Open(Reported, "A", ReportChannel.Phone, ServiceSite.Local);
        string[] Reached(Instant at) => [.. ClockAlerts.Reached(SlaEvaluator.Evaluate(policy, timeline, at)).Where(static t => t.Clock.Metric.Equals(SlaMetric.FirstResponse)).Select(static t => t.Name)];

        Assert.Empty(Reached(Reported + Duration.FromSeconds(449)));
        Assert.Equal(["warning/50"], Reached(Reported + Duration.FromSeconds(450)));
        Assert.Equal(["warning/50", "warning/75", "warning/90"], Reached(Reported + Duration.FromMinutes(15)));
        Assert.Equal(["warning/50", "warning/75", "warning/90", "breach"], Reached(Reported + Duration.FromMinutes(15) + Duration.Epsilon));

        Assert.Equal(Reported + Duration.FromSeconds(450), ClockAlerts.Next(policy, timeline, Reported));
        Assert.Equal(Reported + Duration.FromMinutes(15), ClockAlerts.Next(policy, timeline, Reported + Duration.FromMinutes(14)));

        // At the due instant the breach is still pending: the next deadline is that instant itself.
        Assert.Equal(Reported + Duration.FromMinutes(15), ClockAlerts.Next(policy, timeline, Reported + Duration.FromMinutes(15)));
    }

    [Fact]
    public void Newly_AfterAVisit_OnlyWhatTheVisitHadNotReached()
    {
        var policy = SlaPresets.SystemIntegration002;
        var timeline = TicketTimeline.Open(Reported, "A", ReportChannel.Phone, ServiceSite.Local);
        var at12 = SlaEvaluator.Evaluate(policy, timeline, Reported + Duration.FromMinutes(12));
        var at16 = SlaEvaluator.Evaluate(policy, timeline, Reported + Duration.FromMinutes(16));
        var newly = ClockAlerts.Newly(at12, at16);
        Assert.Equal(["first-response/1/warning/90", "first-response/1/breach"], newly.Select(static t => t.Key));
        Assert.Equal([Reported + Duration.FromSeconds(810), Reported + Duration.FromMinutes(15)], newly.Select(static t => t.At));
        Assert.Empty(ClockAlerts.Newly(at16, at16));
    }

    [Fact]
    public void R_WO_6_StoppedLate_BreachAndMetLateBothReached_MetLateAtTheStop()
    {
        var policy = SlaPresets.SystemIntegration002;
        var timeline = TicketTimeline.Open(Reported, "A", ReportChannel.Phone, ServiceSite.Local).Reached(Milestone.Responded, Reported + Duration.FromMinutes(20));
        var reached = ClockAlerts.Reached(SlaEvaluator.Evaluate(policy, timeline, Reported + Duration.FromMinutes(21)))
            .Where(static t => t.Clock.Metric.Equals(SlaMetric.FirstResponse)).ToList();
        Assert.Equal(["warning/50", "warning/75", "warning/90", "breach", "met-late"], reached.Select(static t => t.Name));
        Assert.Equal(Reported + Duration.FromMinutes(20), reached.Single(static t => t.Kind == ClockThresholdKind.MetLate).At);
    }

    [Fact]
    public void R_SLA_5_WhilePaused_AnotherTargetsRunningClockBecomesTheStricter_NextIsThatInstant()
    {
        // Two loaner targets: 5 h counted through pauses, 2 h paused while waiting. Paused at 1 h, the 2 h
        // target's due ("if work resumed now") is now + 1 h and moves on; at 4 h it reaches the 5 h target's
        // due, which becomes the strictest — with its 75 % warning (3:45) already passed. (Its 50 % was
        // reached by the 2 h target at the pause, 1 h: the same threshold, published once.)
        var policy = SlaPolicy.CreateBuilder("loaners", 1, "loaners", SeverityScales.SingleLevel)
            .WithCalendar(BusinessCalendar.TwentyFourSeven(DateTimeZone.Utc))
            .WithWarnings([50, 75])
            .AddTarget(SlaMetric.LoanerProvided, SlaAmount.Hours(5), static t => t.ForAllSeverities().NotPausedWhileWaitingForCustomer())
            .AddTarget(SlaMetric.LoanerProvided, SlaAmount.Hours(2), static t => t.ForAllSeverities())
            .Build();
        var timeline = TicketTimeline.Open(Reported, SeverityScales.SingleLevel.Levels[0].Code, ReportChannel.Phone, ServiceSite.Local)
            .Paused(Reported + Duration.FromHours(1));
        var now = Reported + Duration.FromMinutes(90);
        var before = SlaEvaluator.Evaluate(policy, timeline, now);
        Assert.Equal(SlaClockStatus.Paused, before.Single().Status);

        var next = ClockAlerts.Next(policy, timeline, now);
        Assert.Equal(Reported + Duration.FromHours(4), next);
        var after = SlaEvaluator.Evaluate(policy, timeline, next!.Value + Duration.Epsilon);
        Assert.Equal(SlaClockStatus.Running, after.Single().Status);
        Assert.Equal(["loaner/1/warning/50"], ClockAlerts.Reached(before).Select(static t => t.Key));
        Assert.Equal(["loaner/1/warning/75"], ClockAlerts.Newly(before, after).Select(static t => t.Key));
        Assert.Equal(Reported + Duration.FromMinutes(225), ClockAlerts.Newly(before, after).Single().At);
    }

    [Fact]
    public void Ids_TheSameFactAnywhere_TheSameId_AnotherTenantAnother()
    {
        var clock = new FakeClock(Reported);
        var a = new TicketBuilder(SlaPresets.SystemIntegration002, clock).WithId("WO-1").WithTenant("acme").WithSeverity("A").Report();
        var b = new TicketBuilder(SlaPresets.SystemIntegration002, clock).WithId("WO-1").WithTenant("acme").WithSeverity("A").Report();
        var c = new TicketBuilder(SlaPresets.SystemIntegration002, clock).WithId("WO-1").WithTenant("globex").WithSeverity("A").Report();
        var later = Reported + Duration.FromMinutes(20);
        var first = TicketDomainEvents.ForDeadline(a, Reported, later).Events.Select(static e => e.Id).ToList();
        Assert.Equal(4, first.Count);
        Assert.Equal(first, TicketDomainEvents.ForDeadline(b, Reported, later).Events.Select(static e => e.Id));
        Assert.Empty(first.Intersect(TicketDomainEvents.ForDeadline(c, Reported, later).Events.Select(static e => e.Id)));
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.All(first, static id => Assert.True(Guid.TryParse(id, out var g) && g.Version == 8, id));
    }
}
