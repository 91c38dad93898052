using AfterSales.Entitlements.Spares;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Entitlements;

public class LoanerPoolTests
{
    private static LoanerPool Pool(int units) =>
        LoanerPool.For(StockLedger.Open("SC-HZ", "DVR-16CH").Receive(units, "李库管", Bj("2026-03-01 09:00")));

    [Fact]
    public void Issue_LoanerWithinEightHoursOfTheFault_R_SP_5_MeetsTheCctv004LoanerClock()
    {
        var timeline = TicketTimeline.Open(Bj("2026-03-02 09:00"), "fault", ReportChannel.Phone, ServiceSite.Local, faultOccurredAt: Bj("2026-03-02 08:00"))
            .Reached(Milestone.ArrivedOnSite, Bj("2026-03-02 11:30"));

        var issue = Pool(2).Issue("WO-9", "张工", Bj("2026-03-02 15:40"));
        var clocks = SlaEvaluator.Evaluate(SlaPresets.Cctv004, issue.RecordOn(timeline), Bj("2026-03-02 18:00"));

        var loaner = clocks.Single(c => c.Metric.Equals(SlaMetric.LoanerProvided));
        Assert.Equal(SlaClockStatus.Met, loaner.Status);
        Assert.Equal(Bj("2026-03-02 16:00"), loaner.DueAt);
        Assert.Equal(Bj("2026-03-02 15:40"), loaner.StoppedAt);
        Assert.Equal(Bj("2026-03-02 15:40"), issue.ProvidedAt);
        Assert.Equal(StockMovementKind.LoanerIssued, issue.Movement.Kind);
        Assert.Equal(1, issue.Pool.Available);
        Assert.Equal(1, issue.Pool.OnLoan["WO-9"]);
    }

    [Fact]
    public void Issue_Reached_R_SP_5_TimelineMilestoneAtTheIssueInstantAlsoMeetsTheClock()
    {
        var issue = Pool(1).Issue("WO-9", "张工", Bj("2026-03-02 16:00"));
        var timeline = TicketTimeline.Open(Bj("2026-03-02 09:00"), "fault", ReportChannel.Phone, ServiceSite.Local, faultOccurredAt: Bj("2026-03-02 08:00"))
            .Reached(Milestone.LoanerProvided, issue.ProvidedAt);

        var loaner = SlaEvaluator.Evaluate(SlaPresets.Cctv004, timeline, Bj("2026-03-02 20:00")).Single(c => c.Metric.Equals(SlaMetric.LoanerProvided));

        Assert.Equal(SlaClockStatus.Met, loaner.Status);
    }

    [Fact]
    public void Issue_NoLoanerInStock_R_SP_5_IsRejected()
    {
        var pool = Pool(1).Issue("WO-1", "张工", Bj("2026-03-02 10:00")).Pool;

        var ex = Assert.Throws<InsufficientStockException>(() => pool.Issue("WO-2", "张工", Bj("2026-03-02 11:00")));

        Assert.Equal(0, ex.OnHand);
        Assert.Equal("DVR-16CH", ex.PartNumber);
    }

    [Fact]
    public void Return_LoanerBack_R_SP_5_RestoresStock()
    {
        var pool = Pool(1).Issue("WO-1", "张工", Bj("2026-03-02 10:00")).Pool;

        var back = pool.Return("WO-1", "张工", Bj("2026-03-05 10:00"));

        Assert.Equal(1, back.Available);
        Assert.Empty(back.OnLoan);
        Assert.Throws<InvalidOperationException>(() => back.Return("WO-1", "张工", Bj("2026-03-06 10:00")));
    }
}
