using NodaTime;
namespace AfterSales.Calendars.Compilation;

/// <summary>
/// The validated day rules of a calendar: weekly hours, special days and year coverage, as
/// nanosecond-of-day range pairs. Answers "what are the local working ranges of this date".
/// Immutable after construction, so thread-safe.
/// </summary>
internal sealed class CalendarRules
{
    private static readonly long[] NoRanges = [];

    private readonly long[][] _weekly;
    private readonly Dictionary<LocalDate, long[]> _special;

    public CalendarRules(
        string calendarName,
        long[][] weekly,
        IReadOnlyList<CalendarDay> specialDays,
        Dictionary<LocalDate, long[]> specialRanges,
        int? firstCoveredYear,
        int? lastCoveredYear,
        UnknownYearPolicy policy)
    {
        CalendarName = calendarName;
        _weekly = weekly;
        SpecialDays = [.. specialDays.OrderBy(d => d.Date)];
        _special = specialRanges;
        FirstCoveredYear = firstCoveredYear;
        LastCoveredYear = lastCoveredYear;
        Policy = policy;
    }

    public string CalendarName { get; }

    /// <summary>Special days sorted by date.</summary>
    public CalendarDay[] SpecialDays { get; }

    public int? FirstCoveredYear { get; }

    public int? LastCoveredYear { get; }

    public UnknownYearPolicy Policy { get; }

    /// <summary>
    /// The working ranges of the date as pairs <c>[start0, end0, start1, end1, …]</c> of
    /// nanoseconds since local midnight, sorted, non-overlapping, adjacent ranges merged.
    /// </summary>
    /// <exception cref="CalendarYearNotCoveredException">The year is not covered and the policy is to throw.</exception>
    public long[] RangesFor(LocalDate date)
    {
        EnsureCovered(date.Year);
        if (_special.Count != 0 && _special.TryGetValue(date, out var ranges))
        {
            return ranges;
        }

        return _weekly[(int)date.DayOfWeek];
    }

    public void EnsureCovered(int year)
    {
        if (FirstCoveredYear is { } first && LastCoveredYear is { } last
            && (year < first || year > last)
            && Policy == UnknownYearPolicy.Throw)
        {
            throw new CalendarYearNotCoveredException(CalendarName, year, first, last);
        }
    }

    public static long[] Empty => NoRanges;
}
