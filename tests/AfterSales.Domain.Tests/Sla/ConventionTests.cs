using AfterSales.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Sla;

/// <summary>Issue 17 §5: conventions a contract chooses, today's behaviour the default, the choice stated in every explanation.</summary>
public class ConventionTests
{
    private static SlaPolicy Policy(SlaConventions conventions) =>
        SlaPolicy.CreateBuilder("c", 1, "c", SeverityScales.SingleLevel)
            .WithCalendar(ChinaCalendars.Statutory9To18)
            .WithConventions(conventions)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(1), t => t.ForAllSeverities())
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(4), t => t.ForAllSeverities())
            .Build();

    private static SlaClock Clock(SlaConventions conventions, TicketTimeline timeline, Instant now, SlaMetric metric) =>
        Assert.Single(SlaEvaluator.Evaluate(Policy(conventions), timeline, now, ExplanationLanguage.English), c => c.Metric.Equals(metric));

    private static TicketTimeline Reported(string local) => TicketTimeline.Open(Bj(local), "fault", ReportChannel.Phone, ServiceSite.Local);

    [Theory]
    [InlineData(BudgetEndingAtClose.AtClose, "2026-03-02 18:00")]
    [InlineData(BudgetEndingAtClose.NextOpening, "2026-03-03 09:00")]
    public void BudgetEndingAtClosingTime_R_SLA_7_DueAtTheCloseOrTheNextOpening(BudgetEndingAtClose rule, string due)
    {
        // 4 business hours from Monday 14:00 on 9:00–18:00 run out exactly at 18:00.
        var clock = Clock(new SlaConventions { BudgetEndingAtClose = rule }, Reported("2026-03-02 14:00"), Bj("2026-03-02 14:00"), SlaMetric.Resolved);

        Assert.Equal(due, Local(clock.DueAt));
        Assert.Contains(clock.Explanation, l => l.StartsWith("conventions: a budget ending at closing time is due at the " + (rule == BudgetEndingAtClose.AtClose ? "close" : "next opening"), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(WaitingBeforeFirstResponse.Pauses, "2026-03-02 15:00")]
    [InlineData(WaitingBeforeFirstResponse.Counts, "2026-03-02 14:00")]
    public void WaitingBeforeTheFirstResponse_PausesResolutionOrCounts(WaitingBeforeFirstResponse rule, string due)
    {
        // Reported 10:00, waiting for the customer 10:10–11:10, answered 11:20.
        var timeline = Reported("2026-03-02 10:00").Paused(Bj("2026-03-02 10:10"), "waiting").Resumed(Bj("2026-03-02 11:10"))
            .Reached(Milestone.Responded, Bj("2026-03-02 11:20"));

        var resolved = Clock(new SlaConventions { WaitingBeforeFirstResponse = rule }, timeline, Bj("2026-03-02 12:00"), SlaMetric.Resolved);
        var response = Clock(new SlaConventions { WaitingBeforeFirstResponse = rule }, timeline, Bj("2026-03-02 12:00"), SlaMetric.FirstResponse);

        Assert.Equal(due, Local(resolved.DueAt));
        Assert.Equal("2026-03-02 12:00", Local(response.DueAt)); // the response itself is paused either way
    }

    [Fact]
    public void Rounding_Minute_ReportsWholeMinutes_DueInstantsExact()
    {
        var timeline = Reported("2026-03-02 10:00");
        var now = Bj("2026-03-02 10:00") + Duration.FromSeconds(90);

        var exact = Clock(SlaConventions.Default, timeline, now, SlaMetric.Resolved);
        var rounded = Clock(new SlaConventions { Rounding = DurationRounding.Minute }, timeline, now, SlaMetric.Resolved);

        Assert.Equal(Duration.FromSeconds(90), exact.Elapsed);
        Assert.Equal(Duration.FromMinutes(1), rounded.Elapsed);
        Assert.Equal(Duration.FromMinutes(239), rounded.Remaining);
        Assert.Equal(exact.DueAt, rounded.DueAt);
        Assert.Contains(rounded.Explanation, l => l.EndsWith("durations rounded down to the minute", StringComparison.Ordinal));
    }
}
