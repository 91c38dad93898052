using System.Globalization;

namespace AfterSales.Quality.Penalties;

/// <summary>
/// The monthly service bonus (售后服务奖金) and how confirmed complaints in the month reduce it
/// (R-CP-3, seed 002: 当月无投诉每月奖励…元, 如有投诉每次处罚…元, 月累计…次及以上扣除当月奖金).
/// </summary>
/// <remarks>
/// Three options, each a factory: <see cref="NoneWithComplaints"/> (any complaint forfeits),
/// <see cref="DeductPerComplaint"/> (a fixed deduction per complaint, never below zero), and
/// <see cref="DeductAndForfeitAt"/> (deductions, and the whole bonus forfeited at a count). The
/// deduction is taken from the bonus only; fines are separate (<see cref="PenaltyPolicy"/>). Immutable.
/// </remarks>
public sealed class MonthlyBonusRule
{
    private MonthlyBonusRule(decimal amount, decimal deductionPerComplaint, int? forfeitAtCount)
    {
        if (amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"amount must not be negative, was {amount}.");
        }

        if (deductionPerComplaint < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(deductionPerComplaint), deductionPerComplaint, $"deductionPerComplaint must not be negative, was {deductionPerComplaint}.");
        }

        if (forfeitAtCount is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(forfeitAtCount), forfeitAtCount, $"forfeitAtCount must be at least 1, was {forfeitAtCount}.");
        }

        Amount = amount;
        DeductionPerComplaint = deductionPerComplaint;
        ForfeitAtCount = forfeitAtCount;
    }

    /// <summary>No bonus in a month with any confirmed complaint.</summary>
    public static MonthlyBonusRule NoneWithComplaints(decimal amount) => new(amount, 0m, 1);

    /// <summary>Each confirmed complaint in the month deducts <paramref name="deduction"/> from the bonus, down to zero.</summary>
    public static MonthlyBonusRule DeductPerComplaint(decimal amount, decimal deduction) => new(amount, deduction, null);

    /// <summary>Each complaint deducts <paramref name="deduction"/>; <paramref name="forfeitAtCount"/> or more in the month forfeit the bonus.</summary>
    public static MonthlyBonusRule DeductAndForfeitAt(decimal amount, decimal deduction, int forfeitAtCount) => new(amount, deduction, forfeitAtCount);

    /// <summary>The bonus for a month without complaints.</summary>
    public decimal Amount { get; }

    /// <summary>The amount each complaint deducts from the bonus (0 when none).</summary>
    public decimal DeductionPerComplaint { get; }

    /// <summary>The count of complaints in a month that forfeits the bonus; null when there is none.</summary>
    public int? ForfeitAtCount { get; }

    /// <summary>The bonus paid for a month with <paramref name="complaints"/> confirmed complaints.</summary>
    public decimal BonusFor(int complaints)
    {
        if (ForfeitAtCount is { } n && complaints >= n)
        {
            return 0m;
        }

        return Math.Max(0m, Amount - (DeductionPerComplaint * complaints));
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"bonus {Amount}, -{DeductionPerComplaint} per complaint{(ForfeitAtCount is { } n ? $", forfeited at {n}" : "")}");
}
