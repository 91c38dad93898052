using AfterSales.Calendars;
using static AfterSales.Tests.Calendars.CalendarTestKit;

namespace AfterSales.Tests.Calendars;

/// <summary>Bad input is rejected with an exception naming the field and the reason.</summary>
public class BusinessCalendarBuilderTests
{
    private static readonly WorkingHours NineToTwelve = WorkingHours.Between(Nine, new LocalTime(12, 0));
    private static readonly WorkingHours ElevenToSix = WorkingHours.Between(new LocalTime(11, 0), Eighteen);

    private static BusinessCalendarBuilder Weekdays() => BusinessCalendar.CreateBuilder("test", DateTimeZone.Utc)
        .WithHours(IsoDayOfWeek.Monday, WorkingHours.Between(Nine, Eighteen));

    [Fact]
    public void Build_OverlappingRanges_ThrowsNamingWeekdayAndRanges()
    {
        var exception = Assert.Throws<ArgumentException>(() => Weekdays().WithHours(IsoDayOfWeek.Tuesday, ElevenToSix, NineToTwelve).Build());
        Assert.Equal("hours", exception.ParamName);
        Assert.Contains("Tuesday", exception.Message, StringComparison.Ordinal);
        Assert.Contains("09:00–12:00", exception.Message, StringComparison.Ordinal);
        Assert.Contains("11:00–18:00", exception.Message, StringComparison.Ordinal);
        Assert.Contains("overlapping", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_DefaultWorkingHours_ThrowsNamingHours()
    {
        var exception = Assert.Throws<ArgumentException>(() => Weekdays().WithHours(IsoDayOfWeek.Friday, default(WorkingHours)).Build());
        Assert.Equal("hours", exception.ParamName);
        Assert.Contains("empty range", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoHoursAtAll_ThrowsNamingHours()
    {
        var exception = Assert.Throws<ArgumentException>(() => BusinessCalendar.CreateBuilder("none", DateTimeZone.Utc).Build());
        Assert.Equal("hours", exception.ParamName);
        Assert.Contains("no working hours", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_HolidayThatIsAlsoExtraWorkingDay_ThrowsNamingDate()
    {
        var date = new LocalDate(2026, 2, 14);
        var exception = Assert.Throws<ArgumentException>(() => Weekdays()
            .WithHoliday(date, "春节")
            .WithExtraWorkingDay(date, "春节", WorkingHours.Between(Nine, Eighteen))
            .Build());
        Assert.Equal("date", exception.ParamName);
        Assert.Contains("2026-02-14", exception.Message, StringComparison.Ordinal);
        Assert.Contains("both a holiday and an extra working day", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_HolidayListedTwice_ThrowsNamingDate()
    {
        var date = new LocalDate(2026, 10, 1);
        var exception = Assert.Throws<ArgumentException>(() => Weekdays().WithHoliday(date, "国庆节").WithHoliday(date, "国庆节").Build());
        Assert.Equal("date", exception.ParamName);
        Assert.Contains("listed twice", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ExtraWorkingDayWithoutHours_ThrowsNamingHours()
    {
        var exception = Assert.Throws<ArgumentException>(() => Weekdays().WithExtraWorkingDay(new LocalDate(2026, 2, 14), "调休").Build());
        Assert.Equal("hours", exception.ParamName);
        Assert.Contains("2026-02-14", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ExtraWorkingDayWithOverlappingHours_ThrowsNamingDay()
    {
        var exception = Assert.Throws<ArgumentException>(() => Weekdays().WithExtraWorkingDay(new LocalDate(2026, 2, 14), "调休", NineToTwelve, ElevenToSix).Build());
        Assert.Equal("hours", exception.ParamName);
        Assert.Contains("extra working day 2026-02-14", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_HolidayOutsideCoveredYears_ThrowsNamingDate()
    {
        var exception = Assert.Throws<ArgumentException>(() => Weekdays().WithYearCoverage(2025, 2026).WithHoliday(new LocalDate(2027, 1, 1), "元旦").Build());
        Assert.Equal("date", exception.ParamName);
        Assert.Contains("2025–2026", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ReversedCoverage_ThrowsNamingLastYear()
    {
        var exception = Assert.Throws<ArgumentException>(() => Weekdays().WithYearCoverage(2026, 2025).Build());
        Assert.Equal("lastYear", exception.ParamName);
    }

    [Fact]
    public void Build_HolidayOutsideSupportedYears_ThrowsNamingDate()
    {
        var exception = Assert.Throws<ArgumentException>(() => Weekdays().WithHoliday(new LocalDate(2100, 1, 1), "far").Build());
        Assert.Equal("date", exception.ParamName);
        Assert.Contains("1900–2099", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UndefinedPolicy_ThrowsNamingPolicy()
    {
        var exception = Assert.Throws<ArgumentException>(() => Weekdays().WithYearCoverage(2025, 2026, (UnknownYearPolicy)7).Build());
        Assert.Equal("policy", exception.ParamName);
    }

    [Fact]
    public void WithHours_UndefinedWeekday_ThrowsNamingDay()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Weekdays().WithHours(IsoDayOfWeek.None, NineToTwelve));
        Assert.Equal("day", exception.ParamName);
    }

    [Fact]
    public void CreateBuilder_UnknownZoneId_ThrowsNamingZoneId()
    {
        var exception = Assert.Throws<ArgumentException>(() => BusinessCalendar.CreateBuilder("x", "Mars/Olympus_Mons"));
        Assert.Equal("zoneId", exception.ParamName);
        Assert.Contains("Mars/Olympus_Mons", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_KnownZoneId_UsesThatZone()
        => Assert.Equal("Europe/Berlin", BusinessCalendar.CreateBuilder("x", "Europe/Berlin").WithHours(IsoDayOfWeek.Monday, WorkingHours.AllDay).Build().Zone.Id);

    [Fact]
    public void CreateBuilder_BlankName_ThrowsNamingName()
    {
        var exception = Assert.Throws<ArgumentException>(() => BusinessCalendar.CreateBuilder(" ", DateTimeZone.Utc));
        Assert.Equal("name", exception.ParamName);
    }

    [Fact]
    public void MondayToFriday_ClosingBeforeOpening_ThrowsNamingEnd()
    {
        var exception = Assert.Throws<ArgumentException>(() => BusinessCalendar.MondayToFriday(DateTimeZone.Utc, Eighteen, Nine));
        Assert.Equal("end", exception.ParamName);
    }

    [Fact]
    public void Build_LaterChangesToBuilder_DoNotAffectBuiltCalendar()
    {
        var builder = Weekdays();
        var calendar = builder.Build();
        builder.WithHours(IsoDayOfWeek.Monday, NineToTwelve).WithHoliday(new LocalDate(2026, 11, 16), "x");
        Assert.True(calendar.IsWorkingDay(new LocalDate(2026, 11, 16)));
        Assert.Equal(Duration.FromHours(9), calendar.WorkingIntervalsOn(new LocalDate(2026, 11, 16)).Total());
    }

    [Fact]
    public void IsWorkingDay_DateOutsideSupportedYears_ThrowsNamingDate()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => NineToSixUtc.IsWorkingDay(new LocalDate(2100, 1, 1)));
        Assert.Equal("date", exception.ParamName);
    }

    [Fact]
    public void SpecialDaysBetween_ReversedRange_ThrowsNamingToInclusive()
    {
        var exception = Assert.Throws<ArgumentException>(() => NineToSixUtc.SpecialDaysBetween(new LocalDate(2026, 2, 1), new LocalDate(2026, 1, 1)));
        Assert.Equal("toInclusive", exception.ParamName);
    }

    [Fact]
    public void BusinessTimeBetween_InstantAfterSupportedRange_ThrowsNamingTo()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => NineToSixUtc.BusinessTimeBetween(Utc(2026, 1, 1, 0), Utc(2100, 1, 1, 0)));
        Assert.Equal("to", exception.ParamName);
    }

    [Fact]
    public void CreateBuilder_NullZone_ThrowsNamingZone()
        => Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => BusinessCalendar.CreateBuilder("x", (DateTimeZone)null!)).ParamName);

    [Fact]
    public void WithHolidays_NullDates_ThrowsNamingDates()
        => Assert.Equal("dates", Assert.Throws<ArgumentNullException>(() => Weekdays().WithHolidays(null!, "x")).ParamName);

    [Fact]
    public void WithHoliday_BlankName_ThrowsNamingName()
        => Assert.Equal("name", Assert.Throws<ArgumentException>(() => Weekdays().WithHoliday(new LocalDate(2026, 1, 1), "")).ParamName);

    [Fact]
    public void TreatUnknownYearsAsPlainWeekdays_OptIn_UsesWeeklyHoursOutsideCoverage()
    {
        var strict = Weekdays().WithYearCoverage(2026, 2026).WithHoliday(new LocalDate(2026, 11, 16), "x").Build();
        var lenient = Weekdays().WithYearCoverage(2026, 2026).WithHoliday(new LocalDate(2026, 11, 16), "x").TreatUnknownYearsAsPlainWeekdays().Build();
        Assert.Throws<CalendarYearNotCoveredException>(() => strict.IsWorkingDay(new LocalDate(2027, 11, 15)));
        Assert.True(lenient.IsWorkingDay(new LocalDate(2027, 11, 15)));
        Assert.False(lenient.IsWorkingDay(new LocalDate(2026, 11, 16)));
        Assert.Equal(UnknownYearPolicy.TreatAsPlainWeekdays, lenient.UnknownYearPolicy);
        Assert.Equal(2026, lenient.FirstCoveredYear);
    }

    [Fact]
    public void CalendarDay_Hours_CannotBeChangedThroughTheList()
    {
        var day = CalendarDay.ExtraWorkingDay(new LocalDate(2026, 2, 14), "春节", "Spring Festival", WorkingHours.Between(Nine, Eighteen));
        Assert.False(day.Hours is WorkingHours[]);
        Assert.Equal("2026-02-14 ExtraWorkingDay 春节 (Spring Festival) 09:00–18:00", day.ToString());
    }
}
