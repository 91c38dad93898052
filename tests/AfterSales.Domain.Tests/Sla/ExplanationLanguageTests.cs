using AfterSales.Calendars;
using AfterSales.Quality.Reporting;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using AfterSales.Tests.Quality;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Sla;

/// <summary>Explanations and the report in Chinese and English (issue 12 §4): one language per answer, the preset's by default.</summary>
public class ExplanationLanguageTests
{
    private static readonly TicketTimeline Paused = TicketTimeline.Open(Bj("2026-09-30 16:00"), "single", ReportChannel.Phone, ServiceSite.Local)
        .Paused(Bj("2026-09-30 16:30"), "waiting for the customer")
        .Resumed(Bj("2026-09-30 17:00"));

    [Fact]
    public void Clock_ChinaPreset_ExplainsInChineseByDefault_R_SLA_1()
    {
        var resolved = Assert.Single(SlaEvaluator.Evaluate(SlaPresets.KioskHardware000, Paused, Bj("2026-09-30 17:30")), c => c.Metric.Equals(SlaMetric.Resolved));

        Assert.StartsWith("修复时限:2个工作日内(日历 5×8 09:00–18:00 Asia/Shanghai", resolved.Explanation[0], StringComparison.Ordinal);
        Assert.EndsWith("),故障等级 single — 2个工作日内修复", resolved.Explanation[0], StringComparison.Ordinal);
        Assert.Equal(
            [
                "自报障 2026-09-30 16:00 起计",
                "自开始起2个工作日 = 18小时工作时间",
                "等待客户暂停 30分钟 工作时间(2026-09-30 16:30–2026-09-30 17:00)",
                "2026-10-01 至 2026-10-07 为节假日(国庆节)",
                "2026-10-09 16:30 到期;尚余 17小时 工作时间",
                "约定:时限恰在下班时用完即于下班时到期;首次响应前等待客户的时间也暂停其他时限;时长精确",
            ],
            resolved.Explanation.Skip(1));
    }

    [Fact]
    public void Clock_AskedInEnglish_ExplainsInEnglish_R_SLA_1()
    {
        var resolved = Assert.Single(SlaEvaluator.Evaluate(SlaPresets.KioskHardware000, Paused, Bj("2026-09-30 17:30"), ExplanationLanguage.English), c => c.Metric.Equals(SlaMetric.Resolved));

        Assert.Equal("started 2026-09-30 16:00 at the report", resolved.Explanation[1]);
        Assert.Equal("paused 30 min of business time waiting for the customer (2026-09-30 16:30–2026-09-30 17:00)", resolved.Explanation[3]);
        Assert.Equal("due 2026-10-09 16:30; 17 h of business time left", resolved.Explanation[^2]);
    }

    [Fact]
    public void BusinessTime_BothLanguages_SameLinesInEach()
    {
        var calendar = ChinaCalendars.Statutory9To18;

        var zh = calendar.Explain(Bj("2026-09-30 17:00"), Bj("2026-10-08 10:00"), ExplanationLanguage.Chinese);
        var en = calendar.Explain(Bj("2026-09-30 17:00"), Bj("2026-10-08 10:00"), ExplanationLanguage.English);

        Assert.Equal(en.Count, zh.Count);
        Assert.Contains("2026-10-01 Thu 至 2026-10-07 Wed:节假日(国庆节),跳过。", zh);
        Assert.Contains("2026-10-01 Thu to 2026-10-07 Wed: holiday 国庆节 (National Day), skipped.", en);
        Assert.Equal("共计工作时间 2小时;结束于当地时间 2026-10-08 Thu 10:00。", zh[^1]);
    }

    [Fact]
    public void Report_OneLanguageOrBoth_R_RP_1()
    {
        var report = SampleQuarter.Report();

        var zh = MarkdownReportRenderer.Render(report, ExplanationLanguage.Chinese);
        var en = MarkdownReportRenderer.Render(report, ExplanationLanguage.English);
        var both = MarkdownReportRenderer.Render(report);

        Assert.Contains("## 一、设备运行情况\n", zh, StringComparison.Ordinal);
        Assert.Contains("- 故障工单: 12", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("Work orders", zh, StringComparison.Ordinal);
        Assert.Contains("## Device operation\n", en, StringComparison.Ordinal);
        Assert.Contains("- Work orders: 12", en, StringComparison.Ordinal);
        Assert.Contains("| missed (−12.3 pts) |", en, StringComparison.Ordinal);
        Assert.Contains("| 未达标 (−12.3 个百分点) |", zh, StringComparison.Ordinal);
        Assert.Contains("- 故障工单 Work orders: 12", both, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", HtmlReportRenderer.Render(report, ExplanationLanguage.English), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh", "zh-CN")]
    [InlineData("zh-Hans-CN", "zh-CN")]
    [InlineData("ZH-tw", "zh-CN")]
    [InlineData("en-GB", "en")]
    public void Find_CultureNames_MapToTheTwoLanguages(string culture, string code) =>
        Assert.Equal(code, ExplanationLanguage.Find(culture)!.Code);

    [Fact]
    public void Find_OtherLanguage_IsNull_AndForFallsBackToEnglish()
    {
        Assert.Null(ExplanationLanguage.Find("fr-FR"));
        Assert.Same(ExplanationLanguage.English, ExplanationLanguage.For(new System.Globalization.CultureInfo("fr-FR")));
    }
}
