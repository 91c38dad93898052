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
}
