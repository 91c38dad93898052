using AfterSales.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Sla;

/// <summary>When a clock ends besides its own milestone; provisional clocks; clocks under adopted terms.</summary>
public class ClockEndingAndTermsTests
{
    private static readonly SlaPolicy Seed002On5x8 = SlaPresets.SystemIntegration002On(ChinaCalendars.Statutory9To18, "cn-002-system-integration-5x8");

    private static SlaClock Clock(IReadOnlyList<SlaClock> clocks, SlaMetric metric) => Assert.Single(clocks, c => c.Metric.Equals(metric));

    [Fact]
    public void RepairPlan_ResolvedBeforeThePlan_R_SLA_3_IsNotNeeded_AndNeverBreaches()
    {
        // Class A, 7×24: a detailed solution within 48 h; resolved after 5 h without a plan.
        var timeline = TicketTimeline.Open(Bj("2026-03-02 10:00"), "A", ReportChannel.Phone, ServiceSite.Local)
            .Reached(Milestone.Responded, Bj("2026-03-02 10:05"))
            .Reached(Milestone.ServiceRestored, Bj("2026-03-02 15:00"))
            .Reached(Milestone.Resolved, Bj("2026-03-02 15:00"));

        var plan = Clock(SlaEvaluator.Evaluate(SlaPresets.SystemIntegration002, timeline, Bj("2026-03-12 15:00"), ExplanationLanguage.English), SlaMetric.RepairPlan);

        Assert.Equal(SlaClockStatus.Waived, plan.Status);
        Assert.Equal(Milestone.Resolved, plan.StoppedBy);
        Assert.Equal(Bj("2026-03-02 15:00"), plan.StoppedAt);
        Assert.Null(plan.NextDeadlineAfter(Bj("2026-03-12 15:00")));
        Assert.Contains(plan.Explanation, l => l.StartsWith("not needed: resolution at 2026-03-02 15:00 ended it", StringComparison.Ordinal));
    }

    [Fact]
    public void RepairPlan_ResolvedAfterItWasDue_IsABreachFrozenAtTheResolution()
    {
        var timeline = TicketTimeline.Open(Bj("2026-03-02 10:00"), "A", ReportChannel.Phone, ServiceSite.Local)
            .Reached(Milestone.Resolved, Bj("2026-03-05 10:00"));

        var early = Clock(SlaEvaluator.Evaluate(SlaPresets.SystemIntegration002, timeline, Bj("2026-03-06 10:00"), ExplanationLanguage.English), SlaMetric.RepairPlan);
        var later = Clock(SlaEvaluator.Evaluate(SlaPresets.SystemIntegration002, timeline, Bj("2026-04-06 10:00"), ExplanationLanguage.English), SlaMetric.RepairPlan);

        Assert.Equal(SlaClockStatus.Breached, early.Status);
        Assert.Equal(Duration.FromHours(72), early.Elapsed);
        Assert.Equal(early.Elapsed, later.Elapsed);
        Assert.Contains(early.Explanation, l => l.Contains("24 h of business time overdue when resolution", StringComparison.Ordinal));
    }

    [Fact]
    public void Loaner_ServiceRestoredAfterTheWaiverWindow_R_SLA_5_EndsTheLoanerClock()
    {
        // Seed 004: a loaner within 8 h of the fault unless restored within 5 h; restored after 6 h.
        var timeline = TicketTimeline.Open(Bj("2026-03-02 10:00"), "fault", ReportChannel.Phone, ServiceSite.Local)
            .Reached(Milestone.ArrivedOnSite, Bj("2026-03-02 12:00"))
            .Reached(Milestone.ServiceRestored, Bj("2026-03-02 16:00"));

        var loaner = Clock(SlaEvaluator.Evaluate(SlaPresets.Cctv004, timeline, Bj("2026-03-03 16:00"), ExplanationLanguage.English), SlaMetric.LoanerProvided);

        Assert.Equal(SlaClockStatus.Waived, loaner.Status);
        Assert.Equal(Milestone.ServiceRestored, loaner.StoppedBy);
    }

