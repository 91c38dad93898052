using AfterSales.Entitlements.Spares;

namespace AfterSales.Tests.Entitlements;

public class ReplenishmentPlannerTests
{
    private static readonly YearMonth March = new(2026, 3);
    private static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(20, 1)]
    [InlineData(21, 2)]
    [InlineData(100, 5)]
    [InlineData(1999, 100)]
    public void TargetFor_FivePercent_R_SP_1_RoundsUp(int installedBase, int target)
    {
        Assert.Equal(target, ReplenishmentPolicy.Seed000.TargetFor(installedBase));
    }

    [Fact]
    public void TargetFor_WithMinimum_R_SP_1_KeepsAtLeastTheMinimum()
    {
        var policy = ReplenishmentPolicy.Seed000.WithMinimum(2);

        Assert.Equal(2, policy.TargetFor(10));
        Assert.Equal(5, policy.TargetFor(100));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    public void OfRatio_OutsideZeroToOne_ThrowsNamingTheRatio(double ratio)
    {
        Assert.Equal("ratio", Assert.Throws<ArgumentOutOfRangeException>(() => ReplenishmentPolicy.OfRatio((decimal)ratio)).ParamName);
    }

    [Fact]
    public void Plan_CentresBelowFivePercent_R_SP_3_OrdersBackToTarget()
    {
        var positions = StockPositions.CreateBuilder(["SC-HZ", "SC-NB"], ["CARD-READER", "PRINT-HEAD"])
            .SetInstalledBase("SC-HZ", "CARD-READER", 200).SetOnHand("SC-HZ", "CARD-READER", 4)   // target 10: send 6
            .SetInstalledBase("SC-HZ", "PRINT-HEAD", 40).SetOnHand("SC-HZ", "PRINT-HEAD", 2)      // target 2: at target
            .SetInstalledBase("SC-NB", "CARD-READER", 61).SetOnHand("SC-NB", "CARD-READER", 9)    // target 4: above
            .SetInstalledBase("SC-NB", "PRINT-HEAD", 61)                                          // target 4: send 4
            .Build();

        var plan = ReplenishmentPlanner.Plan(March, positions, ReplenishmentPolicy.Seed000);

        Assert.Equal(
            [new ReplenishmentOrder(March, "SC-HZ", "CARD-READER", 6, 4, 10), new ReplenishmentOrder(March, "SC-NB", "PRINT-HEAD", 4, 0, 4)],
            plan.Orders);
        Assert.Equal(10, plan.TotalUnits);
        Assert.Equal(4, plan.CellsChecked);
    }

    [Fact]
    public void Plan_RunTwiceForTheSameMonth_R_SP_3_OrdersNothingMore()
    {
        var positions = StockPositions.Create(["SC-HZ"], ["P1", "P2"], [0, 0], [100, 100]);

        var first = ReplenishmentPlanner.Plan(March, positions, ReplenishmentPolicy.Seed000);
        var second = ReplenishmentPlanner.Plan(March, positions, ReplenishmentPolicy.Seed000, first.Orders);
        var nextMonth = ReplenishmentPlanner.Plan(March.PlusMonths(1), positions, ReplenishmentPolicy.Seed000, first.Orders);

        Assert.Equal(2, first.Orders.Count);
        Assert.Empty(second.Orders);
        Assert.Equal(2, second.AlreadyOrdered);
        Assert.Equal(2, nextMonth.Orders.Count);
    }

    [Fact]
    public void Create_BadInput_ThrowsNamingTheField()
    {
        Assert.Equal("onHand", Assert.Throws<ArgumentException>(() => StockPositions.Create(["A"], ["P"], [1, 2], [1])).ParamName);
        Assert.Equal("installedBase", Assert.Throws<ArgumentOutOfRangeException>(() => StockPositions.Create(["A"], ["P"], [1], [-1])).ParamName);
        Assert.Equal("centreIds", Assert.Throws<ArgumentException>(() => StockPositions.Create(["A", "A"], ["P"], [1, 1], [1, 1])).ParamName);
        Assert.Equal("quantity", Assert.Throws<ArgumentOutOfRangeException>(() =>
            StockPositions.CreateBuilder(["A"], ["P"]).SetOnHand("A", "P", -3)).ParamName);
        Assert.Equal("partNumber", Assert.Throws<ArgumentException>(() =>
            StockPositions.CreateBuilder(["A"], ["P"]).SetOnHand("A", "Q", 1)).ParamName);
    }

    [Fact]
    public void MonthlyStockReport_March_R_SP_3_CountsUseAndStockInBeijingTime()
    {
        var ledger = StockLedger.Open("SC-HZ", "CARD-READER")
            .Receive(10, "李库管", Instant.FromUtc(2026, 2, 20, 0, 0))
            .IssueToWorkOrder(1, "WO-1", "张工", Instant.FromUtc(2026, 2, 28, 16, 30))   // 2026-03-01 00:30 in Beijing
            .IssueLoaner(1, "WO-2", "张工", Instant.FromUtc(2026, 3, 10, 0, 0))
            .Return(1, "张工", Instant.FromUtc(2026, 3, 12, 0, 0), "WO-2")
            .Scrap(2, "李库管", Instant.FromUtc(2026, 3, 20, 0, 0))
            .Receive(5, "李库管", Instant.FromUtc(2026, 3, 31, 16, 0));                 // 2026-04-01 00:00 in Beijing

        var line = Assert.Single(MonthlyStockReport.Build(March, Beijing, [ledger]).Lines);

        Assert.Equal(10, line.Opening);
        Assert.Equal(0, line.Received);
        Assert.Equal(1, line.Issued);
        Assert.Equal(1, line.LoanersIssued);
        Assert.Equal(1, line.Returned);
        Assert.Equal(2, line.Scrapped);
        Assert.Equal(7, line.Closing);
        Assert.Equal(12, ledger.Balance);
    }

    [Fact]
    public void Plan_FromLedgersAtMonthEnd_R_SP_3_UsesTheClosingBalance()
    {
        var monthEnd = Beijing.AtStartOfDay(new LocalDate(2026, 4, 1)).ToInstant();
        var ledger = StockLedger.Open("SC-HZ", "CARD-READER")
            .Receive(10, "李库管", Instant.FromUtc(2026, 3, 1, 0, 0))
            .IssueToWorkOrder(7, "WO-1", "张工", Instant.FromUtc(2026, 3, 5, 0, 0));

        var positions = StockPositions.CreateBuilder(["SC-HZ"], ["CARD-READER"])
            .SetOnHand(ledger, monthEnd)
            .SetInstalledBase("SC-HZ", "CARD-READER", 200)
            .Build();

        var order = Assert.Single(ReplenishmentPlanner.Plan(March, positions, ReplenishmentPolicy.Seed000).Orders);
        Assert.Equal(7, order.Quantity);
    }

    [Fact]
    public void RunMonth_FromLedgers_R_SP_3_ReportsTheMonthAndTopsUpEachCentreOnce()
    {
        var hz = StockLedger.Open("SC-HZ", "CARD-READER")
            .Receive(10, "李库管", Instant.FromUtc(2026, 3, 1, 0, 0))
            .IssueToWorkOrder(7, "WO-1", "张工", Instant.FromUtc(2026, 3, 5, 0, 0));
        var nb = StockLedger.Open("SC-NB", "CARD-READER").Receive(3, "王库管", Instant.FromUtc(2026, 3, 2, 0, 0));
        var installed = new Dictionary<string, int> { ["SC-HZ"] = 200, ["SC-NB"] = 40 };

        var run = ReplenishmentPlanner.RunMonth(March, Beijing, [hz, nb], (centre, _) => installed[centre], ReplenishmentPolicy.Seed000);
        var again = ReplenishmentPlanner.RunMonth(March, Beijing, [hz, nb], (centre, _) => installed[centre], ReplenishmentPolicy.Seed000, run.Plan.Orders);

        Assert.Equal([3, 3], run.Report.Lines.Select(l => l.Closing));
        var order = Assert.Single(run.Plan.Orders);
        Assert.Equal(("SC-HZ", 7), (order.CentreId, order.Quantity));
        Assert.Empty(again.Plan.Orders);
    }
}
