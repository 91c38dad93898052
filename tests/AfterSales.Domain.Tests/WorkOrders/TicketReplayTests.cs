using AfterSales.Sla;
using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Tests.WorkOrders;

public sealed class TicketReplayTests
{
    private readonly FakeClock clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);

    [Theory]
    [InlineData(TicketState.Closed)]
    [InlineData(TicketState.WaitingForCustomer)]
    [InlineData(TicketState.Cancelled)]
    public void FromEvents_TheEventsOfALiveTicket_RebuildsAnIdenticalTicket(TicketState state)
    {
        var live = Tickets.In(state, clock);

        var replayed = Ticket.FromEvents(live.Events, Tickets.Policy, clock);

        TicketAssert.Identical(live, replayed);
    }

    [Fact]
    public void FromEvents_AfterReopenAndReclassify_RebuildsAnIdenticalTicket_R_WO_4()
    {
        var live = Tickets.In(TicketState.Observation, clock);
        live.Reopen("复发");
        live.Reclassify("A", "升级");
        live.Dispatch("李工");

        TicketAssert.Identical(live, Ticket.FromEvents(live.Events, Tickets.Policy, clock));
    }

    [Fact]
    public void FromEvents_AVersionGap_IsRejected()
    {
        var events = Tickets.In(TicketState.OnSite, clock).Events.Where(static e => e.Version != 3);

        var ex = Assert.Throws<ArgumentException>(() => Ticket.FromEvents(events, Tickets.Policy, clock));
        Assert.Contains("history[2]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEvents_ATransitionTheWorkflowForbids_IsRejected()
    {
        var events = Tickets.In(TicketState.Acknowledged, clock).Events.ToList();
        events.Add(new TicketEvent { Kind = TicketEventKind.Closed, TicketId = events[0].TicketId, Version = 3, At = events[^1].At });

        var ex = Assert.Throws<ArgumentException>(() => Ticket.FromEvents(events, Tickets.Policy, clock));
        Assert.StartsWith("history[2]: 'close' is not permitted while the ticket is Acknowledged.", ex.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidTransitionException>(ex.InnerException);
    }

    [Fact]
    public void FromEvents_ACloseBeforeTheObservationPeriod_IsRejected_R_WO_4()
    {
        var live = Tickets.In(TicketState.Observation, clock);
        live.SignOff("王主任", 5);
        var events = live.Events.Append(new TicketEvent { Kind = TicketEventKind.Closed, TicketId = live.Id, Version = live.Version + 1, At = live.LastEventAt });

        Assert.Throws<ArgumentException>(() => Ticket.FromEvents(events, Tickets.Policy, clock));
    }

    [Fact]
    public void FromEvents_AnotherPolicy_IsRejected()
    {
        var live = Tickets.New(clock);
        var ex = Assert.Throws<ArgumentException>(() => Ticket.FromEvents(live.Events, SlaPresets.EnterpriseSystems003, clock));
        Assert.Equal("policy", ex.ParamName);
    }

    [Fact]
    public void FromEvents_MissingPayload_IsRejected()
    {
        var events = Tickets.In(TicketState.RemoteDiagnosis, clock).Events.ToList();
        events.Add(new TicketEvent { Kind = TicketEventKind.Dispatched, TicketId = events[0].TicketId, Version = 4, At = events[^1].At });

        var ex = Assert.Throws<ArgumentException>(() => Ticket.FromEvents(events, Tickets.Policy, clock));
        Assert.Contains("Engineer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEvents_Empty_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => Ticket.FromEvents([], Tickets.Policy, clock));
    }
}
