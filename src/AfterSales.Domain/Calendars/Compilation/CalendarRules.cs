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
    private readonly bool[]? _covered;

    public CalendarRules(
        string calendarName,
        long[][] weekly,
        IReadOnlyList<CalendarDay> specialDays,
        Dictionary<LocalDate, long[]> specialRanges,
        int[]? coveredYears,
        UnknownYearPolicy policy)
    {
        CalendarName = calendarName;
        _weekly = weekly;
        SpecialDays = [.. specialDays.OrderBy(d => d.Date)];
        _special = specialRanges;
        if (coveredYears is { Length: > 0 })
        {
            CoveredYears = coveredYears;
            _covered = new bool[TimeLine.LastSupportedYear - TimeLine.FirstSupportedYear + 1];
            foreach (var year in coveredYears)
            {
                _covered[year - TimeLine.FirstSupportedYear] = true;
            }
        }

        Policy = policy;
    }

    public string CalendarName { get; }

    /// <summary>Special days sorted by date.</summary>
    public CalendarDay[] SpecialDays { get; }

    /// <summary>The years the holiday data covers, ascending; <see langword="null"/> when the data is complete for every year.</summary>
    public int[]? CoveredYears { get; }

    public int? FirstCoveredYear => CoveredYears?[0];

    public int? LastCoveredYear => CoveredYears?[^1];

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

    /// <summary>Whether the holiday data covers <paramref name="year"/> (always, for data not limited to some years).</summary>
    public bool IsCovered(int year)
        => _covered is null
            || (year >= TimeLine.FirstSupportedYear && year <= TimeLine.LastSupportedYear && _covered[year - TimeLine.FirstSupportedYear]);

    public void EnsureCovered(int year)
    {
        if (Policy == UnknownYearPolicy.Throw && !IsCovered(year))
        {
            throw new CalendarYearNotCoveredException(CalendarName, year, FirstCoveredYear!.Value, LastCoveredYear!.Value);
        }
    }

    public static long[] Empty => NoRanges;
}
