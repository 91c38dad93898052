using AfterSales.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using NodaTime;

namespace AfterSales.Docs.Snippets;

/// <summary>docs/sla-policies.md</summary>
public class SlaPoliciesSnippets
{
    [Fact]
    public void Targets()
    {
        var policy = SlaPolicy.CreateBuilder("acme-hospital", 1, "Acme hospital contract", SeverityScales.LevelsOneToFour)
            .WithCalendar(ChinaCalendars.Statutory9To18)
            .WithWarnings(50, 75, 90)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Minutes(30), t => t.ForAllSeverities().ForChannels(ReportChannel.Phone))
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(4), t => t.ForSeverities("1", "2").ForSites(SiteLocality.Local))
            .AddTarget(SlaMetric.ServiceRestored, SlaAmount.Hours(2), t => t.ForSeverities("1").From(Milestone.ArrivedOnSite))
            .AddTarget(SlaMetric.Resolved, SlaAmount.OfWorkingDays(2), t => t.ForAllSeverities().NotPausedWhileWaitingForCustomer())
            .AddTarget(SlaMetric.LoanerProvided, SlaAmount.Hours(8), t => t.ForAllSeverities().On(SlaPresets.TwentyFourSevenBeijing)
                .From(Milestone.FaultOccurred).WaivedWhen(Milestone.ServiceRestored, Duration.FromHours(5)))
            .Build();

        Assert.Equal(5, policy.Targets.Count);
    }

    [Fact]
    public void Explanations()
    {
        var reported = Instant.FromUtc(2026, 3, 2, 6, 0);
        var timeline = TicketTimeline.Open(reported, "2", ReportChannel.Email, ServiceSite.NonLocal)
            .Reached(Milestone.Responded, reported + Duration.FromMinutes(40))
            .Paused(reported + Duration.FromHours(1), "customer's machine room closed")
            .Resumed(reported + Duration.FromHours(3))
            .Reclassified("1", reported + Duration.FromHours(4));
        foreach (var clock in SlaEvaluator.Evaluate(SlaPresets.EnterpriseSystems003, timeline, reported + Duration.FromHours(5)))
        {
            Console.WriteLine($"{clock.Metric} [{clock.Status}] due {clock.DueAt}, warnings at {string.Join(", ", clock.Warnings)}");
            Console.WriteLine("  " + string.Join("\n  ", clock.Explanation));
        }
    }

    [Fact]
    public void ClocksThatRestartTypedPausesAndNegotiatedDueDates()
    {
        var customs = new PauseReason("parts-in-customs", "备件清关", "waiting for parts in customs");
        var desk = SlaPolicy.CreateBuilder("acme-desk", 1, "Acme service desk", SeverityScales.SingleLevel)
            .WithCalendar(ChinaCalendars.Statutory9To18)
            .WithPauseReasons(customs)
            .WithReopening(ReopeningRule.ContinueClock)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(1), t => t.ForAllSeverities().PausedOnlyBy(PauseReason.WaitingForCustomer))
            .AddTarget(SlaMetric.NextResponse, SlaAmount.Hours(2), t => t.ForAllSeverities())
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(8), t => t.ForAllSeverities().PausedOnlyBy(PauseReason.ManufacturerParts, customs))
            .Build();

        var monday = Instant.FromUtc(2026, 3, 2, 1, 0); // 09:00 in Beijing
        var timeline = TicketTimeline.Open(monday, "fault", ReportChannel.Email, ServiceSite.Local)
            .Reached(Milestone.CustomerMessage, monday + Duration.FromHours(1))
            .Reached(Milestone.AgentAnswered, monday + Duration.FromHours(2))
            .Paused(monday + Duration.FromHours(3), PauseReason.ManufacturerParts, "main board sent back")
            .Resumed(monday + Duration.FromHours(5))
            .DueDateNegotiated(SlaMetric.Resolved, Instant.FromUtc(2026, 3, 6, 9, 0), monday + Duration.FromHours(6), "customer agrees to Friday", "Zhang")
            .Reached(Milestone.CustomerMessage, monday + Duration.FromHours(6));
        var clocks = SlaEvaluator.Evaluate(desk, timeline, monday + Duration.FromHours(9), ExplanationLanguage.English);
        foreach (var summary in SlaOccurrenceSummary.Of(clocks))
        {
            Console.WriteLine($"{summary.Metric}: {summary.Count} occurrences, {summary.Met} met, {summary.Overdue} overdue, worst #{summary.Worst?.Occurrence}");
        }

        var resolution = clocks.Single(c => c.Metric.Equals(SlaMetric.Resolved));
        Console.WriteLine(string.Join("\n", resolution.Explanation));

        var next = Assert.Single(SlaOccurrenceSummary.Of(clocks));
        Assert.Equal((2, 1, 1, 2), (next.Count, next.Met, next.Overdue, next.Worst!.Occurrence));
        var explained = string.Join("\n", resolution.Explanation);
        Assert.Contains("\npaused 2 h of business time waiting for manufacturer parts (2026-03-02 12:00–2026-03-02 14:00)\n", explained, StringComparison.Ordinal);
        Assert.Contains("\ndue 2026-03-06 17:00 as agreed with the customer on 2026-03-02 15:00 (Zhang: customer agrees to Friday); the policy's own deadline was 2026-03-03 10:00\n", explained, StringComparison.Ordinal);
    }
}
