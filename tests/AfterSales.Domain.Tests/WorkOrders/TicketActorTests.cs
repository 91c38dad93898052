using AfterSales.Sla;
using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Tests.WorkOrders;

/// <summary>Who acted: the actor a command runs as is recorded on each event it appends, and replayed.</summary>
public sealed class TicketActorTests
{
    private static readonly Actor Engineer = new("e-7", "李工");
    private static readonly Actor Customer = new("c-42", "王主任");

    private readonly FakeClock clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);

    [Fact]
    public async Task ActingAs_EachCommandsEventsCarryItsActor_OthersNone()
    {
        var catalog = new InMemorySlaPolicyCatalog(SlaPresets.All);
        var store = new InMemoryTicketStore(catalog, clock);
        var service = new TicketService(store, catalog, clock);
        var id = (await service.ActingAs(Customer).ReportAsync(Tickets.Report(), Tickets.Policy.Id)).Id;
        await service.ActingAs(Engineer).ExecuteAsync(Tickets.Tenant, id, null, static t =>
        {
            t.Acknowledge();
            t.StartRemoteDiagnosis();
        });
        await service.DispatchAsync(Tickets.Tenant, id, "李工");

        var events = (await service.GetAsync(Tickets.Tenant, id)).Events;
        Assert.Equal([Customer, Engineer, Engineer, null], events.Select(static e => e.Actor));
        Assert.Null(service.Actor);
        Assert.Same(service, service.ActingAs(null));
    }

    [Fact]
    public void ActAs_FromEvents_KeepsEveryActorAndTheReplayEqualsTheOriginal()
    {
        var ticket = Ticket.Report(Tickets.Report(), Tickets.Policy, clock, Customer);
        ticket.ActAs(Engineer, static t => t.Acknowledge());
        ticket.StartRemoteDiagnosis();
        ticket.ActAs(Customer, t => t.ActAs(Engineer, static inner => inner.Dispatch("李工")));
        ticket.ActAs(Customer, static t => t.Cancel("重复报障"));

        var replayed = Ticket.FromEvents(ticket.Events, Tickets.Policy, clock);
        Assert.Equal(ticket.Events, replayed.Events);
        Assert.Equal([Customer, Engineer, null, Engineer, Customer], replayed.Events.Select(static e => e.Actor));
    }

    [Fact]
    public void ActAs_CommandRefused_AppendsNothingAndTheNextCommandHasNoActor()
    {
        var ticket = Ticket.Report(Tickets.Report(), Tickets.Policy, clock);
        Assert.Throws<InvalidTransitionException>(() => ticket.ActAs(Engineer, static t => t.Dispatch("李工")));
        ticket.Acknowledge();
        Assert.Equal([null, null], ticket.Events.Select(static e => e.Actor));
    }

    [Theory]
    [InlineData("", null, "subject")]
    [InlineData("  ", null, "subject")]
    [InlineData("a\nb", null, "subject")]
    [InlineData("u-1", "name\u0007", "displayName")]
    public void Actor_BlankOrControlCharacters_RejectedNamingTheField(string subject, string? name, string field)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new Actor(subject, name));
        Assert.Equal(field, ex.ParamName);
    }

    [Fact]
    public void Actor_ValueEqualityAndText()
    {
        Assert.Equal(new Actor("u-1", "Li"), new Actor("u-1", "Li"));
        Assert.NotEqual(new Actor("u-1", "Li"), new Actor("u-1"));
        Assert.Null(new Actor("u-1", " ").DisplayName);
        Assert.Equal("Li (u-1)", new Actor("u-1", "Li").ToString());
        Assert.Throws<ArgumentException>(() => new Actor(new string('x', Actor.MaxLength + 1)));
    }
}
