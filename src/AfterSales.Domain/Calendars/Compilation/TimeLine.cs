using NodaTime;
using System.Runtime.CompilerServices;

namespace AfterSales.Calendars.Compilation;

/// <summary>
/// Conversions between NodaTime values and the <see cref="long"/> nanosecond lines the compiled
/// calendar works on: instants as nanoseconds since the Unix epoch, local date-times as
/// nanoseconds since 1970-01-01T00:00 local. A <see cref="long"/> holds ±292 years of
/// nanoseconds, which comfortably covers the supported years 1900–2099.
/// </summary>
internal static class TimeLine
{
    public const long NanosecondsPerDay = 86_400_000_000_000L;

    /// <summary>The first supported year of local dates.</summary>
    public const int FirstSupportedYear = 1900;

    /// <summary>The last supported year of local dates.</summary>
    public const int LastSupportedYear = 2099;

    public static readonly Instant MinSupportedInstant = Instant.FromUtc(FirstSupportedYear, 1, 1, 0, 0);

    public static readonly Instant MaxSupportedInstant = Instant.FromUtc(LastSupportedYear + 1, 1, 1, 0, 0);

    private static readonly int UnixEpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ToNanos(Instant instant) => (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Instant ToInstant(long nanos) => NodaConstants.UnixEpoch + Duration.FromNanoseconds(nanos);

    public static long FloorDiv(long value, long divisor)
    {
        var quotient = value / divisor;
        return (value % divisor != 0 && ((value < 0) != (divisor < 0))) ? quotient - 1 : quotient;
    }

    /// <summary>The local date of a day number counted from 1970-01-01.</summary>
    public static LocalDate DateOfDay(long day) => LocalDate.FromDateOnly(DateOnly.FromDayNumber((int)(day + UnixEpochDayNumber)));

    /// <summary>The day number of a local date, counted from 1970-01-01.</summary>
    public static long DayOf(LocalDate date) => date.ToDateOnly().DayNumber - (long)UnixEpochDayNumber;
}
