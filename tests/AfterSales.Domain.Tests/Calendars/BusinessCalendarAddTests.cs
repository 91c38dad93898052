using AfterSales.Calendars;
using static AfterSales.Tests.Calendars.CalendarTestKit;

namespace AfterSales.Tests.Calendars;

public class BusinessCalendarAddTests
{
    // 2026-11-16 is a Monday.
    private static readonly BusinessCalendar Calendar = NineToSixUtc;

    [Fact]
    public void Add_DurationEndingExactlyAtClosing_ReturnsClosingInstant()
        => Assert.Equal(Utc(2026, 11, 16, 18), Calendar.Add(Utc(2026, 11, 16, 17), Duration.FromHours(1)));

    [Fact]
    public void Add_DurationPastClosing_ContinuesAtNextOpening()
        => Assert.Equal(Utc(2026, 11, 17, 9, 1), Calendar.Add(Utc(2026, 11, 16, 17), Duration.FromMinutes(61)));

    [Fact]
    public void Add_ZeroOutsideHours_ReturnsNextOpening()
        => Assert.Equal(Utc(2026, 11, 23, 9), Calendar.Add(Utc(2026, 11, 20, 18), Duration.Zero));

    [Fact]
    public void Add_ZeroInsideHours_ReturnsStart()
        => Assert.Equal(Utc(2026, 11, 16, 10), Calendar.Add(Utc(2026, 11, 16, 10), Duration.Zero));

    [Fact]
    public void Add_ZeroAtClosingInstant_ReturnsNextOpening()
        => Assert.Equal(Utc(2026, 11, 17, 9), Calendar.Add(Utc(2026, 11, 16, 18), Duration.Zero));

    [Fact]
    public void Add_FromWeekendWholeWeek_EndsAtFridayClosing()
        => Assert.Equal(Utc(2026, 11, 27, 18), Calendar.Add(Utc(2026, 11, 21, 12), Duration.FromHours(45)));

