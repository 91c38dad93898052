using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Sla;

/// <summary>
/// Issue 17 §2: escalation levels at offsets before and after the due instant or at percents, named,
/// with who they go to — R-CP-5's path QA → project manager → project leadership → decision makers.
/// </summary>
public class EscalationLevelTests
{
    /// <summary>Seed 003's phone answer within 30 min (R-SLA-2), escalated along R-CP-5's path.</summary>
    private static readonly SlaPolicy Policy =
        SlaPolicy.CreateBuilder("escalating", 1, "escalating", SeverityScales.SingleLevel)
            .WithCalendar(SlaPresets.TwentyFourSevenBeijing)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Minutes(30), t => t.ForAllSeverities().EscalateAt(
                SlaEscalationLevel.Before("QA", Duration.FromMinutes(10), EscalationCounting.BusinessTime, "qa"),
                SlaEscalationLevel.AtPercent("PM", 100, "project-manager"),
                SlaEscalationLevel.After("leadership", Duration.FromHours(1), EscalationCounting.ElapsedTime, "project-leadership"),
                SlaEscalationLevel.AtPercent("decision-makers", 400, "customer-decision-maker", "vendor-decision-maker")))
            .Build();

    private static SlaClock Clock(TicketTimeline timeline, Instant now) => Assert.Single(SlaEvaluator.Evaluate(Policy, timeline, now, ExplanationLanguage.English));

    private static TicketTimeline Reported => TicketTimeline.Open(Bj("2026-03-02 10:00"), "fault", ReportChannel.Phone, ServiceSite.Local);

    [Fact]
    public void Levels_R_CP_5_TenMinutesBeforeAThirtyMinuteTarget_AtDue_AndAfterABreach()
    {
        var clock = Clock(Reported, Bj("2026-03-02 11:05"));

        Assert.Equal(
            [("first-response/1/QA", "2026-03-02 10:20", true), ("first-response/1/PM", "2026-03-02 10:30", true),
             ("first-response/1/leadership", "2026-03-02 11:30", false), ("first-response/1/decision-makers", "2026-03-02 12:00", false)],
            clock.Escalations.Select(e => (e.Key, Local(e.At), e.IsReached)));
        Assert.Equal(SlaClockStatus.Breached, clock.Status);
        Assert.Equal(Bj("2026-03-02 11:30"), clock.NextDeadlineAfter(Bj("2026-03-02 11:05")));
        Assert.Contains("escalation leadership (to project-leadership) at 2026-03-02 11:30, 1 h after due (elapsed time)", clock.Explanation);
    }

    [Fact]
    public void Levels_MetClock_NeverReachesALevelAfterItsDueInstant()
    {
        var clock = Clock(Reported.Reached(Milestone.Responded, Bj("2026-03-02 10:25")), Bj("2026-03-02 15:00"));

        Assert.Equal(["QA"], clock.Escalations.Where(e => e.IsReached).Select(e => e.Level.Name));
        Assert.Null(clock.NextDeadlineAfter(Bj("2026-03-02 10:26")));
    }

    [Fact]
    public void Levels_InChinese_NameTheRecipients()
    {
        var clock = Assert.Single(SlaEvaluator.Evaluate(Policy, Reported, Bj("2026-03-02 10:00"), ExplanationLanguage.Chinese));

        Assert.Contains("升级“QA”(通知 qa):2026-03-02 10:20,即到期前 10分钟(工作时间)", clock.Explanation);
    }

    [Fact]
    public void Build_TwoLevelsWithOneName_IsRejectedNamingTheTarget()
    {
        var ex = Assert.Throws<ArgumentException>(() => SlaPolicy.CreateBuilder("p", 1, "p", SeverityScales.SingleLevel)
            .WithCalendar(SlaPresets.TwentyFourSevenBeijing)
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(1), t => t.ForAllSeverities().EscalateAt(SlaEscalationLevel.AtPercent("PM", 50, "pm"), SlaEscalationLevel.AtPercent("PM", 90, "pm")))
            .Build());

        Assert.Equal("Targets[0].Escalations", ex.ParamName);
    }

    /// <summary>
    /// Random pauses on 7×24: a level the pause comes before moves by the pause's length, as the
    /// deadline does, and one already passed stays; the levels stay in order.
    /// </summary>
    [Property(MaxTest = 200)]
    public bool Pausing_MovesEveryLevelLikeTheDeadline(PositiveInt pauseStart, PositiveInt pauseLength, PositiveInt evaluatedAfter)
    {
        var start = Reported.ReportedAt + Duration.FromMinutes(pauseStart.Get % 25);
        var paused = Reported.Paused(start, "waiting").Resumed(start + Duration.FromMinutes(pauseLength.Get % 500 + 1));
        var now = start + Duration.FromMinutes(pauseLength.Get % 500 + 1 + evaluatedAfter.Get % 600);
        var plain = Clock(Reported, now);
        var moved = Clock(paused, now);

        var shift = moved.DueAt!.Value - plain.DueAt!.Value;
        var ordered = moved.Escalations.Zip(moved.Escalations.Skip(1)).All(p => p.First.At <= p.Second.At);
        var alike = moved.Escalations.Zip(plain.Escalations).All(p => p.First.At - p.Second.At == (p.Second.At > start ? shift : Duration.Zero));
        var afterDueOnlyWhenBreached = moved.Escalations.Where(e => e.At > moved.DueAt && e.IsReached).All(_ => moved.Status == SlaClockStatus.Breached);
        return ordered && alike && afterDueOnlyWhenBreached && shift == Duration.FromMinutes(pauseLength.Get % 500 + 1);
    }
}
