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
        Assert.Contains("2026-10-01 Thu: not a working day, skipped.", lines);
        Assert.Contains("2026-10-08 Thu: counts 9 h.", lines);
        Assert.Contains("2026-10-09 Fri: counts 7 h.", lines);
        Assert.Contains("2026-10-01 Thu: holiday 国庆节 (National Day).", lines);
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
    public void Explain_EndBeforeStart_IsRejectedNamingEnd() =>
        Assert.Equal("end", Assert.Throws<ArgumentException>(() => ChinaCalendars.Statutory9To18.Explain(Bj("2026-03-06 19:00"), Bj("2026-03-06 18:00"))).ParamName);
}
