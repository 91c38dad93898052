using AfterSales.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using AfterSales.Testing;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;

// docs/property-testing.md: a contract, its timelines as an arbitrary, and properties that name it.
namespace AfterSales.Docs.Snippets.PropertyTesting;

public static class MyContract
{
    public static SlaPolicy Policy { get; } =
        SlaPolicy.CreateBuilder("my-contract", 1, "My contract", SeverityScales.LevelsOneToFour)
            .WithCalendar(ChinaCalendars.Statutory(new LocalTime(8, 30), new LocalTime(17, 30)))
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Minutes(30), t => t.ForAllSeverities().ForChannels(ReportChannel.Phone))
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(4), t => t.ForAllSeverities())
            .Build();
}

public static class MyTickets
{
    public static Arbitrary<TicketTimeline> Timelines() => AfterSalesArb.Timelines(MyContract.Policy);
}

public class MyContractProperties
{
    // "For every ticket timeline, the on-site clock is never later than 4 business hours after the report."
    [Property(Arbitrary = new[] { typeof(MyTickets) }, MaxTest = 100)]
    public bool OnSiteClock_IsNeverLaterThanFourBusinessHours(TicketTimeline t) =>
        SlaEvaluator.Evaluate(MyContract.Policy, t, t.LastAt).Single(c => c.Metric == SlaMetric.OnSiteArrival).Allowed <= Duration.FromHours(4);

    // "Pausing never shortens a deadline."
    [Property(Arbitrary = new[] { typeof(MyTickets) }, MaxTest = 100)]
    public bool Pausing_NeverShortensADeadline(TicketTimeline t) =>
        SlaEvaluator.Evaluate(MyContract.Policy, t, t.LastAt).All(c =>
            SlaEvaluator.Evaluate(MyContract.Policy, t.WithoutPauses(), t.LastAt).Single(w => w.Metric == c.Metric && w.Cycle == c.Cycle).DueAt <= c.DueAt);

    // Every clock agrees with the minute-stepping reference.
    [Property(Arbitrary = new[] { typeof(MyTickets) }, MaxTest = 100)]
    public bool EveryClock_AgreesWithTheMinuteSteppingReference(TicketTimeline t) =>
        ReferenceSla.Disagreements(MyContract.Policy, t, t.LastAt).Count == 0;
}

public class ScenarioProperties
{
    [Property(Arbitrary = new[] { typeof(AfterSalesArb) }, MaxTest = 150)]
    public bool Evaluator_AgreesWithTheReference_OnAnyScenario(SlaScenario s) => s.Disagreements().Count == 0;
}

public class ReplayedProperties
{
    [Property(Arbitrary = new[] { typeof(MyTickets) }, MaxTest = 100, Replay = "7930242285824313540,15941249410490866627,32")]
    public bool OnSiteClock_IsNeverLaterThanFourBusinessHours(TicketTimeline t) =>
        SlaEvaluator.Evaluate(MyContract.Policy, t, t.LastAt).Single(c => c.Metric == SlaMetric.OnSiteArrival).Allowed <= Duration.FromHours(4);
}
