using System.Text.RegularExpressions;
using System.Xml.Linq;
using AfterSales.Quality.Reporting;
using AfterSales.Sla;
using AfterSales.Tests.Architecture;

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
        Assert.Equal(q.WorkOrderCount, q.FaultsBySeverity.Values.Sum());
        Assert.Equal(q.WorkOrderCount, report.Months.Sum(m => m.WorkOrderCount));
        Assert.Equal(SampleQuarter.WorkOrders.Sum(o => o.PartTypesUsed.Count), q.PartTypes.Sum(p => p.Count));
        Assert.Equal(SampleQuarter.WorkOrders.Sum(o => o.Clocks.Count(c => c.Status is SlaClockStatus.Met or SlaClockStatus.MetLate or SlaClockStatus.Breached)), q.OverallOnTime.Total);
        Assert.Equal(SampleQuarter.Surveys.Count, q.SurveyCount);
        Assert.Equal(SampleQuarter.Shipments.Count, q.ShipmentCount);
        Assert.Equal(SampleQuarter.Devices.Length, report.DeviceCount);
        Assert.Equal(3, report.Months.Count);
    }

    [Fact]
    public void Render_SampleQuarterMarkdown_HasTheFourSectionsAndTheNumbers_RRP1()
    {
        var md = MarkdownReportRenderer.Render(SampleQuarter.Report());

        Assert.Contains("## 一、设备运行情况 (Device operation)", md, StringComparison.Ordinal);
        Assert.Contains("## 二、故障分析及改进措施 (Fault analysis and improvements)", md, StringComparison.Ordinal);
        Assert.Contains("## 三、服务总体情况 (Service overview)", md, StringComparison.Ordinal);
        Assert.Contains("## 四、下季度工作计划 (Next quarter's plan)", md, StringComparison.Ordinal);
        Assert.Contains("- 故障工单 Work orders: 12", md, StringComparison.Ordinal);
        Assert.Contains("- 重大故障 Major faults: 2", md, StringComparison.Ordinal);
        Assert.Contains("| 服务满意率 customer satisfaction | 85.7 % | ≥ 98.0 % | 未达标 not met |", md, StringComparison.Ordinal);
        Assert.Contains("| 打印头 print head | 4 |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", md, StringComparison.Ordinal);
        Assert.Contains("\\<please call ahead\\>", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SampleQuarterHtml_SelfContainedWithWellFormedSvgCharts_RRP1()
    {
        var html = HtmlReportRenderer.Render(SampleQuarter.Report());

        var charts = SvgFragment().Matches(html).Select(m => XElement.Parse(m.Value)).ToList();
        Assert.Equal(3, charts.Count);
        Assert.All(charts, svg => Assert.Equal("{http://www.w3.org/2000/svg}svg", svg.Name.ToString()));
        Assert.Contains(charts, svg => svg.Descendants().Any(e => e.Name.LocalName == "polyline"));
        Assert.Equal(3, charts[1].Descendants().Count(e => e.Name.LocalName == "rect"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;please call ahead&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<please call ahead>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>四、下季度工作计划 (Next quarter&#39;s plan)</h2>", html, StringComparison.Ordinal);
    }

    /// <summary>docs/examples holds the rendered sample; set AFTERSALES_REGENERATE_DOCS=1 to rewrite it after a deliberate change.</summary>
    [Fact]
    public void Render_SampleQuarter_MatchesCommittedDocsExamples()
    {
        var report = SampleQuarter.Report();
        var directory = Path.Combine(DomainPurityTests.RepositoryRoot(), "docs", "examples");
        var files = new Dictionary<string, string>
        {
            ["quarterly-report.md"] = MarkdownReportRenderer.Render(report),
            ["quarterly-report.html"] = HtmlReportRenderer.Render(report),
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
