using System.Globalization;
using AfterSales.Calendars.Compilation;
using AfterSales.Internal;

namespace AfterSales.Calendars;

/// <summary>
/// One year's holiday data of a calendar (节假日安排): its holidays and its extra working days (调休,
/// with their hours), as a State Council notice gives them each November for China, with where the
/// data comes from. Part of a <see cref="CalendarDefinition"/>; a calendar covers exactly the years
/// it has one of these for.
/// </summary>
/// <remarks>Immutable; validated by <see cref="Create"/>. Equality is by reference.</remarks>
public sealed class HolidayYear
{
    private HolidayYear(int year, CalendarDay[] holidays, CalendarDay[] extraWorkingDays, string? source)
    {
        Year = year;
        Holidays = Array.AsReadOnly(holidays);
        ExtraWorkingDays = Array.AsReadOnly(extraWorkingDays);
        Source = source;
    }

    /// <summary>The year, 1900–2099.</summary>
    public int Year { get; }

    /// <summary>The holidays, in the order given.</summary>
    public IReadOnlyList<CalendarDay> Holidays { get; }

    /// <summary>The extra working days with their hours, in the order given.</summary>
    public IReadOnlyList<CalendarDay> ExtraWorkingDays { get; }

    /// <summary>Where the data comes from (e.g. the notice's title and address), or <see langword="null"/>.</summary>
    public string? Source { get; }

    /// <summary>
    /// Validates and creates one year's data. Every problem is reported at once, with a path in the
    /// year's own fields: <c>year</c>; <c>holidays[2].date</c> (not in the year, listed twice, or also an
    /// extra working day); <c>extraWorkingDays[0].hours</c> (none) or <c>.hours[1]</c> (overlapping);
    /// a day of the wrong kind in a list.
    /// </summary>
    /// <param name="year">The year, 1900–2099.</param>
    /// <param name="holidays">The holidays (<see cref="CalendarDayKind.Holiday"/>), in any order.</param>
    /// <param name="extraWorkingDays">The extra working days (<see cref="CalendarDayKind.ExtraWorkingDay"/>), in any order.</param>
    /// <param name="source">Where the data comes from; optional.</param>
    /// <returns>The year's data.</returns>
    /// <exception cref="InvalidDefinitionException">The data has problems; <see cref="InvalidDefinitionException.Issues"/> lists them all.</exception>
    public static HolidayYear Create(int year, IEnumerable<CalendarDay> holidays, IEnumerable<CalendarDay> extraWorkingDays, string? source = null)
    {
        var off = Guard.NotNull(holidays).ToArray();
        var on = Guard.NotNull(extraWorkingDays).ToArray();
        var issues = new List<DefinitionIssue>();
        if (year < TimeLine.FirstSupportedYear || year > TimeLine.LastSupportedYear)
        {
            issues.Add(new DefinitionIssue("year", string.Create(CultureInfo.InvariantCulture, $"year must be within {TimeLine.FirstSupportedYear}–{TimeLine.LastSupportedYear}, was {year}.")));
        }

        var seen = new Dictionary<LocalDate, string>();
        Check(off, "holidays", CalendarDayKind.Holiday);
        Check(on, "extraWorkingDays", CalendarDayKind.ExtraWorkingDay);
        if (issues.Count > 0)
        {
            throw new InvalidDefinitionException(string.Create(CultureInfo.InvariantCulture, $"holiday data of {year}"), issues);
        }

        return new HolidayYear(year, off, on, string.IsNullOrWhiteSpace(source) ? null : source);

        void Check(CalendarDay[] days, string list, CalendarDayKind kind)
        {
            for (var i = 0; i < days.Length; i++)
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"{list}[{i}]");
                var day = days[i];
                if (day is null)
                {
                    issues.Add(new DefinitionIssue(path, path + " must not be null."));
                    continue;
                }

                var text = day.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
                if (day.Kind != kind)
                {
                    issues.Add(new DefinitionIssue(path, $"{text} is {(day.Kind == CalendarDayKind.Holiday ? "a holiday" : "an extra working day")}; list it under {(day.Kind == CalendarDayKind.Holiday ? "holidays" : "extraWorkingDays")}."));
                    continue;
                }

                if (day.Date.Calendar != CalendarSystem.Iso || day.Date.Year != year)
                {
                    issues.Add(new DefinitionIssue(path + ".date", string.Create(CultureInfo.InvariantCulture, $"{text} is not in {year}, the year this data is for.")));
                }
                else if (seen.TryGetValue(day.Date, out var earlier))
                {
                    issues.Add(new DefinitionIssue(path + ".date", earlier.StartsWith(list, StringComparison.Ordinal)
                        ? $"{text} is listed twice (also {earlier}); a date can have one rule only."
                        : $"{text} is both a holiday and an extra working day (also {earlier}); a date can have one rule only."));
                }
                else
                {
                    seen.Add(day.Date, path);
                }

                if (kind == CalendarDayKind.ExtraWorkingDay)
                {
                    if (day.HoursArray.Length == 0)
                    {
                        issues.Add(new DefinitionIssue(path + ".hours", $"the extra working day {text} has no working hours; give at least one range."));
                    }

                    foreach (var issue in WorkingHoursCheck.Overlaps(day.HoursArray))
                    {
                        issues.Add(issue.Under(path + ".hours"));
                    }
                }
            }
        }
    }

    /// <summary>E.g. <c>2026: 33 holidays, 6 extra working days</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Year}: {Holidays.Count} holidays, {ExtraWorkingDays.Count} extra working days");
}
