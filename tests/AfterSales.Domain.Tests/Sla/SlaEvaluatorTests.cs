using AfterSales.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Sla;

public class SlaEvaluatorTests
{
    private static readonly BusinessCalendar Always = BusinessCalendar.TwentyFourSeven(Shanghai);

    /// <summary>Levels 1–4; on site within 4 h for level 3, 2 h for level 1; resolved within 8 h; 7×24.</summary>
    private static readonly SlaPolicy Policy = SlaPolicy.CreateBuilder("test", 1, "test", SeverityScales.LevelsOneToFour)
        .WithCalendar(Always)
        .WithWarnings(50, 75)
        .AddTarget(SlaMetric.FirstResponse, SlaAmount.Minutes(30), t => t.ForAllSeverities())
        .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(2), t => t.ForSeverities("1", "2"))
        .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(4), t => t.ForSeverities("3", "4"))
        .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(8), t => t.ForAllSeverities())
        .Build();

    private static SlaClock Clock(TicketTimeline timeline, Instant now, SlaMetric metric, int cycle = 1) =>
        Assert.Single(SlaEvaluator.Evaluate(Policy, timeline, now), c => c.Metric.Equals(metric) && c.Cycle == cycle);

    private static TicketTimeline Level3At10() => TicketTimeline.Open(Bj("2026-03-02 10:00"), "3", ReportChannel.Phone, ServiceSite.Local);

    [Fact]
    public void Evaluate_PauseWaitingForCustomer_MovesTheDueInstantByThePausedTime()
    {
        var timeline = Level3At10().Paused(Bj("2026-03-02 11:00")).Resumed(Bj("2026-03-02 12:10"));

        var onSite = Clock(timeline, Bj("2026-03-02 12:30"), SlaMetric.OnSiteArrival);

        Assert.Equal("2026-03-02 15:10", Local(onSite.DueAt));
        Assert.Equal(Duration.FromMinutes(70), onSite.PausedBusinessTime);
        Assert.Equal(Duration.FromMinutes(80), onSite.Elapsed);
        Assert.Contains(onSite.Explanation, l => l.StartsWith("paused 1 h 10 min of business time", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_OpenPause_IsPausedWithElapsedFrozenAndDueAssumingResumeNow()
    {
        var timeline = Level3At10().Paused(Bj("2026-03-02 11:00"));

        var early = Clock(timeline, Bj("2026-03-02 12:00"), SlaMetric.OnSiteArrival);
        var late = Clock(timeline, Bj("2026-03-02 20:00"), SlaMetric.OnSiteArrival);

        Assert.Equal(SlaClockStatus.Paused, early.Status);
        Assert.Equal(SlaClockStatus.Paused, late.Status);
        Assert.Equal(Duration.FromHours(1), early.Elapsed);
        Assert.Equal(early.Elapsed, late.Elapsed);
        Assert.Equal("2026-03-02 15:00", Local(early.DueAt));
        Assert.Equal("2026-03-02 23:00", Local(late.DueAt));
    }

    [Fact]
    public void Evaluate_BreachedBeforeThePause_StaysBreached()
    {
        var timeline = Level3At10().Paused(Bj("2026-03-02 15:00"));

        var onSite = Clock(timeline, Bj("2026-03-02 16:00"), SlaMetric.OnSiteArrival);

        Assert.Equal(SlaClockStatus.Breached, onSite.Status);
        Assert.Equal("2026-03-02 14:00", Local(onSite.DueAt));
    }

    [Fact]
    public void Evaluate_TargetNotPausedByCustomerWait_CountsThePause()
    {
        var policy = SlaPolicy.CreateBuilder("p", 1, "p", SeverityScales.SingleLevel).WithCalendar(Always)
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(3), t => t.ForAllSeverities().NotPausedWhileWaitingForCustomer())
            .Build();
        var timeline = TicketTimeline.Open(Bj("2026-03-02 09:00"), "fault", ReportChannel.Phone, ServiceSite.Local)
            .Paused(Bj("2026-03-02 10:00")).Resumed(Bj("2026-03-02 11:00"));

        var clock = Assert.Single(SlaEvaluator.Evaluate(policy, timeline, Bj("2026-03-02 11:30")));

        Assert.Equal("2026-03-02 12:00", Local(clock.DueAt));
        Assert.Contains(clock.Explanation, l => l.Contains("does not pause this target"));
    }

    [Fact]
    public void Evaluate_StoppedExactlyAtDue_IsMet_AndNowExactlyAtDue_IsStillRunning()
    {
        var timeline = Level3At10();
        var due = Bj("2026-03-02 14:00");

        Assert.Equal(SlaClockStatus.Running, Clock(timeline, due, SlaMetric.OnSiteArrival).Status);
        Assert.Equal(SlaClockStatus.Breached, Clock(timeline, due + Duration.FromNanoseconds(1), SlaMetric.OnSiteArrival).Status);
        Assert.Equal(SlaClockStatus.Met, Clock(timeline.Reached(Milestone.ArrivedOnSite, due), due, SlaMetric.OnSiteArrival).Status);
        Assert.Equal(SlaClockStatus.MetLate, Clock(timeline.Reached(Milestone.ArrivedOnSite, due + Duration.FromMinutes(1)), due + Duration.FromHours(1), SlaMetric.OnSiteArrival).Status);
    }

    [Fact]
    public void Evaluate_ReclassifiedUpward_R_SEV_2_NewTargetCountsFromTheOriginalStartAndKeepsPausedTime()
    {
        var timeline = Level3At10()
            .Reached(Milestone.Responded, Bj("2026-03-02 10:20"))
            .Paused(Bj("2026-03-02 10:30")).Resumed(Bj("2026-03-02 11:00"))
            .Reclassified("1", Bj("2026-03-02 11:15"));

        var onSite = Clock(timeline, Bj("2026-03-02 11:30"), SlaMetric.OnSiteArrival);
        var response = Clock(timeline, Bj("2026-03-02 11:30"), SlaMetric.FirstResponse);

        Assert.Equal("1", onSite.SeverityCode);
        Assert.Equal(Duration.FromHours(2), onSite.Allowed);
        Assert.Equal("2026-03-02 12:30", Local(onSite.DueAt)); // 10:00 + 2 h + 30 min paused
        Assert.Equal(Duration.FromMinutes(60), onSite.Elapsed);
        Assert.Contains(onSite.Explanation, l => l.StartsWith("severity reclassified 3 → 1", StringComparison.Ordinal));
        Assert.Equal(SlaClockStatus.Met, response.Status);
    }

    [Fact]
    public void Evaluate_ClockStoppedBeforeReclassification_KeepsTheTargetItStoppedUnder()
    {
        var timeline = Level3At10()
            .Reached(Milestone.ArrivedOnSite, Bj("2026-03-02 13:00"))
            .Reclassified("1", Bj("2026-03-02 13:30"));

        var onSite = Clock(timeline, Bj("2026-03-02 14:00"), SlaMetric.OnSiteArrival);

        Assert.Equal(SlaClockStatus.Met, onSite.Status); // 3 h under the 4 h target of level 3, not late under level 1's 2 h
        Assert.Equal("3", onSite.SeverityCode);
    }

    [Fact]
    public void Evaluate_Reopened_R_WO_4_StartsANewResolutionCycleAndLeavesCompletedClocks()
    {
        var timeline = Level3At10()
            .Reached(Milestone.Responded, Bj("2026-03-02 10:10"))
            .Reached(Milestone.Resolved, Bj("2026-03-02 12:00"))
            .Reopened(Bj("2026-03-03 09:00"));

        var clocks = SlaEvaluator.Evaluate(Policy, timeline, Bj("2026-03-03 10:00"));

        Assert.Single(clocks, c => c.Metric.Equals(SlaMetric.FirstResponse));
        var first = Assert.Single(clocks, c => c.Metric.Equals(SlaMetric.Resolved) && c.Cycle == 1);
        var second = Assert.Single(clocks, c => c.Metric.Equals(SlaMetric.Resolved) && c.Cycle == 2);
        Assert.Equal(SlaClockStatus.Met, first.Status);
        Assert.Equal(SlaClockStatus.Running, second.Status);
        Assert.Equal("2026-03-03 17:00", Local(second.DueAt));
    }

    [Fact]
    public void Evaluate_FactsAfterNow_AreIgnored()
    {
        var timeline = Level3At10().Reached(Milestone.ArrivedOnSite, Bj("2026-03-02 13:00"));

        var before = Clock(timeline, Bj("2026-03-02 12:00"), SlaMetric.OnSiteArrival);

        Assert.Equal(SlaClockStatus.Running, before.Status);
        Assert.Null(before.StoppedAt);
    }

    [Fact]
    public void Evaluate_Warnings_AreDueAtTheirShareOfTheAllowedTime()
    {
        var onSite = Clock(Level3At10(), Bj("2026-03-02 12:30"), SlaMetric.OnSiteArrival);

        Assert.Equal([50, 75], onSite.Warnings.Select(w => w.Percent));
        Assert.Equal("2026-03-02 12:00", Local(onSite.Warnings[0].At));
        Assert.True(onSite.Warnings[0].IsReached);
        Assert.Equal("2026-03-02 13:00", Local(onSite.Warnings[1].At));
        Assert.False(onSite.Warnings[1].IsReached);
        Assert.Equal(Bj("2026-03-02 13:00"), onSite.NextDeadlineAfter(Bj("2026-03-02 12:30")));
    }

    [Fact]
    public void Evaluate_SeverityNotOnThePolicysScale_IsRejectedNamingTheTimeline()
    {
        var timeline = TicketTimeline.Open(Bj("2026-03-02 10:00"), "A", ReportChannel.Phone, ServiceSite.Local);

        var error = Assert.Throws<ArgumentException>(() => SlaEvaluator.Evaluate(Policy, timeline, Bj("2026-03-02 10:00")));

        Assert.Equal("timeline", error.ParamName);
        Assert.Contains("'A' is not a level", error.Message);
    }

    [Fact]
    public void Explanation_ReadsLikeTheIssueExample()
    {
        var timeline = Level3At10().Paused(Bj("2026-03-02 10:30")).Resumed(Bj("2026-03-02 12:40"));

        var onSite = Clock(timeline, Bj("2026-03-02 13:00"), SlaMetric.OnSiteArrival);

        Assert.Equal(
            [
                "on-site arrival (到达现场时间) within 4 h on 7×24 Asia/Shanghai, severity 3",
                "started 2026-03-02 10:00 at the report",
                "paused 2 h 10 min of business time waiting for the customer (2026-03-02 10:30–2026-03-02 12:40)",
                "due 2026-03-02 16:10; 3 h 10 min of business time left",
                "conventions: a budget ending at closing time is due at the close; waiting before the first response pauses the other targets; durations exact",
            ],
            onSite.Explanation);
    }
}
