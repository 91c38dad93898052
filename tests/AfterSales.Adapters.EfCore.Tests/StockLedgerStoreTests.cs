using AfterSales.Entitlements.Spares;
using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.WorkOrders;
using FsCheck.Xunit;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>The spare-stock ledger store against a real database, on both providers.</summary>
public sealed class StockLedgerStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 1, 0);

    [Property(Arbitrary = new[] { typeof(RandomAggregates) }, MaxTest = 50)]
    public Task RandomLedgers_SaveAndLoad_RoundTripEqual_Sqlite(RandomAggregates.LedgerScript script) => RoundTrip(Provider.Sqlite, script);

    [PostgresProperty(Arbitrary = new[] { typeof(RandomAggregates) }, MaxTest = 50)]
    public Task RandomLedgers_SaveAndLoad_RoundTripEqual_PostgreSql(RandomAggregates.LedgerScript script) => RoundTrip(Provider.PostgreSql, script);

    [Fact]
    public Task ConcurrentIssuers_LimitedStock_NeverOverIssueAndEveryAcknowledgedMovementStoredOnce_Sqlite() => ConcurrentIssuers(Provider.Sqlite);

    [PostgresFact]
    public Task ConcurrentIssuers_LimitedStock_NeverOverIssueAndEveryAcknowledgedMovementStoredOnce_PostgreSql() => ConcurrentIssuers(Provider.PostgreSql);

    private async Task RoundTrip(Provider provider, RandomAggregates.LedgerScript script)
    {
        var db = await fixture.GetAsync(provider);
        var store = new EfCoreStockLedgerStore<HostDbContext>(db.HostFactory());
        var part = "P-" + Guid.NewGuid().ToString("N");
        var ledger = RandomAggregates.Build(script, part, Start);

        // Saved in two parts, as issues and receipts come in: the first half, then the rest.
        var half = ledger.Version / 2;
        var first = RandomAggregates.Build(script with { Steps = [] }, part, Start);
        foreach (var m in ledger.Movements.Take(half))
        {
            first = Append(first, m);
        }

        await store.SaveAsync("t1", first, 0);
        await store.SaveAsync("t1", ledger, half);

        var loaded = await store.LoadAsync("t1", script.Centre, part);
        Assert.Equal(ledger.Movements.Select(RandomAggregates.Describe), loaded.Movements.Select(RandomAggregates.Describe));
        Assert.Equal(ledger.Balance, loaded.Balance);
        Assert.Equal(ledger.Version, loaded.Version);
        Assert.Equal(ledger.CentreId, loaded.CentreId);
        Assert.Equal(ledger.PartNumber, loaded.PartNumber);

        // Another tenant sees an empty ledger; a stale save conflicts and leaves it as it was.
        Assert.Equal(0, (await store.LoadAsync("t2", script.Centre, part)).Version);
        if (ledger.Version > 0)
        {
            var stale = first.Receive(1, "late", ledger.Movements[^1].At);
            var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync("t1", stale, half));
            Assert.Equal(ledger.Version, conflict.ActualVersion);
            Assert.Equal("stock ledger", conflict.Aggregate);
            Assert.Equal(ledger.Version, (await store.LoadAsync("t1", script.Centre, part)).Version);
        }
    }

    private static StockLedger Append(StockLedger ledger, StockMovement m) => m.Kind switch
    {
        StockMovementKind.Received => ledger.Receive(m.Quantity, m.By, m.At, m.Note),
        StockMovementKind.IssuedToWorkOrder => ledger.IssueToWorkOrder(m.Quantity, m.WorkOrderId!, m.By, m.At),
        StockMovementKind.LoanerIssued => ledger.IssueLoaner(m.Quantity, m.WorkOrderId!, m.By, m.At),
        StockMovementKind.Returned => ledger.Return(m.Quantity, m.By, m.At, m.WorkOrderId),
        _ => ledger.Scrap(m.Quantity, m.By, m.At, m.Note),
    };

    /// <summary>
    /// 16 issuers take 3 units at a time from one ledger holding 20 until it runs out, each reloading
    /// and retrying on a conflict (the first round all from the same version): exactly 6 issues (18 units) are acknowledged, each stored once, and
    /// the balance is the sum of the stored movements.
    /// </summary>
    private async Task ConcurrentIssuers(Provider provider)
    {
        const int Stock = 20;
        const int Each = 3;
        const int Issuers = 16;
        var db = await fixture.GetAsync(provider);
        var store = new EfCoreStockLedgerStore<HostDbContext>(db.HostFactory());
        var part = "P-race-" + Guid.NewGuid().ToString("N")[..8];
        await store.SaveAsync("t1", StockLedger.Open("SC-01", part).Receive(Stock, "store keeper", Start), 0);

        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        var conflicts = 0;
        var loadedFirst = 0;
        var allLoaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Task.WhenAll(Enumerable.Range(0, Issuers).Select(issuer => Task.Run(async () =>
        {
            for (var attempt = 0; ; attempt++)
            {
                var ledger = await store.LoadAsync("t1", "SC-01", part);
                if (attempt == 0)
                {
                    // The first round saves only once everyone has loaded: all decide on one balance.
                    if (Interlocked.Increment(ref loadedFirst) == Issuers)
                    {
                        allLoaded.SetResult();
                    }

                    await allLoaded.Task;
                }

                var workOrder = $"WO-{issuer}-{attempt}";
                StockLedger issued;
                try
                {
                    issued = ledger.IssueToWorkOrder(Each, workOrder, $"engineer {issuer}", Start + Duration.FromSeconds(1));
                }
                catch (InsufficientStockException)
                {
                    return;
                }

                try
                {
                    await store.SaveAsync("t1", issued, ledger.Version);
                    acknowledged.Add(workOrder);
                }
                catch (ConcurrencyConflictException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        })));

        var stored = await store.LoadAsync("t1", "SC-01", part);
        var issues = stored.Movements.Where(static m => m.Kind == StockMovementKind.IssuedToWorkOrder).ToList();
        Assert.Equal(Stock / Each, acknowledged.Count);
        Assert.Equal(acknowledged.Order(StringComparer.Ordinal), issues.Select(static m => m.WorkOrderId!).Order(StringComparer.Ordinal));
        Assert.Equal(Stock % Each, stored.Balance);
        Assert.Equal(stored.Movements.Sum(static m => m.SignedQuantity), stored.Balance);
        Assert.Equal(1 + acknowledged.Count, stored.Version);
        Assert.True(conflicts >= Issuers - 1, $"the first round, all from version 1, lets one save through; {conflicts} conflicts");
    }
}
