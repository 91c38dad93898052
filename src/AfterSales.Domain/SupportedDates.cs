using System.Runtime.CompilerServices;

namespace AfterSales;

/// <summary>
/// The dates and instants the library stores (支持的日期范围): 1900-01-01 to 2199-12-31, and the
/// instants from the start of the first of those days to the end of the last, in UTC. Outside it
/// lies no real after-sales fact, but warranty arithmetic (a 36-month term from 9999-12-31) and the
/// stores' instant columns (Unix nanoseconds) overflow; a value outside is rejected when it enters,
/// so a stored item never breaks a list or a report later.
/// </summary>
public static class SupportedDates
{
    /// <summary>The first supported day.</summary>
    public static LocalDate MinDate { get; } = new(1900, 1, 1);

    /// <summary>The last supported day.</summary>
    public static LocalDate MaxDate { get; } = new(2199, 12, 31);

    /// <summary>The first supported instant: <see cref="MinDate"/> at midnight UTC.</summary>
    public static Instant MinInstant { get; } = MinDate.AtMidnight().InUtc().ToInstant();

    /// <summary>The last supported instant: the end of <see cref="MaxDate"/> in UTC (exclusive bound minus one tick).</summary>
    public static Instant MaxInstant { get; } = MaxDate.PlusDays(1).AtMidnight().InUtc().ToInstant() - Duration.Epsilon;

    /// <summary>Returns <paramref name="value"/> when it is in the supported range; throws otherwise.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The day is before 1900-01-01 or after 2199-12-31; the message names the field.</exception>
    public static LocalDate Check(LocalDate value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value < MinDate || value > MaxDate || value.Calendar != CalendarSystem.Iso
            ? throw new ArgumentOutOfRangeException(name, value, $"{name} must be an ISO date from {Text(MinDate)} to {Text(MaxDate)}, was {Text(value)}.")
            : value;

    /// <summary>Like <see cref="Check(LocalDate, string?)"/> for an optional day: <see langword="null"/> passes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The day is given and out of range.</exception>
    public static LocalDate? Check(LocalDate? value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is { } date ? Check(date, name) : null;

    /// <summary>Returns <paramref name="value"/> when it is in the supported range; throws otherwise.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside 1900-01-01T00:00Z … 2199-12-31T24:00Z; the message names the field.</exception>
    public static Instant Check(Instant value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value < MinInstant || value > MaxInstant
            ? throw new ArgumentOutOfRangeException(name, value, $"{name} must be an instant from {Text(MinDate)}T00:00:00Z to {Text(MaxDate)}T23:59:59Z, was {value}.")
            : value;

    /// <summary>Like <see cref="Check(Instant, string?)"/> for an optional instant: <see langword="null"/> passes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The instant is given and out of range.</exception>
    public static Instant? Check(Instant? value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is { } instant ? Check(instant, name) : null;

    private static string Text(LocalDate date) => date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
