using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using FsCheck.Fluent;
using NodaTime.Testing;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>Issue 17 §3–§4 events (customer messages, answers, typed pauses, negotiated due dates) stored as JSON payloads and loaded back, on both providers.</summary>
public sealed class ConversationStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public Task SaveAndLoad_ConversationPausesAndAgreements_RoundTripExactly_Sqlite() => RoundTrip(Provider.Sqlite);

    [PostgresFact]
    public Task SaveAndLoad_ConversationPausesAndAgreements_RoundTripExactly_PostgreSql() => RoundTrip(Provider.PostgreSql);

    private async Task RoundTrip(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var clock = new FakeClock(RandomTickets.Start);
        var store = new EfCoreTicketStore<HostDbContext>(db.HostFactory(), RandomTickets.Catalog, clock);
        var script = RandomTickets.ScriptGen.Sample(1, 1).Single() with { Steps = [], Policy = 0 };
        var ticket = RandomTickets.Build(script, clock, "-" + Guid.NewGuid().ToString("N")[..8]);
        await store.SaveAsync(ticket, 0);

        clock.AdvanceMinutes(5);
        ticket.ReceiveCustomerMessage("何时到场?");
        clock.AdvanceMinutes(5);
        ticket.AnswerCustomer();
        ticket.Pause(PauseReason.ManufacturerParts, "主板返厂");
        clock.AdvanceMinutes(60);
        ticket.Resume();
        var metric = ticket.Policy.Metrics.First(m => !m.IsRecurring && ticket.Clocks(clock.GetCurrentInstant()).Any(c => c.Metric.Equals(m) && c.IsOpen && c.StartedAt is not null));
        var agreed = clock.GetCurrentInstant() + Duration.FromDays(40) + Duration.FromNanoseconds(123_000);
        ticket.NegotiateDueDate(metric, agreed, "客户同意延期", "张经理");
        await store.SaveAsync(ticket, 1);

        var loaded = await store.LoadAsync(ticket.TenantId, ticket.Id);

        Assert.NotNull(loaded);
        Assert.Equal(ticket.Events, loaded.Events);
        Assert.Equal("manufacturer-parts", loaded.Events[3].PauseReasonCode);
        Assert.Equal(agreed, loaded.Events[^1].Negotiation!.DueAt);
        Assert.Equal(
            ticket.Clocks(clock.GetCurrentInstant()).Select(static c => c.ToString()),
            loaded.Clocks(clock.GetCurrentInstant()).Select(static c => c.ToString()));
    }
}
