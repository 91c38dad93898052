using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// Stores a NodaTime <see cref="Instant"/> as a 64-bit count of nanoseconds since the Unix epoch (时间点转换).
/// </summary>
/// <remarks>
/// <para>Why nanoseconds in a <c>bigint</c>/<c>INTEGER</c>: an <see cref="Instant"/> has nanosecond
/// precision, PostgreSQL's <c>timestamptz</c> has microseconds and SQLite has no date type, so
/// both providers' date types would lose or reformat data. An integer round-trips exactly on both,
/// compares and indexes in instant order, and is what the due-work query scans.</para>
/// <para>Range: years 1678 to 2262 (a signed 64-bit nanosecond count); an instant outside it throws an
/// <see cref="OverflowException"/> on save rather than being stored wrong.</para>
/// </remarks>
public sealed class InstantToUnixNanosecondsConverter : ValueConverter<Instant, long>
{
    /// <summary>Creates the converter.</summary>
    public InstantToUnixNanosecondsConverter()
        : base(static i => ToUnixNanoseconds(i), static n => FromUnixNanoseconds(n))
    {
    }

    /// <summary>Nanoseconds since 1970-01-01T00:00:00Z.</summary>
    /// <exception cref="OverflowException">The instant is outside years 1678–2262.</exception>
    public static long ToUnixNanoseconds(Instant instant) => (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    /// <summary>The instant <paramref name="nanoseconds"/> after 1970-01-01T00:00:00Z.</summary>
    public static Instant FromUnixNanoseconds(long nanoseconds) => NodaConstants.UnixEpoch + Duration.FromNanoseconds(nanoseconds);
}
