using AfterSales.Calendars;
using static AfterSales.Tests.Calendars.CalendarTestKit;

namespace AfterSales.Tests.Calendars;

/// <summary>China's statutory calendar (R-SLA-7): holidays off, make-up workdays (调休) on.</summary>
public class ChinaCalendarsTests
{
    private static readonly BusinessCalendar Calendar = ChinaCalendars.Statutory9To18;
    private static readonly BusinessCalendar Strict = ChinaCalendars.Statutory(Nine, Eighteen);

    [Fact]
    public void Statutory9To18_SpringFestival2026_IsOffFrom15To23February_RSla7()
    {
        for (var date = new LocalDate(2026, 2, 15); date <= new LocalDate(2026, 2, 23); date = date.PlusDays(1))
        {
            Assert.False(Calendar.IsWorkingDay(date), date.ToString());
        }

        Assert.True(Calendar.IsWorkingDay(new LocalDate(2026, 2, 24)));
    }

    [Fact]
    public void Statutory9To18_SpringFestival2026MakeUpSaturdays_AreWorkingDays_RSla7()
    {
        Assert.True(Calendar.IsWorkingDay(new LocalDate(2026, 2, 14)));
        Assert.True(Calendar.IsWorkingDay(new LocalDate(2026, 2, 28)));
        Assert.False(Calendar.IsWorkingDay(new LocalDate(2026, 2, 7)));
        Assert.Equal(new Interval(Beijing(2026, 2, 14, 9), Beijing(2026, 2, 14, 18)), Assert.Single(Calendar.WorkingIntervalsOn(new LocalDate(2026, 2, 14))));
    }

    [Fact]
    public void Add_FridayBeforeSpringFestival2026_ContinuesOnMakeUpSaturdayThenAfterTheBlock_RSla7()
    {
        Assert.Equal(Beijing(2026, 2, 14, 10), Calendar.Add(Beijing(2026, 2, 13, 17), Duration.FromHours(2)));
        Assert.Equal(Beijing(2026, 2, 24, 10), Calendar.Add(Beijing(2026, 2, 14, 17), Duration.FromHours(2)));
        Assert.Equal(Duration.FromHours(27), Calendar.BusinessTimeBetween(Beijing(2026, 2, 13, 9), Beijing(2026, 2, 25, 9)));
    }

    [Fact]
    public void Add_NationalDay2025_SkipsTheWeekAndCountsTheMakeUpWeekendDays_RSla7()
    {
        // 1–8 October 2025 off; Sunday 28 September and Saturday 11 October are make-up workdays.
        Assert.Equal(Beijing(2025, 9, 28, 10), Calendar.Add(Beijing(2025, 9, 26, 17), Duration.FromHours(2)));
        Assert.Equal(Beijing(2025, 10, 9, 10), Calendar.Add(Beijing(2025, 9, 30, 17), Duration.FromHours(2)));
        Assert.Equal(Beijing(2025, 10, 11, 9), Calendar.NextBusinessTime(Beijing(2025, 10, 10, 18)));
        Assert.False(Calendar.IsWorkingDay(new LocalDate(2025, 9, 27)));
        Assert.True(Calendar.IsWorkingDay(new LocalDate(2025, 10, 11)));
    }

    [Fact]
    public void SpecialDaysBetween_NationalDay2025_ListsHolidaysAndMakeUpDaysInOrder()
    {
        var days = Calendar.SpecialDaysBetween(new LocalDate(2025, 9, 25), new LocalDate(2025, 10, 15)).ToList();
        Assert.Equal(10, days.Count);
        Assert.Equal(new LocalDate(2025, 9, 28), days[0].Date);
        Assert.Equal(CalendarDayKind.ExtraWorkingDay, days[0].Kind);
        Assert.Equal(new LocalDate(2025, 10, 11), days[^1].Date);
        Assert.All(days.Skip(1).Take(8), d => Assert.Equal(CalendarDayKind.Holiday, d.Kind));
        Assert.Equal("国庆节、中秋节", days[1].Name);
        Assert.Equal("National Day, Mid-Autumn Festival", days[1].NameEn);
        Assert.Equal([WorkingHours.Between(Nine, Eighteen)], days[0].Hours);
    }

    [Fact]
    public void DataRange_Is2019To2026WithSourceAttribution()
    {
        Assert.Equal(2019, ChinaCalendars.FirstYearWithData);
        Assert.Equal(2026, ChinaCalendars.LastYearWithData);
        Assert.Contains("gov.cn", ChinaCalendars.DataSource, StringComparison.Ordinal);
    }

