using AfterSales.Entitlements.Quotes;
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
        Assert.Contains("does not list it", ex.Message);
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
}
