using AfterSales.Calendars;
using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.Sla;
using AfterSales.Testing;
using AfterSales.WorkOrders;
using NodaTime.Testing;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>The SLA policy catalog against a real database, on both providers.</summary>
public sealed class PolicyCatalogTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly HolidayYear Year2027 = HolidayYear.Create(2027, [CalendarDay.Holiday(new LocalDate(2027, 1, 1), "元旦", "New Year's Day")], [], "test data");

    [Fact]
    public Task SaveAndFind_RoundTripsThePolicy_PerTenant_BoundToItsCalendarVersions_Sqlite() => RoundTrip(Provider.Sqlite);

    [PostgresFact]
    public Task SaveAndFind_RoundTripsThePolicy_PerTenant_BoundToItsCalendarVersions_PostgreSql() => RoundTrip(Provider.PostgreSql);

    [Fact]
    public Task SaveAsync_TwoWritersOfTheSameNextVersion_OneConflicts_Sqlite() => TwoWriters(Provider.Sqlite);

    [PostgresFact]
    public Task SaveAsync_TwoWritersOfTheSameNextVersion_OneConflicts_PostgreSql() => TwoWriters(Provider.PostgreSql);

    [Fact]
    public Task FindAsync_RemembersTheLatestVersionForTheRefreshInterval_SeesItsOwnSavesAtOnce_Sqlite() => Remembering(Provider.Sqlite);

    [PostgresFact]
    public Task FindAsync_RemembersTheLatestVersionForTheRefreshInterval_SeesItsOwnSavesAtOnce_PostgreSql() => Remembering(Provider.PostgreSql);

    [Fact]
    public async Task FindAsync_WithRefreshIntervalZero_SeesAnotherNodesSaveAtOnce()
    {
        var db = await fixture.GetAsync(Provider.Sqlite);
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..8];
        var clock = FakeClock.FromUtc(2026, 11, 30, 0, 0, 0);
        var calendars = new EfCoreCalendarCatalog<HostDbContext>(db.HostFactory(), CalendarPresets.All, clock);
        var node1 = new EfCoreSlaPolicyCatalog<HostDbContext>(db.HostFactory(), SlaPresets.All, calendars, clock) { RefreshInterval = Duration.Zero };
        var node2 = new EfCoreSlaPolicyCatalog<HostDbContext>(db.HostFactory(), SlaPresets.All, calendars, clock);
        Assert.Equal(1, (await node1.FindAsync(tenant, SlaPresets.SystemIntegration002On5x8.Id))!.Version);

        await node2.SaveAsync(tenant, SlaPresets.SystemIntegration002On5x8, expectedVersion: 1);

        Assert.Equal(2, (await node1.FindAsync(tenant, SlaPresets.SystemIntegration002On5x8.Id))!.Version);
    }

    [Fact]
    public void RefreshInterval_Negative_IsRefusedNamingIt()
    {
        var clock = FakeClock.FromUtc(2026, 11, 30, 0, 0, 0);
        var calendars = new InMemoryCalendarCatalog(CalendarPresets.All, clock);
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new EfCoreSlaPolicyCatalog<HostDbContext>(new CountingFactory(null!), SlaPresets.All, calendars, clock) { RefreshInterval = Duration.FromSeconds(-1) });
        Assert.Equal("RefreshInterval", refused.ParamName);
    }

    private static (EfCoreSlaPolicyCatalog<HostDbContext> Policies, EfCoreCalendarCatalog<HostDbContext> Calendars) Catalogs(TestDatabase db)
    {
        var clock = FakeClock.FromUtc(2026, 11, 30, 0, 0, 0);
        var calendars = new EfCoreCalendarCatalog<HostDbContext>(db.HostFactory(), CalendarPresets.All, clock);
        return (new EfCoreSlaPolicyCatalog<HostDbContext>(db.HostFactory(), SlaPresets.All, calendars, clock), calendars);
    }

    private async Task RoundTrip(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..8];
        var preset = SlaPresets.SystemIntegration002On5x8;

        var saved = await Catalogs(db).Policies.SaveAsync(tenant, preset, expectedVersion: 1);

        // A calendar version saved afterwards does not change what the stored policy counts on.
        var (fresh, calendars) = Catalogs(db);
        await calendars.SaveAsync(tenant, CalendarPresets.ChinaStatutory9To18.WithYear(Year2027), null);
        var found = await fresh.FindAsync(tenant, preset.Id);
        Assert.NotNull(found);
        Assert.Equal(2, saved.Version);
        Assert.Equal(PolicyFingerprint.Of(preset.WithVersion(2)), PolicyFingerprint.Of(found));
        Assert.Same(found, await fresh.FindAsync(tenant, preset.Id, 2));
        Assert.Same(preset, await fresh.FindAsync(tenant, preset.Id, 1));
        Assert.Same(preset, await fresh.FindAsync(tenant + "-other", preset.Id));
        Assert.Equal(2, Assert.Single(await fresh.ListAsync(tenant), p => p.Id == preset.Id).Version);
        Assert.Same(preset, fresh.Latest(preset.Id));
    }

    /// <summary>Two nodes over one database: a node answers the latest version from memory for a second, but never misses its own save.</summary>
    private async Task Remembering(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..8];
        var clock = FakeClock.FromUtc(2026, 11, 30, 0, 0, 0);
        var calendars = new EfCoreCalendarCatalog<HostDbContext>(db.HostFactory(), CalendarPresets.All, clock);
        var rentals = new CountingFactory(db.HostFactory());
        var node1 = new EfCoreSlaPolicyCatalog<HostDbContext>(rentals, SlaPresets.All, calendars, clock);
        var node2 = new EfCoreSlaPolicyCatalog<HostDbContext>(db.HostFactory(), SlaPresets.All, calendars, clock);
        var id = SlaPresets.SystemIntegration002On5x8.Id;
        await node1.SaveAsync(tenant, SlaPresets.SystemIntegration002On5x8, expectedVersion: 1);
        Assert.Equal(2, (await node1.FindAsync(tenant, id))!.Version);

        // Within the interval node 1 asks the database nothing, and answers what it read.
        var before = rentals.Count;
        await node2.SaveAsync(tenant, SlaPresets.SystemIntegration002On5x8, expectedVersion: 2);
        clock.Advance(Duration.FromMilliseconds(999));
        Assert.Equal(2, (await node1.FindAsync(tenant, id))!.Version);
        Assert.Equal(before, rentals.Count);

        // After it, node 1 asks again and sees node 2's save.
        clock.Advance(Duration.FromMilliseconds(1));
        Assert.Equal(3, (await node1.FindAsync(tenant, id))!.Version);
        Assert.True(rentals.Count > before);

        // Its own save it sees at once, in both the lookup and the list.
        Assert.Equal(3, Assert.Single(await node1.ListAsync(tenant), p => p.Id == id).Version);
        await node1.SaveAsync(tenant, SlaPresets.SystemIntegration002On5x8, expectedVersion: 3);
        Assert.Equal(4, (await node1.FindAsync(tenant, id))!.Version);
        Assert.Equal(4, Assert.Single(await node1.ListAsync(tenant), p => p.Id == id).Version);
    }

    private async Task TwoWriters(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..8];
        var first = Catalogs(db).Policies;
        var second = Catalogs(db).Policies;
        await first.SaveAsync(tenant, SlaPresets.Cctv004, expectedVersion: 2);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveAsync(tenant, SlaPresets.Cctv004, expectedVersion: 2));

        Assert.Equal(3, conflict.ActualVersion);
        Assert.Equal(3, (await second.FindAsync(tenant, "cn-004-cctv"))!.Version);
    }

    /// <summary>The test database's factory, counting the contexts the catalog rents: each is a trip to the database.</summary>
    private sealed class CountingFactory(IDbContextFactory<HostDbContext> inner) : IDbContextFactory<HostDbContext>
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public HostDbContext CreateDbContext()
        {
            Interlocked.Increment(ref count);
            return inner.CreateDbContext();
        }
    }
}