    [Fact]
    public void IsWorkingDay_StrictCalendarUncoveredYear_ThrowsWithYearAndRange()
    {
        var exception = Assert.Throws<CalendarYearNotCoveredException>(() => Strict.IsWorkingDay(new LocalDate(2027, 3, 1)));
        Assert.Equal(2027, exception.Year);
        Assert.Equal(2019, exception.FirstCoveredYear);
        Assert.Equal(2026, exception.LastCoveredYear);
        Assert.Contains("TreatAsPlainWeekdays", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<AfterSalesException>(exception);
    }

    [Fact]
    public void Add_StrictCalendarSpanReachingIntoUncoveredYear_Throws()
    {
        Assert.Throws<CalendarYearNotCoveredException>(() => Strict.Add(Beijing(2026, 12, 30, 10), Duration.FromHours(30)));
        Assert.Throws<CalendarYearNotCoveredException>(() => Strict.BusinessTimeBetween(Beijing(2018, 12, 30, 10), Beijing(2019, 1, 3, 10)));
        Assert.Throws<CalendarYearNotCoveredException>(() => Strict.NextBusinessTime(Beijing(2026, 12, 31, 18)));
        Assert.Throws<CalendarYearNotCoveredException>(() => Strict.SpecialDaysBetween(new LocalDate(2026, 12, 1), new LocalDate(2027, 1, 31)));
    }

    [Fact]
    public void Statutory9To18_IsThePresetCnStatutory918AtVersion1_AndCountsAnUncoveredYearAsPlainWeeks()
    {
        Assert.Equal("cn-statutory-9-18@1", Calendar.Key);
        Assert.Same(CalendarPresets.ChinaStatutory9To18.Calendar, Calendar);
        Assert.Equal(UnknownYearPolicy.TreatAsPlainWeekdays, Calendar.UnknownYearPolicy);
        // 1 h on Thu 31 Dec, 9 h on Fri 1 Jan 2027 (a plain weekday: no data for 2027), 1 h on Mon 4 Jan.
        Assert.Equal(Beijing(2027, 1, 4, 10), Calendar.Add(Beijing(2026, 12, 31, 17), Duration.FromHours(11)));
        Assert.Equal([2027], Calendar.UncoveredYearsBetween(Beijing(2026, 12, 31, 17), Beijing(2027, 1, 4, 10)));
        Assert.Empty(Calendar.UncoveredYearsBetween(Beijing(2026, 1, 1, 9), Beijing(2026, 12, 31, 18)));
    }

    [Fact]
    public void Add_SpanEndingWithinCoveredYear_DoesNotThrow()
        => Assert.Equal(Beijing(2026, 12, 31, 18), Calendar.Add(Beijing(2026, 12, 31, 9), Duration.FromHours(9)));

    [Fact]
    public void Statutory_OptInToPlainWeekdays_TreatsUncoveredYearsAsMondayToFriday()
    {
        var calendar = ChinaCalendars.Statutory(Nine, Eighteen, UnknownYearPolicy.TreatAsPlainWeekdays);
        Assert.True(calendar.IsWorkingDay(new LocalDate(2027, 1, 1)));
        Assert.False(calendar.IsWorkingDay(new LocalDate(2027, 1, 2)));
        // 1 h on Thu 31 Dec, 9 h on Fri 1 Jan 2027 (a plain weekday: no data for 2027), 1 h on Mon 4 Jan.
        Assert.Equal(Beijing(2027, 1, 4, 10), calendar.Add(Beijing(2026, 12, 31, 17), Duration.FromHours(11)));
        Assert.False(calendar.IsWorkingDay(new LocalDate(2026, 10, 1)));
    }

    [Fact]
    public void Statutory_LunchBreak_AppliesToMakeUpDaysToo()
    {
        var calendar = ChinaCalendars.Statutory([WorkingHours.Between(new LocalTime(8, 30), new LocalTime(12, 0)), WorkingHours.Between(new LocalTime(13, 30), new LocalTime(17, 30))]);
        Assert.Equal(2, calendar.WorkingIntervalsOn(new LocalDate(2026, 2, 14)).Count);
        Assert.Equal(Duration.FromMinutes(450), calendar.WorkingIntervalsOn(new LocalDate(2026, 2, 14)).Total());
    }

    [Fact]
    public void Statutory_ClosingAtMidnight_ThrowsNamingEnd()
    {
        var exception = Assert.Throws<ArgumentException>(() => ChinaCalendars.Statutory(Nine, LocalTime.Midnight));
        Assert.Equal("end", exception.ParamName);
        Assert.Contains("ToEndOfDay", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Statutory9To18_HasTheExplanationName()
    {
        Assert.Contains("5×8", Calendar.Name, StringComparison.Ordinal);
        Assert.Equal("Asia/Shanghai", Calendar.Zone.Id);
        Assert.Same(Calendar, ChinaCalendars.Statutory9To18);
    }

    [Fact]
    public void Statutory9To18_EveryYearWithData_HasAPlausibleNumberOfWorkingDays()
    {
        for (var year = 2019; year <= 2026; year++)
        {
            var days = 0;
            for (var date = new LocalDate(year, 1, 1); date.Year == year; date = date.PlusDays(1))
            {
                days += Calendar.IsWorkingDay(date) ? 1 : 0;
            }

            Assert.InRange(days, 240, 252);
            Assert.Equal(Duration.FromHours(9 * days), Calendar.BusinessTimeBetween(Beijing(year, 1, 1, 0), Beijing(year + 1, 1, 1, 0) - Duration.Epsilon));
        }
    }

    [Fact]
    public void WorkingIntervalsOn_LastCoveredDay_DoesNotNeedTheNextYear()
        => Assert.Equal(new Interval(Beijing(2026, 12, 31, 9), Beijing(2026, 12, 31, 18)), Assert.Single(Calendar.WorkingIntervalsOn(new LocalDate(2026, 12, 31))));

    [Fact]
    public void IsWorkingDay_SpringFestival2020Extension_CancelledTheMakeUpSaturday()
    {
        // The State Council extended the 2020 Spring Festival to 2 February, cancelling the 1 February make-up workday.
        Assert.False(Calendar.IsWorkingDay(new LocalDate(2020, 2, 1)));
        Assert.False(Calendar.IsWorkingDay(new LocalDate(2020, 2, 2)));
        Assert.True(Calendar.IsWorkingDay(new LocalDate(2020, 2, 3)));
    }
}