    [Fact]
    public void Clock_ReachingAYearWithoutData_IsProvisional_NamesTheYear_AndDoesNotThrow()
    {
        // Seed 002 class C on 5×8, reported 2026-12-20 (a Sunday): the agreed plan within 108 business hours reaches 2027.
        var timeline = TicketTimeline.Open(Bj("2026-12-20 10:00"), "C", ReportChannel.Email, ServiceSite.Local);

        var plan = Clock(SlaEvaluator.Evaluate(Seed002On5x8, timeline, Bj("2026-12-20 10:00"), ExplanationLanguage.English), SlaMetric.RepairPlan);

        Assert.True(plan.IsProvisional);
        Assert.Equal("cn-statutory-9-18@1", plan.CalendarKey);
        Assert.Equal("cn-002-system-integration-5x8@1", plan.PolicyKey);
        Assert.Contains("2027: no holiday data loaded for cn-statutory-9-18; counted as plain weekdays — provisional", plan.Explanation);
        Assert.Equal(SlaClockStatus.Running, plan.Status);
        Assert.False(Clock(SlaEvaluator.Evaluate(Seed002On5x8, timeline, Bj("2026-12-20 10:00"), ExplanationLanguage.English), SlaMetric.FirstResponse).IsProvisional);
    }

    [Fact]
    public void AdoptedCalendar_ChangesOpenClocksOnly_CompletedClocksKeepTheVersionTheyStoppedUnder()
    {
        // 2027 data with 4 January as a holiday (test data, not the State Council's).
        var year2027 = HolidayYear.Create(2027, [CalendarDay.Holiday(new LocalDate(2027, 1, 4), "test holiday")], []);
        var v2 = CalendarPresets.ChinaStatutory9To18.WithYear(year2027).WithVersion(2).Calendar;
        var timeline = TicketTimeline.Open(Bj("2026-12-31 09:00"), "C", ReportChannel.Phone, ServiceSite.Local)
            .Reached(Milestone.Responded, Bj("2026-12-31 09:10"));
        var adoptedAt = Bj("2027-01-02 10:00");
        IReadOnlyList<SlaTerms> terms = [SlaTerms.Of(Seed002On5x8), SlaTerms.Of(Seed002On5x8).WithCalendars([v2], adoptedAt)];

        var before = SlaEvaluator.Evaluate(terms, timeline, Bj("2027-01-01 10:00"), ExplanationLanguage.English);
        var after = SlaEvaluator.Evaluate(terms, timeline, Bj("2027-01-05 10:00"), ExplanationLanguage.English);

        Assert.Equal("cn-statutory-9-18@1", Clock(before, SlaMetric.RepairPlan).CalendarKey);
        Assert.True(Clock(before, SlaMetric.RepairPlan).IsProvisional);
        var plan = Clock(after, SlaMetric.RepairPlan);
        Assert.Equal("cn-statutory-9-18@2", plan.CalendarKey);
        Assert.False(plan.IsProvisional);
        Assert.True(plan.DueAt > Clock(before, SlaMetric.RepairPlan).DueAt); // one working day fewer in 2027
        var response = Clock(after, SlaMetric.FirstResponse);
        Assert.Equal("cn-statutory-9-18@1", response.CalendarKey);
        Assert.Equal(SlaClockStatus.Met, response.Status);
    }

    [Fact]
    public void AdoptedPolicy_OpenClocksFollowTheNewTargets_MetClocksKeepTheOld()
    {
        var v2 = SlaPolicy.CreateBuilder("p", 2, "stricter", SeverityScales.SingleLevel)
            .WithCalendar(SlaPresets.TwentyFourSevenBeijing)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(1), t => t.ForAllSeverities())
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(4), t => t.ForAllSeverities())
            .Build();
        var v1 = SlaPolicy.CreateBuilder("p", 1, "looser", SeverityScales.SingleLevel)
            .WithCalendar(SlaPresets.TwentyFourSevenBeijing)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(2), t => t.ForAllSeverities())
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(8), t => t.ForAllSeverities())
            .Build();
        var timeline = TicketTimeline.Open(Bj("2026-03-02 10:00"), "fault", ReportChannel.Phone, ServiceSite.Local)
            .Reached(Milestone.Responded, Bj("2026-03-02 11:30"));
        IReadOnlyList<SlaTerms> terms = [SlaTerms.Of(v1), SlaTerms.Of(v1).WithPolicy(v2, Bj("2026-03-02 12:00"))];

        var clocks = SlaEvaluator.Evaluate(terms, timeline, Bj("2026-03-02 13:00"), ExplanationLanguage.English);

        Assert.Equal((SlaClockStatus.Met, "p@1"), (Clock(clocks, SlaMetric.FirstResponse).Status, Clock(clocks, SlaMetric.FirstResponse).PolicyKey));
        Assert.Equal((Bj("2026-03-02 14:00"), "p@2"), (Clock(clocks, SlaMetric.Resolved).DueAt!.Value, Clock(clocks, SlaMetric.Resolved).PolicyKey));
    }
}
