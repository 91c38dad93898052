using AfterSales.Entitlements.Spares;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.Events;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>
/// The stock events go into the outbox with the change that caused them, or not at all: of two writers crossing the
/// target from the same version only the winner's below-target event is kept (R-SP-1); a centre's replenishment run saved
/// by two writers at once, or again, has one event (R-SP-3).
/// </summary>
public sealed class StockOutboxTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 1, 0);

    [Fact]
    public Task ConflictingIssuers_BothCrossingTheTarget_OnlyTheWinnersBelowTargetEvent_Sqlite() => OnlyWinner(Provider.Sqlite);

    [PostgresFact]
    public Task ConflictingIssuers_BothCrossingTheTarget_OnlyTheWinnersBelowTargetEvent_PostgreSql() => OnlyWinner(Provider.PostgreSql);

    [Fact]
    public Task ReplenishmentRun_SavedByTwoWritersAndAgain_OneEventPerCentreWithOrders_Sqlite() => RunOnce(Provider.Sqlite);

    [PostgresFact]
    public Task ReplenishmentRun_SavedByTwoWritersAndAgain_OneEventPerCentreWithOrders_PostgreSql() => RunOnce(Provider.PostgreSql);

    private async Task OnlyWinner(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        // No devices registered: the minimum is the target, 2.
        var store = new EfCoreStockLedgerStore<HostDbContext>(db.HostFactory(), new ByFormatter()) { StockTarget = ReplenishmentPolicy.OfRatio(0.05m, minimum: 2) };
        var tenant = "st-" + Guid.NewGuid().ToString("N")[..8];

        var stocked = StockLedger.Open("BJ", "P-1").Receive(2, "warehouse", Start);
        await store.SaveAsync(tenant, stocked, 0);
        await store.SaveAsync(tenant, stocked.IssueToWorkOrder(1, "WO-1", "winner", Start + Duration.FromMinutes(1)), 1);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.SaveAsync(tenant, stocked.IssueToWorkOrder(2, "WO-2", "loser", Start + Duration.FromMinutes(2)), 1));
        Assert.Equal(2, conflict.ActualVersion);

        await using var read = db.NewHostContext();
        var rows = await read.Set<OutboxRow>().Where(o => o.TenantId == tenant).OrderBy(static o => o.Sequence).Select(static o => new { o.Type, o.Payload }).ToListAsync();
        Assert.Equal(
            ["aftersales.stock.moved|warehouse", "aftersales.stock.moved|winner", "aftersales.stock.below-target|winner"],
            rows.Select(static r => r.Type + "|" + r.Payload));

        // Without a target the store writes the movements' events only.
        var untargeted = new EfCoreStockLedgerStore<HostDbContext>(db.HostFactory(), new ByFormatter());
        var ledger = await untargeted.LoadAsync(tenant, "BJ", "P-1");
        await untargeted.SaveAsync(tenant, ledger.Receive(5, "warehouse", Start + Duration.FromMinutes(3)).IssueToWorkOrder(6, "WO-3", "quiet", Start + Duration.FromMinutes(4)), 2);
        Assert.Equal(0, await read.Set<OutboxRow>().CountAsync(o => o.TenantId == tenant && o.Type == AfterSalesEventTypes.StockBelowTarget && o.Payload == "quiet"));
    }

    private async Task RunOnce(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var tenant = "rr-" + Guid.NewGuid().ToString("N")[..8];
        var month = new YearMonth(2026, 3);
        ReplenishmentCentreRun Run(string centre, string by, params ReplenishmentOrder[] orders) =>
            new(month, centre, Start + Duration.FromMinutes(by.Length), 5, orders);
        var formatter = new ByFormatter();
        var one = new EfCoreReplenishmentStore<HostDbContext>(db.HostFactory(), formatter);
        var two = new EfCoreReplenishmentStore<HostDbContext>(db.HostFactory(), formatter);
        ReplenishmentCentreRun[] runs =
        [
            Run("BJ", "a", new ReplenishmentOrder(month, "BJ", "P-1", 2, 0, 2)),
            Run("SH", "a"),
        ];

        var stored = await Task.WhenAll(Task.Run(() => one.SaveRunsAsync(tenant, runs)), Task.Run(() => two.SaveRunsAsync(tenant, runs)));
        Assert.Equal(2, stored.Sum());
        Assert.Equal(0, await one.SaveRunsAsync(tenant, [Run("BJ", "again", new ReplenishmentOrder(month, "BJ", "P-1", 1, 1, 2))]));

        await using var read = db.NewHostContext();
        var row = Assert.Single(await read.Set<OutboxRow>().Where(o => o.TenantId == tenant).ToListAsync());
        Assert.Equal((AfterSalesEventTypes.ReplenishmentOrdered, "replenishments/2026-03/BJ", "BJ:1"), (row.Type, row.Subject, row.Payload));
    }

    /// <summary>Formats an event as what tells the writers apart: who moved the stock, or the centre and order count of a run.</summary>
    private sealed class ByFormatter : IEventFormatter
    {
        public string Format(DomainEvent domainEvent) => domainEvent.Data switch
        {
            StockMoved m => m.Movement.By,
            StockBelowTarget b => b.Movement.By,
            ReplenishmentOrdered r => $"{r.Run.CentreId}:{r.Run.OrderCount}",
            _ => domainEvent.Type,
        };
    }
}
