using AfterSales.Entitlements.Quotes;
using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>The tendered price lists (R-WAR-8) as versioned rows, on both providers, against the in-memory catalog.</summary>
public sealed class PriceListCatalogTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public Task Versions_SavedFoundListedAndConflicting_AsInMemory_Sqlite() => Versions(Provider.Sqlite);

    [PostgresFact]
    public Task Versions_SavedFoundListedAndConflicting_AsInMemory_PostgreSql() => Versions(Provider.PostgreSql);

    private async Task Versions(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 1, 0));
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..8];
        foreach (IPriceListCatalog catalog in new IPriceListCatalog[] { new EfCorePriceListCatalog<HostDbContext>(db.HostFactory(), clock), new InMemoryPriceListCatalog() })
        {
            var first = TenderedPriceList.From([KeyValuePair.Create("P-1", Money.Cny(120.555m)), KeyValuePair.Create("零件 \"2\"", Money.Cny(0m))]).WithId("CT-合同-1");
            var v1 = await catalog.SaveAsync(tenant, first, 0);
            var v2 = await catalog.SaveAsync(tenant, first.With("P-1", Money.Cny(99.9m)), null);
            Assert.Equal((1, 2, "CT-合同-1@2"), (v1.Version, v2.Version, v2.Key));

            var latest = (await catalog.FindAsync(tenant, "CT-合同-1"))!;
            var old = (await catalog.FindAsync(tenant, "CT-合同-1", 1))!;
            Assert.Equal((2, 99.9m, 0m), (latest.Version, latest.Prices["P-1"].Amount, latest.Prices["零件 \"2\""].Amount));
            Assert.Equal(120.56m, old.Prices["P-1"].Amount);
            Assert.Null(await catalog.FindAsync(tenant, "CT-合同-1", 3));
            Assert.Null(await catalog.FindAsync("other", "CT-合同-1"));
            Assert.Equal(["CT-合同-1@2"], (await catalog.ListAsync(tenant)).Select(static l => l.Key));

            var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => catalog.SaveAsync(tenant, first, 1));
            Assert.Equal((1, 2), (stale.ExpectedVersion, stale.ActualVersion));
            tenant += "-b";
        }
    }

    [Fact]
    public Task TwoWriters_SameNextVersion_OneSavesTheOtherConflicts_Sqlite() => TwoWriters(Provider.Sqlite);

    [PostgresFact]
    public Task TwoWriters_SameNextVersion_OneSavesTheOtherConflicts_PostgreSql() => TwoWriters(Provider.PostgreSql);

    private async Task TwoWriters(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 1, 0));
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..8];
        var list = TenderedPriceList.Empty().With("P-1", Money.Cny(1m)).WithId("CT-1");
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (await new EfCorePriceListCatalog<HostDbContext>(db.HostFactory(), clock).SaveAsync(tenant, list, 0)).Version;
            }
            catch (ConcurrencyConflictException)
            {
                return -1;
            }
        })));
        Assert.Equal(1, results.Count(static r => r == 1));
        Assert.Equal(5, results.Count(static r => r == -1));
    }
}
