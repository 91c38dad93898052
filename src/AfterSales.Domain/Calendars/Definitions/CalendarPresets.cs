using AfterSales.Calendars.Compilation;

namespace AfterSales.Calendars;

/// <summary>
/// The ready-made calendars as definitions (预置日历): what every tenant's catalog holds before it
/// changes anything, and what <c>GET /calendars</c> lists. Each is a <see cref="CalendarDefinition"/>
/// at version 1, so a tenant's change becomes version 2 of the same id.
/// </summary>
/// <remarks>All members are thread-safe; the China data is parsed once, lazily.</remarks>
public static class CalendarPresets
{
    private static readonly Lazy<CalendarDefinition> China = new(CreateChina, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly WorkingHours NineToEighteen = WorkingHours.Between(new LocalTime(9, 0), new LocalTime(18, 0));

    /// <summary><c>24x7-beijing</c>: every instant is business time, Beijing time (7×24).</summary>
    public static CalendarDefinition TwentyFourSevenBeijing { get; } = Weekly("24x7-beijing", "7×24 Asia/Shanghai", [.. BusinessCalendar.AllWeekdays], WorkingHours.AllDay);

    /// <summary><c>mon-fri-9-18-beijing</c>: Monday to Friday 09:00–18:00 Beijing time, no holidays.</summary>
    public static CalendarDefinition MondayToFridayBeijing { get; } = Weekly(
        "mon-fri-9-18-beijing", "Mon–Fri 09:00–18:00 Asia/Shanghai", [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday], NineToEighteen);

    /// <summary>
    /// <c>cn-statutory-9-18</c>: China's 5×8 (R-SLA-7), Monday to Friday 09:00–18:00 Beijing time,
    /// statutory holidays off and make-up workdays (调休) on with the same hours, with the embedded
    /// State Council data of <see cref="ChinaCalendars.FirstYearWithData"/>–<see cref="ChinaCalendars.LastYearWithData"/>
    /// (each year names its notice in <see cref="HolidayYear.Source"/>). A later year counts as plain
    /// weeks and makes clocks provisional until its data is loaded as a new version.
    /// </summary>
    public static CalendarDefinition ChinaStatutory9To18 => China.Value;

    /// <summary>The three presets.</summary>
    public static IReadOnlyList<CalendarDefinition> All => [TwentyFourSevenBeijing, MondayToFridayBeijing, ChinaStatutory9To18];

    private static CalendarDefinition Weekly(string id, string name, IsoDayOfWeek[] days, WorkingHours hours)
    {
        var builder = CalendarDefinition.CreateBuilder(id, name, "Asia/Shanghai");
        foreach (var day in days)
        {
            builder.WithHours(day, hours);
        }

        return builder.Build();
    }

    private static CalendarDefinition CreateChina()
    {
        var data = ChinaCalendars.Data;
        var builder = CalendarDefinition.CreateBuilder("cn-statutory-9-18", "5×8 09:00–18:00 Asia/Shanghai (China statutory)", "Asia/Shanghai")
            .WithSource(data.GeneralSource);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            builder.WithHours(day, NineToEighteen);
        }

        for (var year = data.FirstYear; year <= data.LastYear; year++)
        {
            var y = year;
            builder.WithYear(HolidayYear.Create(
                year,
                data.Holidays.Where(d => d.Date.Year == y),
                data.MakeUpWorkdays.Where(d => d.Date.Year == y).Select(d => CalendarDay.ExtraWorkingDay(d.Date, d.Name, d.NameEn, NineToEighteen)),
                data.SourceOf(year)));
        }

        return builder.Build();
    }
}
