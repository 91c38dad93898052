using AfterSales.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Sla;

/// <summary>Issue 17 §4: typed pause reasons per target, and due dates negotiated with the customer (R-SLA-3).</summary>
public class PauseReasonAndNegotiationTests
{
    private static SlaPolicy Policy(NegotiatedDueDates negotiated = NegotiatedDueDates.NeverEarlierThanPolicy) =>
        SlaPolicy.CreateBuilder("pauses", 1, "pauses", SeverityScales.SingleLevel)
            .WithCalendar(ChinaCalendars.Statutory9To18)
            .WithNegotiatedDueDates(negotiated)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(1), static t => t.ForAllSeverities().PausedOnlyBy(PauseReason.WaitingForCustomer))
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(8), static t => t.ForAllSeverities().PausedOnlyBy(PauseReason.WaitingForCustomer, PauseReason.ManufacturerParts))
            .Build();

    private static TicketTimeline Reported(string local) => TicketTimeline.Open(Bj(local), "fault", ReportChannel.Phone, ServiceSite.Local);

    private static SlaClock Clock(SlaPolicy policy, TicketTimeline timeline, string now, SlaMetric metric) =>
        Assert.Single(SlaEvaluator.Evaluate(policy, timeline, Bj(now), ExplanationLanguage.English), c => c.Metric.Equals(metric));

    [Fact]
    public void ManufacturerPartsWait_R_WO_5_PausesResolution_NotTheResponse_AndTheExplanationNamesTheReason()
    {
        // Waiting 4 h for the manufacturer's parts (申请支援, R-WO-5) from Monday 09:10.
        var timeline = Reported("2026-03-02 09:00")
            .Paused(Bj("2026-03-02 09:10"), PauseReason.ManufacturerParts, "主板返厂")
            .Resumed(Bj("2026-03-02 13:10"));

        var response = Clock(Policy(), timeline, "2026-03-02 13:10", SlaMetric.FirstResponse);
        var resolution = Clock(Policy(), timeline, "2026-03-02 13:10", SlaMetric.Resolved);

        Assert.Equal("2026-03-02 10:00", Local(response.DueAt));
        Assert.Equal(SlaClockStatus.Breached, response.Status);
        Assert.Contains("waiting for manufacturer parts does not pause this target", response.Explanation);
        Assert.Equal("2026-03-03 12:00", Local(resolution.DueAt)); // 8 h + the 4 h paused
        Assert.Contains(resolution.Explanation, static l => l.StartsWith("paused 4 h of business time waiting for manufacturer parts (2026-03-02 09:10–2026-03-02 13:10)", StringComparison.Ordinal));
        var paused = Assert.Single(resolution.PausedByReason);
        Assert.Equal((PauseReason.ManufacturerParts, Duration.FromHours(4)), (paused.Reason, paused.BusinessTime));
    }

    [Fact]
    public void PausedTime_IsSummedByReason_AcrossClocks()
    {
        var timeline = Reported("2026-03-02 09:00")
            .Paused(Bj("2026-03-02 10:00"), "客户未提供日志").Resumed(Bj("2026-03-02 11:00"))
            .Paused(Bj("2026-03-02 12:00"), PauseReason.ManufacturerParts, "备件在途").Resumed(Bj("2026-03-02 14:00"))
            .Paused(Bj("2026-03-02 15:00"), PauseReason.CustomerSiteAccess, "机房未开放").Resumed(Bj("2026-03-02 16:00"));

        var sums = SlaPausedTime.Sum(SlaEvaluator.Evaluate(Policy(), timeline, Bj("2026-03-02 17:00")));

        // The response (1 h) was breached at 10:00 but counts its own waiting; resolution pauses for the customer and the parts, not site access.
        Assert.Equal(
            [(PauseReason.WaitingForCustomer, Duration.FromHours(2)), (PauseReason.ManufacturerParts, Duration.FromHours(2))],
            sums.Select(static s => (s.Reason, s.BusinessTime)));
    }

    [Fact]
    public void UntypedPause_IsWaitingForTheCustomer_AndPausesEveryTargetByDefault()
    {
        var policy = SlaPolicy.CreateBuilder("p", 1, "p", SeverityScales.SingleLevel).WithCalendar(ChinaCalendars.Statutory9To18)
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(8), static t => t.ForAllSeverities()).Build();
        var timeline = Reported("2026-03-02 09:00").Paused(Bj("2026-03-02 10:00"), "等客户").Resumed(Bj("2026-03-02 11:00"))
            .Paused(Bj("2026-03-02 12:00"), PauseReason.CustomerRequestedDelay, "客户要求午后处理").Resumed(Bj("2026-03-02 13:00"));

        var clock = Clock(policy, timeline, "2026-03-02 14:00", SlaMetric.Resolved);

        Assert.Equal(PauseReason.WaitingForCustomer, timeline.Entries[0].PauseReason);
        Assert.Equal("2026-03-03 10:00", Local(clock.DueAt)); // both pauses count: 9 h of the 8 h budget + 2 h paused
        Assert.Contains(clock.Explanation, static l => l.StartsWith("paused 1 h of business time waiting for the customer", StringComparison.Ordinal));
    }

    [Fact]
    public void NegotiatedDueDate_R_SLA_3_MovesTheDeadline_AndTheClockSaysItWasAgreed()
    {
        // Class D "planned by negotiation": on Monday 10:00 the customer agrees to Friday 17:00.
        var timeline = Reported("2026-03-02 09:00")
            .DueDateNegotiated(SlaMetric.Resolved, Bj("2026-03-06 17:00"), Bj("2026-03-02 10:00"), "客户同意周五前修复", "张经理");

        var clock = Clock(Policy(), timeline, "2026-03-03 09:00", SlaMetric.Resolved);

        Assert.Equal("2026-03-06 17:00", Local(clock.DueAt));
        Assert.Equal("2026-03-06 17:00", Local(clock.AgreedDueAt));
        Assert.Equal("2026-03-02 17:00", Local(clock.PolicyDueAt));
        Assert.Equal(Duration.FromHours(4 * 9 + 8), clock.Allowed);
        Assert.Equal(SlaClockStatus.Running, clock.Status);
        Assert.Contains("due 2026-03-06 17:00 as agreed with the customer on 2026-03-02 10:00 (张经理: 客户同意周五前修复); the policy's own deadline was 2026-03-02 17:00", clock.Explanation);
        Assert.Equal(clock.Allowed, clock.Elapsed + clock.Remaining);
    }

    [Theory]
    [InlineData(NegotiatedDueDates.NeverEarlierThanPolicy, "2026-03-02 17:00", "which stands: the policy does not allow earlier agreed dates")]
    [InlineData(NegotiatedDueDates.MayBeEarlier, "2026-03-02 12:00", "earlier than the policy's own deadline 2026-03-02 17:00, as the policy allows")]
    public void NegotiatedDueDate_EarlierThanThePolicy_OnlyWhenThePolicyAllowsIt_AndSaysSo(NegotiatedDueDates rule, string due, string says)
    {
        var timeline = Reported("2026-03-02 09:00")
            .DueDateNegotiated(SlaMetric.Resolved, Bj("2026-03-02 12:00"), Bj("2026-03-02 10:00"), "客户要求午前恢复", "张经理");

        var clock = Clock(Policy(rule), timeline, "2026-03-02 11:00", SlaMetric.Resolved);

        Assert.Equal(due, Local(clock.DueAt));
        Assert.Contains(clock.Explanation, l => l.Contains(says, StringComparison.Ordinal));
    }

    [Fact]
    public void ClassD_R_SLA_3_PlannedByNegotiation_NothingDueUntilADateIsAgreed()
    {
        // Seed 002: class D (improvement requests) "由双方协商制定计划" — planned by negotiation.
        var policy = SlaPolicy.CreateBuilder("d", 1, "d", SeverityScales.ClassesAToD)
            .WithCalendar(ChinaCalendars.Statutory9To18)
            .AddTarget(SlaMetric.Resolved, SlaAmount.ByAgreement, static t => t.ForSeverities("D").Describe("由双方协商制定计划"))
            .Build();
        var reported = TicketTimeline.Open(Bj("2026-03-02 09:00"), "D", ReportChannel.Email, ServiceSite.Local);
        var agreed = reported.DueDateNegotiated(SlaMetric.Resolved, Bj("2026-03-20 18:00"), Bj("2026-03-03 10:00"), "纳入3月版本计划", "项目经理");

        var before = Clock(policy, reported, "2026-03-05 09:00", SlaMetric.Resolved);
        var after = Clock(policy, agreed, "2026-03-05 09:00", SlaMetric.Resolved);

        Assert.Equal((SlaClockStatus.NotStarted, null), (before.Status, before.DueAt));
        Assert.Contains("planned by negotiation with the customer: no date agreed yet", before.Explanation);
        Assert.Equal(SlaClockStatus.Running, after.Status);
        Assert.Equal("2026-03-20 18:00", Local(after.DueAt));
        Assert.Contains("due 2026-03-20 18:00 as agreed with the customer on 2026-03-03 10:00 (项目经理: 纳入3月版本计划); the policy plans it by negotiation", after.Explanation);
        Assert.StartsWith("resolution (修复时限) by a date agreed with the customer", after.Explanation[0], StringComparison.Ordinal);
    }

    [Fact]
    public void NegotiatedDueDate_OfAnotherMetric_OrAfterTheStop_ChangesNothing()
    {
        var timeline = Reported("2026-03-02 09:00")
            .Reached(Milestone.Responded, Bj("2026-03-02 09:30"))
            .DueDateNegotiated(SlaMetric.FirstResponse, Bj("2026-03-04 09:00"), Bj("2026-03-02 10:00"), "x", "y");

        Assert.Equal("2026-03-02 17:00", Local(Clock(Policy(), timeline, "2026-03-02 11:00", SlaMetric.Resolved).DueAt));
        Assert.Equal("2026-03-02 10:00", Local(Clock(Policy(), timeline, "2026-03-02 11:00", SlaMetric.FirstResponse).DueAt));
    }

    [Fact]
    public void Builder_RejectsUnknownPauseReasons_AndPausedByOnATargetThatNeverPauses()
    {
        var unknown = new PauseReason("typhoon", "台风", "a typhoon");
        var e1 = Assert.Throws<ArgumentException>(() => SlaPolicy.CreateBuilder("p", 1, "p", SeverityScales.SingleLevel).WithCalendar(ChinaCalendars.Statutory9To18)
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(8), t => t.ForAllSeverities().PausedOnlyBy(unknown)).Build());
        var e2 = Assert.Throws<ArgumentException>(() => SlaPolicy.CreateBuilder("p", 1, "p", SeverityScales.SingleLevel).WithCalendar(ChinaCalendars.Statutory9To18)
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(8), static t => t.ForAllSeverities().NotPausedWhileWaitingForCustomer().PausedOnlyBy(PauseReason.ManufacturerParts)).Build());
        var known = SlaPolicy.CreateBuilder("p", 1, "p", SeverityScales.SingleLevel).WithCalendar(ChinaCalendars.Statutory9To18).WithPauseReasons(unknown)
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(8), t => t.ForAllSeverities().PausedOnlyBy(unknown)).Build();

        Assert.Equal("Targets[0].PausedBy", e1.ParamName);
        Assert.Contains("'typhoon' is not a pause reason of the policy", e1.Message, StringComparison.Ordinal);
        Assert.Equal("Targets[0].PausedBy", e2.ParamName);
        Assert.Equal(unknown, known.FindPauseReason("typhoon"));
        Assert.Equal([.. PauseReason.WellKnown, unknown], known.PauseReasons);
    }
}
