using AfterSales.Calendars;
using static AfterSales.Tests.Calendars.CalendarTestKit;

namespace AfterSales.Tests.Calendars;

/// <summary>工作日 targets (R-SLA-7): the same position in the working day, n working days later.</summary>
public class AddWorkingDaysTests
{
    // 2026-11-16 is a Monday.
    private static readonly BusinessCalendar Calendar = NineToSixUtc;

    [Fact]
    public void AddWorkingDays_TuesdayMorningPlusTwo_IsThursdaySameTime()
        => Assert.Equal(Utc(2026, 11, 19, 10), Calendar.AddWorkingDays(Utc(2026, 11, 17, 10), 2));

    [Fact]
    public void AddWorkingDays_FridayAfternoonPlusTwo_IsTuesdaySameTime()
        => Assert.Equal(Utc(2026, 11, 24, 17), Calendar.AddWorkingDays(Utc(2026, 11, 20, 17), 2));

    [Fact]
    public void AddWorkingDays_SaturdayPlusTwo_IsWednesdayOpening()
        => Assert.Equal(Utc(2026, 11, 25, 9), Calendar.AddWorkingDays(Utc(2026, 11, 21, 11), 2));

    [Fact]
    public void AddWorkingDays_Zero_IsNextBusinessTime()
    {
        Assert.Equal(Utc(2026, 11, 23, 9), Calendar.AddWorkingDays(Utc(2026, 11, 21, 11), 0));
        Assert.Equal(Utc(2026, 11, 17, 10), Calendar.AddWorkingDays(Utc(2026, 11, 17, 10), 0));
    }

    [Fact]
    public void AddWorkingDays_AtClosingInstant_StartsFromNextOpening()
        => Assert.Equal(Utc(2026, 11, 18, 9), Calendar.AddWorkingDays(Utc(2026, 11, 16, 18), 1));

    [Fact]
    public void AddWorkingDays_Negative_ThrowsNamingWorkingDays()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(Utc(2026, 11, 17, 10), -1));
        Assert.Equal("workingDays", exception.ParamName);
    }

    [Fact]
    public void AddWorkingDays_TargetDayShorterThanPosition_ReturnsItsClosingInstant()
    {
        var calendar = BusinessCalendar.CreateBuilder("short Saturday", DateTimeZone.Utc)
            .WithHours(IsoDayOfWeek.Friday, WorkingHours.Between(Nine, Eighteen))
            .WithExtraWorkingDay(new LocalDate(2026, 11, 21), "half day", WorkingHours.Between(Nine, new LocalTime(12, 0)))
            .Build();
        Assert.Equal(Utc(2026, 11, 21, 12), calendar.AddWorkingDays(Utc(2026, 11, 20, 17), 1));
        Assert.Equal(Utc(2026, 11, 27, 17), calendar.AddWorkingDays(Utc(2026, 11, 20, 17), 2));
    }

    [Fact]
    public void AddWorkingDays_ChinaSpringFestival2026_SkipsHolidaysAndCountsMakeUpSaturdays_RSla7()
    {
        var calendar = ChinaCalendars.Statutory9To18;

        // Fri 13 Feb + 1 = Sat 14 Feb (make-up workday); + 2 = Tue 24 Feb (15–23 Feb are off).
        Assert.Equal(Beijing(2026, 2, 14, 10), calendar.AddWorkingDays(Beijing(2026, 2, 13, 10), 1));
        Assert.Equal(Beijing(2026, 2, 24, 10), calendar.AddWorkingDays(Beijing(2026, 2, 13, 10), 2));

        // Fri 27 Feb + 1 = Sat 28 Feb (make-up workday).
        Assert.Equal(Beijing(2026, 2, 28, 16), calendar.AddWorkingDays(Beijing(2026, 2, 27, 16), 1));
    }
}
