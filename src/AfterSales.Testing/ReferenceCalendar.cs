using System.Globalization;
using System.Text;
using AfterSales.Calendars;

namespace AfterSales.Testing;

/// <summary>
/// A business calendar's rules written out plainly — weekly hours per weekday and hours per special
/// date (none for a holiday) in one time zone — with the most direct possible answer to "is this
/// minute business time?". The other half of <see cref="ReferenceSla"/>: an oracle that owes nothing
/// to the compiled calendar it checks.
/// </summary>
/// <remarks>
/// <para>A minute [m, m + 1 min) is business time when its local wall-clock time, in its local date,
/// falls in that date's ranges: the special date's if there is one, else the weekday's. In a
/// daylight-saving overlap both real minutes that show the same local time count; local times
/// skipped by a gap never occur.</para>
/// <para>Exact for whole-minute ranges in zones whose offsets change on whole minutes (every zone
/// this package generates). Immutable and thread-safe.</para>
/// </remarks>
public sealed class ReferenceCalendar
{
    private static readonly Lazy<ReferenceCalendar> China = new(CreateChina, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly (int Start, int End)[][] weekly;
    private readonly Dictionary<LocalDate, (int Start, int End)[]> special;

    /// <summary>Creates the rules.</summary>
    /// <param name="name">A name for messages.</param>
    /// <param name="zone">The time zone the hours are in.</param>
    /// <param name="weeklyHours">The hours of each weekday; a missing weekday is a day off.</param>
    /// <param name="specialDays">Dates whose hours replace their weekday's: no hours for a holiday, some for an extra working day.</param>
    /// <exception cref="ArgumentException">A range does not start and end on a whole minute.</exception>
    public ReferenceCalendar(
        string name,
        DateTimeZone zone,
        IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<WorkingHours>> weeklyHours,
        IReadOnlyDictionary<LocalDate, IReadOnlyList<WorkingHours>> specialDays)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(weeklyHours);
        ArgumentNullException.ThrowIfNull(specialDays);
        Name = name;
        Zone = zone;
        weekly = new (int, int)[8][];
        for (var day = 0; day < 8; day++)
        {
            weekly[day] = weeklyHours.TryGetValue((IsoDayOfWeek)day, out var hours) ? ToMinutes(hours, nameof(weeklyHours)) : [];
        }

        special = specialDays.ToDictionary(d => d.Key, d => ToMinutes(d.Value, nameof(specialDays)));
        WeeklyHours = weeklyHours.ToDictionary(d => d.Key, d => (IReadOnlyList<WorkingHours>)[.. d.Value]);
        SpecialDays = specialDays.ToDictionary(d => d.Key, d => (IReadOnlyList<WorkingHours>)[.. d.Value]);
    }

    /// <summary>
    /// The rules of <see cref="ChinaCalendars.Statutory9To18"/>: Monday to Friday 09:00–18:00 Beijing
    /// time, with the statutory holidays and make-up workdays of the embedded data
    /// (<see cref="ChinaCalendars.FirstYearWithData"/>–<see cref="ChinaCalendars.LastYearWithData"/>)
    /// read as data. Outside those years it knows no special days (plain weeks).
    /// </summary>
    public static ReferenceCalendar ChinaStatutory9To18 => China.Value;

    /// <summary>The name given at creation.</summary>
    public string Name { get; }

    /// <summary>The time zone the hours are in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The hours of each weekday that has any.</summary>
    public IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<WorkingHours>> WeeklyHours { get; }

    /// <summary>The special dates and their hours (none for a holiday).</summary>
    public IReadOnlyDictionary<LocalDate, IReadOnlyList<WorkingHours>> SpecialDays { get; }

    /// <summary>Business minutes in an ordinary week (no special days, no daylight-saving change).</summary>
    public int WeeklyMinutes => weekly.Sum(day => day.Sum(r => r.End - r.Start));

