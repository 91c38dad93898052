using System.Globalization;
using AfterSales.Internal;

namespace AfterSales.Quality.Penalties;

/// <summary>
/// Over which days confirmed complaints are counted for a threshold rule such as dismissal at the
/// third complaint (考核周期): the month, the calendar year to date, or a rolling period. All
/// windows end on the last day of the ledger's month, so a ledger never looks into the future.
/// </summary>
/// <remarks>Immutable; equal when kind and period are equal.</remarks>
public sealed class PenaltyWindow : IEquatable<PenaltyWindow>
{
    private PenaltyWindow(PenaltyWindowKind kind, Period? length)
    {
        Kind = kind;
        Length = length;
    }

    /// <summary>The ledger's calendar month.</summary>
    public static PenaltyWindow Month { get; } = new(PenaltyWindowKind.Month, null);

    /// <summary>The calendar year of the ledger's month, up to the month's end.</summary>
    public static PenaltyWindow Year { get; } = new(PenaltyWindowKind.Year, null);

    /// <summary>Which kind of window.</summary>
    public PenaltyWindowKind Kind { get; }

    /// <summary>The length of a rolling window; null otherwise.</summary>
    public Period? Length { get; }

    /// <summary>A rolling window of <paramref name="length"/> ending on the month's last day, e.g. <c>Period.FromMonths(12)</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="length"/> has time units or is not positive.</exception>
    public static PenaltyWindow Rolling(Period length)
    {
        Guard.NotNull(length);
        if (length.HasTimeComponent || length.Normalize().Equals(Period.Zero) || length.Years < 0 || length.Months < 0 || length.Weeks < 0 || length.Days < 0)
        {
            throw new ArgumentException($"length must be a positive period of whole days, weeks, months or years, was {length}.", nameof(length));
        }

        return new PenaltyWindow(PenaltyWindowKind.Rolling, length);
    }

    /// <summary>The days of the window for a ledger of <paramref name="month"/>.</summary>
    public DateInterval For(YearMonth month)
    {
        var end = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
        var start = Kind switch
        {
            PenaltyWindowKind.Month => month.OnDayOfMonth(1),
            PenaltyWindowKind.Year => new LocalDate(month.Year, 1, 1),
            _ => end.Minus(Length!).PlusDays(1),
        };
        return new DateInterval(start, end);
    }

    /// <inheritdoc />
    public bool Equals(PenaltyWindow? other) => other is not null && Kind == other.Kind && Equals(Length, other.Length);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PenaltyWindow);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Length);

    /// <summary>E.g. <c>month</c>, <c>calendar year</c>, <c>rolling P12M</c>.</summary>
    public override string ToString() => Kind switch
    {
        PenaltyWindowKind.Month => "month",
        PenaltyWindowKind.Year => "calendar year",
        _ => string.Create(CultureInfo.InvariantCulture, $"rolling {Length}"),
    };
}
