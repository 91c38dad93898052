using AfterSales.Entitlements.Spares;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace AfterSales.Benchmarks.Entitlements;

/// <summary>
/// The monthly replenishment run (R-SP-3) over 200 service centres × 5 000 part types, with a share
/// of the cells below the 5 % target, against a plain LINQ implementation of the same rule.
/// </summary>
[MemoryDiagnoser]
public class ReplenishmentBenchmarks
{
    private const int Centres = 200;
    private const int Parts = 5_000;
    private static readonly YearMonth Month = new(2026, 3);

    private readonly ReplenishmentPolicy policy = ReplenishmentPolicy.Seed000;
    private string[] centreIds = [];
    private string[] partNumbers = [];
    private int[] onHand = [];
    private int[] installedBase = [];
    private StockPositions positions = null!;

    /// <summary>The share of cells below target, in percent.</summary>
    [Params(0, 10, 100)]
    public int PercentBelowTarget { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260301);
        centreIds = Enumerable.Range(0, Centres).Select(c => $"SC-{c:D3}").ToArray();
        partNumbers = Enumerable.Range(0, Parts).Select(p => $"PN-{p:D5}").ToArray();
        var cells = Centres * Parts;
        onHand = new int[cells];
        installedBase = new int[cells];
        for (var cell = 0; cell < cells; cell++)
        {
            var installed = random.Next(1, 2_000);
            var target = policy.TargetFor(installed);
            installedBase[cell] = installed;
            onHand[cell] = random.Next(100) < PercentBelowTarget
                ? random.Next(0, target)
                : target + random.Next(0, 3);
        }

        positions = StockPositions.Create(centreIds, partNumbers, onHand, installedBase);
    }

    [Benchmark(Baseline = true, Description = "LINQ baseline")]
    public int NaiveLinq()
    {
        var orders = Enumerable.Range(0, onHand.Length)
            .Select(cell => new { Centre = centreIds[cell / Parts], Part = partNumbers[cell % Parts], OnHand = onHand[cell], Installed = installedBase[cell] })
            .Select(x => new { x.Centre, x.Part, x.OnHand, Target = Math.Max((int)Math.Ceiling(policy.Ratio * x.Installed), policy.Minimum) })
            .Where(x => x.OnHand < x.Target)
            .Select(x => new ReplenishmentOrder(Month, x.Centre, x.Part, x.Target - x.OnHand, x.OnHand, x.Target))
            .ToList();
        return orders.Count;
    }

    [Benchmark(Description = "ReplenishmentPlanner.Plan")]
    public int Planner() => ReplenishmentPlanner.Plan(Month, positions, policy).Orders.Count;
}
