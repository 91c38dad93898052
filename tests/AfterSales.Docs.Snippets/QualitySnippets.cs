using AfterSales.Calendars;
using AfterSales.Quality;
using AfterSales.Quality.Reporting;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace AfterSales.Docs.Snippets;

/// <summary>docs/quality.md</summary>
public class QualitySnippets
{
    [Fact]
    public void BuilderOverYourOwnData()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0));
        var reported = Ticket.Report(new TicketReport
        {
            Id = TicketId.From("WO-1"),
            TenantId = "acme",
            Reporter = new TicketReporter { Name = "张伟", Organization = "某银行", Contact = "138" },
            Channel = ReportChannel.Phone,
            Site = new TicketSite { Location = ServiceSite.Local, Name = "网点A", Address = "1号" },
            DeviceSerialNumber = "SN-0001",
            Symptom = "无法打印",
            SeverityCode = "A",
        }, SlaPresets.SystemIntegration002, clock);
        List<Ticket> tickets = [reported];

        var asOf = Instant.FromUtc(2026, 4, 1, 0, 0);
        var builder = new QuarterlyReportBuilder(2026, 1, ChinaCalendars.BeijingTime, asOf, ChinaCalendars.Statutory9To18, QualityTargets.Seed001);
        builder.AddDevice("SN-0001");
        foreach (var ticket in tickets)
        {
            builder.Add(WorkOrderReporting.Summarise(ticket, asOf));
            foreach (var rating in WorkOrderReporting.Ratings(ticket, ChinaCalendars.BeijingTime, asOf))
            {
                builder.Add(rating);
            }
        }

        var report = builder.Build("售后服务季度报告 2026年第1季度", "某银行省分行", improvements: [], nextQuarterPlan: []);
        var html = HtmlReportRenderer.Render(report);

        Assert.Equal(1, report.Quarter.WorkOrderCount);
        Assert.Contains("A类问题", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceOverTheStores()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0)));
        collection.AddAfterSales(o => o.Policies.Add(SlaPresets.SystemIntegration002));
        await using var services = collection.BuildServiceProvider();

        var quality = services.GetRequiredService<QualityService>();
        var result = await quality.QuarterlyReportAsync("acme", 2026, 1, asOf: Instant.FromUtc(2026, 4, 1, 0, 0));
        var markdown = MarkdownReportRenderer.Render(result.Report);

        Assert.Equal(0, result.TermsVersion);
        Assert.Contains("无数据 No data", markdown, StringComparison.Ordinal);
    }
}
