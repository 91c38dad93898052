using AfterSales.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Sla;

/// <summary>Issue 17 §3: clocks that restart — a next-response clock per customer message, and re-opening that continues a clock (R-WO-4).</summary>
public class ClockRestartTests
{
    private static SlaPolicy Policy(ReopeningRule reopening = ReopeningRule.NewCycle) =>
        SlaPolicy.CreateBuilder("restart", 1, "restart", SeverityScales.SingleLevel)
            .WithCalendar(ChinaCalendars.Statutory9To18)
            .WithReopening(reopening)
            .AddTarget(SlaMetric.NextResponse, SlaAmount.Hours(2), static t => t.ForAllSeverities().Describe("客户每次来信,2个工作小时内答复"))
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(8), static t => t.ForAllSeverities())
            .Build();

    private static TicketTimeline Reported(string local) => TicketTimeline.Open(Bj(local), "fault", ReportChannel.Email, ServiceSite.Local);

    [Fact]
    public void NextResponse_EveryCustomerMessageAnsweredWithin2BusinessHours_MetOrBreachedPerOccurrence_WorstSummarised()
    {
        // "Answer every customer message within 2 business hours" on 9:00–18:00 working days.
        var timeline = Reported("2026-03-02 09:00")
            .Reached(Milestone.CustomerMessage, Bj("2026-03-02 10:00"))
            .Reached(Milestone.CustomerMessage, Bj("2026-03-02 10:30")) // still waiting: the same occurrence
            .Reached(Milestone.AgentAnswered, Bj("2026-03-02 11:30"))
            .Reached(Milestone.CustomerMessage, Bj("2026-03-02 16:00"))
            .Reached(Milestone.AgentAnswered, Bj("2026-03-03 10:00"))
            .Reached(Milestone.AgentAnswered, Bj("2026-03-03 10:05")) // an answer nobody waited for starts nothing
            .Reached(Milestone.CustomerMessage, Bj("2026-03-03 11:00"));

        var clocks = SlaEvaluator.Evaluate(Policy(), timeline, Bj("2026-03-03 15:00"), ExplanationLanguage.English)
            .Where(static c => c.Metric.Equals(SlaMetric.NextResponse)).ToList();

        Assert.Equal([1, 2, 3], clocks.Select(static c => c.Occurrence!.Value));
        Assert.Equal(["2026-03-02 12:00", "2026-03-02 18:00", "2026-03-03 13:00"], clocks.Select(static c => Local(c.DueAt)));
        Assert.Equal([SlaClockStatus.Met, SlaClockStatus.MetLate, SlaClockStatus.Breached], clocks.Select(static c => c.Status));
        Assert.Equal("occurrence 1: started 2026-03-02 10:00 at a customer message, until the next agent answer", clocks[0].Explanation[1]);

        var summary = Assert.Single(SlaOccurrenceSummary.Of(clocks));
        Assert.Equal((3, 1, 2, 0), (summary.Count, summary.Met, summary.Overdue, summary.Open));
        Assert.Equal(3, summary.Worst!.Occurrence);
        Assert.Equal(Duration.FromHours(-2), summary.Worst.Remaining);
    }

    [Fact]
    public void NextResponse_NoMessage_NoClock_AndAResolutionEndsAWaitingOccurrence()
    {
        var quiet = SlaEvaluator.Evaluate(Policy(), Reported("2026-03-02 09:00"), Bj("2026-03-02 12:00"));
        Assert.DoesNotContain(quiet, static c => c.Metric.Equals(SlaMetric.NextResponse));

        var resolved = Reported("2026-03-02 09:00")
            .Reached(Milestone.CustomerMessage, Bj("2026-03-02 10:00"))
            .Reached(Milestone.Resolved, Bj("2026-03-02 11:00"));
        var clock = Assert.Single(SlaEvaluator.Evaluate(Policy(), resolved, Bj("2026-03-02 15:00")), static c => c.Metric.Equals(SlaMetric.NextResponse));
        Assert.Equal(SlaClockStatus.Waived, clock.Status); // resolved before the answer was due: no answer owed
    }

    [Fact]
    public void NextResponse_OccurrenceEscalationLevels_HaveTheirOwnKeys()
    {
        var policy = SlaPolicy.CreateBuilder("restart", 1, "restart", SeverityScales.SingleLevel)
            .WithCalendar(ChinaCalendars.Statutory9To18)
            .AddTarget(SlaMetric.NextResponse, SlaAmount.Hours(2), static t => t.ForAllSeverities().EscalateAt(SlaEscalationLevel.AtPercent("QA", 100, ["qa"])))
            .Build();
        var timeline = Reported("2026-03-02 09:00")
            .Reached(Milestone.CustomerMessage, Bj("2026-03-02 10:00")).Reached(Milestone.AgentAnswered, Bj("2026-03-02 10:10"))
            .Reached(Milestone.CustomerMessage, Bj("2026-03-02 11:00"));

        var keys = SlaEvaluator.Evaluate(policy, timeline, Bj("2026-03-02 12:00")).SelectMany(static c => c.Escalations).Select(static e => e.Key);

        Assert.Equal(["next-response/1.1/QA", "next-response/1.2/QA"], keys);
    }

    [Fact]
    public void Reopening_R_WO_4_ContinuesTheClock_WithTheFixedTimeExcluded_WhenThePolicySaysSo()
    {
        // Resolved Monday 12:00 after 3 h; the fault recurs and the order is re-opened Tuesday 09:00, resolved again 11:00.
        var timeline = Reported("2026-03-02 09:00")
            .Reached(Milestone.Resolved, Bj("2026-03-02 12:00"))
            .Reopened(Bj("2026-03-03 09:00"))
            .Reached(Milestone.Resolved, Bj("2026-03-03 11:00"));
        var now = Bj("2026-03-03 12:00");

        var cycles = SlaEvaluator.Evaluate(Policy(), timeline, now, ExplanationLanguage.English).Where(static c => c.Metric.Equals(SlaMetric.Resolved)).ToList();
        var continued = Assert.Single(SlaEvaluator.Evaluate(Policy(ReopeningRule.ContinueClock), timeline, now, ExplanationLanguage.English), static c => c.Metric.Equals(SlaMetric.Resolved));

        Assert.Equal([1, 2], cycles.Select(static c => c.Cycle)); // today's default: a new cycle from the re-opening
        Assert.Equal("2026-03-03 14:00", Local(continued.DueAt)); // 3 h Monday + 5 h from Tuesday 09:00
        Assert.Equal(Duration.FromHours(5), continued.Elapsed);
        Assert.Equal(Duration.FromHours(6), continued.PausedBusinessTime); // Monday 12:00–18:00 did not count
        Assert.Equal(Bj("2026-03-03 11:00"), continued.StoppedAt);
        Assert.Equal(SlaClockStatus.Met, continued.Status);
        Assert.Contains("re-opened 2026-03-03 09:00: the clock continues; the time from 2026-03-02 12:00 to the re-opening does not count", continued.Explanation);
    }
}
