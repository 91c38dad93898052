using System.Collections.Concurrent;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.WorkOrders;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>Due-work claiming: several claimers never get the same ticket.</summary>
public sealed class ClaimTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const int DueTickets = 10_000;

    [Fact]
    public Task ClaimDueAsync_4ClaimersOver10000DueTickets_EachClaimedExactlyOnce_Sqlite() => FourClaimers(Provider.Sqlite);

    [PostgresFact]
    public Task ClaimDueAsync_4ClaimersOver10000DueTickets_EachClaimedExactlyOnce_PostgreSql() => FourClaimers(Provider.PostgreSql);

    [Fact]
    public Task ClaimDueAsync_LeaseAndCompletion_ExcludeUntilExpiryAndAdvanceTheDeadline_Sqlite() => Lease(Provider.Sqlite);

    [PostgresFact]
    public Task ClaimDueAsync_LeaseAndCompletion_ExcludeUntilExpiryAndAdvanceTheDeadline_PostgreSql() => Lease(Provider.PostgreSql);

    private async Task FourClaimers(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.NewHostContext())
        {
            // A bulk insert of due rows (deadlines 1..10 000 ns after the epoch); claims need no events.
            var table = provider == Provider.PostgreSql ? $"\"{HostDbContext.Schema}\".\"{HostDbContext.Prefix}tickets\"" : $"\"{HostDbContext.Prefix}tickets\"";
            var source = provider == Provider.PostgreSql
                ? $"SELECT 'claims', 'C-' || g, 'Reported', 'B', 'p@1', 'SN', 0, 0, 0, g, false, 1 FROM generate_series(1, {DueTickets}) g"
                : $"SELECT 'claims', 'C-' || g, 'Reported', 'B', 'p@1', 'SN', 0, 0, 0, g, 0, 1 FROM s";
            var prefix = provider == Provider.PostgreSql ? string.Empty : $"WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < {DueTickets}) ";
            var sql = prefix + $"INSERT INTO {table} (tenant_id, id, state, severity_code, policy_key, device_serial_number, reported_at, last_event_at, as_of, next_deadline, is_legacy_issue, version) " + source;
            Assert.Equal(DueTickets, await context.Database.ExecuteSqlRawAsync(sql));
        }

        var store = new EfCoreTicketStore<HostDbContext>(db.HostFactory(), RandomTickets.Catalog, new FakeClock(RandomTickets.Start));
        var now = RandomTickets.Start;
        var claimed = new ConcurrentBag<(string Claimant, string Key)>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(n => Task.Run(async () =>
        {
            while (true)
            {
                var batch = await store.ClaimDueAsync(now, 100, $"node-{n}", Duration.FromMinutes(10));
                if (batch.Count == 0)
                {
                    return;
                }

                foreach (var c in batch)
                {
                    claimed.Add((c.Claimant, c.Id.Value));
                }
            }
        })));

        Assert.Equal(DueTickets, claimed.Count);
        Assert.Equal(DueTickets, claimed.Select(static c => c.Key).Distinct().Count());
        await using var check = db.NewHostContext();
        Assert.Equal(0, await check.Set<TicketRow>().CountAsync(static r => r.ClaimedBy == null));
    }

    private async Task Lease(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var clock = new FakeClock(RandomTickets.Start);
        var store = new EfCoreTicketStore<HostDbContext>(db.HostFactory(), RandomTickets.Catalog, clock);
        var script = new RandomTickets.Script(1, "t1", "WO-lease", AfterSales.Sla.ReportChannel.Phone, AfterSales.Sla.SiteLocality.Local, 0, 0, null, []);
        var ticket = RandomTickets.Build(script, clock, "-" + Guid.NewGuid().ToString("N")[..8]);
        await store.SaveAsync(ticket, 0);
        var deadline = TicketSummary.Of(ticket, clock.GetCurrentInstant()).NextDeadline!.Value;

        Assert.Empty(await store.ClaimDueAsync(deadline - Duration.FromNanoseconds(1), 10, "a", Duration.FromMinutes(5)));
        var first = Assert.Single(await store.ClaimDueAsync(deadline, 10, "a", Duration.FromMinutes(5)));
        Assert.Equal(ticket.Id, first.Id);
        Assert.Equal(deadline, first.NextDeadline);
        Assert.Empty(await store.ClaimDueAsync(deadline + Duration.FromMinutes(4), 10, "b", Duration.FromMinutes(5)));

        // The lease ran out: b takes it over, and a can no longer complete it.
        var second = Assert.Single(await store.ClaimDueAsync(deadline + Duration.FromMinutes(5), 10, "b", Duration.FromMinutes(5)));
        Assert.False(await store.CompleteClaimAsync(first));

        clock.Advance(deadline - clock.GetCurrentInstant() + Duration.FromMinutes(6));
        Assert.True(await store.CompleteClaimAsync(second));
        await using var context = db.NewHostContext();
        var row = await context.Set<TicketRow>().SingleAsync(r => r.Id == ticket.Id.Value);
        Assert.Null(row.ClaimedBy);
        Assert.True(row.NextDeadline is null || row.NextDeadline > clock.GetCurrentInstant(), $"next deadline {row.NextDeadline} moved past now");
    }
}
