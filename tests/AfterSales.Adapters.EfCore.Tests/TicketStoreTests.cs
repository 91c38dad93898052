using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>The store against a real database, on both providers.</summary>
public sealed class TicketStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Property(Arbitrary = new[] { typeof(RandomTickets) }, MaxTest = 60)]
    public Task RandomTickets_SaveAndLoad_RoundTripEqual_Sqlite(RandomTickets.Script script) => RoundTrip(Provider.Sqlite, script);

    [PostgresProperty(Arbitrary = new[] { typeof(RandomTickets) }, MaxTest = 60)]
    public Task RandomTickets_SaveAndLoad_RoundTripEqual_PostgreSql(RandomTickets.Script script) => RoundTrip(Provider.PostgreSql, script);

    /// <summary>Some random tickets must be due within the round trip's horizon, or its due-work comparison proves nothing.</summary>
    [Fact]
    public async Task RandomTickets_SomeAreDueWithinTheHorizon()
    {
        var due = 0;
        foreach (var script in Enumerable.Range(1, 60).SelectMany(i => RandomTickets.ScriptGen.Sample(numberOfSamples: 1, size: i * 100 / 60)))
        {
            var clock = new FakeClock(RandomTickets.Start);
            var baseline = new InMemoryTicketStore(RandomTickets.Catalog, clock);
            var ticket = RandomTickets.Build(script, clock);
            await baseline.SaveAsync(ticket, 0);
            due += (await baseline.ListDueBeforeAsync(ticket.TenantId, clock.GetCurrentInstant() + Duration.FromDays(60))).Count;
        }

        Assert.True(due > 0, "no random ticket was due within the horizon");
    }

    [Property(Arbitrary = new[] { typeof(RandomTickets) }, MaxTest = 40)]
    public Task LoadAsync_KnownHistoryAndAnotherNodesWrites_LoadsAsAStoreWithoutCache_Sqlite(RandomTickets.Script script) => CachedLoads(Provider.Sqlite, script);

    [PostgresProperty(Arbitrary = new[] { typeof(RandomTickets) }, MaxTest = 40)]
    public Task LoadAsync_KnownHistoryAndAnotherNodesWrites_LoadsAsAStoreWithoutCache_PostgreSql(RandomTickets.Script script) => CachedLoads(Provider.PostgreSql, script);

    [Fact]
    public Task LoadAsync_HistoryRewrittenUnderneath_ReadsTheNewHistory_Sqlite() => Rewritten(Provider.Sqlite);

    [PostgresFact]
    public Task LoadAsync_HistoryRewrittenUnderneath_ReadsTheNewHistory_PostgreSql() => Rewritten(Provider.PostgreSql);

    [Fact]
    public Task SaveAsync_TwoWritersFromOneVersion_OneCommitsOtherConflicts_Sqlite() => TwoWriters(Provider.Sqlite);

    [PostgresFact]
    public Task SaveAsync_TwoWritersFromOneVersion_OneCommitsOtherConflicts_PostgreSql() => TwoWriters(Provider.PostgreSql);

    [Fact]
    public Task UseEntityFrameworkCore_TicketServiceRunsOnTheDatabase_Sqlite() => Registration(Provider.Sqlite);

    [PostgresFact]
    public Task UseEntityFrameworkCore_TicketServiceRunsOnTheDatabase_PostgreSql() => Registration(Provider.PostgreSql);

    private async Task RoundTrip(Provider provider, RandomTickets.Script script)
    {
        var db = await fixture.GetAsync(provider);
        var suffix = "-" + Guid.NewGuid().ToString("N")[..14];
        var clock = new FakeClock(RandomTickets.Start);
        var store = new EfCoreTicketStore<HostDbContext>(db.HostFactory(), RandomTickets.Catalog, clock);
        var baseline = new InMemoryTicketStore(RandomTickets.Catalog, clock);
        var ticket = RandomTickets.Build(script, clock, suffix);

        // Saved in two parts, as a service would: the report, then the rest.
        var events = ticket.Events.ToArray();
        var first = Ticket.FromEvents(events.Take(1), ticket.Policy, clock);
        await store.SaveAsync(first, 0);
        await store.SaveAsync(ticket, 1);
        await baseline.SaveAsync(ticket, 0);

        var loaded = await store.LoadAsync(ticket.TenantId, ticket.Id);
        Assert.NotNull(loaded);
        Assert.Equal(events, loaded.Events);
        Assert.Equal(ticket.Version, loaded.Version);
        Assert.Equal(ticket.State, loaded.State);
        Assert.Equal(ticket.SeverityCode, loaded.SeverityCode);
        Assert.Equal(ticket.Cycle, loaded.Cycle);
        Assert.Equal(ticket.PausedFrom, loaded.PausedFrom);
        Assert.Equal(ticket.CustomerSignOff, loaded.CustomerSignOff);
        Assert.Null(await store.LoadAsync(ticket.TenantId, TicketId.From("missing" + suffix)));

        // The due-work query answers as the in-memory reference store does.
        var horizon = clock.GetCurrentInstant() + Duration.FromDays(60);
        var expected = (await baseline.ListDueBeforeAsync(ticket.TenantId, horizon)).Select(Describe).ToList();
        var actual = (await store.ListDueBeforeAsync(ticket.TenantId, horizon)).Where(s => s.Id == ticket.Id).Select(Describe).ToList();
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// A node that knows a ticket's history from an earlier load reads only what was stored since; another
    /// node writes the rest, event by event: each load must be exactly what a store without the cache loads.
    /// </summary>
    private async Task CachedLoads(Provider provider, RandomTickets.Script script)
    {
        var db = await fixture.GetAsync(provider);
        var clock = new FakeClock(RandomTickets.Start);
        var cached = new EfCoreTicketStore<HostDbContext>(db.HostFactory(), RandomTickets.Catalog, clock);
        var other = new EfCoreTicketStore<HostDbContext>(db.HostFactory(), RandomTickets.Catalog, clock) { CachedEvents = 0 };
        var ticket = RandomTickets.Build(script, clock, "-" + Guid.NewGuid().ToString("N")[..14]);
        var events = ticket.Events.ToArray();

        for (var version = 1; version <= events.Length; version++)
        {
            await other.SaveAsync(Ticket.FromEvents(events.Take(version), ticket.Policy, clock), version - 1);
            var fresh = (await other.LoadAsync(ticket.TenantId, ticket.Id))!;
            var known = (await cached.LoadAsync(ticket.TenantId, ticket.Id))!;
            Assert.Equal(events.Take(version), known.Events);
            Assert.Equal((fresh.Version, fresh.State, fresh.SeverityCode, fresh.Cycle, fresh.PausedFrom, fresh.Engineer, fresh.Resolution), (known.Version, known.State, known.SeverityCode, known.Cycle, known.PausedFrom, known.Engineer, known.Resolution));
            Assert.Equal(fresh.Clocks(clock.GetCurrentInstant()).Select(static c => (c.Metric, c.Status, c.DueAt)), known.Clocks(clock.GetCurrentInstant()).Select(static c => (c.Metric, c.Status, c.DueAt)));
        }
    }

    /// <summary>A store that knew a history must not serve it once the rows underneath were replaced (a database recreated under the same ids).</summary>
    private async Task Rewritten(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var clock = new FakeClock(RandomTickets.Start);
        var store = new EfCoreTicketStore<HostDbContext>(db.HostFactory(), RandomTickets.Catalog, clock);
        var script = RandomTickets.ScriptGen.Sample(1, 1).Single() with { Steps = [] };
        var suffix = "-" + Guid.NewGuid().ToString("N")[..8];
        var first = RandomTickets.Build(script, clock, suffix);
        first.Acknowledge();
        await store.SaveAsync(first, 0);
        Assert.Equal(TicketState.Acknowledged, (await store.LoadAsync(first.TenantId, first.Id))!.State);

        await using (var context = db.NewHostContext())
        {
            await context.Set<Storage.TicketEventRow>().Where(e => e.TenantId == first.TenantId && e.TicketId == first.Id.Value).ExecuteDeleteAsync();
            await context.Set<Storage.TicketRow>().Where(r => r.TenantId == first.TenantId && r.Id == first.Id.Value).ExecuteDeleteAsync();
        }

        clock.Advance(Duration.FromMinutes(5));
        var second = RandomTickets.Build(script, clock, suffix);
        second.Cancel("重复报障");
        await store.SaveAsync(second, 0);

        var loaded = (await store.LoadAsync(second.TenantId, second.Id))!;
        Assert.Equal(second.Events, loaded.Events);
        Assert.Equal(TicketState.Cancelled, loaded.State);
    }

    private static string Describe(TicketSummary s) =>
        $"{s.TenantId}/{s.Id} v{s.Version} {s.State} {s.SeverityCode} {s.PolicyKey} {s.DeviceSerialNumber} {s.ReportedAt} {s.LastEventAt} {s.AsOf} {s.NextDeadline} {s.IsLegacyIssue}";

    private async Task TwoWriters(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var clock = new FakeClock(RandomTickets.Start);
        var store = new EfCoreTicketStore<HostDbContext>(db.HostFactory(), RandomTickets.Catalog, clock);
        var script = RandomTickets.ScriptGen.Sample(1, 1).Single() with { Steps = [] };
        var ticket = RandomTickets.Build(script, clock, "-" + Guid.NewGuid().ToString("N")[..8]);
        await store.SaveAsync(ticket, 0);

        // A second "new" ticket with the same id conflicts too.
        var duplicate = RandomTickets.Build(script with { }, clock, ticket.Id.Value[script.Id.Length..]);
        var dup = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(duplicate, 0));
        Assert.Equal(1, dup.ActualVersion);

        var a = (await store.LoadAsync(ticket.TenantId, ticket.Id))!;
        var b = (await store.LoadAsync(ticket.TenantId, ticket.Id))!;
        a.Acknowledge();
        b.Cancel("重复报障");
        await store.SaveAsync(a, 1);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(b, 1));
        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.ActualVersion);

        var stored = (await store.LoadAsync(ticket.TenantId, ticket.Id))!;
        Assert.Equal(a.Events, stored.Events);
        Assert.Equal(TicketState.Acknowledged, stored.State);
        await using var context = db.NewHostContext();
        var row = await context.Set<Storage.TicketRow>().SingleAsync(r => r.TenantId == ticket.TenantId && r.Id == ticket.Id.Value);
        Assert.Equal(2, row.Version);
        Assert.Equal(TicketState.Acknowledged, row.State);
    }

    private async Task Registration(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        foreach (var useFactory in new[] { true, false })
        {
            var services = new ServiceCollection();
            services.AddSingleton<IClock>(new FakeClock(RandomTickets.Start));
            if (useFactory)
            {
                services.AddDbContextFactory<HostDbContext>(o => Configure(o, db));
            }
            else
            {
                services.AddDbContext<HostDbContext>(o => Configure(o, db));
            }

            services.AddAfterSales(o =>
            {
                o.Policies.Add(SlaPresets.SystemIntegration002);
                o.DefaultPolicyId = SlaPresets.SystemIntegration002.Id;
            }).UseEntityFrameworkCore<HostDbContext>().UseEntityFrameworkCore<HostDbContext>();
            await using var sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
            Assert.IsType<EfCoreTicketStore<HostDbContext>>(sp.GetRequiredService<ITicketStore>());
            Assert.Single(services, d => d.ServiceType == typeof(ITicketStore));

            var service = sp.GetRequiredService<TicketService>();
            var script = RandomTickets.ScriptGen.Sample(1, 1).Single() with { Policy = 1, Steps = [] };
            // A tenant of its own: its report pins catalog calendars, which the random round trips' stores (no calendar catalog) cannot resolve when they list t1/t2.
            var report = RandomTickets.Build(script, new FakeClock(RandomTickets.Start), "-" + Guid.NewGuid().ToString("N")[..8]).ReportDetails with { TenantId = "reg-" + Guid.NewGuid().ToString("N")[..8] };
            var created = await service.ReportAsync(report);
            await service.AcknowledgeAsync(created.TenantId, created.Id);
            var loaded = await sp.GetRequiredService<ITicketStore>().LoadAsync(created.TenantId, created.Id);
            Assert.Equal(TicketState.Acknowledged, loaded!.State);
        }
    }

    private static void Configure(DbContextOptionsBuilder options, TestDatabase db)
    {
        if (db.Provider == Provider.Sqlite)
        {
            options.UseSqlite(db.ConnectionString);
        }
        else
        {
            options.UseNpgsql(db.ConnectionString);
        }
    }
}
