using AfterSales.Entitlements;
using AfterSales.Sla;
using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Tests.WorkOrders;

/// <summary>
/// Worked examples of the workflow's 0.2 steps: back-dated facts, one sign-off per cycle (R-WO-8),
/// return-for-repair (R-WO-9), legacy-issue reviews (R-WO-6) and the data backup before on-site
/// changes (R-WO-7).
/// </summary>
public sealed class TicketAfterCareTests
{
    private static readonly Duration Bound = Duration.FromHours(24);
    private readonly FakeClock clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);

    private static InvalidTransitionException Rejected(Ticket t, Action command)
    {
        var before = t.Events.ToArray();
        var ex = Assert.Throws<InvalidTransitionException>(command);
        Assert.Equal(before, t.Events);
        return ex;
    }

    private static ArgumentOutOfRangeException OutOfRange(Ticket t, Action command)
    {
        var before = t.Events.ToArray();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(command);
        Assert.Equal(before, t.Events);
        return ex;
    }

    [Fact]
    public void Backdate_ArrivedAt1005EnteredAt1040_KeepsBothInstants_TheClockCountsFromTheArrival()
    {
        var t = Tickets.In(TicketState.Dispatched, clock);
        var arrived = Instant.FromUtc(2026, 3, 2, 2, 5);
        clock.Reset(Instant.FromUtc(2026, 3, 2, 2, 40));

        t.Backdate(arrived, Bound, static x => x.ArriveOnSite());

        var e = t.Events[^1];
        Assert.Equal((TicketEventKind.ArrivedOnSite, arrived, Instant.FromUtc(2026, 3, 2, 2, 40)), (e.Kind, e.At, e.RecordedAt!.Value));
        var arrival = t.Clocks(clock.GetCurrentInstant()).Single(static c => c.Metric == SlaMetric.OnSiteArrival);
        Assert.Equal(arrived, arrival.StoppedAt);
        TicketAssert.Identical(t, Ticket.FromEvents(t.Events, t.Policy, clock));
    }

    [Fact]
    public void Backdate_InTheFuture_BeforeThePreviousFact_OrBeyondTheBound_IsRefusedNamingOccurredAt()
    {
        var t = Tickets.In(TicketState.Dispatched, clock);
        var now = clock.GetCurrentInstant();

        var future = OutOfRange(t, () => t.Backdate(now + Duration.FromMinutes(1), Bound, static x => x.ArriveOnSite()));
        Assert.Equal("occurredAt", future.ParamName);
        Assert.Contains("must not be in the future", future.Message, StringComparison.Ordinal);

        var beforePrevious = OutOfRange(t, () => t.Backdate(t.LastEventAt - Duration.FromSeconds(1), Bound, static x => x.ArriveOnSite()));
        Assert.Contains("before the ticket's previous fact (Dispatched", beforePrevious.Message, StringComparison.Ordinal);

        clock.Advance(Duration.FromHours(30));
        var tooOld = OutOfRange(t, () => t.Backdate(clock.GetCurrentInstant() - Duration.FromHours(25), Bound, static x => x.ArriveOnSite()));
        Assert.Contains("more than 24 hours before now", tooOld.Message, StringComparison.Ordinal);

        // The workflow decides at the fact's instant too: a close back-dated into the observation period is refused.
        var watched = Tickets.In(TicketState.Observation, clock);
        watched.SignOff("王主任", 5);
        clock.Advance(Tickets.Policy.ObservationPeriod);
        var early = Rejected(watched, () => watched.Backdate(clock.GetCurrentInstant() - Duration.FromHours(2), Bound, static x => x.Close()));
        Assert.Equal([TicketWorkflow.ObservationElapsed], early.UnmetGuards);
    }

    [Fact]
    public void SignOff_TwiceInOneCycle_R_WO_8_IsRefusedWithTheReason_AndAllowedAgainAfterAReopen()
    {
        var t = Tickets.In(TicketState.Observation, clock);
        t.SignOff("王主任", 5);

        var second = Rejected(t, () => t.SignOff("王主任", 4));

        Assert.Equal([TicketWorkflow.SignOffOncePerCycle], second.UnmetGuards);
        Assert.Equal(5, t.CustomerSignOff!.Satisfaction);
        t.Reopen("打印再次卡纸");
        Assert.Null(t.CustomerSignOff);
    }

    [Fact]
    public void Rma_R_WO_9_TrackedToItsReturn_TheOrderClosesOnlyOnceThePartIsBack()
    {
        var t = Tickets.In(TicketState.OnSite, clock);
        t.SendForRma("RMA-2026-001", "PRN-HEAD-7", "PH-99812", "顺丰 SF123");
        Assert.True(t.HasRmaOut);
        Assert.Throws<ArgumentException>(() => t.SendForRma("RMA-2026-001", "PRN-HEAD-7"));
        t.RestoreService();
        t.Resolve("更换打印头");
        t.StartObservation();
        t.SignOff("王主任", 5);
        clock.Advance(Tickets.Policy.ObservationPeriod);

        var refused = Rejected(t, t.Close);
        Assert.Equal([TicketWorkflow.RmaPartsBack], refused.UnmetGuards);
        var unknown = Assert.Throws<ArgumentException>(() => t.ReceiveRmaReturn("RMA-NOPE", RmaOutcome.Repaired));
        Assert.Equal("rmaNumber", unknown.ParamName);

        t.ReceiveRmaReturn("RMA-2026-001", RmaOutcome.Replaced, "厂家换新");
        var rma = Assert.Single(t.Rmas);
        Assert.Equal((false, RmaOutcome.Replaced, "PH-99812"), (rma.IsOut, rma.Outcome!.Value, rma.SerialNumber));
        var none = Rejected(t, () => t.ReceiveRmaReturn("RMA-2026-001", RmaOutcome.Repaired));
        Assert.Equal([TicketWorkflow.PartOutForRma], none.UnmetGuards);
        t.Close();
        Assert.Equal(TicketState.Closed, t.State);
        TicketAssert.Identical(t, Ticket.FromEvents(t.Events, t.Policy, clock));
    }

    [Fact]
    public void ReviewLegacyIssue_R_WO_6_OnlyOnceAClockBreached_RecordsTheReview()
    {
        var t = Tickets.New(clock);
        var notYet = Rejected(t, () => t.ReviewLegacyIssue("质量部 孙", "按期跟进"));
        Assert.Equal([TicketWorkflow.IsLegacyIssue], notYet.UnmetGuards);

        clock.Advance(Duration.FromDays(3));
        Assert.True(t.IsLegacyIssue(clock.GetCurrentInstant()));
        t.ReviewLegacyIssue("质量部 孙", "备件已订, 需向客户提交书面说明");

        Assert.Equal(("质量部 孙", clock.GetCurrentInstant()), (t.LastLegacyReview!.Reviewer, t.LastLegacyReviewAt!.Value));
        Assert.Equal(clock.GetCurrentInstant(), TicketSummary.Of(t, clock.GetCurrentInstant()).LastLegacyReviewAt);
    }

    [Fact]
    public void DataBackup_R_WO_7_WhereTheContractAsks_OnSiteRestoreAndResolveWaitForIt()
    {
        var report = Tickets.Report() with { Entitlement = new TicketEntitlement { Status = EntitlementStatus.Covered, DataBackupRequired = true } };
        var t = Ticket.Report(report, Tickets.Policy, clock);
        t.Acknowledge();
        t.StartRemoteDiagnosis();
        t.Dispatch("李工");
        t.ArriveOnSite();

        Assert.Equal([TicketWorkflow.DataBackedUpBeforeChanges], Rejected(t, t.RestoreService).UnmetGuards);
        Assert.Equal([TicketWorkflow.DataBackedUpBeforeChanges], Rejected(t, () => t.Resolve("更换硬盘")).UnmetGuards);
        t.ConfirmDataBackup("客户信息科 赵", "数据库全量备份至 NAS");
        t.Resolve("更换硬盘");

        Assert.Equal(TicketState.Resolved, t.State);
        Assert.Equal("客户信息科 赵", t.DataBackup!.ConfirmedBy);

        // Without the contract's rule the same path needs no backup.
        var plain = Tickets.In(TicketState.OnSite, clock);
        plain.Resolve("更换硬盘");
        Assert.False(plain.DataBackupRequired);
    }
}
