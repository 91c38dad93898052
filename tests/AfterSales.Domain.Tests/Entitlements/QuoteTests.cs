using AfterSales.Entitlements.Quotes;
using FsCheck.Fluent;
using AfterSales.Entitlements.Warranty;

namespace AfterSales.Tests.Entitlements;

public class QuoteTests
{
    private static readonly LocalDate IssuedOn = new(2027, 5, 10);

    private static readonly TenderedPriceList Tender = TenderedPriceList.Empty()
        .With("CARD-READER", Money.Cny(860m))
        .With("PRINT-HEAD", Money.Cny(420.50m));

    private static QuoteBuilder Builder() => Quote.CreateBuilder("Q-1", "WO-100", "KIOSK-3", Tender, IssuedOn);

    [Fact]
    public void Build_PaidRepair_R_WAR_8_PartsAtCostPhoneFreeVisitPlusTravel()
    {
        var quote = Builder()
            .AddPart("CARD-READER", "读卡器", 1, Money.Cny(800m))
            .AddPart("PRINT-HEAD", "打印头", 2, Money.Cny(420.50m))
            .AddPhoneSupport()
            .AddOnSiteVisit(Money.Cny(200m))
            .AddTravel(Money.Cny(85.40m), "高铁 round trip")
            .AddToolCharge(Money.Cny(300m), "升降车 (negotiated)")
            .Build();

        Assert.Equal(Money.Cny(1641m), quote.PartsTotal);
        Assert.Equal(Money.Cny(2226.40m), quote.Total);
        Assert.True(quote.Lines.Single(l => l.Kind == QuoteLineKind.PhoneSupport).Total.IsZero);
        Assert.False(quote.IsAccepted);
    }

    [Fact]
    public void AddPart_AboveTheTenderedPrice_R_WAR_8_IsRejectedNamingThePart()
    {
        var ex = Assert.Throws<TenderedPriceExceededException>(() => Builder().AddPart("PRINT-HEAD", "打印头", 1, Money.Cny(420.51m)));

        Assert.Equal("PRINT-HEAD", ex.PartNumber);
        Assert.Equal(Money.Cny(420.50m), ex.TenderedUnitPrice);
        Assert.Contains("PRINT-HEAD", ex.Message);
        Assert.IsAssignableFrom<AfterSalesException>(ex);
    }

