using AfterSales.Calendars;
using NodaTime;

namespace AfterSales.Docs.Snippets;

/// <summary>docs/calendars.md</summary>
public class CalendarsSnippets
{
    [Fact]
    public void ReadyMade()
    {
        var roundTheClock = BusinessCalendar.TwentyFourSeven(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        var officeHours = BusinessCalendar.MondayToFriday(DateTimeZoneProviders.Tzdb["Europe/Berlin"], new LocalTime(9, 0), new LocalTime(17, 0));
        var china5x8 = ChinaCalendars.Statutory9To18;

        Assert.All([roundTheClock, officeHours, china5x8], Assert.NotNull);
    }

    [Fact]
    public void OwnRules()
    {
        var calendar = BusinessCalendar.CreateBuilder("hospital hours", "Asia/Shanghai")
            .WithHours(IsoDayOfWeek.Monday, WorkingHours.Between(new LocalTime(8, 30), new LocalTime(12, 0)), WorkingHours.Between(new LocalTime(13, 30), new LocalTime(17, 30)))
            .WithHours(IsoDayOfWeek.Saturday, WorkingHours.ToEndOfDay(new LocalTime(20, 0)))
            .WithHoliday(new LocalDate(2026, 5, 1), "劳动节", "Labour Day")
            .WithExtraWorkingDay(new LocalDate(2026, 5, 9), "调休", "make-up workday", WorkingHours.Between(new LocalTime(8, 30), new LocalTime(17, 30)))
            .Build();

        Assert.True(calendar.IsWorkingDay(new LocalDate(2026, 5, 9)));
    }

    [Fact]
    public void China()
    {
        var calendar = ChinaCalendars.Statutory9To18;
        var fridayBeforeNationalDay = Instant.FromUtc(2026, 9, 30, 8, 0); // 16:00 Beijing time
        var due = calendar.AddWorkingDays(fridayBeforeNationalDay, 2);
        var specialDays = calendar.SpecialDaysBetween(new LocalDate(2026, 9, 26), new LocalDate(2026, 10, 11));

        Assert.True(due > Instant.FromUtc(2026, 10, 8, 0, 0));
        Assert.Contains(specialDays, d => d.Kind == CalendarDayKind.Holiday);
    }

    [Fact]
    public void UncoveredYears()
    {
        var strict = ChinaCalendars.Statutory(new LocalTime(9, 0), new LocalTime(18, 0), UnknownYearPolicy.Throw);
        var custom = BusinessCalendar.CreateBuilder("site calendar", "Asia/Shanghai")
            .WithHours(IsoDayOfWeek.Monday, WorkingHours.Between(new LocalTime(9, 0), new LocalTime(18, 0)))
            .WithYearCoverage(2026, 2026)
            .TreatUnknownYearsAsPlainWeekdays()
            .Build();
        var provisionalYears = ChinaCalendars.Statutory9To18.UncoveredYearsBetween(Instant.FromUtc(2026, 12, 31, 0, 0), Instant.FromUtc(2027, 1, 5, 0, 0));

        var farFuture = Instant.FromUtc(2040, 1, 2, 0, 0);
        Assert.Equal([2027], provisionalYears);
        Assert.True(custom.Add(farFuture, Duration.FromHours(1)) > farFuture);
        Assert.True(ChinaCalendars.Statutory9To18.Add(farFuture, Duration.FromHours(1)) > farFuture);
        Assert.Throws<CalendarYearNotCoveredException>(() => strict.Add(farFuture, Duration.FromHours(1)));
    }

    [Fact]
    public void Definitions()
    {
        var year = HolidayYear.Create(
            2030,
            [CalendarDay.Holiday(new LocalDate(2030, 1, 1), "元旦", "New Year's Day")],
            [CalendarDay.ExtraWorkingDay(new LocalDate(2030, 1, 5), "元旦", null, WorkingHours.Between(new LocalTime(9, 0), new LocalTime(18, 0)))],
            "example data, not a State Council notice");
        var site = CalendarDefinition.CreateBuilder("site-hours", "Site hours", "Asia/Shanghai")
            .WithHours(IsoDayOfWeek.Monday, WorkingHours.Between(new LocalTime(9, 0), new LocalTime(12, 0)), WorkingHours.Between(new LocalTime(13, 0), new LocalTime(18, 0)))
            .WithYear(year)
            .Build();
        var next = site.WithYear(year);      // a change; a catalog saves it as the next version

        Assert.Equal("site-hours@1", site.Calendar.Key);
        Assert.True(next.Calendar.IsYearCovered(2030));
    }
}
