using System.Collections.Concurrent;
using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.WorkOrders;
using FsCheck.Fluent;
using NodaTime.Testing;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>32 writers firing commands at the same 10 tickets, retrying on conflict by reloading.</summary>
public sealed class ConcurrentWriterTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const int Writers = 32;
    private const int Tickets = 10;
    private const int CommandsPerWriter = 10;

    [Fact]
    public Task SaveAsync_32WritersOn10Tickets_EveryAcknowledgedEventStoredOnceGaplessNoLostUpdate_Sqlite() => Run(Provider.Sqlite);

    [PostgresFact]
    public Task SaveAsync_32WritersOn10Tickets_EveryAcknowledgedEventStoredOnceGaplessNoLostUpdate_PostgreSql() => Run(Provider.PostgreSql);

    private async Task Run(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var clock = new FakeClock(RandomTickets.Start);
        var store = new EfCoreTicketStore<HostDbContext>(db.HostFactory(), RandomTickets.Catalog, clock);
        var run = Guid.NewGuid().ToString("N")[..8];
        var ids = new List<(string Tenant, TicketId Id)>();
        foreach (var script in RandomTickets.ScriptGen.Sample(numberOfSamples: Tickets, size: 1))
        {
            var ticket = RandomTickets.Build(script with { Steps = [] }, clock, $"-{run}-{ids.Count}");
            await store.SaveAsync(ticket, 0);
            ids.Add((ticket.TenantId, ticket.Id));
        }

        var acknowledged = new ConcurrentBag<(TicketId Id, TicketEvent Event)>();
        var conflicts = 0;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            var done = 0;
            var attempts = 0;
            while (done < CommandsPerWriter && attempts++ < 1000)
            {
                var (tenant, id) = ids[random.Next(ids.Count)];
                var ticket = (await store.LoadAsync(tenant, id))!;
                var expected = ticket.Version;
                var step = new RandomTickets.Step(random.Next(1000), 0, random.Next(8), random.Next(1, 6), random.Next(10));
                if (!RandomTickets.Fire(ticket, step, includeFinishing: false))
                {
                    continue;
                }

                try
                {
                    await store.SaveAsync(ticket, expected);
                    acknowledged.Add((id, ticket.Events[^1]));
                    done++;
                }
                catch (ConcurrencyConflictException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        })));

        Assert.Equal(Writers * CommandsPerWriter, acknowledged.Count);
        foreach (var (tenant, id) in ids)
        {
            var stored = (await store.LoadAsync(tenant, id))!;
            var acks = acknowledged.Where(a => a.Id == id).Select(static a => a.Event).OrderBy(static e => e.Version).ToList();

            // Gapless versions; one stored event per acknowledged command, each exactly as acknowledged.
            Assert.Equal(Enumerable.Range(1, stored.Version), stored.Events.Select(static e => e.Version));
            Assert.Equal(stored.Version - 1, acks.Count);
            Assert.Equal(acks, stored.Events.Skip(1));
        }

        Assert.True(conflicts > 0, "32 writers on 10 tickets should have collided at least once");
    }
}