    [Fact]
    public void AddPart_NotTendered_R_WAR_8_IsRejected()
    {
        var ex = Assert.Throws<TenderedPriceExceededException>(() => Builder().AddPart("UPS", "UPS", 1, Money.Cny(1m)));

        Assert.Null(ex.TenderedUnitPrice);
        Assert.Contains("is not on the tendered price list", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSoftwareUpgrade_WithinTheWindow_R_WAR_8_IsFree()
    {
        var tenYears = FreeUpgradeWindow.For(Period.FromYears(10));

        var within = Builder().AddSoftwareUpgrade("v3 升级", Money.Cny(5000m), tenYears, new LocalDate(2020, 1, 1)).Build();
        var outside = Builder().AddSoftwareUpgrade("v3 升级", Money.Cny(5000m), tenYears, new LocalDate(2017, 1, 1)).Build();
        var lifetime = Builder().AddSoftwareUpgrade("v3 升级", Money.Cny(5000m), FreeUpgradeWindow.Lifetime, new LocalDate(1990, 1, 1)).Build();

        Assert.True(within.Total.IsZero);
        Assert.Equal(Money.Cny(5000m), outside.Total);
        Assert.True(lifetime.Total.IsZero);
    }

    [Fact]
    public void Builder_BadInput_ThrowsNamingTheField()
    {
        Assert.Equal("quantity", Assert.Throws<ArgumentOutOfRangeException>(() => Builder().AddPart("PRINT-HEAD", "x", 0, Money.Cny(1m))).ParamName);
        Assert.Equal("fee", Assert.Throws<ArgumentException>(() => Builder().AddOnSiteVisit(Money.Of(10m, "USD"))).ParamName);
        Assert.Equal("cost", Assert.Throws<ArgumentOutOfRangeException>(() => Builder().AddTravel(Money.Cny(-1m))).ParamName);
        Assert.Throws<InvalidOperationException>(() => Builder().Build());
    }

    [Fact]
    public void Accept_ByTheCustomer_ReturnsANewAcceptedQuote()
    {
        var quote = Builder().AddPart("CARD-READER", "读卡器", 1, Money.Cny(860m)).Build();
        var at = Instant.FromUtc(2027, 5, 10, 3, 0);

        var accepted = quote.Accept("王主任", at);

        Assert.False(quote.IsAccepted);
        Assert.True(accepted.IsAccepted);
        Assert.Equal("王主任", accepted.Acceptance!.AcceptedBy);
        Assert.Equal(at, accepted.Acceptance.AcceptedAt);
        Assert.Throws<InvalidOperationException>(() => accepted.Accept("someone else", at));
    }

    [Fact]
    public void CanReplaceParts_BeforeAcceptance_R_WO_7_SaysTheCustomerHasNotAccepted()
    {
        var quote = Builder().AddPart("CARD-READER", "读卡器", 1, Money.Cny(860m)).Build();

        var (allowed, reason) = QuoteApproval.CanReplaceParts(quote);
        var (afterAcceptance, _) = QuoteApproval.CanReplaceParts(quote.Accept("王主任", Instant.FromUtc(2027, 5, 10, 3, 0)));
        var (withoutQuote, why) = QuoteApproval.CanReplaceParts(null);

        Assert.False(allowed);
        Assert.Contains("the customer has not accepted the quote", reason);
        Assert.True(afterAcceptance);
        Assert.False(withoutQuote);
        Assert.Contains("no quote has been issued", why);
    }

    [Fact]
    public void OutOfWarrantyRepair_BillableIffNotCovered_R_WAR_8()
    {
        var record = DeviceRecord.Create("SWH-1", ComponentClass.MainUnit, acceptedOn: new LocalDate(2024, 1, 1));
        var policy = WarrantyPresets.SolarWaterHeater001;

        var covered = OutOfWarrantyRepair.Decide(policy.Evaluate(record, new LocalDate(2025, 1, 1)));
        var excluded = OutOfWarrantyRepair.Decide(policy.Evaluate(record, new LocalDate(2025, 1, 1), [WarrantyExclusion.ForceMajeure]));
        var expired = OutOfWarrantyRepair.Decide(policy.Evaluate(record, new LocalDate(2027, 1, 1)));

        Assert.False(covered.IsBillable);
        Assert.True(excluded.IsBillable);
        Assert.Contains("force majeure", excluded.Reason);
        Assert.True(expired.IsBillable);
        Assert.Contains("2027-01-01", expired.Reason);
        Assert.True(QuoteApproval.CanReplaceParts(covered, null).Allowed);
        Assert.False(QuoteApproval.CanReplaceParts(expired, null).Allowed);
    }

    [Fact]
    public void PartsExchangeRecord_OldAndNewSignedFor_R_WO_7()
    {
        var signedAt = Instant.FromUtc(2027, 5, 11, 2, 0);

        var record = PartsExchangeRecord.Create("WO-100", "PRINT-HEAD", "PH-OLD-1", "PRINT-HEAD", "PH-NEW-9", "王主任", signedAt, "Q-1");

        Assert.Equal("PH-OLD-1", record.OldSerialNumber);
        Assert.Equal("PH-NEW-9", record.NewSerialNumber);
        Assert.Equal("王主任", record.SignedBy);
        Assert.Equal(signedAt, record.SignedAt);
        Assert.Equal("signedBy", Assert.Throws<ArgumentException>(() =>
            PartsExchangeRecord.Create("WO-100", "PRINT-HEAD", null, "PRINT-HEAD", null, " ", signedAt)).ParamName);
    }

    [Fact]
    public void FromLines_R_WAR_8_PartsDefaultToTheTenderedPrice_ALineAboveItIsRefusedWithItsIndexAndTheCap()
    {
        var prices = TenderedPriceList.Empty().With("P-1", Money.Cny(120.5m)).With("P-2", Money.Cny(80m)).WithId("CT-1").WithVersion(4);
        var quote = Quote.FromLines("Q-1", "WO-1", "SN-1", prices, new LocalDate(2026, 3, 2),
            [new QuoteLineDraft { Kind = QuoteLineKind.Part, PartNumber = "P-1", Quantity = 2 }, new QuoteLineDraft { Kind = QuoteLineKind.Travel, UnitPrice = 50m }]);
        Assert.Equal((291m, "CT-1@4", 120.5m), (quote.Total.Amount, quote.PriceListKey, quote.Lines[0].UnitPrice.Amount));

        var above = Assert.Throws<TenderedPriceExceededException>(() => Quote.FromLines("Q-2", "WO-1", "SN-1", prices, new LocalDate(2026, 3, 2),
            [new QuoteLineDraft { Kind = QuoteLineKind.PhoneSupport }, new QuoteLineDraft { Kind = QuoteLineKind.Part, PartNumber = "P-2", UnitPrice = 80.01m }]));
        Assert.Equal((1, 80m, 80.01m), (above.LineIndex!.Value, above.TenderedUnitPrice!.Value.Amount, above.QuotedUnitPrice!.Value.Amount));
        Assert.StartsWith("lines[1]: Part 'P-2'", above.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<TenderedPriceExceededException>(() => Quote.FromLines("Q-3", "WO-1", "SN-1", prices, new LocalDate(2026, 3, 2),
            [new QuoteLineDraft { Kind = QuoteLineKind.Part, PartNumber = "P-9" }]));
        Assert.Contains("not on the tendered price list CT-1@4", missing.Message, StringComparison.Ordinal);

        Assert.Equal("lines[0].unitPrice", Assert.Throws<ArgumentException>(() => Quote.FromLines("Q-4", "WO-1", "SN-1", prices, new LocalDate(2026, 3, 2),
            [new QuoteLineDraft { Kind = QuoteLineKind.Labour }])).ParamName);
        var zero = Assert.Throws<ArgumentException>(() => Quote.FromLines("Q-5", "WO-1", "SN-1", prices, new LocalDate(2026, 3, 2),
            [new QuoteLineDraft { Kind = QuoteLineKind.Part, PartNumber = "P-1", Quantity = 0 }]));
        Assert.Equal("lines[0].quantity", zero.ParamName);
        Assert.StartsWith("lines[0].quantity must be at least 1, was 0.", zero.Message, StringComparison.Ordinal);
        Assert.Equal("lines", Assert.Throws<ArgumentException>(() => Quote.FromLines("Q-6", "WO-1", "SN-1", prices, new LocalDate(2026, 3, 2), [])).ParamName);
    }

    /// <summary>Random quote lines: parts listed or not, priced below, at or above the cap, or at the cap by default; services.</summary>
    public static class DraftArbitraries
    {
        public static FsCheck.Arbitrary<(int Part, int? Cents, int Quantity)[]> Lines() =>
            FsCheck.Fluent.Gen.ArrayOf(
                    from part in FsCheck.Fluent.Gen.Choose(-1, 4)
                    from cents in FsCheck.Fluent.Gen.OneOf(FsCheck.Fluent.Gen.Constant<int?>(null), FsCheck.Fluent.Gen.Choose(0, 60_000).Select(static c => (int?)c))
                    from quantity in FsCheck.Fluent.Gen.Choose(1, 9)
                    select (part, cents, quantity))
                .Where(static a => a.Length is > 0 and <= 100)
                .ToArbitrary();
    }

    /// <summary>R-WAR-8 against a slow reference: accepted exactly when every part is listed and at most its cap; the total is the plain sum.</summary>
    [FsCheck.Xunit.Property(Arbitrary = new[] { typeof(DraftArbitraries) }, MaxTest = 2000)]
    public void FromLines_AcceptsExactlyTheLinesWithinTheCaps_AndTotalsThemAsAPlainSum((int Part, int? Cents, int Quantity)[] lines)
    {
        // Parts 0..3 are listed at 100.00, 200.00, 300.00, 400.00; part 4 is not; -1 is travel.
        var prices = Enumerable.Range(0, 4).Aggregate(TenderedPriceList.Empty(), static (l, i) => l.With($"P-{i}", Money.Cny((i + 1) * 100m)));
        var drafts = lines.Select(static l => l.Part < 0
            ? new QuoteLineDraft { Kind = QuoteLineKind.Travel, UnitPrice = (l.Cents ?? 0) / 100m }
            : new QuoteLineDraft { Kind = QuoteLineKind.Part, PartNumber = $"P-{l.Part}", Quantity = l.Quantity, UnitPrice = l.Cents / 100m }).ToList();
        var firstBad = lines.Select((l, i) => (l, i)).FirstOrDefault(static x => x.l.Part >= 4 || (x.l.Part >= 0 && x.l.Cents is { } c && c > (x.l.Part + 1) * 10_000)).i;
        var anyBad = lines.Any(static l => l.Part >= 4 || (l.Part >= 0 && l.Cents is { } c && c > (l.Part + 1) * 10_000));
        try
        {
            var quote = Quote.FromLines("Q-1", "WO-1", "SN-1", prices, new LocalDate(2026, 3, 2), drafts);
            Assert.False(anyBad, "a line above its cap or not listed was accepted");
            var expected = 0m;
            foreach (var l in lines)
            {
                expected += l.Part < 0 ? (l.Cents ?? 0) / 100m : (l.Cents is { } c ? c / 100m : (l.Part + 1) * 100m) * l.Quantity;
            }

            Assert.Equal(expected, quote.Total.Amount);
        }
        catch (TenderedPriceExceededException ex)
        {
            Assert.True(anyBad);
            Assert.Equal(firstBad, ex.LineIndex);
        }
    }
}
