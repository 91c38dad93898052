using AfterSales.Calendars;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Calendars;

public class BusinessTimeExplanationTests
{
    [Fact]
    public void Explain_OverNationalDay_R_SLA_7_NamesTheCountedDaysTheSkippedDaysAndTheHolidays()
    {
        var lines = ChinaCalendars.Statutory9To18.Explain(Bj("2026-09-30 16:00"), Bj("2026-10-09 16:00"));

        Assert.Contains("2026-09-30 Wed: counts 2 h.", lines);
        Assert.Contains("2026-10-01 Thu to 2026-10-07 Wed: holiday 国庆节 (National Day), skipped.", lines);
        Assert.Contains("2026-10-08 Thu: counts 9 h.", lines);
        Assert.Contains("2026-10-09 Fri: counts 7 h.", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("2026-10-02", StringComparison.Ordinal));
        Assert.Equal("Business time counted: 18 h; end 2026-10-09 Fri 16:00 local.", lines[^1]);
    }

    [Fact]
    public void Explain_StartOutsideHours_SaysWhenCountingBegins()
    {
        var lines = ChinaCalendars.Statutory9To18.Explain(Bj("2026-03-06 19:00"), Bj("2026-03-09 10:00"));

        Assert.Contains("outside business time: counting begins 2026-03-09 Mon 09:00", lines[1]);
        Assert.Contains("2026-03-07 Sat: not a working day, skipped.", lines);
    }

    [Fact]
    public void Explain_UnnamedHolidayAndMakeUpDay_SaysHolidayOnceAndNamesTheMakeUpDay()
    {
        var calendar = BusinessCalendar.CreateBuilder("custom", "Asia/Shanghai")
            .WithHours(IsoDayOfWeek.Monday, WorkingHours.Between(new LocalTime(9, 0), new LocalTime(18, 0)))
            .WithHours(IsoDayOfWeek.Tuesday, WorkingHours.Between(new LocalTime(9, 0), new LocalTime(18, 0)))
            .WithSpecialDays([CalendarDay.Holiday(new LocalDate(2026, 3, 3))])
            .WithExtraWorkingDay(new LocalDate(2026, 3, 4), "调休", WorkingHours.Between(new LocalTime(9, 0), new LocalTime(12, 0)))
            .Build();

        var lines = calendar.Explain(Bj("2026-03-02 09:00"), Bj("2026-03-09 10:00"));

        Assert.Contains("2026-03-03 Tue: holiday, skipped.", lines);
        Assert.Contains("2026-03-04 Wed (make-up working day 调休): counts 3 h.", lines);
        Assert.DoesNotContain(lines, l => l.Contains("holiday holiday", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("2026-03-03", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_IntoAYearWithoutData_SaysTheAnswerIsProvisional()
    {
        var lines = ChinaCalendars.Statutory9To18.Explain(Bj("2026-12-31 17:00"), Bj("2027-01-04 10:00"));

        Assert.Contains("2027: no holiday data loaded for cn-statutory-9-18; counted as plain weekdays — provisional.", lines);
        Assert.Contains("2027-01-01 Fri: counts 9 h.", lines);
    }

    [Fact]
    public void Explain_EndBeforeStart_IsRejectedNamingEnd() =>
        Assert.Equal("end", Assert.Throws<ArgumentException>(() => ChinaCalendars.Statutory9To18.Explain(Bj("2026-03-06 19:00"), Bj("2026-03-06 18:00"))).ParamName);
}
