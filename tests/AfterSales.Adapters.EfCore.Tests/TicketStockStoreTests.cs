using AfterSales.Entitlements.Spares;
using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.WorkOrders;
using FsCheck.Fluent;
using NodaTime.Testing;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>
/// A loaner from a centre's pool (R-SP-5): the ticket's event and the pool's movement are saved in one
/// transaction (<see cref="ITicketStockStore"/>); when either moved meanwhile, neither is kept. Both providers.
/// </summary>
public sealed class TicketStockStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public Task SaveWithLedger_EitherMovedMeanwhile_NothingKept_ElseBoth_Sqlite() => Scenario(Provider.Sqlite);

    [PostgresFact]
    public Task SaveWithLedger_EitherMovedMeanwhile_NothingKept_ElseBoth_PostgreSql() => Scenario(Provider.PostgreSql);

    private async Task Scenario(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var clock = new FakeClock(RandomTickets.Start);
        var tickets = new EfCoreTicketStore<HostDbContext>(db.HostFactory(), RandomTickets.Catalog, clock);
        var ledgers = new EfCoreStockLedgerStore<HostDbContext>(db.HostFactory());
        var run = Guid.NewGuid().ToString("N")[..8];
        var script = RandomTickets.ScriptGen.Sample(numberOfSamples: 1, size: 1)[0] with { Steps = [] };
        var ticket = RandomTickets.Build(script, clock, "-" + run);
        await tickets.SaveAsync(ticket, 0);
        var part = "LOANER-" + run;
        await ledgers.SaveAsync(ticket.TenantId, StockLedger.Open("BJ", part).Receive(2, "仓管", clock.GetCurrentInstant()), 0);

        TicketLoaner Unit(string serial) => new() { UnitSerialNumber = serial, PartNumber = part, CentreId = "BJ", Grade = int.MaxValue };
        async Task<(Ticket Ticket, StockLedger Ledger)> LendAsync(string serial)
        {
            var t = (await tickets.LoadAsync(ticket.TenantId, ticket.Id))!;
            var pool = await ledgers.LoadAsync(ticket.TenantId, "BJ", part);
            clock.AdvanceMinutes(1);
            t.ProvideLoaner(Unit(serial));
            return (t, pool);
        }

        // The pool moved meanwhile (another issue): a conflict naming the ledger, and the ticket keeps its version.
        var (stalePool, poolLoaded) = await LendAsync("LN-1");
        await ledgers.SaveAsync(ticket.TenantId, poolLoaded.IssueToWorkOrder(1, "WO-OTHER", "仓管", clock.GetCurrentInstant()), poolLoaded.Version);
        var ledgerConflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            tickets.SaveAsync(stalePool, ticket.Version, poolLoaded.IssueLoaner(1, ticket.Id.Value, "仓管", stalePool.LastEventAt), poolLoaded.Version));
        Assert.Contains("stock ledger", ledgerConflict.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ticket.Version, (await tickets.LoadAsync(ticket.TenantId, ticket.Id))!.Version);

        // The ticket moved meanwhile: a conflict naming the ticket, and the pool keeps its movements.
        var (staleTicket, pool) = await LendAsync("LN-2");
        var other = (await tickets.LoadAsync(ticket.TenantId, ticket.Id))!;
        other.DeliverRepairPlan("另一位工程师");
        await tickets.SaveAsync(other, ticket.Version);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            tickets.SaveAsync(staleTicket, ticket.Version, pool.IssueLoaner(1, ticket.Id.Value, "仓管", staleTicket.LastEventAt), pool.Version));
        Assert.Equal(pool.Version, (await ledgers.LoadAsync(ticket.TenantId, "BJ", part)).Version);

        // Neither moved: both kept, together.
        var (fresh, current) = await LendAsync("LN-3");
        await tickets.SaveAsync(fresh, fresh.Version - 1, current.IssueLoaner(1, ticket.Id.Value, "仓管", fresh.LastEventAt), current.Version);
        var stored = (await tickets.LoadAsync(ticket.TenantId, ticket.Id))!;
        var storedPool = await ledgers.LoadAsync(ticket.TenantId, "BJ", part);
        Assert.Equal("LN-3", Assert.Single(stored.Loaners).Loaner.UnitSerialNumber);
        Assert.Equal((0, StockMovementKind.LoanerIssued, ticket.Id.Value), (storedPool.Balance, storedPool.Movements[^1].Kind, storedPool.Movements[^1].WorkOrderId));
    }
}
