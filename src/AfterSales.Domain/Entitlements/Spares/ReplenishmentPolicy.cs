using System.Globalization;

namespace AfterSales.Entitlements.Spares;

/// <summary>
/// How much of each part type a service centre keeps (备件配置比例), R-SP-1: a ratio of the installed
/// base it serves, rounded up, and an optional minimum. Seed 000 keeps 5 % (按5%的比例配置).
/// </summary>
/// <remarks>
/// Target = max(⌈ratio × installed base⌉, minimum). The ratio is an exact decimal (at most 9 decimal
/// places), and the ceiling is computed in integers, so 5 % of 20 is exactly 1 and 5 % of 21 is 2.
/// Immutable.
/// </remarks>
public sealed class ReplenishmentPolicy
{
    private ReplenishmentPolicy(decimal ratio, int minimum, long numerator, long denominator)
    {
        Ratio = ratio;
        Minimum = minimum;
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>Seed 000: 5 % of the installed base, held centrally by the service centre.</summary>
    public static ReplenishmentPolicy Seed000 { get; } = OfRatio(0.05m);

    /// <summary>Creates a policy.</summary>
    /// <param name="ratio">The share of the installed base to keep, 0 … 1, at most 9 decimal places (0.05 for 5 %).</param>
    /// <param name="minimum">The least to keep of every part type, whatever the installed base; 0 by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">The ratio is outside 0 … 1 or too precise, or the minimum is negative.</exception>
    public static ReplenishmentPolicy OfRatio(decimal ratio, int minimum = 0)
    {
        if (ratio < 0m || ratio > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio,
                string.Create(CultureInfo.InvariantCulture, $"ratio must be between 0 and 1 (0.05 for 5 %), was {ratio}."));
        }

        if (ratio.Scale > 9 && decimal.Round(ratio, 9) != ratio)
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio,
                string.Create(CultureInfo.InvariantCulture, $"ratio must have at most 9 decimal places, was {ratio}."));
        }

        EntitlementGuard.NotNegative(minimum);
        var normalized = decimal.Round(ratio, 9);
        long denominator = 1;
        for (var i = 0; i < normalized.Scale; i++)
        {
            denominator *= 10;
        }

        return new ReplenishmentPolicy(ratio, minimum, (long)(normalized * denominator), denominator);
    }

    /// <summary>The share of the installed base to keep.</summary>
    public decimal Ratio { get; }

    /// <summary>The least to keep of every part type.</summary>
    public int Minimum { get; }

    internal long Numerator { get; }

    internal long Denominator { get; }

    /// <summary>Returns this policy with a minimum stock per part type.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimum"/> is negative.</exception>
    public ReplenishmentPolicy WithMinimum(int minimum) =>
        new(Ratio, EntitlementGuard.NotNegative(minimum), Numerator, Denominator);

    /// <summary>The stock to keep for <paramref name="installedBase"/> units in service: max(⌈ratio × base⌉, minimum).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="installedBase"/> is negative.</exception>
    public int TargetFor(int installedBase)
    {
        EntitlementGuard.NotNegative(installedBase);
        return TargetUnchecked(installedBase);
    }

    /// <summary>Whether <paramref name="onHand"/> already meets the target, without dividing (the planner's fast path).</summary>
    internal bool IsMet(int onHand, int installedBase) =>
        onHand >= Minimum && onHand * Denominator >= Numerator * installedBase;

    /// <summary>
    /// Whether a movement from <paramref name="before"/> to <paramref name="after"/> units on hand takes the stock from
    /// at or above the target to below it (R-SP-1): true on the crossing only, false while it stays below or above.
    /// </summary>
    /// <param name="before">Units on hand before the movement.</param>
    /// <param name="after">Units on hand after it.</param>
    /// <param name="installedBase">The installed base the target is computed from.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="installedBase"/> is negative.</exception>
    public bool CrossesBelow(int before, int after, int installedBase)
    {
        EntitlementGuard.NotNegative(installedBase);
        return IsMet(before, installedBase) && !IsMet(after, installedBase);
    }

    internal int TargetUnchecked(int installedBase)
    {
        var byRatio = (int)((Numerator * installedBase + Denominator - 1) / Denominator);
        return byRatio > Minimum ? byRatio : Minimum;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Ratio * 100m:0.##} % of the installed base") + (Minimum > 0 ? $", at least {Minimum}" : "");
}
