using AfterSales.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Sla;

/// <summary>Issue 17 §1: deadlines at the close of the Nth working day, and calendar days, weeks and months.</summary>
public class AmountKindTests
{
    private static SlaClock Resolved(SlaAmount amount, TicketTimeline timeline, Instant now, BusinessCalendar? calendar = null) =>
        Assert.Single(SlaEvaluator.Evaluate(
            SlaPolicy.CreateBuilder("p", 1, "p", SeverityScales.SingleLevel)
                .WithCalendar(calendar ?? ChinaCalendars.Statutory9To18)
                .AddTarget(SlaMetric.Resolved, amount, t => t.ForAllSeverities())
                .Build(),
            timeline, now, ExplanationLanguage.English));

    private static TicketTimeline At(string local) => TicketTimeline.Open(Bj(local), "fault", ReportChannel.Phone, ServiceSite.Local);

    // "Resolved by close of business on the Nth working day" (GLPI's end-of-working-day deadline) on
    // China's statutory 9:00–18:00 calendar (R-SLA-7): National Day 2026 is 1–7 October and Saturday
    // 10 October is a make-up working day.
    [Theory]
    [InlineData("2026-09-30 16:00", 0, "2026-09-30 18:00")] // the day it starts
    [InlineData("2026-09-30 16:00", 1, "2026-10-08 18:00")] // the holiday block is skipped
    [InlineData("2026-09-30 19:00", 0, "2026-10-08 18:00")] // after hours: the next working day's close
    [InlineData("2026-09-30 16:00", 3, "2026-10-10 18:00")] // the make-up Saturday counts
    [InlineData("2026-10-03 11:00", 0, "2026-10-08 18:00")] // starting on a holiday
    public void CloseOfWorkingDay_R_SLA_7_DueAtTheCloseOfTheNthWorkingDay(string start, int n, string due)
    {
        var clock = Resolved(SlaAmount.UntilCloseOfWorkingDay(n), At(start), Bj(start));

        Assert.Equal(due, Local(clock.DueAt));
        Assert.Contains(clock.Explanation, l => l.Contains("from the start =", StringComparison.Ordinal) && l.Contains("of business time", StringComparison.Ordinal));
        Assert.Contains(") by the close of ", clock.Explanation[0], StringComparison.Ordinal);
    }

    // R-CP-1: "a formal answer within 5 days" (自然日) and a month for the longer promises.
    [Theory]
    [InlineData("2026-03-06 10:00", "P5D", "2026-03-11 10:00")] // over a weekend: calendar days, not working days
    [InlineData("2026-01-31 10:00", "P1M", "2026-02-28 10:00")] // clamped to February's end
    [InlineData("2028-01-31 10:00", "P1M", "2028-02-29 10:00")] // a leap year's February
    [InlineData("2026-09-28 10:00", "P2W", "2026-10-12 10:00")] // over National Day: elapsed time
    public void CalendarPeriod_R_CP_1_ElapsedTimeInTheZone_MonthsClamp(string start, string period, string due)
    {
        var amount = SlaAmount.OfCalendarPeriod(NodaTime.Text.PeriodPattern.Roundtrip.Parse(period).Value);

        var clock = Resolved(amount, At(start), Bj(start));

        Assert.Equal(due, Local(clock.DueAt));
        Assert.Contains(clock.Explanation, l => l.Contains("of elapsed time (months clamp", StringComparison.Ordinal));
        Assert.Contains(clock.Explanation, l => l.EndsWith("of elapsed time left", StringComparison.Ordinal));
        Assert.False(clock.IsProvisional);
    }

    [Fact]
    public void CalendarPeriod_APauseMovesTheDeadlineByItsElapsedLength()
    {
        var timeline = At("2026-03-06 10:00").Paused(Bj("2026-03-07 10:00"), "waiting").Resumed(Bj("2026-03-08 12:00"));

        var clock = Resolved(SlaAmount.OfCalendarPeriod(Period.FromDays(5)), timeline, Bj("2026-03-09 10:00"));

        Assert.Equal("2026-03-12 12:00", Local(clock.DueAt));
        Assert.Equal(Duration.FromHours(26), clock.PausedBusinessTime);
    }

    [Fact]
    public void OfCalendarPeriod_HoursOrNegative_Rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaAmount.OfCalendarPeriod(Period.FromHours(5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaAmount.OfCalendarPeriod(Period.FromDays(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaAmount.OfCalendarPeriod(Period.Zero));
    }

    [Fact]
    public void Describe_BothLanguages()
    {
        Assert.Equal("the close of working day 2", SlaAmount.UntilCloseOfWorkingDay(2).Describe(ExplanationLanguage.English));
        Assert.Equal("第2个工作日下班前", SlaAmount.UntilCloseOfWorkingDay(2).Describe(ExplanationLanguage.Chinese));
        Assert.Equal("1 calendar month", SlaAmount.OfCalendarPeriod(Period.FromMonths(1)).Describe(ExplanationLanguage.English));
        Assert.Equal("15个自然日", SlaAmount.OfCalendarPeriod(Period.FromDays(15)).Describe(ExplanationLanguage.Chinese));
    }
}
