using AfterSales.Calendars;
using NodaTime.Testing;
using AfterSales.WorkOrders;

namespace AfterSales.Tests.Calendars;

/// <summary>A shared default set every tenant sees; a tenant's change is its own next version.</summary>
public class InMemoryCalendarCatalogTests
{
    private static readonly HolidayYear Year2027 = HolidayYear.Create(2027, [CalendarDay.Holiday(new LocalDate(2027, 1, 1), "元旦")], [], "test data");

    [Fact]
    public async Task SaveAsync_ATenantsChange_IsItsNextVersionAndOtherTenantsKeepTheShared()
    {
        var catalog = new InMemoryCalendarCatalog(CalendarPresets.All, FakeClock.FromUtc(2026, 11, 30, 0, 0, 0));
        var changed = CalendarPresets.ChinaStatutory9To18.WithYear(Year2027);

        var saved = await catalog.SaveAsync("t1", changed, expectedVersion: 1);

        Assert.Equal(2, saved.Version);
        Assert.Equal(2, (await catalog.FindAsync("t1", "cn-statutory-9-18"))!.Version);
        Assert.Equal(1, (await catalog.FindAsync("t2", "cn-statutory-9-18"))!.Version);
        Assert.Same(CalendarPresets.ChinaStatutory9To18, await catalog.FindAsync("t1", "cn-statutory-9-18", 1));
        Assert.Null(await catalog.FindAsync("t2", "cn-statutory-9-18", 2));
        Assert.Equal(3, (await catalog.ListAsync("t1")).Count);
        Assert.Contains(await catalog.ListAsync("t1"), d => d.Key == "cn-statutory-9-18@2");
    }

    [Fact]
    public async Task SaveAsync_StaleExpectedVersion_Conflicts()
    {
        var catalog = new InMemoryCalendarCatalog(CalendarPresets.All, FakeClock.FromUtc(2026, 11, 30, 0, 0, 0));
        await catalog.SaveAsync("t1", CalendarPresets.ChinaStatutory9To18.WithYear(Year2027), expectedVersion: 1);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => catalog.SaveAsync("t1", CalendarPresets.ChinaStatutory9To18, expectedVersion: 1));

        Assert.Equal(2, conflict.ActualVersion);
    }

    [Fact]
    public async Task SaveAsync_RecordsAnUnfinishedAdoption_ThatProgressCompletes()
    {
        var clock = FakeClock.FromUtc(2026, 11, 30, 0, 0, 0);
        var catalog = new InMemoryCalendarCatalog(CalendarPresets.All, clock);
        await catalog.SaveAsync("t1", CalendarPresets.ChinaStatutory9To18.WithYear(Year2027), null);

        var pending = Assert.Single(await catalog.ListUnfinishedAsync());
        Assert.Equal("cn-statutory-9-18@2", pending.Key);
        await catalog.RecordAsync(pending.After("T-9", 3) with { CompletedAt = clock.GetCurrentInstant() });

        Assert.Empty(await catalog.ListUnfinishedAsync());
        Assert.Equal(3, (await catalog.FindProgressAsync("t1", "cn-statutory-9-18", 2))!.Adopted);
    }
}
