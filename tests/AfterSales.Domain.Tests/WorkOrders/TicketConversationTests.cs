using AfterSales.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Tests.WorkOrders;

/// <summary>Issue 17 §3–§4 on the work order: customer messages and agent answers, typed pauses and negotiated due dates as events.</summary>
public sealed class TicketConversationTests
{
    // Monday 2026-03-02 09:00 Beijing.
    private readonly FakeClock clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);

    private static readonly SlaPolicy Policy = SlaPolicy.CreateBuilder("conversation", 1, "conversation", SeverityScales.ClassesAToD)
        .WithCalendar(ChinaCalendars.Statutory9To18)
        .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(1), static t => t.ForAllSeverities())
        .AddTarget(SlaMetric.NextResponse, SlaAmount.Hours(2), static t => t.ForAllSeverities())
        .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(8), static t => t.ForAllSeverities().PausedOnlyBy(PauseReason.ManufacturerParts))
        .Build();

    private Ticket New() => Ticket.Report(Tickets.Report(), Policy, clock);

    [Fact]
    public void CustomerMessagesAndAnswers_AreEventsThatChangeNoState_AndDriveTheNextResponseClock()
    {
        var t = New();
        clock.AdvanceMinutes(60);
        t.ReceiveCustomerMessage("设备还是无法打印吗?");
        clock.AdvanceMinutes(30);
        t.AnswerCustomer("已安排远程诊断");
        clock.AdvanceMinutes(30);
        t.ReceiveCustomerMessage();

        Assert.Equal(TicketState.Reported, t.State);
        Assert.Equal([TicketEventKind.Reported, TicketEventKind.CustomerMessageReceived, TicketEventKind.CustomerAnswered, TicketEventKind.CustomerMessageReceived], t.Events.Select(static e => e.Kind));
        Assert.Equal("设备还是无法打印吗?", t.Events[1].Note);
        var occurrences = t.Clocks(clock.GetCurrentInstant()).Where(static c => c.Metric.Equals(SlaMetric.NextResponse)).ToList();
        Assert.Equal([SlaClockStatus.Met, SlaClockStatus.Running], occurrences.Select(static c => c.Status));
        TicketAssert.Identical(t, Ticket.FromEvents(t.Events, Policy, clock));
    }

    [Fact]
    public void CustomerMessages_AfterResolution_AreRefusedByTheWorkflow()
    {
        var t = New();
        t.Acknowledge();
        t.StartRemoteDiagnosis();
        t.ResolveRemotely("重启打印服务");

        var ex = Assert.Throws<InvalidTransitionException>(() => t.ReceiveCustomerMessage());
        Assert.Equal("receive-customer-message", ex.Trigger.ToCommandName());
        Assert.False(t.CanAnswerCustomer());
        Assert.False(t.CanNegotiateDueDate());
    }

    [Fact]
    public void Pause_WithATypedReason_IsRecordedByCode_AndReplays()
    {
        var t = New();
        t.Acknowledge();
        clock.AdvanceMinutes(10);
        t.Pause(PauseReason.ManufacturerParts, "主板返厂维修");
        clock.AdvanceMinutes(120);
        t.Resume();
        clock.AdvanceMinutes(10);
        t.Pause("customer-site-access", "机房周末不开放");

        Assert.Equal("manufacturer-parts", t.Events[2].PauseReasonCode);
        Assert.Equal(TicketState.WaitingForCustomer, t.State);
        Assert.Equal(PauseReason.CustomerSiteAccess, t.Timeline.Entries[^1].PauseReason);
        var resolved = Assert.Single(t.Clocks(clock.GetCurrentInstant()), static c => c.Metric.Equals(SlaMetric.Resolved));
        Assert.Equal([(PauseReason.ManufacturerParts, Duration.FromHours(2))], resolved.PausedByReason.Select(static p => (p.Reason, p.BusinessTime)));
        Assert.Equal(SlaClockStatus.Running, resolved.Status); // site access does not pause resolution under this policy
        TicketAssert.Identical(t, Ticket.FromEvents(t.Events, Policy, clock));

        t.Resume();
        var ex = Assert.Throws<ArgumentException>(() => t.Pause("typhoon", "台风"));
        Assert.Equal("pauseReason", ex.ParamName);
        Assert.Null(New().Events[0].PauseReasonCode);
    }

    [Fact]
    public void WaitForCustomer_StaysTheUntypedPause_StoredWithoutACode()
    {
        var t = New();
        t.WaitForCustomer("等待客户提供日志");

        Assert.Null(t.Events[^1].PauseReasonCode);
        Assert.Equal(PauseReason.WaitingForCustomer, t.Timeline.Entries[^1].PauseReason);
    }

    [Fact]
    public void NegotiateDueDate_R_SLA_3_RecordsTheAgreement_AndTheClockFollowsIt()
    {
        var t = New();
        clock.AdvanceMinutes(60);
        var friday = Instant.FromUtc(2026, 3, 6, 9, 0); // 17:00 Beijing

        t.NegotiateDueDate(SlaMetric.Resolved, friday, "客户同意周五前修复", "张经理");

        var e = t.Events[^1];
        Assert.Equal(TicketEventKind.DueDateNegotiated, e.Kind);
        Assert.Equal(new TicketDueDateNegotiation { MetricCode = "resolved", DueAt = friday, NegotiatedBy = "张经理" }, e.Negotiation);
        Assert.Equal("客户同意周五前修复", e.Reason);
        var resolved = Assert.Single(t.Clocks(clock.GetCurrentInstant()), static c => c.Metric.Equals(SlaMetric.Resolved));
        Assert.Equal(friday, resolved.DueAt);
        TicketAssert.Identical(t, Ticket.FromEvents(t.Events, Policy, clock));
    }

    [Fact]
    public void NegotiateDueDate_Refuses_EarlierThanThePolicy_StoppedOrRecurringClocks_AndUnknownMetrics_AppendingNothing()
    {
        var t = New();
        clock.AdvanceMinutes(30);
        t.Acknowledge();
        var now = clock.GetCurrentInstant();
        var before = t.Events.Count;

        Assert.Equal("dueAt", Assert.Throws<ArgumentException>(() => t.NegotiateDueDate("resolved", now + Duration.FromHours(1), "x", "y")).ParamName);
        Assert.Equal("dueAt", Assert.Throws<ArgumentException>(() => t.NegotiateDueDate("resolved", now, "x", "y")).ParamName);
        Assert.Equal("metric", Assert.Throws<ArgumentException>(() => t.NegotiateDueDate("first-response", now + Duration.FromDays(1), "x", "y")).ParamName);
        Assert.Equal("metric", Assert.Throws<ArgumentException>(() => t.NegotiateDueDate("next-response", now + Duration.FromDays(1), "x", "y")).ParamName);
        Assert.Equal("metric", Assert.Throws<ArgumentException>(() => t.NegotiateDueDate("on-site-arrival", now + Duration.FromDays(1), "x", "y")).ParamName);
        Assert.Equal("reason", Assert.Throws<ArgumentException>(() => t.NegotiateDueDate("resolved", now + Duration.FromDays(1), " ", "y")).ParamName);
        Assert.Equal(before, t.Events.Count);
    }

    [Fact]
    public void Replay_RejectsANegotiationWithoutItsPayload_OrAnUnknownPauseReason()
    {
        var t = New();
        var at = t.ReportedAt + Duration.FromMinutes(1);
        TicketEvent[] noPayload = [t.Events[0], new TicketEvent { Kind = TicketEventKind.DueDateNegotiated, TicketId = t.Id, Version = 2, At = at, Reason = "x" }];
        TicketEvent[] unknown = [t.Events[0], new TicketEvent { Kind = TicketEventKind.WaitingForCustomer, TicketId = t.Id, Version = 2, At = at, Reason = "x", PauseReasonCode = "typhoon" }];

        Assert.Contains("needs its Negotiation", Assert.Throws<ArgumentException>(() => Ticket.FromEvents(noPayload, Policy, clock)).Message, StringComparison.Ordinal);
        Assert.Contains("typhoon", Assert.Throws<ArgumentException>(() => Ticket.FromEvents(unknown, Policy, clock)).Message, StringComparison.Ordinal);
    }
}

/// <summary>R-SLA-3's class D on the work order: a target planned by negotiation accepts its first agreed date.</summary>
public sealed class TicketNegotiationByAgreementTests
{
    [Fact]
    public void NegotiateDueDate_OnATargetPlannedByNegotiation_SetsItsFirstDueDate()
    {
        var clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
        var policy = SlaPolicy.CreateBuilder("d", 1, "d", SeverityScales.ClassesAToD)
            .WithCalendar(ChinaCalendars.Statutory9To18)
            .AddTarget(SlaMetric.Resolved, SlaAmount.ByAgreement, static t => t.ForSeverities("D"))
            .Build();
        var t = Ticket.Report(Tickets.Report(severity: "D"), policy, clock);
        var due = Instant.FromUtc(2026, 3, 20, 10, 0);

        Assert.Equal(SlaClockStatus.NotStarted, t.Clocks(clock.GetCurrentInstant()).Single().Status);
        t.NegotiateDueDate("resolved", due, "纳入3月版本计划", "项目经理");

        Assert.Equal(due, t.Clocks(clock.GetCurrentInstant()).Single().DueAt);
    }
}
