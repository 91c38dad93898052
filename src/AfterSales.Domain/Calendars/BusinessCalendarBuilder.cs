using NodaTime;
using System.Globalization;
using AfterSales.Calendars.Compilation;
using AfterSales.Internal;

namespace AfterSales.Calendars;

/// <summary>
/// Collects the rules of a <see cref="BusinessCalendar"/>: weekly hours, holidays, extra working
/// days and the years the holiday data covers. <see cref="Build"/> validates everything at once and
/// either returns a complete calendar or throws; nothing is ever half-built.
/// </summary>
/// <remarks>
/// Create one with <see cref="BusinessCalendar.CreateBuilder(string, DateTimeZone)"/>. Every
/// <c>With…</c> method returns the same builder for chaining. A builder is not thread-safe; the
/// calendars it builds are, and later changes to the builder do not affect them.
/// </remarks>
public sealed class BusinessCalendarBuilder
{
    private readonly string _name;
    private readonly DateTimeZone _zone;
    private readonly Dictionary<IsoDayOfWeek, WorkingHours[]> _weekly = [];
    private readonly List<CalendarDay> _specialDays = [];
    private int[]? _coveredYears;
    private UnknownYearPolicy _policy = UnknownYearPolicy.Throw;
    private string? _id;
    private int _version = 1;

    internal BusinessCalendarBuilder(string name, DateTimeZone zone)
    {
        _name = name;
        _zone = zone;
    }

    /// <summary>
    /// Gives the calendar the identity a catalog keeps it under (<see cref="BusinessCalendar.Id"/>,
    /// <see cref="BusinessCalendar.Version"/>). Without this call the id is the calendar's name and
    /// the version 1.
    /// </summary>
    /// <param name="id">The stable id shared by every version, e.g. <c>cn-statutory-9-18</c>; must not be blank.</param>
    /// <param name="version">The version, 1 or more.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public BusinessCalendarBuilder WithIdentity(string id, int version)
    {
        _id = Guard.NotBlank(id);
        _version = Guard.Positive(version);
        return this;
    }

