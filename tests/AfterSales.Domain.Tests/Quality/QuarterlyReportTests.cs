using System.Text.RegularExpressions;
using System.Xml.Linq;
using AfterSales.Quality.Reporting;
using AfterSales.Sla;
using AfterSales.Tests.Architecture;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Quality;

public partial class QuarterlyReportTests
{
    [GeneratedRegex("<svg[\\s\\S]*?</svg>")]
    private static partial Regex SvgFragment();

    [Fact]
    public void Create_SampleQuarter_TotalsEqualTheInputs_RRP1()
    {
        var report = SampleQuarter.Report();
        var q = report.Quarter;

        Assert.Equal(SampleQuarter.WorkOrders.Count, q.WorkOrderCount);
        Assert.Equal(q.WorkOrderCount, q.FaultsBySeverity.Sum(s => s.Count));
        Assert.Equal(q.WorkOrderCount, report.Months.Sum(m => m.WorkOrderCount));
        Assert.Equal(SampleQuarter.WorkOrders.Sum(o => o.PartTypesUsed.Count), q.PartTypes.Sum(p => p.Count));
        Assert.Equal(SampleQuarter.WorkOrders.Sum(o => o.Clocks.Count(c => c.Status is SlaClockStatus.Met or SlaClockStatus.MetLate or SlaClockStatus.Breached)), q.OverallOnTime.Total);
        Assert.Equal(SampleQuarter.Surveys.Count, q.SurveyCount);
        Assert.Equal(SampleQuarter.Ratings.Count, q.RatingCount);
        Assert.Equal(SampleQuarter.Shipments.Count, q.ShipmentCount);
        Assert.Equal(SampleQuarter.Devices.Length, report.DeviceCount);
        Assert.Equal(3, report.Months.Count);
    }

