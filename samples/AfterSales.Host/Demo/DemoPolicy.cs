using AfterSales.Severity;
using AfterSales.Sla;

namespace AfterSales.Host.Demo;

/// <summary>
/// The demo's SLA policy: the system-integration plan's shape (seed 002, classes A–D) with targets in
/// minutes and a 10-minute observation period, so a presenter sees warnings, breaches and a closed
/// work order within one demo by moving the demo clock forward.
/// </summary>
internal static class DemoPolicy
{
    public const string Id = "demo";

    public static SlaPolicy Policy { get; } =
        SlaPolicy.CreateBuilder(Id, 1, "演示 (demo: minutes, not hours; 10-minute observation)", SeverityScales.ClassesAToD)
            .WithCalendar(SlaPresets.TwentyFourSevenBeijing)
            .WithWarnings(50, 75, 90)
            .WithObservationPeriod(Duration.FromMinutes(10))
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Minutes(5), t => t.ForAllSeverities().Describe("5 分钟内响应 (respond within 5 min)"))
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Minutes(30), t => t.ForSeverities("A", "B").Describe("30 分钟内到达现场 (on site within 30 min)"))
            .AddTarget(SlaMetric.ServiceRestored, SlaAmount.Minutes(60), t => t.ForSeverities("A", "B").Describe("60 分钟内恢复服务 (service restored within 60 min)"))
            .AddTarget(SlaMetric.Resolved, SlaAmount.Minutes(120), t => t.ForSeverities("A", "B", "C").Describe("120 分钟内修复 (resolved within 120 min)"))
            .Build();
}
