using System.Globalization;
using AfterSales.Internal;

namespace AfterSales.Quality.Penalties;

/// <summary>
/// One tier of a <see cref="ServiceCreditPolicy"/>: a clock overdue by at least
/// <see cref="MinimumOverdue"/> business time earns the customer a percentage of the monthly fee
/// plus a fixed amount (服务赔偿). Immutable.
/// </summary>
public sealed class ServiceCreditTier
{
    /// <summary>Creates a tier.</summary>
    /// <param name="minimumOverdue">The least overdue business time for the tier; not negative.</param>
    /// <param name="percentOfMonthlyFee">Percent of the monthly fee (e.g. 5 for 5 %); not negative.</param>
    /// <param name="fixedAmount">A fixed amount on top; not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative.</exception>
    public ServiceCreditTier(Duration minimumOverdue, decimal percentOfMonthlyFee, decimal fixedAmount = 0m)
    {
        MinimumOverdue = Guard.NotNegative(minimumOverdue);
        PercentOfMonthlyFee = percentOfMonthlyFee >= 0 ? percentOfMonthlyFee : throw new ArgumentOutOfRangeException(nameof(percentOfMonthlyFee), percentOfMonthlyFee, $"percentOfMonthlyFee must not be negative, was {percentOfMonthlyFee}.");
        FixedAmount = fixedAmount >= 0 ? fixedAmount : throw new ArgumentOutOfRangeException(nameof(fixedAmount), fixedAmount, $"fixedAmount must not be negative, was {fixedAmount}.");
    }

    /// <summary>The least overdue business time for this tier.</summary>
    public Duration MinimumOverdue { get; }

    /// <summary>Percent of the monthly fee credited.</summary>
    public decimal PercentOfMonthlyFee { get; }

    /// <summary>A fixed amount credited on top.</summary>
    public decimal FixedAmount { get; }

    /// <summary>The credit of this tier for <paramref name="monthlyFee"/>.</summary>
    public decimal CreditFor(decimal monthlyFee) => (monthlyFee * PercentOfMonthlyFee / 100m) + FixedAmount;

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"≥ {DurationText.Format(MinimumOverdue)} overdue: {PercentOfMonthlyFee} % of the monthly fee{(FixedAmount > 0 ? $" + {FixedAmount:0.00}" : "")}");
}