    [Fact]
    public void Add_NegativeDuration_ThrowsNamingBusinessTime()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.Add(Utc(2026, 11, 16, 10), Duration.FromSeconds(-1)));
        Assert.Equal("businessTime", exception.ParamName);
        Assert.Contains("negative", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_StartBeforeSupportedRange_ThrowsNamingStart()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.Add(Utc(1899, 12, 31, 10), Duration.FromHours(1)));
        Assert.Equal("start", exception.ParamName);
    }

    [Fact]
    public void Add_ResultAfterSupportedRange_ThrowsNamingBusinessTime()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.Add(Utc(2099, 12, 30, 10), Duration.FromHours(20)));
        Assert.Equal("businessTime", exception.ParamName);
    }

    [Fact]
    public void IsBusinessTime_ClosingInstant_IsFalseAndOpeningInstantIsTrue()
    {
        Assert.False(Calendar.IsBusinessTime(Utc(2026, 11, 16, 18)));
        Assert.True(Calendar.IsBusinessTime(Utc(2026, 11, 16, 18) - Duration.Epsilon));
        Assert.True(Calendar.IsBusinessTime(Utc(2026, 11, 16, 9)));
        Assert.False(Calendar.IsBusinessTime(Utc(2026, 11, 16, 9) - Duration.Epsilon));
    }

    [Fact]
    public void NextBusinessTime_SaturdayMorning_ReturnsMondayOpening()
        => Assert.Equal(Utc(2026, 11, 23, 9), Calendar.NextBusinessTime(Utc(2026, 11, 21, 8)));

    [Fact]
    public void BusinessTimeBetween_ReversedArguments_IsNegative()
    {
        var from = Utc(2026, 11, 16, 10);
        var to = Utc(2026, 11, 17, 10);
        Assert.Equal(Duration.FromHours(9), Calendar.BusinessTimeBetween(from, to));
        Assert.Equal(Duration.FromHours(-9), Calendar.BusinessTimeBetween(to, from));
    }

    [Fact]
    public void BusinessTimeBetween_AcrossManyYears_SumsEveryYear()
    {
        var tenYears = Calendar.BusinessTimeBetween(Utc(2020, 1, 1, 0), Utc(2030, 1, 1, 0));
        var weekdays = 0;
        for (var date = new LocalDate(2020, 1, 1); date < new LocalDate(2030, 1, 1); date = date.PlusDays(1))
        {
            weekdays += date.DayOfWeek < IsoDayOfWeek.Saturday ? 1 : 0;
        }

        Assert.Equal(Duration.FromHours(9 * weekdays), tenYears);
    }

    [Fact]
    public void BusinessTimeBetween_WholeSupportedRangeOnTwentyFourSeven_IsExact()
    {
        var calendar = BusinessCalendar.TwentyFourSeven(DateTimeZone.Utc);
        var from = Utc(1900, 1, 1, 0);
        var to = Utc(2099, 12, 31, 23);
        Assert.Equal(to - from, calendar.BusinessTimeBetween(from, to));
        Assert.Equal(to, calendar.Add(from, to - from));
    }

    [Fact]
    public void TwentyFourSeven_Add_IsPlainAddition()
    {
        var calendar = BusinessCalendar.TwentyFourSeven(Berlin);
        var start = Berlin.At(2026, 3, 28, 23, 30);
        Assert.Equal(start + Duration.FromHours(50), calendar.Add(start, Duration.FromHours(50)));
        Assert.Equal(Duration.FromHours(50), calendar.BusinessTimeBetween(start, start + Duration.FromHours(50)));
    }

    [Fact]
    public void WithHours_RangeToEndOfDay_CountsUntilMidnight()
    {
        var calendar = BusinessCalendar.CreateBuilder("evenings", DateTimeZone.Utc)
            .WithHours(IsoDayOfWeek.Monday, WorkingHours.ToEndOfDay(new LocalTime(22, 0)))
            .WithHours(IsoDayOfWeek.Tuesday, WorkingHours.Between(new LocalTime(0, 0), new LocalTime(2, 0)))
            .Build();

        // Monday 22:00–24:00 and Tuesday 00:00–02:00 touch, so 4 h run straight through midnight.
        Assert.Equal(Utc(2026, 11, 17, 2), calendar.Add(Utc(2026, 11, 16, 22), Duration.FromHours(4)));
        Assert.Equal(Utc(2026, 11, 17, 0), calendar.Add(Utc(2026, 11, 16, 22), Duration.FromHours(2)));
        Assert.Single(calendar.WorkingIntervalsOn(new LocalDate(2026, 11, 16)));
        Assert.Equal(Utc(2026, 11, 17, 0), calendar.WorkingIntervalsOn(new LocalDate(2026, 11, 16))[0].End);
    }

    [Fact]
    public void WithHours_AdjacentRanges_BehaveLikeOneRange()
    {
        var split = BusinessCalendar.MondayToFriday(DateTimeZone.Utc, WorkingHours.Between(Nine, new LocalTime(12, 0)), WorkingHours.Between(new LocalTime(12, 0), Eighteen));
        var start = Utc(2026, 11, 16, 11);
        Assert.Equal(Utc(2026, 11, 16, 12), split.Add(start, Duration.FromHours(1)));
        Assert.Equal(NineToSixUtc.Add(start, Duration.FromHours(30)), split.Add(start, Duration.FromHours(30)));
        Assert.Single(split.WorkingIntervalsOn(new LocalDate(2026, 11, 16)));
    }

    [Fact]
    public void WithHours_LunchBreak_SkipsTheBreak()
    {
        var calendar = BusinessCalendar.MondayToFriday(DateTimeZone.Utc, WorkingHours.Between(Nine, new LocalTime(12, 0)), WorkingHours.Between(new LocalTime(13, 0), Eighteen));
        Assert.Equal(Utc(2026, 11, 16, 12), calendar.Add(Utc(2026, 11, 16, 11), Duration.FromHours(1)));
        Assert.Equal(Utc(2026, 11, 16, 14), calendar.Add(Utc(2026, 11, 16, 11), Duration.FromHours(2)));
        Assert.False(calendar.IsBusinessTime(Utc(2026, 11, 16, 12, 30)));
    }
}
