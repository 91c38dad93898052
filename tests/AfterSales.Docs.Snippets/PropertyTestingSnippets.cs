using AfterSales.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.Testing;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace AfterSales.Docs.Snippets;

/// <summary>docs/property-testing.md</summary>
public class PropertyTestingSnippets
{
    [Fact]
    public void AContractInAFewLines()
    {
        var hours = ChinaCalendars.Statutory(new LocalTime(8, 30), new LocalTime(17, 30));
        var myPolicy = SlaPolicy.CreateBuilder("my-contract", 1, "My contract", SeverityScales.LevelsOneToFour)
            .WithCalendar(hours)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Minutes(30), t => t.ForAllSeverities().ForChannels(ReportChannel.Phone))
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(4), t => t.ForAllSeverities())
            .Build();

        // "For every ticket timeline, the on-site clock is never later than 4 business hours after the report."
        Prop.ForAll(AfterSalesArb.Timelines(myPolicy), t =>
                SlaEvaluator.Evaluate(myPolicy, t, t.LastAt).Single(c => c.Metric == SlaMetric.OnSiteArrival).Allowed <= Duration.FromHours(4))
            .QuickCheckThrowOnFailure();

        // "Pausing never shortens a deadline."
        Prop.ForAll(AfterSalesArb.Timelines(myPolicy), t =>
                SlaEvaluator.Evaluate(myPolicy, t, t.LastAt).All(c =>
                    SlaEvaluator.Evaluate(myPolicy, t.WithoutPauses(), t.LastAt).Single(w => w.Metric == c.Metric && w.Cycle == c.Cycle).DueAt <= c.DueAt))
            .QuickCheckThrowOnFailure();

        // Every clock agrees with the minute-stepping reference.
        Prop.ForAll(AfterSalesArb.Timelines(myPolicy), t => ReferenceSla.Disagreements(myPolicy, t, t.LastAt).Count == 0)
            .QuickCheckThrowOnFailure();
    }
}
