using AfterSales.Calendars;
using static AfterSales.Tests.Calendars.CalendarTestKit;

namespace AfterSales.Tests.Calendars;

/// <summary>Calendars as data: definitions, their checks by path, years and versions.</summary>
public class CalendarDefinitionTests
{
    private static readonly WorkingHours NineToEighteen = WorkingHours.Between(Nine, Eighteen);

    [Fact]
    public void Build_ReportsEveryProblemWithItsPath()
    {
        var builder = CalendarDefinition.CreateBuilder("bad id!", " ", "Mars/Olympus")
            .WithHours(IsoDayOfWeek.Monday, NineToEighteen, WorkingHours.Between(new LocalTime(17, 0), new LocalTime(19, 0)))
            .WithYear(HolidayYear.Create(2027, [], []))
            .WithYear(HolidayYear.Create(2027, [], []));

        var issues = Assert.Throws<InvalidDefinitionException>(builder.Build).Issues.Select(static i => i.Path).ToArray();

        Assert.Equal(["id", "name", "zone", "weeklyHours.monday[1]", "years[1].year"], issues);
    }

    [Fact]
    public void HolidayYear_Create_ReportsDatesOutsideTheYearDoublesAndOverlapsByPath()
    {
        var issues = Assert.Throws<InvalidDefinitionException>(() => HolidayYear.Create(
            2027,
            [CalendarDay.Holiday(new LocalDate(2026, 12, 31), "元旦"), CalendarDay.Holiday(new LocalDate(2027, 2, 8), "春节")],
            [
                CalendarDay.ExtraWorkingDay(new LocalDate(2027, 2, 8), "春节", null, NineToEighteen),
                CalendarDay.ExtraWorkingDay(new LocalDate(2027, 2, 6), "春节", null, NineToEighteen, WorkingHours.Between(new LocalTime(10, 0), new LocalTime(11, 0))),
                CalendarDay.ExtraWorkingDay(new LocalDate(2027, 2, 7), "春节", null),
            ])).Issues;

        Assert.Equal(
            ["holidays[0].date", "extraWorkingDays[0].date", "extraWorkingDays[1].hours[1]", "extraWorkingDays[2].hours"],
            issues.Select(static i => i.Path));
        Assert.Contains("both a holiday and an extra working day", issues[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HolidayYear_Create_YearOutsideTheSupportedRange_IsAnIssueAtYear() =>
        Assert.Equal("year", Assert.Throws<InvalidDefinitionException>(() => HolidayYear.Create(2100, [], [])).Issues[0].Path);

    [Fact]
    public void Calendar_CoversExactlyItsYears_AndCarriesItsIdentity()
    {
        var definition = Weekdays()
            .WithYear(HolidayYear.Create(2026, [CalendarDay.Holiday(new LocalDate(2026, 10, 1), "国庆节")], []))
            .WithYear(HolidayYear.Create(2028, [], []))
            .WithVersion(3)
            .Build();

        var calendar = definition.Calendar;

        Assert.Equal("site@3", calendar.Key);
        Assert.True(calendar.IsYearCovered(2026));
        Assert.False(calendar.IsYearCovered(2027));
        Assert.True(calendar.IsYearCovered(2028));
        Assert.Equal([2027], calendar.UncoveredYearsBetween(Instant.FromUtc(2026, 12, 1, 0, 0), Instant.FromUtc(2028, 6, 1, 0, 0)));
        Assert.False(calendar.IsWorkingDay(new LocalDate(2026, 10, 1)));
        Assert.True(calendar.IsWorkingDay(new LocalDate(2027, 10, 1))); // a plain Friday: no data for 2027
        Assert.Same(calendar, definition.Calendar);
    }

    [Fact]
    public void WithYear_AddsOrReplacesOneYear_AndKeepsTheRestAndTheVersion()
    {
        var definition = CalendarPresets.ChinaStatutory9To18;
        var year2027 = HolidayYear.Create(2027, [CalendarDay.Holiday(new LocalDate(2027, 1, 1), "元旦", "New Year's Day")], [], "test data, not a State Council notice");

        var next = definition.WithYear(year2027);

        Assert.Equal(1, next.Version);
        Assert.Equal(9, next.Years.Count);
        Assert.Same(year2027, next.Year(2027));
        Assert.False(next.Calendar.IsWorkingDay(new LocalDate(2027, 1, 1)));
        Assert.Empty(next.Calendar.UncoveredYearsBetween(Instant.FromUtc(2026, 6, 1, 0, 0), Instant.FromUtc(2027, 6, 1, 0, 0)));
        Assert.True(definition.Calendar.IsWorkingDay(new LocalDate(2027, 1, 1)));
        Assert.Equal("cn-statutory-9-18@2", next.WithVersion(2).Calendar.Key);
    }

    [Fact]
    public void Presets_AreVersion1OfTheirIds_WithoutYearsExceptChina()
    {
        Assert.Equal(["24x7-beijing@1", "mon-fri-9-18-beijing@1", "cn-statutory-9-18@1"], CalendarPresets.All.Select(static p => p.Key));
        Assert.Empty(CalendarPresets.TwentyFourSevenBeijing.Years);
        Assert.Equal(2019, CalendarPresets.ChinaStatutory9To18.Years[0].Year);
        Assert.Equal(2026, CalendarPresets.ChinaStatutory9To18.Years[^1].Year);
    }

    [Fact]
    public void StrictDefinition_ThrowsForAnUncoveredYear()
    {
        var strict = Weekdays().WithYear(HolidayYear.Create(2026, [], [])).WithUnknownYears(UnknownYearPolicy.Throw).Build();

        Assert.Throws<CalendarYearNotCoveredException>(() => strict.Calendar.IsWorkingDay(new LocalDate(2027, 1, 4)));
    }

    private static CalendarDefinitionBuilder Weekdays()
    {
        var builder = CalendarDefinition.CreateBuilder("site", "site hours", "Asia/Shanghai");
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            builder.WithHours(day, NineToEighteen);
        }

        return builder;
    }
}
