using AfterSales.Entitlements.Spares;
using AfterSales.Entitlements.Warranty;
using NodaTime.Testing;

namespace AfterSales.Tests.Entitlements;

/// <summary>The monthly replenishment over stored data (R-SP-1, R-SP-3): stock from the ledgers, installed base from the registry, stored once per month and centre.</summary>
public sealed class SparesServiceTests
{
    private const string Tenant = "t1";
    private readonly FakeClock clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
    private readonly InMemoryStockLedgerStore ledgers = new();
    private readonly InMemoryDeviceRegistry devices = new();
    private readonly InMemoryReplenishmentStore store;
    private readonly SparesService spares;

    public SparesServiceTests()
    {
        store = new InMemoryReplenishmentStore(ledgers, devices);
        spares = new SparesService(store, clock);
    }

    private async Task Install(string centre, string model, int count, int from = 0)
    {
        for (var i = from; i < from + count; i++)
        {
            await devices.SaveAsync(Tenant, DeviceRecord.Create($"{centre}-{model}-{i}", ComponentClass.Hardware, acceptedOn: new LocalDate(2025, 1, 1))
                .WithServiceCentre(centre).WithModel(model, 1), 0);
        }
    }

    private async Task Move(string centre, string part, Func<StockLedger, StockLedger> move)
    {
        var ledger = await ledgers.LoadAsync(Tenant, centre, part);
        await ledgers.SaveAsync(Tenant, move(ledger), ledger.Version);
    }

    [Fact]
    public async Task RunAsync_R_SP_1_R_SP_3_OrdersBackToFivePercentOfTheInstalledBase_FromTheMonthEndStock_StoredOnce()
    {
        await Install("BJ", "KIOSK-3", 40);                          // target ⌈5 % × 40⌉ = 2
        await Install("SH", "KIOSK-3", 21);                          // target ⌈1.05⌉ = 2
        await Move("BJ", "KIOSK-3", l => l.Receive(1, "仓管", Instant.FromUtc(2026, 2, 10, 1, 0)));
        await Move("SH", "KIOSK-3", l => l.Receive(2, "仓管", Instant.FromUtc(2026, 2, 10, 1, 0)));
        await Move("BJ", "KIOSK-3", l => l.Receive(5, "仓管", Instant.FromUtc(2026, 3, 1, 1, 0)));   // after February: not counted

        var first = await spares.RunAsync(Tenant, new YearMonth(2026, 2), ReplenishmentPolicy.Seed000);

        Assert.Equal((2, 1L, 1L), (first.StoredNow, first.OrderCount, first.TotalUnits));
        Assert.Equal(Instant.FromUtc(2026, 2, 28, 16, 0), first.AsOf);
        var bj = (await spares.FindRunAsync(Tenant, new YearMonth(2026, 2), "BJ"))!;
        Assert.Equal(new ReplenishmentOrder(new YearMonth(2026, 2), "BJ", "KIOSK-3", 1, 1, 2), Assert.Single(bj.Orders));
        Assert.Empty((await spares.FindRunAsync(Tenant, new YearMonth(2026, 2), "SH"))!.Orders);

        // Again: nothing more is stored, and the answer is the same.
        clock.AdvanceHours(5);
        var again = await spares.RunAsync(Tenant, new YearMonth(2026, 2), ReplenishmentPolicy.Seed000);
        Assert.Equal((0, 1L, 1L), (again.StoredNow, again.OrderCount, again.TotalUnits));
        Assert.Equal(first.Centres.Select(static c => (c.CentreId, c.RanAt, c.OrderCount)), again.Centres.Select(static c => (c.CentreId, c.RanAt, c.OrderCount)));
    }

    [Fact]
    public async Task RunAsync_IdempotentPerMonthAndCentre_ACentreAddedLaterIsRunThen_TheOthersKeepTheirRuns()
    {
        await Install("BJ", "KIOSK-3", 40);
        await spares.RunAsync(Tenant, new YearMonth(2026, 2), ReplenishmentPolicy.Seed000);
        await Install("GZ", "KIOSK-3", 60);                          // a new centre
        await Install("BJ", "KIOSK-3", 100, from: 40);               // BJ grows, but its February run is stored

        var second = await spares.RunAsync(Tenant, new YearMonth(2026, 2), ReplenishmentPolicy.Seed000);

        Assert.Equal(1, second.StoredNow);
        Assert.Equal(["BJ", "GZ"], second.Centres.Select(static c => c.CentreId));
        Assert.Equal(2, (await spares.FindRunAsync(Tenant, new YearMonth(2026, 2), "BJ"))!.Orders.Single().Quantity);
        Assert.Equal(3, (await spares.FindRunAsync(Tenant, new YearMonth(2026, 2), "GZ"))!.Orders.Single().Quantity);
    }

    [Fact]
    public async Task RunAsync_TheCurrentMonth_CountsNow_AFutureMonthIsRefused()
    {
        await Install("BJ", "KIOSK-3", 40);
        var current = await spares.RunAsync(Tenant, new YearMonth(2026, 3), ReplenishmentPolicy.Seed000);
        Assert.Equal(clock.GetCurrentInstant(), current.AsOf);

        var future = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => spares.RunAsync(Tenant, new YearMonth(2026, 4), ReplenishmentPolicy.Seed000));
        Assert.Equal("month", future.ParamName);
        Assert.Equal("month", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => spares.RunAsync(Tenant, new YearMonth(1899, 12), ReplenishmentPolicy.Seed000))).ParamName);
    }

    [Fact]
    public async Task ReportAsync_R_SP_3_TheMonthsUseAndStockPerPart_AsTheLedgerReportSays()
    {
        await Move("BJ", "P-1", l => l.Receive(10, "仓管", Instant.FromUtc(2026, 1, 20, 1, 0)));
        await Move("BJ", "P-1", l => l.IssueToWorkOrder(3, "WO-1", "李工", Instant.FromUtc(2026, 2, 3, 1, 0)).IssueLoaner(1, "WO-2", "李工", Instant.FromUtc(2026, 2, 4, 1, 0)));
        await Move("BJ", "P-1", l => l.Return(1, "李工", Instant.FromUtc(2026, 2, 20, 1, 0), "WO-2").Scrap(2, "仓管", Instant.FromUtc(2026, 2, 27, 1, 0)));
        await Move("BJ", "P-2", l => l.Receive(4, "仓管", Instant.FromUtc(2026, 3, 1, 1, 0)));

        var lines = await spares.ReportAsync(Tenant, "BJ", new YearMonth(2026, 2), 0, 10);

        var p1 = lines[0];
        Assert.Equal(("P-1", 10, 0, 3, 1, 1, 2, 5), (p1.PartNumber, p1.Opening, p1.Received, p1.Issued, p1.LoanersIssued, p1.Returned, p1.Scrapped, p1.Closing));
        Assert.Equal(("P-2", 0, 0), (lines[1].PartNumber, lines[1].Opening, lines[1].Closing));
        var expected = MonthlyStockReport.Build(new YearMonth(2026, 2), AfterSales.Calendars.ChinaCalendars.BeijingTime, [await ledgers.LoadAsync(Tenant, "BJ", "P-1")]).Lines.Single();
        Assert.Equal((expected.Opening, expected.Closing, expected.Issued), (p1.Opening, p1.Closing, p1.Issued));
        Assert.Single(await spares.ReportAsync(Tenant, "BJ", new YearMonth(2026, 2), 1, 10));
    }
}