    /// <summary>
    /// Sets the working hours of a weekday, replacing any set before. Several ranges make a day
    /// with breaks; adjacent ranges (09:00–12:00, 12:00–18:00) behave like one; overlapping ranges
    /// are rejected by <see cref="Build"/>. No ranges make the weekday a day off (the default).
    /// </summary>
    /// <param name="day">The weekday.</param>
    /// <param name="hours">The ranges, in any order.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a weekday.</exception>
    public BusinessCalendarBuilder WithHours(IsoDayOfWeek day, params WorkingHours[] hours)
    {
        if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"day must be Monday–Sunday, was {day}.");
        }

        _weekly[day] = [.. Guard.NotNull(hours)];
        return this;
    }

    /// <summary>Adds a holiday: no working time on <paramref name="date"/>, whatever its weekday.</summary>
    /// <param name="date">The local date.</param>
    /// <param name="name">The holiday's name; must not be blank.</param>
    /// <param name="nameEn">An optional English name.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder WithHoliday(LocalDate date, string name, string? nameEn = null)
    {
        _specialDays.Add(CalendarDay.Holiday(date, name, nameEn));
        return this;
    }

    /// <summary>Adds several holidays with the same name, e.g. a festival's block of days off.</summary>
    /// <param name="dates">The local dates, in any order.</param>
    /// <param name="name">The holidays' name; must not be blank.</param>
    /// <param name="nameEn">An optional English name.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder WithHolidays(IEnumerable<LocalDate> dates, string name, string? nameEn = null)
    {
        Guard.NotNull(dates);
        Guard.NotBlank(name);
        foreach (var date in dates)
        {
            WithHoliday(date, name, nameEn);
        }

        return this;
    }

    /// <summary>Adds an extra working day with its own hours, replacing the weekday's hours (e.g. a make-up workday, 调休, on a Saturday).</summary>
    /// <param name="date">The local date.</param>
    /// <param name="name">The occasion's name, e.g. the holiday it makes up for; must not be blank.</param>
    /// <param name="hours">The day's ranges: at least one, none overlapping.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder WithExtraWorkingDay(LocalDate date, string name, params WorkingHours[] hours)
    {
        _specialDays.Add(CalendarDay.ExtraWorkingDay(date, name, null, hours));
        return this;
    }

    /// <summary>Adds an extra working day with its own hours and an English name.</summary>
    /// <param name="date">The local date.</param>
    /// <param name="name">The occasion's name; must not be blank.</param>
    /// <param name="nameEn">The English name.</param>
    /// <param name="hours">The day's ranges: at least one, none overlapping.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder WithExtraWorkingDay(LocalDate date, string name, string nameEn, params WorkingHours[] hours)
    {
        _specialDays.Add(CalendarDay.ExtraWorkingDay(date, name, nameEn, hours));
        return this;
    }

    /// <summary>Adds holidays and extra working days, in any order.</summary>
    /// <param name="days">The special days.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder WithSpecialDays(IEnumerable<CalendarDay> days)
    {
        foreach (var day in Guard.NotNull(days))
        {
            _specialDays.Add(Guard.NotNull(day, nameof(days)));
        }

        return this;
    }

    /// <summary>
    /// Declares that the holiday data covers the years <paramref name="firstYear"/> to
    /// <paramref name="lastYear"/> only. Asking about other years then throws
    /// <see cref="CalendarYearNotCoveredException"/> unless <paramref name="policy"/> (or
    /// <see cref="TreatUnknownYearsAsPlainWeekdays"/>) says to treat them as plain weeks. Without
    /// this call the holiday list is taken as complete for every year.
    /// </summary>
    /// <param name="firstYear">The first covered year.</param>
    /// <param name="lastYear">The last covered year, not before <paramref name="firstYear"/>.</param>
    /// <param name="policy">What to do for other years; the default value is <see cref="UnknownYearPolicy.Throw"/>.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder WithYearCoverage(int firstYear, int lastYear, UnknownYearPolicy policy = UnknownYearPolicy.Throw)
    {
        if (lastYear < firstYear || firstYear < TimeLine.FirstSupportedYear || lastYear > TimeLine.LastSupportedYear)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"firstYear–lastYear must be a non-empty range within {TimeLine.FirstSupportedYear}–{TimeLine.LastSupportedYear}, was {firstYear}–{lastYear}."), firstYear > lastYear ? nameof(lastYear) : nameof(firstYear));
        }

        return WithCoveredYears(Enumerable.Range(firstYear, lastYear - firstYear + 1), policy);
    }

    /// <summary>
    /// Declares that the holiday data covers exactly <paramref name="years"/> (not necessarily
    /// consecutive: a year between two covered ones may still lack data). Asking about another year
    /// then throws <see cref="CalendarYearNotCoveredException"/> unless <paramref name="policy"/> says
    /// to treat it as a plain week, which a clock then reports as provisional.
    /// </summary>
    /// <param name="years">The covered years, at least one, each in 1900–2099, in any order.</param>
    /// <param name="policy">What to do for other years; the default value is <see cref="UnknownYearPolicy.Throw"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="years"/> is empty or holds a year outside 1900–2099.</exception>
    public BusinessCalendarBuilder WithCoveredYears(IEnumerable<int> years, UnknownYearPolicy policy = UnknownYearPolicy.Throw)
    {
        var sorted = Guard.NotNull(years).Distinct().Order().ToArray();
        if (sorted.Length == 0 || sorted[0] < TimeLine.FirstSupportedYear || sorted[^1] > TimeLine.LastSupportedYear)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"years must hold at least one year, each within {TimeLine.FirstSupportedYear}–{TimeLine.LastSupportedYear}, was [{string.Join(", ", sorted)}]."), nameof(years));
        }

        _coveredYears = sorted;
        _policy = policy;
        return this;
    }

    /// <summary>Treats years outside the declared coverage as plain weeks (weekly hours, no holidays) instead of throwing.</summary>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder TreatUnknownYearsAsPlainWeekdays()
    {
        _policy = UnknownYearPolicy.TreatAsPlainWeekdays;
        return this;
    }

    /// <summary>Validates the rules and builds the calendar.</summary>
    /// <returns>A new, immutable calendar.</returns>
    /// <exception cref="ArgumentException">
    /// The rules are invalid; the message names the field and the reason: no working hours at all;
    /// an empty (default) range; overlapping ranges on a weekday or extra working day; an extra
    /// working day without hours; a date listed twice or both as a holiday and an extra working day;
    /// a date outside the supported years (1900–2099) or outside the declared coverage; an invalid
    /// coverage or policy.
    /// </exception>
    public BusinessCalendar Build()
    {
        var weekly = new long[8][];
        weekly[0] = CalendarRules.Empty;
        var anyHours = false;
        foreach (var day in BusinessCalendar.AllWeekdays)
        {
            var ranges = _weekly.TryGetValue(day, out var hours)
                ? Compile(hours, "hours", day.ToString())
                : CalendarRules.Empty;
            weekly[(int)day] = ranges;
            anyHours |= ranges.Length > 0;
        }

        if (!anyHours)
        {
            throw new ArgumentException($"hours: the calendar '{_name}' has no working hours on any weekday; add some with WithHours.", "hours");
        }

        if (!Enum.IsDefined(_policy))
        {
            throw new ArgumentException($"policy must be Throw or TreatAsPlainWeekdays, was {_policy}.", "policy");
        }

        var special = new Dictionary<LocalDate, long[]>();
        var byDate = new Dictionary<LocalDate, CalendarDay>();
        foreach (var day in _specialDays)
        {
            var date = day.Date;
            var text = date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
            if (date.Calendar != CalendarSystem.Iso || date.Year < TimeLine.FirstSupportedYear || date.Year > TimeLine.LastSupportedYear)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"date {text} ({day.Name}) must be an ISO date in the supported years {TimeLine.FirstSupportedYear}–{TimeLine.LastSupportedYear}."), "date");
            }

            if (_coveredYears is { } covered && Array.BinarySearch(covered, date.Year) < 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"date {text} ({day.Name}) lies outside the covered years {Describe(covered)}."), "date");
            }

            if (byDate.TryGetValue(date, out var earlier))
            {
                var reason = earlier.Kind == day.Kind
                    ? $"is listed twice as {Describe(day.Kind)} ({earlier.Name}, {day.Name})"
                    : $"is both a holiday and an extra working day ({earlier.Name}, {day.Name})";
                throw new ArgumentException($"date {text} {reason}; a date can have one rule only.", "date");
            }

            byDate.Add(date, day);
            if (day.Kind == CalendarDayKind.Holiday)
            {
                special.Add(date, CalendarRules.Empty);
            }
            else
            {
                if (day.HoursArray.Length == 0)
                {
                    throw new ArgumentException($"hours: the extra working day {text} ({day.Name}) has no working hours; give at least one range.", "hours");
                }

                special.Add(date, Compile(day.HoursArray, "hours", "the extra working day " + text));
            }
        }

        var rules = new CalendarRules(_name, weekly, _specialDays, special, _coveredYears, _policy);
        return new BusinessCalendar(_id ?? _name, _version, _name, _zone, rules);
    }

    /// <summary>E.g. <c>2019–2026</c>, or <c>2019–2026, 2028</c> with a gap.</summary>
    internal static string Describe(IReadOnlyList<int> years)
    {
        var parts = new List<string>();
        for (var i = 0; i < years.Count;)
        {
            var j = i;
            while (j + 1 < years.Count && years[j + 1] == years[j] + 1)
            {
                j++;
            }

            parts.Add(i == j ? years[i].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{years[i]}–{years[j]}"));
            i = j + 1;
        }

        return string.Join(", ", parts);
    }

    private static string Describe(CalendarDayKind kind) => kind == CalendarDayKind.Holiday ? "a holiday" : "an extra working day";

    /// <summary>Validates ranges (non-empty, non-overlapping) and returns them sorted, adjacent ones merged, as start/end pairs.</summary>
    private static long[] Compile(WorkingHours[] hours, string field, string context)
    {
        var sorted = hours.OrderBy(h => h.StartNanosecondOfDay).ThenBy(h => h.EndNanosecondOfDay).ToArray();
        var pairs = new List<long>(sorted.Length * 2);
        for (var i = 0; i < sorted.Length; i++)
        {
            var range = sorted[i];
            if (range.IsEmpty)
            {
                throw new ArgumentException($"{field}: {context} has an empty range (default(WorkingHours)); create ranges with WorkingHours.Between, ToEndOfDay or FromMinutesOfDay.", field);
            }

            if (i > 0 && range.StartNanosecondOfDay < sorted[i - 1].EndNanosecondOfDay)
            {
                throw new ArgumentException($"{field}: {context} has overlapping ranges {sorted[i - 1]} and {range}; give each moment once (adjacent ranges such as 09:00–12:00 and 12:00–18:00 are fine).", field);
            }

            if (pairs.Count > 0 && pairs[^1] == range.StartNanosecondOfDay)
            {
                pairs[^1] = range.EndNanosecondOfDay;
            }
            else
            {
                pairs.Add(range.StartNanosecondOfDay);
                pairs.Add(range.EndNanosecondOfDay);
            }
        }

        return [.. pairs];
    }
}
