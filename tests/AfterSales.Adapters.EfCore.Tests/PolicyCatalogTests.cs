using AfterSales.Calendars;
using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.Sla;
using AfterSales.Testing;
using AfterSales.WorkOrders;
using NodaTime.Testing;

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
}
