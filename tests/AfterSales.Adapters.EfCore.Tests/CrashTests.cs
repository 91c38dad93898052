using System.Diagnostics;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>A writer process killed mid-write loses no committed event and leaves no partial ticket.</summary>
public sealed class CrashTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public Task KilledWriter_AfterwardsEveryCommittedEventLoadsAndNoPartialTicket_Sqlite() => Run(Provider.Sqlite);

    [PostgresFact]
    public Task KilledWriter_AfterwardsEveryCommittedEventLoadsAndNoPartialTicket_PostgreSql() => Run(Provider.PostgreSql);

    private async Task Run(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var run = "crash-" + Guid.NewGuid().ToString("N")[..8];
        var harness = Path.Combine(AppContext.BaseDirectory, "AfterSales.Adapters.EfCore.CrashHarness.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(harness);
        start.ArgumentList.Add(provider == Provider.Sqlite ? "sqlite" : "postgresql");
        start.ArgumentList.Add(db.ConnectionString);
        start.ArgumentList.Add(run);

        var committed = new List<(string Id, int Version)>();
        var enough = new TaskCompletionSource();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Split(' ') is ["ok", var id, var version])
            {
                lock (committed)
                {
                    committed.Add((id, int.Parse(version, System.Globalization.CultureInfo.InvariantCulture)));
                    if (committed.Count >= 60)
                    {
                        enough.TrySetResult();
                    }
                }
            }
        };
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => errors.AppendLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var finished = await Task.WhenAny(enough.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        Assert.True(finished == enough.Task, $"the harness did not write 60 saves in time; stderr: {errors}");

        // Mid-write: it is writing in a tight loop, so the kill lands during some save.
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        (string Id, int Version)[] acknowledged;
        lock (committed)
        {
            acknowledged = [.. committed];
        }

        await using var context = db.NewQuickStartContext();
        var rows = await context.Set<TicketRow>().AsNoTracking().Where(r => r.TenantId == "crash" && r.Id.StartsWith(run)).ToListAsync();
        var events = await context.Set<TicketEventRow>().AsNoTracking().Where(e => e.TenantId == "crash" && e.TicketId.StartsWith(run)).ToListAsync();
        Assert.NotEmpty(rows);

        // No partial ticket: every row has exactly its versions' events, gapless, and no event lacks its row.
        var byTicket = events.GroupBy(static e => e.TicketId).ToDictionary(static g => g.Key, static g => g.Select(static e => e.Version).Order().ToList());
        Assert.Equal(rows.Select(static r => r.Id).Order(), byTicket.Keys.Order());
        foreach (var row in rows)
        {
            Assert.Equal(Enumerable.Range(1, row.Version), byTicket[row.Id]);
        }

        // Every acknowledged save is there and loads.
        var store = new EfCoreTicketStore<AfterSalesDbContext>(
            new QuickStartFactory(db), RandomTickets.Catalog, new FakeClock(RandomTickets.Start));
        foreach (var group in acknowledged.GroupBy(static a => a.Id))
        {
            var ticket = await store.LoadAsync("crash", TicketId.From(group.Key));
            Assert.NotNull(ticket);
            Assert.True(ticket.Version >= group.Max(static a => a.Version), $"{group.Key}: stored v{ticket.Version}, acknowledged v{group.Max(static a => a.Version)}");
        }

        foreach (var row in rows)
        {
            Assert.NotNull(await store.LoadAsync("crash", TicketId.From(row.Id)));
        }
    }

    private sealed class QuickStartFactory(TestDatabase db) : IDbContextFactory<AfterSalesDbContext>
    {
        public AfterSalesDbContext CreateDbContext() => db.NewQuickStartContext();
    }
}
