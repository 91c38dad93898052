using AfterSales.Entitlements.Quotes;
using AfterSales.Entitlements.Spares;
using AfterSales.Entitlements.Warranty;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AfterSales.Tests.Entitlements;

/// <summary>
/// Invariants of entitlements over random inputs: the replenishment planner against a plain
/// baseline, ledger balances, warranty restarts, tendered prices and money arithmetic.
/// </summary>
public class EntitlementProperties
{
    private static readonly YearMonth Month = new(2026, 3);

    /// <summary>The generators of the properties below.</summary>
    public static class Arbitraries
    {
        public static Arbitrary<StockCase> StockCases() =>
            (from centres in Gen.Choose(1, 6)
             from parts in Gen.Choose(1, 8)
             from onHand in Gen.ArrayOf(Gen.Choose(0, 40), centres * parts)
             from installed in Gen.ArrayOf(Gen.Choose(0, 800), centres * parts)
             from ratioBasisPoints in Gen.OneOf(Gen.Constant(500), Gen.Choose(0, 10_000))
             from minimum in Gen.OneOf(Gen.Constant(0), Gen.Choose(0, 6))
             select new StockCase(centres, parts, onHand, installed, ratioBasisPoints / 10_000m, minimum)).ToArbitrary();

        public static Arbitrary<(StockMovementKind Kind, int Quantity)[]> MovementSequences() =>
            Gen.ArrayOf(Gen.Zip(Gen.Elements(Enum.GetValues<StockMovementKind>()), Gen.Choose(1, 12))).ToArbitrary();

        public static Arbitrary<RestartCase> RestartCases() =>
            (from day in Gen.Choose(0, 3000)
             from months in Gen.Choose(1, 60)
             from count in Gen.Choose(0, 4)
             from offsets in Gen.ArrayOf(Gen.Choose(-100, 2500), count)
             from scopes in Gen.ArrayOf(Gen.Elements(Enum.GetValues<ReplacementScope>()), count)
             from evaluate in Gen.Choose(-50, 4000)
             select new RestartCase(new LocalDate(2018, 1, 1).PlusDays(day), months, offsets, scopes, evaluate)).ToArbitrary();

        public static Arbitrary<(int TenderCents, int CostCents, int Quantity)[]> QuoteLines() =>
            Gen.ArrayOf(
                from tender in Gen.Choose(0, 500_000)
                from cost in Gen.OneOf(Gen.Choose(0, 500_000), Gen.Constant(tender), Gen.Constant(tender + 1))
                from quantity in Gen.Choose(1, 20)
                select (tender, cost, quantity)).ToArbitrary();

        public static Arbitrary<long[]> CentAmounts() =>
            Gen.ArrayOf(Gen.Choose(-1_000_000_000, 1_000_000_000).Select(c => (long)c * 37)).ToArbitrary();
    }

    public sealed record StockCase(int Centres, int Parts, int[] OnHand, int[] InstalledBase, decimal Ratio, int Minimum)
    {
        public StockPositions Positions() =>
            StockPositions.Create(
                Enumerable.Range(0, Centres).Select(c => $"SC-{c}").ToList(),
                Enumerable.Range(0, Parts).Select(p => $"P-{p}").ToList(),
                OnHand, InstalledBase);

        public ReplenishmentPolicy Policy() => ReplenishmentPolicy.OfRatio(Ratio, Minimum);

