using AfterSales.Entitlements.Spares;
using AfterSales.Entitlements.Warranty;
using AfterSales.EntityFrameworkCore.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>
/// The replenishment store over the stored ledgers and registry, on both providers, against the
/// in-memory store over the same data: positions at any instant, each centre's stock report, and runs
/// stored once per month and centre (R-SP-1, R-SP-3).
/// </summary>
public sealed class ReplenishmentStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly Instant Start = Instant.FromUtc(2025, 12, 20, 0, 0);

    /// <summary>Ledgers (centre, part, script) and devices (centre, model, moved to another centre or model later).</summary>
    public sealed record Scenario((int Centre, int Part, RandomAggregates.LedgerScript Script)[] Ledgers, (int Centre, int Model, int? MovedTo)[] Devices, long AsOfMinutes)
    {
        public override string ToString() => $"{Ledgers.Length} ledgers, {Devices.Length} devices, as of +{AsOfMinutes} min";
    }

    public static class Scenarios
    {
        public static Arbitrary<Scenario> All() =>
            (from ledgerCount in Gen.Choose(0, 6)
             from ledgers in Gen.ArrayOf(
                 from centre in Gen.Choose(0, 2)
                 from part in Gen.Choose(0, 3)
                 from script in RandomAggregates.Ledgers.Generator
                 select (centre, part, script), ledgerCount)
             from deviceCount in Gen.Choose(0, 12)
             from devices in Gen.ArrayOf(
                 from centre in Gen.Choose(0, 2)
                 from model in Gen.Choose(0, 3)
                 from moved in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 11).Select(static m => (int?)m))
                 select (centre, model, moved), deviceCount)
             from asOf in Gen.Choose(0, 4_000_000)
             select new Scenario(ledgers, devices, asOf)).ToArbitrary();
    }

    private static readonly string[] Centres = ["SC-01", "服务中心-北京", "centre \"quoted\""];
    private static readonly string[] Parts = ["P-1", "零件-2", "P '3'", "KIOSK-3"];

    [Property(Arbitrary = new[] { typeof(Scenarios) }, MaxTest = 25)]
    public Task RandomStock_PositionsReportsAndRuns_AsTheInMemoryStore_Sqlite(Scenario scenario) => SameAnswers(Provider.Sqlite, scenario);

    [PostgresProperty(Arbitrary = new[] { typeof(Scenarios) }, MaxTest = 25)]
    public Task RandomStock_PositionsReportsAndRuns_AsTheInMemoryStore_PostgreSql(Scenario scenario) => SameAnswers(Provider.PostgreSql, scenario);

    private async Task SameAnswers(Provider provider, Scenario scenario)
    {
        var db = await fixture.GetAsync(provider);
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..10];
        var ledgers = new EfCoreStockLedgerStore<HostDbContext>(db.HostFactory());
        var registry = new EfCoreDeviceRegistry<HostDbContext>(db.HostFactory());
        var store = new EfCoreReplenishmentStore<HostDbContext>(db.HostFactory());
        var memoryLedgers = new InMemoryStockLedgerStore();
        var memoryRegistry = new InMemoryDeviceRegistry();
        var reference = new InMemoryReplenishmentStore(memoryLedgers, memoryRegistry);

        var seen = new HashSet<(int, int)>();
        foreach (var (centre, part, script) in scenario.Ledgers.Where(l => seen.Add((l.Centre, l.Part))))
        {
            var ledger = RandomAggregates.Build(script with { Centre = Centres[centre] }, Parts[part], Start);
            var half = ledger.Version / 2;

            // Saved in two parts, as the balance row is written at each save.
            foreach (var target in new IStockLedgerStore[] { ledgers, memoryLedgers })
            {
                var partial = StockLedger.Open(ledger.CentreId, ledger.PartNumber);
                foreach (var m in ledger.Movements.Take(half))
                {
                    partial = Replay(partial, m);
                }

                await target.SaveAsync(tenant, partial, 0);
                await target.SaveAsync(tenant, ledger, half);
            }
        }

        for (var i = 0; i < scenario.Devices.Length; i++)
        {
            var (centre, model, moved) = scenario.Devices[i];
            var device = DeviceRecord.Create($"SN-{i}", ComponentClass.Hardware, acceptedOn: new LocalDate(2025, 1, 1)).WithServiceCentre(Centres[centre]).WithModel(Parts[model], 1);
            foreach (IDeviceRegistry target in new IDeviceRegistry[] { registry, memoryRegistry })
            {
                await target.SaveAsync(tenant, device, 0);
                if (moved is { } m)
                {
                    // Another centre, or another model, or no longer counted: the installed base follows.
                    var next = m < 3 ? device.WithServiceCentre(Centres[m]) : m < 7 ? device.WithModel(Parts[m % 4], 1) : device.WithServiceCentre(null);
                    await target.SaveAsync(tenant, next, 1);
                }
            }
        }

        var asOf = Start + Duration.FromMinutes(scenario.AsOfMinutes);
        var expected = await reference.LoadPositionsAsync(tenant, asOf);
        var actual = await store.LoadPositionsAsync(tenant, asOf);
        Assert.Equal(Describe(expected), Describe(actual));

        var month = new NodaTime.Interval(Start, Start + Duration.FromDays(20));
        foreach (var centre in Centres)
        {
            Assert.Equal(Describe(await reference.ReportAsync(tenant, centre, month, 0, 50)), Describe(await store.ReportAsync(tenant, centre, month, 0, 50)));
            Assert.Equal(Describe(await reference.ReportAsync(tenant, centre, month, 1, 2)), Describe(await store.ReportAsync(tenant, centre, month, 1, 2)));
        }

        var plan = ReplenishmentPlanner.Plan(new YearMonth(2026, 1), actual, ReplenishmentPolicy.Seed000.WithMinimum(1));
        var runs = actual.CentreIds.Select(c => new ReplenishmentCentreRun(new YearMonth(2026, 1), c, asOf, actual.PartNumbers.Count, plan.Orders.Where(o => o.CentreId == c))).ToList();
        Assert.Equal(runs.Count, await store.SaveRunsAsync(tenant, runs));
        Assert.Equal(0, await store.SaveRunsAsync(tenant, runs));
        foreach (var run in runs)
        {
            var stored = (await store.FindRunAsync(tenant, new YearMonth(2026, 1), run.CentreId))!;
            Assert.Equal(run.Orders, stored.Orders);
            Assert.Equal((run.RanAt, run.CellsChecked, run.TotalUnits), (stored.RanAt, stored.CellsChecked, stored.TotalUnits));
        }

        Assert.Equal(runs.Select(static r => (r.CentreId, r.OrderCount, r.TotalUnits)), (await store.ListRunsAsync(tenant, new YearMonth(2026, 1))).Select(static r => (r.CentreId, r.OrderCount, r.TotalUnits)));
    }

    private static StockLedger Replay(StockLedger l, StockMovement m) => m.Kind switch
    {
        StockMovementKind.Received => l.Receive(m.Quantity, m.By, m.At, m.Note),
        StockMovementKind.IssuedToWorkOrder => l.IssueToWorkOrder(m.Quantity, m.WorkOrderId!, m.By, m.At),
        StockMovementKind.LoanerIssued => l.IssueLoaner(m.Quantity, m.WorkOrderId!, m.By, m.At),
        StockMovementKind.Returned => l.Return(m.Quantity, m.By, m.At, m.WorkOrderId),
        _ => l.Scrap(m.Quantity, m.By, m.At, m.Note),
    };

    private static string Describe(StockPositions p) =>
        string.Join(";", p.CentreIds) + "|" + string.Join(";", p.PartNumbers) + "|"
        + string.Join(",", p.CentreIds.SelectMany(c => p.PartNumbers.Select(part => $"{p.OnHand(c, part)}/{p.InstalledBase(c, part)}")));

    private static string Describe(IReadOnlyList<StockReportLine> lines) =>
        string.Join(";", lines.Select(static l => $"{l.CentreId}/{l.PartNumber} {l.Opening}+{l.Received}-{l.Issued}-{l.LoanersIssued}+{l.Returned}-{l.Scrapped}={l.Closing}"));
}
