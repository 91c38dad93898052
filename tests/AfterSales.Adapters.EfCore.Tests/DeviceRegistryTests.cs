using AfterSales.Entitlements.Warranty;
using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.WorkOrders;
using FsCheck.Xunit;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>The device registry against a real database, on both providers.</summary>
public sealed class DeviceRegistryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Property(Arbitrary = new[] { typeof(RandomAggregates) }, MaxTest = 60)]
    public Task RandomDeviceRecords_SaveAndGet_RoundTripEqual_Sqlite(RandomAggregates.DeviceScript script) => RoundTrip(Provider.Sqlite, script);

    [PostgresProperty(Arbitrary = new[] { typeof(RandomAggregates) }, MaxTest = 60)]
    public Task RandomDeviceRecords_SaveAndGet_RoundTripEqual_PostgreSql(RandomAggregates.DeviceScript script) => RoundTrip(Provider.PostgreSql, script);

    [Fact]
    public Task SaveAsync_TwoWritersFromOneVersion_OneCommitsOtherConflicts_Sqlite() => TwoWriters(Provider.Sqlite);

    [PostgresFact]
    public Task SaveAsync_TwoWritersFromOneVersion_OneCommitsOtherConflicts_PostgreSql() => TwoWriters(Provider.PostgreSql);

    [Fact]
    public Task ListExpiringWithinAsync_AnswersAsThePolicyDoes_Sqlite() => Expiring(Provider.Sqlite);

    [PostgresFact]
    public Task ListExpiringWithinAsync_AnswersAsThePolicyDoes_PostgreSql() => Expiring(Provider.PostgreSql);

    private async Task RoundTrip(Provider provider, RandomAggregates.DeviceScript script)
    {
        var db = await fixture.GetAsync(provider);
        var registry = new EfCoreDeviceRegistry<HostDbContext>(db.HostFactory());
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..8];
        var serial = "SN-" + Guid.NewGuid().ToString("N");
        var record = RandomAggregates.Build(script, serial);
        var bare = RandomAggregates.Build(script with { Replacements = [], Shelf = [], Relocations = [] }, serial);
        Assert.Equal(1, await registry.SaveAsync(tenant, bare, 0));
        Assert.Equal(2, await registry.SaveAsync(tenant, record, 1));

        var loaded = await registry.GetAsync(tenant, serial);
        Assert.NotNull(loaded);
        Assert.Equal(2, loaded.Version);
        Assert.Equal(RandomAggregates.Describe(record), RandomAggregates.Describe(loaded.Value));
        Assert.Null(await registry.GetAsync("other", serial));
    }

    private async Task TwoWriters(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var registry = new EfCoreDeviceRegistry<HostDbContext>(db.HostFactory());
        var serial = "SN-" + Guid.NewGuid().ToString("N");
        var record = DeviceRecord.Create(serial, ComponentClass.Hardware, acceptedOn: new LocalDate(2025, 6, 1));
        await registry.SaveAsync("t1", record, 0);
        var duplicate = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => registry.SaveAsync("t1", record, 0));
        Assert.Equal(1, duplicate.ActualVersion);

        var a = (await registry.GetAsync("t1", serial))!;
        var b = (await registry.GetAsync("t1", serial))!;
        await registry.SaveAsync("t1", a.Value.WithRelocation(new DeviceRelocation(new LocalDate(2026, 1, 5), "一号楼", "二号楼")), a.Version);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => registry.SaveAsync("t1", b.Value.WithShelfPeriod(new DateInterval(new LocalDate(2025, 7, 1), new LocalDate(2025, 7, 31))), b.Version));
        Assert.Equal(("device record", serial, 1, 2), (conflict.Aggregate, conflict.AggregateId, conflict.ExpectedVersion, conflict.ActualVersion));

        var stored = (await registry.GetAsync("t1", serial))!;
        Assert.Equal(2, stored.Version);
        Assert.Single(stored.Value.Relocations);
        Assert.Empty(stored.Value.ShelfPeriods);
    }

    private async Task Expiring(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var registry = new EfCoreDeviceRegistry<HostDbContext>(db.HostFactory());
        var reference = new InMemoryDeviceRegistry();
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..8];
        var start = new LocalDate(2023, 1, 1);
        var components = new[] { ComponentClass.Hardware, ComponentClass.Software, ComponentClass.MainUnit, ComponentClass.PipesAndElectrics, ComponentClass.System };
        for (var i = 0; i < 60; i++)
        {
            var record = DeviceRecord.Create($"SN-{i:D3}", components[i % components.Length], acceptedOn: start.PlusDays(i * 23));
            if (i % 7 == 0)
            {
                record = record.WithReplacement(new DeviceReplacement(start.PlusDays((i * 23) + 200), ReplacementScope.WholeUnit, $"WO-{i}"));
            }

            await registry.SaveAsync(tenant, record, 0);
            await reference.SaveAsync(tenant, record, 0);
        }

        var found = 0;
        foreach (var policy in WarrantyPresets.All)
        {
            foreach (var on in new[] { new LocalDate(2025, 11, 15), new LocalDate(2026, 3, 1) })
            {
                var expected = (await reference.ListExpiringWithinAsync(tenant, policy, on)).Select(static a => a.ToString());
                var actual = (await registry.ListExpiringWithinAsync(tenant, policy, on)).Select(static a => a.ToString()).ToList();
                Assert.Equal(expected, actual);
                found += actual.Count;
            }
        }

        Assert.True(found > 0, "some devices must be expiring, or the comparison proves nothing");
    }
}
