using System.Globalization;
using System.Text.RegularExpressions;
using AfterSales.Internal;

namespace AfterSales.Calendars;

/// <summary>
/// Collects a <see cref="CalendarDefinition"/>; <see cref="Build"/> checks everything at once and
/// reports every problem with its path (<see cref="InvalidDefinitionException"/>). Create one with
/// <see cref="CalendarDefinition.CreateBuilder"/>. Not thread-safe; the definitions it builds are.
/// </summary>
public sealed partial class CalendarDefinitionBuilder
{
    private readonly string id;
    private readonly string name;
    private readonly string zoneId;
    private readonly List<WorkingHours>[] weekly = [.. Enumerable.Range(0, 7).Select(static _ => new List<WorkingHours>())];
    private readonly List<HolidayYear> years = [];
    private int version = 1;
    private string? source;
    private UnknownYearPolicy unknownYears = UnknownYearPolicy.TreatAsPlainWeekdays;

    internal CalendarDefinitionBuilder(string id, string name, string zoneId)
    {
        this.id = id;
        this.name = name;
        this.zoneId = zoneId;
    }

    /// <summary>The version; 1 unless set.</summary>
    /// <param name="value">1 or more (checked by <see cref="Build"/>).</param>
    /// <returns>This builder.</returns>
    public CalendarDefinitionBuilder WithVersion(int value)
    {
        version = value;
        return this;
    }

    /// <summary>Adds working ranges to a weekday (in the order given; overlaps are reported by <see cref="Build"/>).</summary>
    /// <param name="day">Monday to Sunday.</param>
    /// <param name="hours">The ranges.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a weekday.</exception>
    public CalendarDefinitionBuilder WithHours(IsoDayOfWeek day, params WorkingHours[] hours)
    {
        if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"day must be Monday–Sunday, was {day}.");
        }

        weekly[(int)day - 1].AddRange(Guard.NotNull(hours));
        return this;
    }

    /// <summary>Adds a year's holidays and extra working days (a year listed twice is reported by <see cref="Build"/>).</summary>
    /// <param name="year">The year's data.</param>
    /// <returns>This builder.</returns>
    public CalendarDefinitionBuilder WithYear(HolidayYear year)
    {
        years.Add(Guard.NotNull(year));
        return this;
    }

    /// <summary>Where the data comes from.</summary>
    /// <param name="text">The attribution, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public CalendarDefinitionBuilder WithSource(string? text)
    {
        source = string.IsNullOrWhiteSpace(text) ? null : text;
        return this;
    }

    /// <summary>What the calendar does in a year without data; the default is <see cref="UnknownYearPolicy.TreatAsPlainWeekdays"/>.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    public CalendarDefinitionBuilder WithUnknownYears(UnknownYearPolicy policy)
    {
        unknownYears = policy;
        return this;
    }

    /// <summary>Checks the definition and builds it.</summary>
    /// <returns>The definition; its <see cref="CalendarDefinition.Calendar"/> is compiled already.</returns>
    /// <exception cref="InvalidDefinitionException">
    /// Every problem, with its path: <c>id</c> (blank, too long, other characters), <c>version</c>,
    /// <c>name</c>, <c>zone</c> (not an IANA id), <c>weeklyHours</c> (no hours on any day),
    /// <c>weeklyHours.monday[1]</c> (overlapping), <c>years[3].year</c> (listed twice),
    /// <c>unknownYears</c>.
    /// </exception>
    public CalendarDefinition Build()
    {
        var issues = new List<DefinitionIssue>();
        if (string.IsNullOrEmpty(id) || !IdPattern().IsMatch(id))
        {
            issues.Add(new DefinitionIssue("id", $"id must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit, was '{id}'."));
        }

        if (version < 1)
        {
            issues.Add(new DefinitionIssue("version", string.Create(CultureInfo.InvariantCulture, $"version must be at least 1, was {version}.")));
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            issues.Add(new DefinitionIssue("name", "name must be 1 to 200 characters, not only white space."));
        }

        var zone = string.IsNullOrEmpty(zoneId) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
        if (zone is null)
        {
            issues.Add(new DefinitionIssue("zone", $"zone must be an IANA time-zone id such as Asia/Shanghai, was '{zoneId}'."));
        }

        if (weekly.All(static d => d.Count == 0))
        {
            issues.Add(new DefinitionIssue("weeklyHours", "the calendar has no working hours on any weekday; give at least one range."));
        }

        foreach (var day in BusinessCalendar.AllWeekdays)
        {
            foreach (var issue in WorkingHoursCheck.Overlaps(weekly[(int)day - 1]))
            {
                issues.Add(issue.Under("weeklyHours." + DayName(day)));
            }
        }

        var seen = new Dictionary<int, int>();
        for (var i = 0; i < years.Count; i++)
        {
            if (!seen.TryAdd(years[i].Year, i))
            {
                issues.Add(new DefinitionIssue(
                    string.Create(CultureInfo.InvariantCulture, $"years[{i}].year"),
                    string.Create(CultureInfo.InvariantCulture, $"{years[i].Year} is listed twice (also years[{seen[years[i].Year]}]); give each year once.")));
            }
        }

        if (!Enum.IsDefined(unknownYears))
        {
            issues.Add(new DefinitionIssue("unknownYears", $"unknownYears must be Throw or TreatAsPlainWeekdays, was {unknownYears}."));
        }

        if (issues.Count > 0)
        {
            throw new InvalidDefinitionException($"calendar '{id}'", issues);
        }

        var definition = new CalendarDefinition(
            id, version, name, zone!, [.. weekly.Select(static d => d.ToArray())], [.. years.OrderBy(static y => y.Year)], unknownYears, source);
        return CalendarDefinition.Checked(definition);
    }

    /// <summary>The weekday's name as definitions and documents spell it: <c>monday</c> … <c>sunday</c>.</summary>
    /// <param name="day">Monday to Sunday.</param>
    public static string DayName(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => "monday",
        IsoDayOfWeek.Tuesday => "tuesday",
        IsoDayOfWeek.Wednesday => "wednesday",
        IsoDayOfWeek.Thursday => "thursday",
        IsoDayOfWeek.Friday => "friday",
        IsoDayOfWeek.Saturday => "saturday",
        IsoDayOfWeek.Sunday => "sunday",
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, $"day must be Monday–Sunday, was {day}."),
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex IdPattern();
}