    /// <summary>Whether the minute that contains <paramref name="instant"/> is business time, read straight from the rules.</summary>
    public bool IsBusinessMinute(Instant instant)
    {
        var local = instant.InZone(Zone).LocalDateTime;
        var minuteOfDay = (local.Hour * 60) + local.Minute;
        var ranges = special.TryGetValue(local.Date, out var day) ? day : weekly[(int)local.DayOfWeek];
        foreach (var (start, end) in ranges)
        {
            if (start <= minuteOfDay && minuteOfDay < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Builds the <see cref="BusinessCalendar"/> with these rules: weekly hours, a holiday for each
    /// special date without hours, an extra working day for each with hours. No year coverage is set.
    /// </summary>
    /// <returns>A new calendar named <see cref="Name"/>.</returns>
    public BusinessCalendar ToBusinessCalendar()
    {
        var builder = BusinessCalendar.CreateBuilder(Name, Zone);
        foreach (var (day, hours) in WeeklyHours)
        {
            builder.WithHours(day, [.. hours]);
        }

        foreach (var (date, hours) in SpecialDays.OrderBy(d => d.Key))
        {
            if (hours.Count == 0)
            {
                builder.WithHoliday(date, "holiday");
            }
            else
            {
                builder.WithExtraWorkingDay(date, "extra working day", [.. hours]);
            }
        }

        return builder.Build();
    }

    /// <summary>The rules in one line, so that a failing property's counterexample can be rebuilt by hand.</summary>
    public override string ToString()
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{Name} ({Zone.Id}): ");
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{day} {Ranges(weekly[(int)day])}; ");
        }

        if (special.Count > 20)
        {
            return text.Append(CultureInfo.InvariantCulture, $"{special.Count} special days").ToString();
        }

        text.Append("special: ");
        text.AppendJoin(", ", special.OrderBy(d => d.Key).Select(d =>
            d.Key.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) + " " + (d.Value.Length == 0 ? "holiday" : Ranges(d.Value))));
        return text.ToString();
    }

    private static string Ranges((int Start, int End)[] ranges) =>
        ranges.Length == 0 ? "off" : string.Join(" ", ranges.Select(r => string.Create(
            CultureInfo.InvariantCulture, $"{r.Start / 60:00}:{r.Start % 60:00}-{r.End / 60:00}:{r.End % 60:00}")));

    private static (int Start, int End)[] ToMinutes(IReadOnlyList<WorkingHours> hours, string parameter)
    {
        ArgumentNullException.ThrowIfNull(hours, parameter);
        var result = new (int, int)[hours.Count];
        for (var i = 0; i < hours.Count; i++)
        {
            var start = hours[i].Start;
            var end = hours[i].EndsAtEndOfDay ? 1440 : (hours[i].End.Hour * 60) + hours[i].End.Minute;
            if (start.NanosecondOfDay % NodaConstants.NanosecondsPerMinute != 0
                || (!hours[i].EndsAtEndOfDay && hours[i].End.NanosecondOfDay % NodaConstants.NanosecondsPerMinute != 0))
            {
                throw new ArgumentException($"{parameter}: the reference works in whole minutes; {hours[i]} is not.", parameter);
            }

            result[i] = ((start.Hour * 60) + start.Minute, end);
        }

        return result;
    }

    private static ReferenceCalendar CreateChina()
    {
        var nineToSix = (IReadOnlyList<WorkingHours>)[WorkingHours.Between(new LocalTime(9, 0), new LocalTime(18, 0))];
        var weekly = new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingHours>>();
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            weekly[day] = nineToSix;
        }

        var calendar = ChinaCalendars.Statutory9To18;
        var days = calendar.SpecialDaysBetween(
                new LocalDate(ChinaCalendars.FirstYearWithData, 1, 1),
                new LocalDate(ChinaCalendars.LastYearWithData, 12, 31))
            .ToDictionary(d => d.Date, d => d.Kind == CalendarDayKind.Holiday ? (IReadOnlyList<WorkingHours>)[] : d.Hours);
        return new ReferenceCalendar("China statutory 09:00-18:00 (reference)", ChinaCalendars.BeijingTime, weekly, days);
    }
}