    [Fact]
    public void Render_SampleQuarterMarkdown_SummaryFirstThenTheFourSections_RRP1()
    {
        var md = MarkdownReportRenderer.Render(SampleQuarter.Report());

        string[] headings = ["## 摘要 Summary", "## 一、设备运行情况 Device operation", "## 二、故障分析及改进措施 Fault analysis and improvements", "## 三、服务总体情况 Service overview", "## 四、下季度工作计划 Next quarter's plan"];
        var positions = headings.Select(h => md.IndexOf(h, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("> ❌ 合同指标 Targets: 1 项达标 met · 4 项未达标 missed · 0 项无数据 without data", md, StringComparison.Ordinal);
        Assert.Contains("| ❌ 服务满意率 customer satisfaction | 85.7 % | ≥ 98.0 % | 未达标 missed (−12.3 个百分点 pts) |", md, StringComparison.Ordinal);
        Assert.Contains("| ✅ 设备可用率 device availability | 99.2 % | ≥ 99.0 % | 达标 met (+0.2 个百分点 pts) |", md, StringComparison.Ordinal);
        Assert.Contains("| 系统瘫痪 System down | 2 | 16.7 % |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("| down |", md, StringComparison.Ordinal);
        Assert.Contains("| 技术水平 engineer skill (调查 survey, 1–5) | 4 | 4.25 |", md, StringComparison.Ordinal);
        Assert.Contains("| 打印头 print head | 4 |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", md, StringComparison.Ordinal);
        Assert.Contains("\\<please call ahead\\>", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SampleQuarterHtml_SelfContainedChartsWithTargetLineAndColouredVerdicts_RRP1()
    {
        var html = HtmlReportRenderer.Render(SampleQuarter.Report());

        var charts = SvgFragment().Matches(html).Select(m => XElement.Parse(m.Value)).ToList();
        Assert.Equal(3, charts.Count);
        Assert.All(charts, svg => Assert.Equal("{http://www.w3.org/2000/svg}svg", svg.Name.ToString()));
        var onTime = charts[0];
        Assert.Contains(onTime.Descendants(), e => e.Name.LocalName == "polyline");
        Assert.Contains(onTime.Descendants(), e => e.Name.LocalName == "line" && (string?)e.Attribute("stroke-dasharray") == "6 4");
        Assert.Contains(onTime.Descendants(), e => e.Name.LocalName == "text" && e.Value == "目标 target ≥ 95.0 %");
        Assert.Equal(3, charts[1].Descendants().Count(e => e.Name.LocalName == "rect"));
        Assert.Contains(charts[1].Descendants(), e => e.Name.LocalName == "text" && e.Value == "系统瘫痪");
        var summary = html[html.IndexOf("摘要 Summary", StringComparison.Ordinal)..html.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(4, Regex.Count(summary, "<tr class=\"bad\">"));
        Assert.Equal(1, Regex.Count(summary, "<tr class=\"good\">"));
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("break-inside:avoid", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;please call ahead&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<please call ahead>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("摘要 Summary", StringComparison.Ordinal) < html.IndexOf("一、设备运行情况", StringComparison.Ordinal));
    }

    /// <summary>Axis labels are at the plot's left edge; points sit in the middle of their slots, so no value or month label reaches them.</summary>
    [Fact]
    public void Render_OnTimeChart_NoLabelOverlapsTheAxisLabels()
    {
        var html = HtmlReportRenderer.Render(SampleQuarter.Report());
        var chart = XElement.Parse(SvgFragment().Match(html).Value);

        var texts = chart.Descendants().Where(e => e.Name.LocalName == "text" && (string?)e.Attribute("text-anchor") == "middle" && e.Value != "故障修复及时率 On-time rate by month").ToList();
        Assert.All(texts, t => Assert.True(double.Parse((string)t.Attribute("x")!, System.Globalization.CultureInfo.InvariantCulture) - 30 > 52, t.Value));
    }

    [Fact]
    public void Render_EmptyQuarter_EverySectionSaysNoDataWithItsReason()
    {
        var report = QuarterlyReport.Create("t", "c", 2026, 1, Shanghai, SampleQuarter.End, AfterSales.Calendars.ChinaCalendars.Statutory9To18, [], [], [], [], [], QualityTargets.Seed001, [], [], []);

        var md = MarkdownReportRenderer.Render(report);

        Assert.Contains("无数据 No data: 本期无故障工单 no work order was reported in the period", md, StringComparison.Ordinal);
        Assert.Contains("无数据 No data: 无登记设备且无故障设备 no device is registered and none had a fault", md, StringComparison.Ordinal);
        Assert.Contains("无数据 No data: 本期无客户签字评价 no service report was signed with a rating in the period", md, StringComparison.Ordinal);
        Assert.Contains("无数据 No data: 服务未记录此项内容 the service holds no record of this section", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", HtmlReportRenderer.Render(report), StringComparison.Ordinal);
    }

    /// <summary>docs/examples holds the rendered sample; set AFTERSALES_REGENERATE_DOCS=1 to rewrite it after a deliberate change.</summary>
    [Fact]
    public void Render_SampleQuarter_MatchesCommittedDocsExamples()
    {
        var report = SampleQuarter.Report();
        var directory = Path.Combine(DomainPurityTests.RepositoryRoot(), "docs", "examples");
        var inProgress = SampleQuarter.Report(Bj("2026-02-15 10:00"));
        var files = new Dictionary<string, string>
        {
            ["quarterly-report.md"] = MarkdownReportRenderer.Render(report),
            ["quarterly-report.html"] = HtmlReportRenderer.Render(report),
            ["quarterly-report-in-progress.md"] = MarkdownReportRenderer.Render(inProgress),
            ["quarterly-report-in-progress.html"] = HtmlReportRenderer.Render(inProgress),
        };

        if (Environment.GetEnvironmentVariable("AFTERSALES_REGENERATE_DOCS") == "1")
        {
            Directory.CreateDirectory(directory);
            foreach (var (name, text) in files)
            {
                File.WriteAllText(Path.Combine(directory, name), text);
            }
        }

        foreach (var (name, text) in files)
        {
            var path = Path.Combine(directory, name);
            Assert.True(File.Exists(path), $"{path} is missing; run the tests with AFTERSALES_REGENERATE_DOCS=1.");
            Assert.True(
                File.ReadAllText(path).ReplaceLineEndings("\n") == text,
                $"{path} drifted from the renderer's output; run the tests with AFTERSALES_REGENERATE_DOCS=1 and commit.");
        }
    }
}
