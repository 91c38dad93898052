using AfterSales.Sla;
using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Tests.WorkOrders;

public sealed class InMemoryTicketStoreTests
{
    private readonly FakeClock clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
    private readonly InMemoryTicketStore store;

    public InMemoryTicketStoreTests() => store = new InMemoryTicketStore(new InMemorySlaPolicyCatalog(SlaPresets.All), clock);

    [Fact]
    public async Task SaveAsyncThenLoadAsync_RoundTripsAnIdenticalTicket()
    {
        var t = Tickets.In(TicketState.OnSite, clock);
        await store.SaveAsync(t, 0);

        var loaded = await store.LoadAsync(Tickets.Tenant, t.Id);

        TicketAssert.Identical(t, loaded!);
    }

    [Fact]
    public async Task LoadAsync_UnknownIdOrOtherTenant_ReturnsNull()
    {
        var t = Tickets.New(clock);
        await store.SaveAsync(t, 0);

        Assert.Null(await store.LoadAsync(Tickets.Tenant, TicketId.From("nope")));
        Assert.Null(await store.LoadAsync("other-tenant", t.Id));
    }

    [Fact]
    public async Task SaveAsync_StaleExpectedVersion_ThrowsConflictWithBothVersions()
    {
        var t = Tickets.New(clock);
        await store.SaveAsync(t, 0);
        t.Acknowledge();
        await store.SaveAsync(t, 1);
        t.StartRemoteDiagnosis();

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(t, 1));

        Assert.Equal(t.Id, ex.TicketId);
        Assert.Equal(1, ex.ExpectedVersion);
        Assert.Equal(2, ex.ActualVersion);
        Assert.Equal(2, store.EventCount(Tickets.Tenant, t.Id));
    }

    [Fact]
    public async Task SaveAsync_NewTicketWhoseIdExists_ThrowsConflict()
    {
        await store.SaveAsync(Tickets.New(clock), 0);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(Tickets.New(clock), 0));
    }

    [Fact]
    public async Task SaveAsync_TwoWritersFromTheSameVersion_ExactlyOneWinsAndNoEventIsLostOrDuplicated()
    {
        for (var round = 0; round < 50; round++)
        {
            var id = $"WO-race-{round}";
            var created = Ticket.Report(Tickets.Report(id), Tickets.Policy, clock);
            await store.SaveAsync(created, 0);
            var a = (await store.LoadAsync(Tickets.Tenant, created.Id))!;
            var b = (await store.LoadAsync(Tickets.Tenant, created.Id))!;
            a.Acknowledge();
            b.Cancel("重复报障");

            using var start = new Barrier(2);
            var results = await Task.WhenAll(Write(a), Write(b));

            Assert.Single(results, static r => r is null);
            Assert.IsType<ConcurrencyConflictException>(Assert.Single(results, static r => r is not null));
            var stored = (await store.LoadAsync(Tickets.Tenant, created.Id))!;
            var winner = results[0] is null ? a : b;
            Assert.Equal(winner.Events, stored.Events);
            Assert.Equal(2, store.EventCount(Tickets.Tenant, created.Id));

            Task<Exception?> Write(Ticket t) => Task.Run(async () =>
            {
                start.SignalAndWait();
                try
                {
                    await store.SaveAsync(t, 1);
                    return (Exception?)null;
                }
                catch (ConcurrencyConflictException ex)
                {
                    return ex;
                }
            });
        }
    }

    [Fact]
    public async Task SaveAsync_CallerChangesAfterSaving_DoNotReachTheStore()
    {
        var t = Tickets.New(clock);
        await store.SaveAsync(t, 0);
        t.Acknowledge();

        Assert.Equal(1, store.EventCount(Tickets.Tenant, t.Id));
        Assert.Equal(1, (await store.LoadAsync(Tickets.Tenant, t.Id))!.Version);
    }

    [Fact]
    public async Task ListDueBeforeAsync_ReturnsTicketsWhoseNextDeadlineIsBeforeTheInstant_SoonestFirst()
    {
        var phone = Ticket.Report(Tickets.Report("WO-phone"), Tickets.Policy, clock);
        var email = Ticket.Report(Tickets.Report("WO-email", channel: ReportChannel.Email), Tickets.Policy, clock);
        await store.SaveAsync(email, 0);
        await store.SaveAsync(phone, 0);
        var now = clock.GetCurrentInstant();

        var soon = await store.ListDueBeforeAsync(Tickets.Tenant, now + Duration.FromMinutes(10));
        var later = await store.ListDueBeforeAsync(Tickets.Tenant, now + Duration.FromHours(7));

        Assert.Equal([phone.Id], soon.Select(static s => s.Id));
        Assert.Equal([phone.Id, email.Id], later.Select(static s => s.Id));
        Assert.Equal(now + Duration.FromMinutes(7.5), soon[0].NextDeadline);
        Assert.Empty(await store.ListDueBeforeAsync("other-tenant", now + Duration.FromDays(30)));
    }
}
