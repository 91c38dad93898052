using System.Collections.Concurrent;
using AfterSales.EntityFrameworkCore.Outbox;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.Events;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>
/// The outbox is written in the change's transaction (a rolled-back save publishes none), and the feed,
/// read while writers commit in any order, never skips or repeats an event.
/// </summary>
public sealed class OutboxTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public Task Save_ConflictingWriters_OnlyTheWinnersEventsInTheOutbox_Sqlite() => OnlyWinner(Provider.Sqlite);

    [PostgresFact]
    public Task Save_ConflictingWriters_OnlyTheWinnersEventsInTheOutbox_PostgreSql() => OnlyWinner(Provider.PostgreSql);

    [PostgresFact]
    public async Task Feed_ALaterSequenceCommitsFirst_HiddenUntilTheEarlierCommits_ThenBothInOrder_PostgreSql()
    {
        var db = await fixture.GetAsync(Provider.PostgreSql);
        var feed = new EfCoreEventFeed<HostDbContext>(db.HostFactory());
        var tenant = "late-" + Guid.NewGuid().ToString("N")[..8];
        var formatter = new IdFormatter();

        // A takes the lower sequence (and transaction id) but commits after B.
        await using var a = db.NewHostContext();
        await using var txA = await a.Database.BeginTransactionAsync();
        await OutboxWriter.WriteAsync(a, txA, [Event(tenant, "a")], formatter, default);
        await using (var b = db.NewHostContext())
        {
            await using var txB = await b.Database.BeginTransactionAsync();
            await OutboxWriter.WriteAsync(b, txB, [Event(tenant, "b")], formatter, default);
            await txB.CommitAsync();
        }

        // B is committed, and a reader ordering by sequence alone would hand it out now and later skip A.
        await using (var naive = db.NewHostContext())
        {
            var committed = await naive.Set<OutboxRow>().Where(o => o.TenantId == tenant).Select(static o => o.Id).ToListAsync();
            Assert.Equal(["b"], committed);
        }

        Assert.Empty(await feed.ReadAsync(tenant, EventPosition.Start, 10));
        await txA.CommitAsync();

        // Any transaction still open on the server (another test's, another database's) holds the feed back
        // a little longer; never out of order: nothing yet, A alone, or both with A first.
        IReadOnlyList<OutboxMessage> both = [];
        for (var until = DateTime.UtcNow.AddSeconds(60); both.Count < 2 && DateTime.UtcNow < until; await Task.Delay(20))
        {
            both = await feed.ReadAsync(tenant, EventPosition.Start, 10);
            Assert.True(both.Count == 0 || both[0].Id == "a", "the feed handed out B before A");
        }

        Assert.Equal(["a", "b"], both.Select(static m => m.Id));
        Assert.True(both[0].Position < both[1].Position);
        Assert.Empty(await feed.ReadAsync(tenant, both[1].Position, 10));
    }

    [Fact]
    public Task Feed_ReadWhileEightWritersCommit_EveryEventOnceInPositionOrder_Sqlite() => ReadWhileWriting(Provider.Sqlite);

    [PostgresFact]
    public Task Feed_ReadWhileEightWritersCommit_EveryEventOnceInPositionOrder_PostgreSql() => ReadWhileWriting(Provider.PostgreSql);

    private async Task OnlyWinner(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var clock = new FakeClock(RandomTickets.Start);
        var store = new EfCoreTicketStore<HostDbContext>(db.HostFactory(), RandomTickets.Catalog, clock, new IdFormatter());
        var id = "OW-" + Guid.NewGuid().ToString("N")[..8];
        var ticket = Ticket.Report(Report("acme", id), SlaPresets.SystemIntegration002, clock);
        await store.SaveAsync(ticket, 0);
        var one = (await store.LoadAsync("acme", TicketId.From(id)))!;
        var two = (await store.LoadAsync("acme", TicketId.From(id)))!;
        one.Acknowledge();
        two.Cancel("duplicate");
        await store.SaveAsync(one, 1);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(two, 1));

        await using var context = db.NewHostContext();
        var types = await context.Set<OutboxRow>().Where(o => o.Subject == "tickets/" + id).OrderBy(static o => o.Sequence).Select(static o => o.Type).ToListAsync();
        Assert.Equal(["aftersales.ticket.reported", "aftersales.ticket.acknowledged"], types);
    }

    private async Task ReadWhileWriting(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var clock = new FakeClock(RandomTickets.Start);
        var store = new EfCoreTicketStore<HostDbContext>(db.HostFactory(), RandomTickets.Catalog, clock, new IdFormatter());
        var feed = new EfCoreEventFeed<HostDbContext>(db.HostFactory());
        var tenant = "feed-" + Guid.NewGuid().ToString("N")[..8];
        const int Expected = 8 * 25 * 2;
        var read = new List<OutboxMessage>();

        // Reads small pages from the first write on, until it has every event or 60 s pass. (On PostgreSQL an
        // event is hidden while any older transaction on the server is open, other tests' included.)
        var reader = Task.Run(async () =>
        {
            var after = EventPosition.Start;
            var until = DateTime.UtcNow.AddSeconds(60);
            while (read.Count < Expected && DateTime.UtcNow < until)
            {
                var page = await feed.ReadAsync(tenant, after, 7);
                read.AddRange(page);
                if (page.Count > 0)
                {
                    after = page[^1].Position;
                }
            }
        });

        var written = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                var ticket = Ticket.Report(Report(tenant, $"F-{w}-{i}"), SlaPresets.SystemIntegration002, clock);
                ticket.Acknowledge();
                await store.SaveAsync(ticket, 0);
                written.Add($"F-{w}-{i}");
            }
        })));
        await reader;

        Assert.Equal(Expected, read.Count);
        Assert.Equal(read.Count, read.Select(static m => m.Id).Distinct().Count());
        Assert.True(read.Zip(read.Skip(1)).All(static p => p.First.Position < p.Second.Position), "positions are not increasing");
        await using var context = db.NewHostContext();
        var stored = await context.Set<OutboxRow>().Where(o => o.TenantId == tenant).Select(static o => o.Id).ToListAsync();
        Assert.Equal(stored.Order(StringComparer.Ordinal), read.Select(static m => m.Id).Order(StringComparer.Ordinal));
    }

    private static DomainEvent Event(string tenant, string id) =>
        new(id, "aftersales.test.happened", tenant, "tests/" + id, RandomTickets.Start, new Payload());

    private static TicketReport Report(string tenant, string id) => new()
    {
        Id = TicketId.From(id),
        TenantId = tenant,
        Reporter = new TicketReporter { Name = "n", Organization = "o", Contact = "c" },
        Channel = ReportChannel.Phone,
        Site = new TicketSite { Location = ServiceSite.Local, Name = "s", Address = "a" },
        DeviceSerialNumber = "SN",
        Symptom = "down",
        SeverityCode = "A",
    };

    /// <summary>Stands in for the HTTP adapter's CloudEvents formatter.</summary>
    private sealed class IdFormatter : IEventFormatter
    {
        public string Format(DomainEvent domainEvent) => $"{{\"id\":\"{domainEvent.Id}\",\"type\":\"{domainEvent.Type}\"}}";
    }

    private sealed class Payload : DomainEventData;
}
