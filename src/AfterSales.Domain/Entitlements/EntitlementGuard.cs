using System.Globalization;
using System.Runtime.CompilerServices;

namespace AfterSales.Entitlements;

/// <summary>Contract checks specific to entitlements; each names the argument and the allowed range.</summary>
internal static class EntitlementGuard
{
    /// <summary>A warranty length or window: whole years and months only, not negative, not zero unless allowed.</summary>
    public static Period YearsAndMonths(Period value, bool allowZero = false, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        var onlyYearsMonths = value.Weeks == 0 && value.Days == 0 && !value.HasTimeComponent;
        if (!onlyYearsMonths || value.Years < 0 || value.Months < 0 || (!allowZero && value.Years == 0 && value.Months == 0))
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} must be a {(allowZero ? "non-negative" : "positive")} number of years and months (e.g. P2Y, P36M), was {value}.");
        }

        return value;
    }

    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
        => value <= 0
            ? throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be at least 1, was {value}."))
            : value;

    public static int NotNegative(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
        => value < 0
            ? throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must not be negative, was {value}."))
            : value;
}
