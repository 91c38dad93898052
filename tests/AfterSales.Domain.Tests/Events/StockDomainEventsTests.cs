using AfterSales.Entitlements.Spares;
using AfterSales.Events;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AfterSales.Tests.Events;

/// <summary>
/// The stock events the stores write with a save: <see cref="AfterSalesEventTypes.StockBelowTarget"/> on the crossing of
/// the target only (R-SP-1), <see cref="AfterSalesEventTypes.ReplenishmentOrdered"/> once per centre run with orders (R-SP-3).
/// </summary>
public sealed class StockDomainEventsTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);

    private static Instant At(int hours) => T0 + Duration.FromHours(hours);

    [Theory]
    [InlineData(2, 1, 40, true)] // 5 % of 40 is 2: from 2 to 1 crosses
    [InlineData(3, 2, 40, false)] // still at target
    [InlineData(1, 0, 40, false)] // already below: no second event
    [InlineData(0, 3, 40, false)] // back above
    [InlineData(2, 1, 21, true)] // 5 % of 21 rounds up to 2
    [InlineData(1, 0, 20, true)] // 5 % of 20 is exactly 1
    [InlineData(5, 0, 0, false)] // nothing installed: the target is 0, never below
    public void CrossesBelow_R_SP_1_FivePercentOfTheInstalledBase_TrueOnTheCrossingOnly(int before, int after, int installedBase, bool crosses) =>
        Assert.Equal(crosses, ReplenishmentPolicy.Seed000.CrossesBelow(before, after, installedBase));

    [Fact]
    public void CrossesBelow_R_SP_1_AMinimumWithNothingInstalled_IsTheTarget()
    {
        var policy = ReplenishmentPolicy.OfRatio(0.05m, minimum: 3);

        Assert.True(policy.CrossesBelow(3, 2, 0));
        Assert.False(policy.CrossesBelow(4, 3, 0));
    }

    [Fact]
    public void CrossesBelow_ANegativeInstalledBase_IsRejectedNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ReplenishmentPolicy.Seed000.CrossesBelow(1, 0, -1));
        Assert.Equal("installedBase", ex.ParamName);
    }

    /// <summary>Against the obvious reference: the target in decimal arithmetic, at or above before, below after. Seed 1301.</summary>
    [Property(Arbitrary = new[] { typeof(StockCases) }, MaxTest = 2000, Replay = "(1301,13)")]
    public void CrossesBelow_R_SP_1_IsBeforeAtOrAboveTheDecimalTargetAndAfterBelowIt((int permille, int before, int after, int installedBase, int minimum) c)
    {
        var ratio = c.permille / 1000m;
        var policy = ReplenishmentPolicy.OfRatio(ratio, c.minimum);
        var target = Math.Max((int)decimal.Ceiling(ratio * c.installedBase), c.minimum);
        Assert.Equal(c.before >= target && c.after < target, policy.CrossesBelow(c.before, c.after, c.installedBase));
    }

    /// <summary>A ratio in per mille, the stock before and after, the installed base and the minimum.</summary>
    public static class StockCases
    {
        public static Arbitrary<(int, int, int, int, int)> Cases() =>
            (from permille in Gen.Choose(0, 1000)
             from before in Gen.Choose(0, 200)
             from after in Gen.Choose(0, 200)
             from installedBase in Gen.Choose(0, 100_000)
             from minimum in Gen.Choose(0, 5)
             select (permille, before, after, installedBase, minimum)).ToArbitrary();
    }

    [Fact]
    public void ForStockTarget_R_SP_1_OneEventPerCrossing_NoneWhileBelow_AgainAfterARefill()
    {
        // 5 % of 60 is 3.
        var ledger = StockLedger.Open("BJ", "P-1")
            .Receive(4, "warehouse", At(0))
            .IssueToWorkOrder(1, "WO-1", "zhang", At(1)) // 3: at target
            .IssueToWorkOrder(1, "WO-2", "zhang", At(2)) // 2: crosses
            .IssueToWorkOrder(1, "WO-3", "zhang", At(3)) // 1: still below
            .Receive(5, "warehouse", At(4)) // 6: back above
            .Scrap(4, "warehouse", At(5), "water damage"); // 2: crosses again

        var events = AggregateDomainEvents.ForStockTarget("acme", ledger, 0, 60, ReplenishmentPolicy.Seed000);

        Assert.Equal([3, 6], events.Select(static e => ((StockBelowTarget)e.Data).Version));
        var first = events[0];
        Assert.Equal(AfterSalesEventTypes.StockBelowTarget, first.Type);
        Assert.Equal("stock/BJ/P-1", first.Subject);
        Assert.Equal(At(2), first.OccurredAt);
        var data = (StockBelowTarget)first.Data;
        Assert.Equal(("BJ", "P-1", 2, 60, 3), (data.CentreId, data.PartNumber, data.Balance, data.InstalledBase, data.Target));
        Assert.Equal("WO-2", data.Movement.WorkOrderId);
        Assert.Equal(StockMovementKind.Scrapped, ((StockBelowTarget)events[1].Data).Movement.Kind);
    }

    [Fact]
    public void ForStockTarget_ASaveAfterTheCrossing_SeesOnlyItsOwnMovements_AndTheSameFactHasTheSameId()
    {
        var ledger = StockLedger.Open("BJ", "P-1").Receive(3, "warehouse", At(0)).IssueToWorkOrder(1, "WO-1", "zhang", At(1));
        var crossing = AggregateDomainEvents.ForStockTarget("acme", ledger, 1, 60, ReplenishmentPolicy.Seed000);
        var again = AggregateDomainEvents.ForStockTarget("acme", ledger, 1, 60, ReplenishmentPolicy.Seed000);
        var later = AggregateDomainEvents.ForStockTarget("acme", ledger.IssueToWorkOrder(1, "WO-2", "zhang", At(2)), 2, 60, ReplenishmentPolicy.Seed000);

        Assert.Equal(again.Single().Id, crossing.Single().Id);
        Assert.NotEqual(crossing.Single().Id, AggregateDomainEvents.ForStockTarget("other", ledger, 1, 60, ReplenishmentPolicy.Seed000).Single().Id);
        Assert.Empty(later);
    }

    [Fact]
    public void ForReplenishmentRun_R_SP_3_OneEventPerCentreRunWithOrders_IdFromTenantMonthAndCentre()
    {
        var month = new YearMonth(2026, 3);
        var run = new ReplenishmentCentreRun(month, "BJ", At(0), 2, [new ReplenishmentOrder(month, "BJ", "P-1", 3, 0, 3), new ReplenishmentOrder(month, "BJ", "P-2", 1, 1, 2)]);
        var rerun = new ReplenishmentCentreRun(month, "BJ", At(5), 2, [new ReplenishmentOrder(month, "BJ", "P-1", 2, 1, 3)]);

        var e = AggregateDomainEvents.ForReplenishmentRun("acme", run).Single();

        Assert.Equal(AfterSalesEventTypes.ReplenishmentOrdered, e.Type);
        Assert.Equal("replenishments/2026-03/BJ", e.Subject);
        Assert.Equal(At(0), e.OccurredAt);
        Assert.Same(run, ((ReplenishmentOrdered)e.Data).Run);
        Assert.Equal(e.Id, AggregateDomainEvents.ForReplenishmentRun("acme", rerun).Single().Id);
        Assert.NotEqual(e.Id, AggregateDomainEvents.ForReplenishmentRun("acme", new ReplenishmentCentreRun(month.PlusMonths(1), "BJ", At(0), 2, [new ReplenishmentOrder(month.PlusMonths(1), "BJ", "P-1", 3, 0, 3)])).Single().Id);
        Assert.NotEqual(e.Id, AggregateDomainEvents.ForReplenishmentRun("acme", new ReplenishmentCentreRun(month, "SH", At(0), 2, [new ReplenishmentOrder(month, "SH", "P-1", 3, 0, 3)])).Single().Id);
    }

    [Fact]
    public void ForReplenishmentRun_ARunWithoutOrders_HasNoEvent_AndASummaryIsRejected()
    {
        var month = new YearMonth(2026, 3);
        Assert.Empty(AggregateDomainEvents.ForReplenishmentRun("acme", new ReplenishmentCentreRun(month, "BJ", At(0), 2, [])));

        var ex = Assert.Throws<ArgumentException>(() => AggregateDomainEvents.ForReplenishmentRun("acme", ReplenishmentCentreRun.Summary(month, "BJ", At(0), 2, 1, 3)));
        Assert.Equal("run", ex.ParamName);
    }
}
