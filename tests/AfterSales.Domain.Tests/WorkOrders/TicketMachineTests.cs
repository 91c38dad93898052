using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Tests.WorkOrders;

/// <summary>The workflow's machine is configured once per thread and bound to one ticket per call.</summary>
public sealed class TicketMachineTests
{
    [Fact]
    public async Task Commands_OnManyTicketsOnManyThreadsAtOnce_EachTicketSeesOnlyItsOwnFacts()
    {
        // Half the tickets may dispatch (remote diagnosis tried), half may not (R-WO-2); a machine
        // bound to the wrong ticket would answer for the other half.
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
        {
            var clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
            var t = Tickets.New(clock, $"WO-{i}");
            var outcomes = new List<bool>();
            for (var round = 0; round < 50; round++)
            {
                var other = Tickets.In(i % 2 == 0 ? TicketState.RemoteDiagnosis : TicketState.Acknowledged, clock);
                outcomes.Add(other.CanDispatch() == (i % 2 == 0));
                outcomes.Add(other.IsIn(TicketState.Active));
            }

            t.Acknowledge();
            return (t.State, outcomes.All(static o => o));
        })));

        Assert.All(results, static r => Assert.Equal((TicketState.Acknowledged, true), r));
    }

    [Fact]
    public void Check_OfAPermittedCommand_SaysWhereItLeads_AndChangesNothing()
    {
        var clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
        var t = Tickets.In(TicketState.WaitingForCustomer, clock);

        var check = t.Check(TicketTrigger.Resume);

        Assert.True(check.IsPermitted);
        Assert.Equal(TicketState.Acknowledged, check.Destination);
        Assert.Equal("WaitingForCustomer --resume--> Acknowledged", check.ToString());
        Assert.Equal(TicketState.WaitingForCustomer, t.State);
        Assert.Equal(TicketState.Acknowledged, t.PausedFrom);
    }

    [Fact]
    public void Check_OfACommandThatRecordsWithoutMoving_LeadsToTheSameState()
    {
        var clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
        var t = Tickets.In(TicketState.OnSite, clock);

        Assert.Equal(TicketState.OnSite, t.Check(TicketTrigger.DeliverRepairPlan).Destination);
        Assert.True(t.IsIn(TicketState.Open));
        Assert.False(t.IsIn(TicketState.WaitingForCustomer));
    }
}
