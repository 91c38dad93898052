using AfterSales.Calendars;
using static AfterSales.Tests.Calendars.CalendarTestKit;

namespace AfterSales.Tests.Calendars;

/// <summary>Daylight-saving transitions: business time is elapsed real time, read on the wall clock.</summary>
public class BusinessCalendarDstTests
{
    // Europe/Berlin 2026: clocks go forward on Sunday 29 March 02:00 → 03:00 and back on Sunday 25 October 03:00 → 02:00.
    private static readonly LocalDate SpringForward = new(2026, 3, 29);
    private static readonly LocalDate FallBack = new(2026, 10, 25);

    [Fact]
    public void WorkingIntervalsOn_AllDayOnSpringForwardDay_Is23Hours()
        => Assert.Equal(Duration.FromHours(23), BusinessCalendar.TwentyFourSeven(Berlin).WorkingIntervalsOn(SpringForward).Total());

    [Fact]
    public void WorkingIntervalsOn_AllDayOnFallBackDay_Is25Hours()
        => Assert.Equal(Duration.FromHours(25), BusinessCalendar.TwentyFourSeven(Berlin).WorkingIntervalsOn(FallBack).Total());

    [Fact]
    public void BusinessTimeBetween_NineToFiveOnTransitionDays_IsEightHours()
    {
        var calendar = EveryDay(Berlin, WorkingHours.Between(new LocalTime(9, 0), new LocalTime(17, 0)));
        foreach (var date in new[] { SpringForward, FallBack })
        {
            var from = Berlin.AtStartOfDay(date).ToInstant();
            Assert.Equal(Duration.FromHours(8), calendar.BusinessTimeBetween(from, from + Duration.FromHours(30)));
        }
    }

    [Fact]
    public void BusinessTimeBetween_AllDayInNewYorkTransitionDays_Is23And25Hours()
    {
        var calendar = BusinessCalendar.TwentyFourSeven(NewYork);
        Assert.Equal(Duration.FromHours(23), calendar.WorkingIntervalsOn(new LocalDate(2026, 3, 8)).Total());
        Assert.Equal(Duration.FromHours(25), calendar.WorkingIntervalsOn(new LocalDate(2026, 11, 1)).Total());
    }

    [Fact]
    public void WorkingIntervalsOn_LordHoweHalfHourShift_Is23AndAHalfAnd24AndAHalfHours()
    {
        // Lord Howe Island moves its clocks by 30 minutes: back on 5 April 2026, forward on 4 October 2026.
        var calendar = BusinessCalendar.TwentyFourSeven(LordHowe);
        Assert.Equal(Duration.FromMinutes((24 * 60) + 30), calendar.WorkingIntervalsOn(new LocalDate(2026, 4, 5)).Total());
        Assert.Equal(Duration.FromMinutes((24 * 60) - 30), calendar.WorkingIntervalsOn(new LocalDate(2026, 10, 4)).Total());
    }

    [Fact]
    public void Add_OpeningAtStartOfGap_MovesForwardByTheGap()
    {
        // 02:00 does not exist on 29 March; the range opens at 03:00 CEST (01:00 UTC).
        var calendar = EveryDay(Berlin, WorkingHours.Between(new LocalTime(2, 0), new LocalTime(5, 0)));
        var intervals = calendar.WorkingIntervalsOn(SpringForward);
        Assert.Equal(new Interval(Utc(2026, 3, 29, 1), Utc(2026, 3, 29, 3)), Assert.Single(intervals));
        Assert.Equal(Utc(2026, 3, 29, 1), calendar.NextBusinessTime(Utc(2026, 3, 28, 23)));
    }

    [Fact]
    public void WorkingIntervalsOn_OpeningInsideGap_OpensWhenTheClockJumpsPastIt()
    {
        var calendar = EveryDay(Berlin, WorkingHours.Between(new LocalTime(2, 30), new LocalTime(5, 0)));
        Assert.Equal(new Interval(Utc(2026, 3, 29, 1), Utc(2026, 3, 29, 3)), Assert.Single(calendar.WorkingIntervalsOn(SpringForward)));
    }

    [Fact]
    public void WorkingIntervalsOn_RangeInRepeatedHour_CountsBothOccurrences()
    {
        // On 25 October the wall clock shows 02:00–03:00 twice: 00:00–01:00 UTC (CEST) and 01:00–02:00 UTC (CET).
        var calendar = EveryDay(Berlin, WorkingHours.Between(new LocalTime(2, 30), new LocalTime(5, 0)));
        var intervals = calendar.WorkingIntervalsOn(FallBack);
        Assert.Equal(
            [new Interval(Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 25, 1)), new Interval(Utc(2026, 10, 25, 1, 30), Utc(2026, 10, 25, 4))],
            intervals);
        Assert.Equal(Duration.FromHours(3), intervals.Total());
    }

    [Fact]
    public void Add_AcrossFallBack_NeverCountsAnInstantTwice()
    {
        var calendar = BusinessCalendar.TwentyFourSeven(Berlin);
        var start = Berlin.At(2026, 10, 25, 1, 0);
        Assert.Equal(start + Duration.FromHours(3), calendar.Add(start, Duration.FromHours(3)));
    }

    private static BusinessCalendar EveryDay(DateTimeZone zone, params WorkingHours[] hours)
    {
        var builder = BusinessCalendar.CreateBuilder("every day", zone);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            builder.WithHours(day, hours);
        }

        return builder.Build();
    }
}
