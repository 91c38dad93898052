using AfterSales.Calendars;
using AfterSales.Documents.Calendars;
using AfterSales.EntityFrameworkCore.Tests.Support;
using NodaTime.Testing;
using AfterSales.WorkOrders;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>The calendar catalog against a real database, on both providers.</summary>
public sealed class CalendarCatalogTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly HolidayYear Year2027 = HolidayYear.Create(
        2027,
        [CalendarDay.Holiday(new LocalDate(2027, 1, 1), "元旦", "New Year's Day")],
        [CalendarDay.ExtraWorkingDay(new LocalDate(2027, 1, 9), "调休", null, WorkingHours.Between(new LocalTime(9, 0), new LocalTime(18, 0)))],
        "test data, not a State Council notice");

    [Fact]
    public Task SaveAndFind_RoundTripsTheDocument_AndVersionsPerTenant_Sqlite() => RoundTrip(Provider.Sqlite);

    [PostgresFact]
    public Task SaveAndFind_RoundTripsTheDocument_AndVersionsPerTenant_PostgreSql() => RoundTrip(Provider.PostgreSql);

    [Fact]
    public Task SaveAsync_TwoWritersOfTheSameNextVersion_OneConflicts_Sqlite() => TwoWriters(Provider.Sqlite);

    [PostgresFact]
    public Task SaveAsync_TwoWritersOfTheSameNextVersion_OneConflicts_PostgreSql() => TwoWriters(Provider.PostgreSql);

    [Fact]
    public Task AdoptionProgress_IsOwedBySavingAndResumable_Sqlite() => Progress(Provider.Sqlite);

    [PostgresFact]
    public Task AdoptionProgress_IsOwedBySavingAndResumable_PostgreSql() => Progress(Provider.PostgreSql);

    [Fact]
    public Task ListAsync_RemembersTheLatestVersionsForTheRefreshInterval_SeesItsOwnSavesAtOnce_Sqlite() => Remembering(Provider.Sqlite);

    [PostgresFact]
    public Task ListAsync_RemembersTheLatestVersionsForTheRefreshInterval_SeesItsOwnSavesAtOnce_PostgreSql() => Remembering(Provider.PostgreSql);

    private static EfCoreCalendarCatalog<HostDbContext> Catalog(TestDatabase db) =>
        new(db.HostFactory(), CalendarPresets.All, FakeClock.FromUtc(2026, 11, 30, 0, 0, 0));

    private async Task RoundTrip(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..8];
        var other = tenant + "-other";
        var changed = CalendarPresets.ChinaStatutory9To18.WithYear(Year2027);

        var saved = await Catalog(db).SaveAsync(tenant, changed, expectedVersion: 1);

        // A fresh catalog (no cache) reads what was stored.
        var fresh = Catalog(db);
        var found = await fresh.FindAsync(tenant, "cn-statutory-9-18");
        Assert.NotNull(found);
        Assert.Equal(2, saved.Version);
        Assert.Equal(CalendarDocuments.Write(saved), CalendarDocuments.Write(found));
        Assert.False(found.Calendar.IsWorkingDay(new LocalDate(2027, 1, 1)));
        Assert.True(found.Calendar.IsWorkingDay(new LocalDate(2027, 1, 9)));
        Assert.Same(CalendarPresets.ChinaStatutory9To18, await fresh.FindAsync(tenant, "cn-statutory-9-18", 1));
        Assert.Same(CalendarPresets.ChinaStatutory9To18, await fresh.FindAsync(other, "cn-statutory-9-18"));
        Assert.Equal(
            ["24x7-beijing@1", "cn-statutory-9-18@2", "mon-fri-9-18-beijing@1"],
            (await fresh.ListAsync(tenant)).Select(static d => d.Key));
    }

    private async Task TwoWriters(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..8];
        var first = Catalog(db);
        var second = Catalog(db);
        await first.SaveAsync(tenant, CalendarPresets.ChinaStatutory9To18.WithYear(Year2027), expectedVersion: 1);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            second.SaveAsync(tenant, CalendarPresets.ChinaStatutory9To18, expectedVersion: 1));

        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal(2, (await second.FindAsync(tenant, "cn-statutory-9-18"))!.Version);
    }

    /// <summary>Two nodes over one database: what a report reads, the tenant's latest calendars, comes from memory for a second.</summary>
    private async Task Remembering(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..8];
        var clock = FakeClock.FromUtc(2026, 11, 30, 0, 0, 0);
        var node1 = new EfCoreCalendarCatalog<HostDbContext>(db.HostFactory(), CalendarPresets.All, clock);
        var node2 = new EfCoreCalendarCatalog<HostDbContext>(db.HostFactory(), CalendarPresets.All, clock);
        var id = CalendarPresets.ChinaStatutory9To18.Id;
        int Listed(IReadOnlyList<CalendarDefinition> all) => Assert.Single(all, d => d.Id == id).Version;
        await node1.SaveAsync(tenant, CalendarPresets.ChinaStatutory9To18.WithYear(Year2027), expectedVersion: 1);
        Assert.Equal(2, Listed(await node1.ListAsync(tenant)));

        await node2.SaveAsync(tenant, CalendarPresets.ChinaStatutory9To18.WithYear(Year2027), expectedVersion: 2);
        clock.Advance(Duration.FromMilliseconds(999));
        Assert.Equal(2, Listed(await node1.ListAsync(tenant)));
        clock.Advance(Duration.FromMilliseconds(1));
        Assert.Equal(3, Listed(await node1.ListAsync(tenant)));

        Assert.Equal(3, (await node1.FindAsync(tenant, id))!.Version);
        await node1.SaveAsync(tenant, CalendarPresets.ChinaStatutory9To18.WithYear(Year2027), expectedVersion: 3);
        Assert.Equal(4, Listed(await node1.ListAsync(tenant)));
        Assert.Equal(4, (await node1.FindAsync(tenant, id))!.Version);
    }

    private async Task Progress(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..8];
        var catalog = Catalog(db);
        await catalog.SaveAsync(tenant, CalendarPresets.ChinaStatutory9To18.WithYear(Year2027), null);

        var pending = Assert.Single(await catalog.ListUnfinishedAsync(), p => p.TenantId == tenant);
        Assert.Null(pending.Cursor);
        await catalog.RecordAsync(pending.After("WO-0042", 7));
        var resumed = Assert.Single(await Catalog(db).ListUnfinishedAsync(), p => p.TenantId == tenant);
        Assert.Equal(("WO-0042", 7), (resumed.Cursor, resumed.Adopted));

        await catalog.RecordAsync(resumed with { CompletedAt = Instant.FromUtc(2026, 11, 30, 1, 0) });

        Assert.DoesNotContain(await catalog.ListUnfinishedAsync(), p => p.TenantId == tenant);
        Assert.NotNull((await catalog.FindProgressAsync(tenant, "cn-statutory-9-18", 2))!.CompletedAt);
    }
}