        /// <summary>The plain baseline: decimal arithmetic and Math.Ceiling.</summary>
        public int NaiveTarget(int cell) => Math.Max((int)Math.Ceiling(Ratio * InstalledBase[cell]), Minimum);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 500)]
    public bool Plan_AnyStock_R_SP_1_R_SP_3_BringsEveryCellToTargetAndNeverOrdersAtTarget(StockCase c)
    {
        var plan = ReplenishmentPlanner.Plan(Month, c.Positions(), c.Policy());
        var ordered = plan.Orders.ToDictionary(o => (o.CentreId, o.PartNumber), o => o.Quantity);
        for (var cell = 0; cell < c.OnHand.Length; cell++)
        {
            var key = ($"SC-{cell / c.Parts}", $"P-{cell % c.Parts}");
            var target = c.NaiveTarget(cell);
            var quantity = ordered.GetValueOrDefault(key);
            var atTarget = c.OnHand[cell] >= target;
            if (atTarget ? quantity != 0 : c.OnHand[cell] + quantity != target)
            {
                return false;
            }
        }

        return plan.Orders.All(o => o.Quantity > 0 && o.Month == Month);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 500)]
    public bool Plan_RunTwiceForTheSameMonth_R_SP_3_OrdersNothingMore(StockCase c)
    {
        var positions = c.Positions();
        var first = ReplenishmentPlanner.Plan(Month, positions, c.Policy());
        var second = ReplenishmentPlanner.Plan(Month, positions, c.Policy(), first.Orders);

        var delivered = (int[])c.OnHand.Clone();
        foreach (var order in first.Orders)
        {
            delivered[int.Parse(order.CentreId[3..]) * c.Parts + int.Parse(order.PartNumber[2..])] += order.Quantity;
        }

        var afterDelivery = ReplenishmentPlanner.Plan(Month.PlusMonths(1), (c with { OnHand = delivered }).Positions(), c.Policy());
        return second.Orders.Count == 0 && second.AlreadyOrdered == first.Orders.Count && afterDelivery.Orders.Count == 0;
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 500)]
    public bool Ledger_AnyMovements_R_SP_2_BalanceIsTheSumOfMovementsAndNeverNegative((StockMovementKind Kind, int Quantity)[] moves)
    {
        var ledger = StockLedger.Open("SC", "P");
        var at = Instant.FromUtc(2026, 1, 1, 0, 0);
        var model = 0;
        foreach (var (kind, quantity) in moves)
        {
            at += Duration.FromMinutes(7);
            var before = ledger;
            try
            {
                ledger = kind switch
                {
                    StockMovementKind.Received => ledger.Receive(quantity, "by", at),
                    StockMovementKind.IssuedToWorkOrder => ledger.IssueToWorkOrder(quantity, "WO", "by", at),
                    StockMovementKind.LoanerIssued => ledger.IssueLoaner(quantity, "WO", "by", at),
                    StockMovementKind.Returned => ledger.Return(quantity, "by", at),
                    _ => ledger.Scrap(quantity, "by", at),
                };
                model += kind is StockMovementKind.Received or StockMovementKind.Returned ? quantity : -quantity;
            }
            catch (InsufficientStockException ex)
            {
                if (ledger != before || ex.OnHand != before.Balance || ex.Requested != quantity || before.Balance >= quantity)
                {
                    return false;
                }
            }

            if (ledger.Balance < 0 || ledger.Balance != model || ledger.Balance != ledger.Movements.Sum(m => m.SignedQuantity))
            {
                return false;
            }
        }

        return true;
    }

    public sealed record RestartCase(LocalDate Accepted, int Months, int[] ReplacementOffsets, ReplacementScope[] Scopes, int EvaluateOffset);

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 500)]
    public bool Evaluate_AnyReplacements_R_WAR_3_ARestartNeverShortensCoverage(RestartCase c)
    {
        var policy = WarrantyPolicy.Create("p", "p", WarrantyTerm.Create(ComponentClass.Hardware, Period.FromMonths(c.Months)).WithRestartOnReplacement());
        var on = c.Accepted.PlusDays(c.EvaluateOffset);
        var record = DeviceRecord.Create("SN", ComponentClass.Hardware, acceptedOn: c.Accepted);
        var previous = policy.Evaluate(record, on);
        var original = previous.LastCoveredDay;
        for (var i = 0; i < c.ReplacementOffsets.Length; i++)
        {
            record = record.WithReplacement(new DeviceReplacement(c.Accepted.PlusDays(c.ReplacementOffsets[i]), c.Scopes[i], $"WO-{i}"));
            var next = policy.Evaluate(record, on);
            if (next.LastCoveredDay < previous.LastCoveredDay || next.LastCoveredDay < original)
            {
                return false;
            }

            previous = next;
        }

        return true;
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 500)]
    public bool AddPart_AnyCost_R_WAR_8_NeverPricesAPartAboveItsTenderedPrice((int TenderCents, int CostCents, int Quantity)[] lines)
    {
        var tender = TenderedPriceList.From(lines.Select((l, i) => KeyValuePair.Create($"P-{i}", Money.Cny(l.TenderCents / 100m))));
        var builder = Quote.CreateBuilder("Q", "WO", "SN", tender, new LocalDate(2026, 3, 1)).AddPhoneSupport();
        for (var i = 0; i < lines.Length; i++)
        {
            var (tenderCents, costCents, quantity) = lines[i];
            try
            {
                builder.AddPart($"P-{i}", "part", quantity, Money.Cny(costCents / 100m));
                if (costCents > tenderCents)
                {
                    return false;
                }
            }
            catch (TenderedPriceExceededException ex)
            {
                if (costCents <= tenderCents || ex.PartNumber != $"P-{i}")
                {
                    return false;
                }
            }
        }

        var quote = builder.Build();
        return quote.Lines.Where(l => l.Kind == QuoteLineKind.Part)
            .All(l => tender.TryGetMaxPrice(l.PartNumber!, out var max) && l.UnitPrice <= max)
            && quote.Total == quote.Lines.Aggregate(Money.Zero(), (sum, l) => sum + l.Total);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 500)]
    public bool Money_AnyAmounts_ArithmeticIsExact(long[] cents)
    {
        var amounts = cents.Select(c => Money.Cny(c / 100m)).ToArray();
        var sum = amounts.Aggregate(Money.Zero(), (s, m) => s + m);
        var exact = cents.Sum() / 100m;
        var roundTrip = amounts.All(a => (a + Money.Cny(12.34m) - Money.Cny(12.34m)) == a);
        var times = amounts.All(a => a * 3 == a + a + a);
        return sum.Amount == exact && roundTrip && times;
    }
}
