using AfterSales.Calendars;
using AfterSales.People;
using AfterSales.Sla;
using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Tests.People;

/// <summary>
/// Dispatch names an engineer on duty (R-ORG-1/2): the ticket decides from the facts it is given (the
/// engineer, their centre's rota) at the dispatch instant; an override with a reason sends someone off
/// duty and is kept on the event with who decided. The clock starts at 09:00 Beijing, Monday 2 March 2026.
/// </summary>
public sealed class DispatchRuleTests
{
    private static readonly DateTimeZone Beijing = ChinaCalendars.BeijingTime;
    private readonly FakeClock clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
    private readonly Engineer onDuty = Engineer.Create("E-1", "李雷", "SH-01", "13800000001");
    private readonly Engineer offDuty = Engineer.Create("E-2", "韩梅梅", "SH-01", "13800000002");

    /// <summary>E-1 09:00–17:00 and E-2 17:00–次日 01:00 on Monday 2 March, Beijing time (R-ORG-2).</summary>
    private static DutyRota Rota() => DutyRota.Create("SH-01", Beijing,
    [
        new DutyShift { EngineerId = "E-1", Start = new LocalDateTime(2026, 3, 2, 9, 0), End = new LocalDateTime(2026, 3, 2, 17, 0) },
        new DutyShift { EngineerId = "E-2", Start = new LocalDateTime(2026, 3, 2, 17, 0), End = new LocalDateTime(2026, 3, 3, 1, 0) },
    ]);

    [Fact]
    public void Dispatch_EngineerOnDuty_Dispatched_NoOverrideReason_R_ORG_2()
    {
        var ticket = Tickets.In(TicketState.RemoteDiagnosis, clock);

        ticket.Dispatch(onDuty, Rota());

        Assert.Equal(TicketState.Dispatched, ticket.State);
        Assert.Equal("E-1", ticket.Events[^1].Engineer);
        Assert.Null(ticket.Events[^1].Reason);
    }

    [Fact]
    public void Dispatch_EngineerOffDuty_NoOverride_RefusedNamingWhoIsOnDuty_NothingAppended_R_ORG_2()
    {
        var ticket = Tickets.In(TicketState.RemoteDiagnosis, clock);
        var version = ticket.Version;

        var refused = Assert.Throws<EngineerNotOnDutyException>(() => ticket.Dispatch(offDuty, Rota()));

        Assert.Equal(("E-2", "SH-01"), (refused.EngineerId, refused.CentreId));
        Assert.Equal(["E-1"], refused.OnDuty);
        Assert.Equal(ticket.LastEventAt, refused.At);
        Assert.Contains("on duty then: E-1", refused.Message, StringComparison.Ordinal);
        Assert.Equal(version, ticket.Version);
        Assert.Equal(TicketState.RemoteDiagnosis, ticket.State);
    }

    [Fact]
    public void Dispatch_EngineerOffDuty_WithOverride_KeepsTheReasonAndWhoDecided_R_ORG_2()
    {
        var ticket = Tickets.In(TicketState.RemoteDiagnosis, clock);
        var lead = new Actor("lead-7", "区域主管 王");

        ticket.ActAs(lead, t => t.Dispatch(offDuty, Rota(), "E-1 在另一现场, 故障为 A 类"));

        var e = ticket.Events[^1];
        Assert.Equal((TicketEventKind.Dispatched, "E-2", "E-1 在另一现场, 故障为 A 类", lead), (e.Kind, e.Engineer, e.Reason, e.Actor));
        Assert.Equal(e, Ticket.FromEvents(ticket.Events, Tickets.Policy, clock).Events[^1]);
    }

    [Fact]
    public void Dispatch_CentreKeepsNoRota_NoOneIsOnDuty_OnlyAnOverrideSends()
    {
        var ticket = Tickets.In(TicketState.RemoteDiagnosis, clock);

        var refused = Assert.Throws<EngineerNotOnDutyException>(() => ticket.Dispatch(onDuty, rota: null));
        Assert.False(refused.HasRota);
        Assert.Contains("keeps no duty rota", refused.Message, StringComparison.Ordinal);

        ticket.Dispatch(onDuty, rota: null, overrideReason: "值班表尚未发布");
        Assert.Equal(TicketState.Dispatched, ticket.State);
    }

    [Fact]
    public void Dispatch_Backdated_TheRotaIsReadAtTheInstantItHappened()
    {
        var ticket = Tickets.In(TicketState.RemoteDiagnosis, clock);
        var handedOverAt = clock.GetCurrentInstant();
        clock.Reset(Instant.FromUtc(2026, 3, 2, 9, 30)); // 17:30 Beijing: E-1's shift has ended

        Assert.Throws<EngineerNotOnDutyException>(() => ticket.Dispatch(onDuty, Rota()));
        ticket.Backdate(handedOverAt, Duration.FromHours(24), t => t.Dispatch(onDuty, Rota()));

        Assert.Equal(handedOverAt, ticket.Events[^1].At);
    }

    [Fact]
    public void Dispatch_NotPermittedInTheState_TheWorkflowRefusesFirst()
    {
        var ticket = Tickets.In(TicketState.Acknowledged, clock);

        Assert.Throws<InvalidTransitionException>(() => ticket.Dispatch(offDuty, Rota()));
    }

    [Fact]
    public void Dispatch_BlankOverrideOrAnotherCentresRota_ThrowsNamingTheField()
    {
        var ticket = Tickets.In(TicketState.RemoteDiagnosis, clock);
        var elsewhere = DutyRota.Create("BJ-01", Beijing, []);

        Assert.Equal("override.reason", Assert.ThrowsAny<ArgumentException>(() => ticket.Dispatch(offDuty, Rota(), " ")).ParamName);
        Assert.Equal("engineer", Assert.ThrowsAny<ArgumentException>(() => ticket.Dispatch(onDuty, elsewhere)).ParamName);
        Assert.Equal(TicketState.RemoteDiagnosis, ticket.State);
    }
}
