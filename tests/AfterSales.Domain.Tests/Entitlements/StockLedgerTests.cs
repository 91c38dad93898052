using AfterSales.Entitlements.Spares;

namespace AfterSales.Tests.Entitlements;

public class StockLedgerTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);

    private static Instant At(int hours) => T0 + Duration.FromHours(hours);

    [Fact]
    public void Movements_R_SP_2_LogWhoWhenHowManyAndForWhichOrder()
    {
        var ledger = StockLedger.Open("SC-HZ", "CARD-READER")
            .Receive(10, "李库管", At(0), "首批")
            .IssueToWorkOrder(2, "WO-1", "张工", At(1))
            .Return(1, "张工", At(2), "WO-1")
            .Scrap(1, "李库管", At(3), "进水损坏");

        Assert.Equal(8, ledger.Balance);
        Assert.Equal(4, ledger.Version);
        var issue = ledger.Movements[1];
        Assert.Equal(StockMovementKind.IssuedToWorkOrder, issue.Kind);
        Assert.Equal("WO-1", issue.WorkOrderId);
        Assert.Equal("张工", issue.By);
        Assert.Equal(At(1), issue.At);
        Assert.Equal(-2, issue.SignedQuantity);
    }

    [Fact]
    public void IssueToWorkOrder_MoreThanOnHand_R_SP_2_IsRejectedAndTheLedgerUnchanged()
    {
        var ledger = StockLedger.Open("SC-HZ", "CARD-READER").Receive(3, "李库管", At(0));

        var ex = Assert.Throws<InsufficientStockException>(() => ledger.IssueToWorkOrder(4, "WO-2", "张工", At(1)));

        Assert.Equal("SC-HZ", ex.CentreId);
        Assert.Equal("CARD-READER", ex.PartNumber);
        Assert.Equal(3, ex.OnHand);
        Assert.Equal(4, ex.Requested);
        Assert.IsAssignableFrom<AfterSalesException>(ex);
        Assert.Equal(3, ledger.Balance);
        Assert.Equal(1, ledger.Version);
    }

    [Fact]
    public void Movements_BadInput_ThrowNamingTheField()
    {
        var ledger = StockLedger.Open("SC-HZ", "CARD-READER").Receive(3, "李库管", At(5));

        Assert.Equal("quantity", Assert.Throws<ArgumentOutOfRangeException>(() => ledger.Receive(-1, "x", At(6))).ParamName);
        Assert.Equal("quantity", Assert.Throws<ArgumentOutOfRangeException>(() => ledger.Scrap(0, "x", At(6))).ParamName);
        Assert.Equal("workOrderId", Assert.Throws<ArgumentException>(() => ledger.IssueToWorkOrder(1, " ", "x", At(6))).ParamName);
        Assert.Equal("by", Assert.Throws<ArgumentException>(() => ledger.Receive(1, "", At(6))).ParamName);
        Assert.Equal("at", Assert.Throws<ArgumentException>(() => ledger.Receive(1, "x", At(4))).ParamName);
        Assert.Equal("centreId", Assert.Throws<ArgumentException>(() => StockLedger.Open(" ", "P")).ParamName);
    }

    [Fact]
    public void BalanceBefore_AnInstant_SumsTheEarlierMovements()
    {
        var ledger = StockLedger.Open("SC-HZ", "P").Receive(5, "a", At(0)).IssueToWorkOrder(2, "WO", "a", At(10));

        Assert.Equal(0, ledger.BalanceBefore(At(0)));
        Assert.Equal(5, ledger.BalanceBefore(At(10)));
        Assert.Equal(3, ledger.BalanceBefore(At(11)));
    }
}
