using AfterSales.Calendars;
using AfterSales.Quality.Reporting;
using AfterSales.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Interval = NodaTime.Interval;
using NodaTime.Testing;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Quality;

/// <summary>The quarterly report as of an instant: nothing after it counts, a quarter in progress is measured over its elapsed part.</summary>
public class QuarterlyReportAsOfTests
{
    private static QuarterlyReport Build(Instant asOf, IEnumerable<WorkOrderSummary> orders, IEnumerable<string>? devices = null)
    {
        var builder = new QuarterlyReportBuilder(2026, 1, Shanghai, asOf, ChinaCalendars.Statutory9To18, QualityTargets.Seed001.With(0.95m, 0.99m));
        foreach (var device in devices ?? [])
        {
            builder.AddDevice(device);
        }

        foreach (var order in orders)
        {
            builder.Add(order);
        }

        return builder.Build("t", "c", [], []);
    }

    /// <summary>
    /// Regression: a fault reported on Sun 2026-02-15 10:00 Beijing, not restored, and a report as of one
    /// second later showed 756 h of downtime and 65.8 % availability, counting to the quarter's end in
    /// the future. As of 10:00:01 the device was down 1 s out of the 45 days 10 h 0 min 1 s elapsed.
    /// </summary>
    [Fact]
    public void Build_OpenFaultOneSecondOld_OneSecondOfDowntimeOverTheElapsedPart_RRP4()
    {
        var clock = new FakeClock(Bj("2026-02-15 10:00"));
        var ticket = Tickets.New(clock, severity: "A");
        var asOf = Bj("2026-02-15 10:00") + Duration.FromSeconds(1);

        var report = Build(asOf, [WorkOrderReporting.Summarise(ticket, asOf)]);

        var device = Assert.Single(report.Quarter.Availability);
        Assert.Equal(Duration.FromSeconds(1), device.Downtime);
        Assert.Equal(asOf - Bj("2026-01-01 00:00"), device.PeriodLength);
        Assert.True(device.Availability > 0.9999997m);
        Assert.True(report.IsPartial);
        Assert.Equal(asOf, report.Quarter.MeasuredUntil);
        Assert.Equal([true, true, false], report.Months.Select(m => m.IsStarted));
        Assert.Equal(NoDataReason.PeriodNotStarted, report.Months[2].NoData("work-orders"));
        Assert.Contains("Quarter in progress", HtmlReportRenderer.Render(report), StringComparison.Ordinal);
    }

    /// <summary>A restoration after "as of" is not known then: the device is down until "as of", not until the restoration.</summary>
    [Fact]
    public void Build_RestoredAfterAsOf_DownOnlyUntilAsOf_RRP4()
    {
        var clock = new FakeClock(Bj("2026-03-02 10:00"));
        var ticket = Tickets.New(clock, severity: "A");
        clock.AdvanceMinutes(5);
        ticket.Acknowledge();
        clock.AdvanceHours(5);
        ticket.StartRemoteDiagnosis();
        ticket.ResolveRemotely("reset");
        var asOf = Bj("2026-03-02 12:00");

        var report = Build(asOf, [WorkOrderReporting.Summarise(ticket, asOf)]);

        Assert.Equal(Duration.FromHours(2), Assert.Single(report.Quarter.Availability).Downtime);
        Assert.Equal(0, report.Quarter.Durations.Single(d => d.Code == "resolve").Count);
    }

    [Fact]
    public void Build_QuarterNotStarted_EverySectionSaysSo()
    {
        var report = Build(Bj("2025-12-31 23:00"), [SampleQuarter.WorkOrders[0]], ["K-001"]);

        Assert.False(report.Quarter.IsStarted);
        Assert.Empty(report.Quarter.Availability);
        Assert.Equal(0, report.Quarter.WorkOrderCount);
        Assert.All(report.Quarter.Comparisons, c => Assert.Equal(NoDataReason.PeriodNotStarted, c.NoDataReason));
        Assert.Contains("The quarter had not started", MarkdownReportRenderer.Render(report), StringComparison.Ordinal);
    }

    public static class Arbitraries
    {
        public static Arbitrary<(int AsOfMinute, List<(int Serial, int Reported, int Down)> Orders)> Inputs() =>
            (from asOf in Gen.Choose(0, 100 * 24 * 60)
             from orders in Gen.ListOf(
                 from serial in Gen.Choose(1, 3)
                 from reported in Gen.Choose(-10 * 24 * 60, 95 * 24 * 60)
                 from down in Gen.Choose(0, 20 * 24 * 60)
                 select (serial, reported, down))
             select (asOf, orders.Take(10).ToList())).ToArbitrary();
    }

    /// <summary>
    /// For any "as of" and orders: no work order reported after "as of" counts, measuring never goes past
    /// "as of", and every device's downtime fits in what was measured (so availability stays within 0–1).
    /// </summary>
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 200)]
    public bool Build_AnyAsOf_NothingAfterItCounts_Property((int AsOfMinute, List<(int Serial, int Reported, int Down)> Orders) input)
    {
        var start = Bj("2026-01-01 00:00");
        var asOf = start + Duration.FromMinutes(input.AsOfMinute);
        var orders = input.Orders.Select((o, i) =>
        {
            var reported = start + Duration.FromMinutes(o.Reported);
            Interval down = o.Down == 0 ? new Interval(reported, null) : new Interval(reported, reported + Duration.FromMinutes(o.Down));
            var restored = down.HasEnd && down.End <= asOf ? down.End : (Instant?)null;
            return new WorkOrderSummary($"WO-{i}", $"K-{o.Serial}", SampleQuarter.WorkOrders[0].Severity, false, reported, null, null, null, restored, null, [], [], downtime: [restored is null ? new Interval(reported, null) : down]);
        }).ToList();

        var report = Build(asOf, orders);
        var q = report.Quarter;
        return q.MeasuredUntil <= Instant.Max(asOf, start)
            && q.WorkOrderCount == orders.Count(o => o.ReportedAt >= start && o.ReportedAt < q.MeasuredUntil)
            && q.Availability.All(a => a.Downtime <= q.MeasuredLength && a.Availability is >= 0m and <= 1m);
    }
}
