using AfterSales.Calendars;
using AfterSales.Quality.Reporting;
using AfterSales.Sla;
using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using NodaTime.Testing;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Quality;

/// <summary>Issue 17 §4: the report's data sums paused time by reason, per metric (R-RP-4's times, with the waits named).</summary>
public class PausedTimeFigureTests
{
    [Fact]
    public void Compute_SumsPausedBusinessTimeByMetricAndReason_AcrossWorkOrders()
    {
        var policy = SlaPolicy.CreateBuilder("paused", 1, "paused", AfterSales.Severity.SeverityScales.ClassesAToD)
            .WithCalendar(ChinaCalendars.Statutory9To18)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(4), static t => t.ForAllSeverities().PausedOnlyBy(PauseReason.WaitingForCustomer))
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(20), static t => t.ForAllSeverities())
            .Build();
        var clock = new FakeClock(Bj("2026-03-02 09:00"));
        var first = Ticket.Report(Tickets.Report("WO-1"), policy, clock);
        var second = Ticket.Report(Tickets.Report("WO-2"), policy, clock);
        first.Pause(PauseReason.ManufacturerParts, "主板返厂");
        second.WaitForCustomer("等待客户确认");
        clock.AdvanceMinutes(120);
        first.Resume();
        second.Resume();
        clock.AdvanceMinutes(60);
        first.Pause(PauseReason.ManufacturerParts, "电源返厂");
        clock.AdvanceMinutes(60);
        first.Resume();
        var asOf = Bj("2026-03-02 17:00");

        var figures = QualityFigures.Compute(
            ReportPeriod.Month(new YearMonth(2026, 3), Shanghai), asOf,
            [WorkOrderReporting.Summarise(first, asOf), WorkOrderReporting.Summarise(second, asOf)],
            [], [], [], [], QualityTargets.Seed001, ChinaCalendars.Statutory9To18);

        Assert.Equal(
            [("resolved", "manufacturer-parts", Duration.FromHours(3), 1), ("first-response", "waiting-for-customer", Duration.FromHours(2), 1), ("resolved", "waiting-for-customer", Duration.FromHours(2), 1)],
            figures.PausedTime.Select(static p => (p.MetricCode, p.Reason.Code, p.BusinessTime, p.Clocks)));
    }
}
