using AfterSales.Entitlements.Quotes;

namespace AfterSales.Tests.Entitlements;

public class MoneyTests
{
    [Fact]
    public void Cny_Rounding_IsHalfAwayFromZeroToTheFen()
    {
        Assert.Equal(1.01m, Money.Cny(1.005m).Amount);
        Assert.Equal(-1.01m, Money.Cny(-1.005m).Amount);
        Assert.Equal(2.34m, Money.Cny(2.344m).Amount);
        Assert.Equal("CNY", Money.Cny(1m).Currency);
    }

    [Fact]
    public void Plus_SameCurrency_IsExact()
    {
        var sum = Money.Cny(0.10m) + Money.Cny(0.20m);

        Assert.Equal(Money.Cny(0.30m), sum);
        Assert.Equal(Money.Cny(359.97m), Money.Cny(119.99m) * 3);
        Assert.Equal(Money.Cny(0.01m), Money.Cny(0.02m).Times(0.5m));
    }

    [Fact]
    public void Plus_DifferentCurrencies_ThrowsNamingTheOperand()
    {
        var ex = Assert.Throws<ArgumentException>(() => Money.Cny(1m) + Money.Of(1m, "USD"));

        Assert.Contains("USD", ex.Message);
        Assert.Contains("CNY", ex.Message);
        Assert.Throws<ArgumentException>(() => Money.Cny(1m) < Money.Of(1m, "USD"));
    }

    [Fact]
    public void Of_NotAnIsoCode_ThrowsNamingTheCurrency()
    {
        Assert.Equal("currency", Assert.Throws<ArgumentException>(() => Money.Of(1m, "rmb")).ParamName);
        Assert.Equal("currency", Assert.Throws<ArgumentException>(() => Money.Zero("YUAN")).ParamName);
    }

    [Fact]
    public void Default_IsZeroYuan()
    {
        Assert.Equal(Money.Zero(), default);
        Assert.Equal("CNY 1,234.50", Money.Cny(1234.5m).ToString());
    }
}
