using NodaTime;
using AfterSales.Calendars.Compilation;
using AfterSales.Internal;

namespace AfterSales.Calendars;

/// <summary>
/// Business calendars for mainland China (R-SLA-7): "working days" and "5×8" mean Monday to
/// Friday business hours in Beijing time (Asia/Shanghai), excluding the statutory holidays
/// (国家法定节假日除外) and including the weekend days moved to working days around them
/// (调休, make-up workdays).
/// </summary>
/// <remarks>
/// <para>The holiday data is embedded in the assembly, one entry per day, from the State Council
/// General Office's annual notices on holiday arrangements (国务院办公厅关于…部分节假日安排的通知,
/// gov.cn), including their revisions (Labour Day 2019; the Spring Festival extension of 2020
/// that cancelled the 2020-02-01 make-up workday), as compiled by the holiday-cn project and
/// cross-checked against the chinese-calendar project; see <see cref="DataSource"/> for the exact
/// attribution. It covers <see cref="FirstYearWithData"/>–<see cref="LastYearWithData"/>
/// (2019–2026); it is parsed once, lazily, on first use.</para>
/// <para>The calendars <see cref="Statutory(LocalTime, LocalTime, UnknownYearPolicy)"/> builds throw
/// <see cref="CalendarYearNotCoveredException"/> for a date outside those years unless created with
/// <see cref="UnknownYearPolicy.TreatAsPlainWeekdays"/>, in which case such years are plain
/// Monday-to-Friday weeks; the preset <see cref="Statutory9To18"/> does the latter. Make-up workdays
/// have the same hours as Monday to Friday.</para>
/// <para>All members are thread-safe.</para>
/// </remarks>
public static class ChinaCalendars
{
    private static readonly Lazy<ChinaHolidayData> LazyData = new(ChinaHolidayData.Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Beijing time, the IANA zone <c>Asia/Shanghai</c> (UTC+8, no daylight saving since 1991).</summary>
    public static DateTimeZone BeijingTime => DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>
    /// The common 5×8 preset, <c>cn-statutory-9-18@1</c>: Monday to Friday 09:00–18:00 Beijing time,
    /// statutory holidays off, make-up workdays on 09:00–18:00 (R-SLA-7) — the calendar of
    /// <see cref="CalendarPresets.ChinaStatutory9To18"/>. A year without data counts as plain weeks
    /// (<see cref="UnknownYearPolicy.TreatAsPlainWeekdays"/>) and SLA clocks that reach it say they
    /// are provisional, so the service never stops at a year's end; for a hard stop build one with
    /// <see cref="Statutory(LocalTime, LocalTime, UnknownYearPolicy)"/>. The same instance is returned every time.
    /// </summary>
    public static BusinessCalendar Statutory9To18 => CalendarPresets.ChinaStatutory9To18.Calendar;

    /// <summary>The first year of the embedded holiday data (2019).</summary>
    public static int FirstYearWithData => LazyData.Value.FirstYear;

    /// <summary>The last year of the embedded holiday data (2026).</summary>
    public static int LastYearWithData => LazyData.Value.LastYear;

    /// <summary>Where the embedded holiday data comes from: the source files, commits and the State Council notices of each year.</summary>
    public static string DataSource => LazyData.Value.Source;

    /// <summary>
    /// Monday to Friday from <paramref name="opens"/> to <paramref name="closes"/> Beijing time,
    /// statutory holidays off, make-up workdays on with the same hours.
    /// </summary>
    /// <param name="opens">The opening time.</param>
    /// <param name="closes">The closing time, later than <paramref name="opens"/> (for hours to 24:00 use the <see cref="WorkingHours"/> overload).</param>
    /// <param name="unknownYears">What to do for years without holiday data; the default value is <see cref="UnknownYearPolicy.Throw"/>.</param>
    /// <returns>A new calendar.</returns>
    /// <exception cref="ArgumentException"><paramref name="closes"/> is not later than <paramref name="opens"/>.</exception>
    public static BusinessCalendar Statutory(LocalTime opens, LocalTime closes, UnknownYearPolicy unknownYears = UnknownYearPolicy.Throw)
        => Statutory([WorkingHours.Between(opens, closes)], unknownYears);

    /// <summary>
    /// Monday to Friday with the given daily ranges (e.g. 08:30–12:00 and 13:30–17:30) Beijing time,
    /// statutory holidays off, make-up workdays on with the same ranges.
    /// </summary>
    /// <param name="dailyHours">The daily ranges: at least one, none overlapping.</param>
    /// <param name="unknownYears">What to do for years without holiday data; the default value is <see cref="UnknownYearPolicy.Throw"/>.</param>
    /// <returns>A new calendar.</returns>
    /// <exception cref="ArgumentException">The ranges are missing or overlap.</exception>
    public static BusinessCalendar Statutory(IReadOnlyList<WorkingHours> dailyHours, UnknownYearPolicy unknownYears = UnknownYearPolicy.Throw)
    {
        Guard.NotNull(dailyHours);
        var name = "Mon–Fri " + string.Join(", ", dailyHours) + " Asia/Shanghai (China statutory"
            + (unknownYears == UnknownYearPolicy.TreatAsPlainWeekdays ? "; uncovered years as plain weeks)" : ")");
        return Create(name, [.. dailyHours], unknownYears);
    }

    /// <summary>The embedded data, parsed once.</summary>
    internal static ChinaHolidayData Data => LazyData.Value;

    private static BusinessCalendar Create(string name, WorkingHours[] hours, UnknownYearPolicy unknownYears)
    {
        var data = LazyData.Value;
        var builder = BusinessCalendar.CreateBuilder(name, BeijingTime)
            .WithYearCoverage(data.FirstYear, data.LastYear, unknownYears)
            .WithSpecialDays(data.Holidays);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            builder.WithHours(day, hours);
        }

        foreach (var (date, dayName, nameEn) in data.MakeUpWorkdays)
        {
            builder.WithExtraWorkingDay(date, dayName, nameEn, hours);
        }

        return builder.Build();
    }
}
