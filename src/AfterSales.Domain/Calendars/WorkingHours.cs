using NodaTime;
using System.Globalization;

namespace AfterSales.Calendars;

/// <summary>
/// One range of local wall-clock working time within a day, <c>[Start, End)</c>: the start is
/// included, the end (the closing time) is not. The end may be 24:00, the end of the day, which
/// <see cref="LocalTime"/> cannot express on its own; create such a range with
/// <see cref="ToEndOfDay"/> (or <see cref="AllDay"/>).
/// </summary>
/// <remarks>
/// <para>Values are immutable and compare by their start and end. Create them with
/// <see cref="Between"/>, <see cref="ToEndOfDay"/>, <see cref="FromMinutesOfDay"/> or
/// <see cref="AllDay"/>; the factories guarantee <c>Start &lt; End</c>. The default value is an
/// empty range, which calendar builders reject.</para>
/// <para>The range is wall-clock time: on a day with a daylight-saving transition the elapsed
/// real time covered can differ from <see cref="Length"/> (see <see cref="BusinessCalendar"/>).</para>
/// </remarks>
public readonly struct WorkingHours : IEquatable<WorkingHours>
{
    private const long NanosecondsPerDay = 86_400_000_000_000L;
    private const long NanosecondsPerMinute = 60_000_000_000L;

    private WorkingHours(long startNanosecondOfDay, long endNanosecondOfDay)
    {
        StartNanosecondOfDay = startNanosecondOfDay;
        EndNanosecondOfDay = endNanosecondOfDay;
    }

    /// <summary>The whole day, 00:00–24:00.</summary>
    public static WorkingHours AllDay { get; } = new(0, NanosecondsPerDay);

    /// <summary>The local time the range starts (opening time, included).</summary>
    public LocalTime Start => LocalTime.FromNanosecondsSinceMidnight(StartNanosecondOfDay);

    /// <summary>
    /// The local time the range ends (closing time, excluded); <see cref="LocalTime.Midnight"/>
    /// when the range runs to the end of the day (24:00), see <see cref="EndsAtEndOfDay"/>.
    /// </summary>
    public LocalTime End => EndsAtEndOfDay ? LocalTime.Midnight : LocalTime.FromNanosecondsSinceMidnight(EndNanosecondOfDay);

    /// <summary>Whether the range runs to 24:00, the end of the day.</summary>
    public bool EndsAtEndOfDay => EndNanosecondOfDay == NanosecondsPerDay;

    /// <summary>The nominal wall-clock length of the range, <c>End − Start</c>.</summary>
    public Duration Length => Duration.FromNanoseconds(EndNanosecondOfDay - StartNanosecondOfDay);

    /// <summary>Whether this is the (invalid) default value rather than a range made by a factory.</summary>
    internal bool IsEmpty => EndNanosecondOfDay <= StartNanosecondOfDay;

    internal long StartNanosecondOfDay { get; }

    internal long EndNanosecondOfDay { get; }

    /// <summary>Creates the range <c>[start, end)</c> within one day.</summary>
    /// <param name="start">The opening time, included.</param>
    /// <param name="end">The closing time, excluded; must be later than <paramref name="start"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not later than
    /// <paramref name="start"/> (for a range to midnight use <see cref="ToEndOfDay"/>).</exception>
    public static WorkingHours Between(LocalTime start, LocalTime end)
    {
        if (end <= start)
        {
            var hint = end == LocalTime.Midnight
                ? " To work until midnight (24:00) use WorkingHours.ToEndOfDay(start)."
                : string.Empty;
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"end must be later than start, was {start:HH:mm:ss.FFFFFFFFF}–{end:HH:mm:ss.FFFFFFFFF}; ranges across midnight are two ranges on two days.{hint}"),
                nameof(end));
        }

        return new WorkingHours(start.NanosecondOfDay, end.NanosecondOfDay);
    }

    /// <summary>Creates the range from <paramref name="start"/> to 24:00, the end of the day.</summary>
    /// <param name="start">The opening time, included.</param>
    public static WorkingHours ToEndOfDay(LocalTime start) => new(start.NanosecondOfDay, NanosecondsPerDay);

    /// <summary>Creates a range from minutes since midnight: <c>[startMinute, endMinute)</c>, where
    /// <paramref name="endMinute"/> may be 1440 (24:00).</summary>
    /// <param name="startMinute">The opening minute of the day, 0–1439.</param>
    /// <param name="endMinute">The closing minute of the day, <paramref name="startMinute"/>+1 to 1440.</param>
    /// <exception cref="ArgumentOutOfRangeException">A minute is outside the day or the range is empty or reversed.</exception>
    public static WorkingHours FromMinutesOfDay(int startMinute, int endMinute)
    {
        if (startMinute is < 0 or >= 1440)
        {
            throw new ArgumentOutOfRangeException(nameof(startMinute), startMinute, string.Create(CultureInfo.InvariantCulture, $"startMinute must be 0–1439, was {startMinute}."));
        }

        if (endMinute <= startMinute || endMinute > 1440)
        {
            throw new ArgumentOutOfRangeException(nameof(endMinute), endMinute, string.Create(CultureInfo.InvariantCulture, $"endMinute must be later than startMinute ({startMinute}) and at most 1440 (24:00), was {endMinute}."));
        }

        return new WorkingHours(startMinute * NanosecondsPerMinute, endMinute * NanosecondsPerMinute);
    }

    /// <summary>Whether both ranges have the same start and end.</summary>
    public bool Equals(WorkingHours other)
        => StartNanosecondOfDay == other.StartNanosecondOfDay && EndNanosecondOfDay == other.EndNanosecondOfDay;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is WorkingHours other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StartNanosecondOfDay, EndNanosecondOfDay);

    /// <summary>Formats the range as <c>HH:mm–HH:mm</c> (seconds when not whole minutes), e.g. <c>09:00–18:00</c> or <c>22:00–24:00</c>.</summary>
    public override string ToString()
        => IsEmpty && StartNanosecondOfDay == 0 && EndNanosecondOfDay == 0
            ? "(empty)"
            : Format(StartNanosecondOfDay) + "–" + Format(EndNanosecondOfDay);

    /// <summary>Whether both ranges have the same start and end.</summary>
    public static bool operator ==(WorkingHours left, WorkingHours right) => left.Equals(right);

    /// <summary>Whether the ranges differ in start or end.</summary>
    public static bool operator !=(WorkingHours left, WorkingHours right) => !left.Equals(right);

    private static string Format(long nanosecondOfDay)
    {
        if (nanosecondOfDay == NanosecondsPerDay)
        {
            return "24:00";
        }

        var time = LocalTime.FromNanosecondsSinceMidnight(nanosecondOfDay);
        var pattern = nanosecondOfDay % NanosecondsPerMinute == 0 ? "HH:mm" : "HH:mm:ss.FFFFFFFFF";
        return time.ToString(pattern, CultureInfo.InvariantCulture);
    }
}
