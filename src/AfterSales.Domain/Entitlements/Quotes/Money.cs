using System.Globalization;
using System.Runtime.CompilerServices;

namespace AfterSales.Entitlements.Quotes;

/// <summary>
/// An amount of money in one currency (金额): a <see cref="decimal"/> rounded to 0.01 and an ISO 4217
/// currency code, CNY (人民币) by default. No floating point anywhere.
/// </summary>
/// <remarks>
/// <para><b>Rounding.</b> Every amount is rounded to two decimal places (分) when created, half away
/// from zero (四舍五入, the Chinese commercial convention): 1.005 → 1.01. Sums and differences of
/// rounded amounts are exact; a product with a decimal factor is rounded again.</para>
/// <para><b>Currencies.</b> Arithmetic and comparison only within one currency: mixing them throws
/// an <see cref="ArgumentException"/> naming both. <c>default(Money)</c> is CNY 0.00.</para>
/// <para>Equality is by currency and amount (1.0 and 1.00 are equal).</para>
/// </remarks>
public readonly struct Money : IEquatable<Money>, IComparable<Money>
{
    /// <summary>The default currency: Chinese yuan (人民币).</summary>
    public const string DefaultCurrency = "CNY";

    private readonly string? currency;

    private Money(decimal amount, string currency)
    {
        Amount = decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
        this.currency = currency;
    }

    /// <summary>The amount, rounded to 0.01.</summary>
    public decimal Amount { get; }

    /// <summary>The ISO 4217 currency code, e.g. <c>CNY</c>.</summary>
    public string Currency => currency ?? DefaultCurrency;

    /// <summary>Whether the amount is zero.</summary>
    public bool IsZero => Amount == 0m;

    /// <summary>An amount in yuan (CNY).</summary>
    public static Money Cny(decimal amount) => new(amount, DefaultCurrency);

    /// <summary>An amount in <paramref name="currency"/>.</summary>
    /// <param name="amount">The amount; rounded half away from zero to 0.01.</param>
    /// <param name="currency">An ISO 4217 code: three letters A–Z, e.g. <c>CNY</c>, <c>USD</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is not three upper-case letters.</exception>
    public static Money Of(decimal amount, string currency) => new(amount, CheckCurrency(currency));

    /// <summary>Zero in <paramref name="currency"/>.</summary>
    public static Money Zero(string currency = DefaultCurrency) => new(0m, CheckCurrency(currency));

    /// <summary>The sum; both in one currency.</summary>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public Money Plus(Money other) => new(Amount + other.Amount, SameCurrency(other));

    /// <summary>The difference; both in one currency. May be negative (e.g. a refund).</summary>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public Money Minus(Money other) => new(Amount - other.Amount, SameCurrency(other));

    /// <summary>This amount times a whole quantity (exact).</summary>
    public Money Times(int quantity) => new(Amount * quantity, Currency);

    /// <summary>This amount times a decimal factor, rounded half away from zero to 0.01.</summary>
    public Money Times(decimal factor) => new(Amount * factor, Currency);

    /// <summary>The sum of <paramref name="left"/> and <paramref name="right"/>.</summary>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right) => left.Plus(right);

    /// <summary>The difference of <paramref name="left"/> and <paramref name="right"/>.</summary>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right) => left.Minus(right);

    /// <summary>An amount times a whole quantity.</summary>
    public static Money operator *(Money money, int quantity) => money.Times(quantity);

    /// <summary>Whether <paramref name="left"/> equals <paramref name="right"/>.</summary>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Whether <paramref name="left"/> differs from <paramref name="right"/>.</summary>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>; one currency.</summary>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> is greater than <paramref name="right"/>; one currency.</summary>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> is at most <paramref name="right"/>; one currency.</summary>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> is at least <paramref name="right"/>; one currency.</summary>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>Compares amounts in one currency.</summary>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        SameCurrency(other);
        return Amount.CompareTo(other.Amount);
    }

    /// <inheritdoc />
    public bool Equals(Money other) => Amount == other.Amount && string.Equals(Currency, other.Currency, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Amount, StringComparer.Ordinal.GetHashCode(Currency));

    /// <summary>"CNY 1,234.50" with invariant formatting.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Currency} {Amount:#,0.00}");

    private string SameCurrency(Money other, [CallerArgumentExpression(nameof(other))] string? name = null) =>
        string.Equals(Currency, other.Currency, StringComparison.Ordinal)
            ? Currency
            : throw new ArgumentException($"{name} is in {other.Currency} and this amount in {Currency}: money of different currencies does not mix.", name);

    private static string CheckCurrency(string currency, [CallerArgumentExpression(nameof(currency))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(currency, name);
        if (currency.Length != 3 || !currency.All(c => c is >= 'A' and <= 'Z'))
        {
            throw new ArgumentException($"{name} must be an ISO 4217 code of three upper-case letters (e.g. CNY), was '{currency}'.", name);
        }

        return currency;
    }
}
