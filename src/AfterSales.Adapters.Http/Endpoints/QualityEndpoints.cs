using AfterSales.Http.Contracts;
using AfterSales.Http.Errors;
using AfterSales.Http.Internal;
using AfterSales.Http.OpenApi;
using AfterSales.Http.Tenancy;
using AfterSales.Quality.Complaints;
using AfterSales.Quality.Reporting;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AfterSales.Http.Endpoints;

/// <summary>Quality endpoints (AfterSales.Quality): complaint clocks and escalation, and the quarterly report over the tenant's work orders.</summary>
internal static class QualityEndpoints
{
    private const int MaxTicketsPerReport = 20_000;

    public static void Map(RouteGroupBuilder root, RouteGroupBuilder tenantRoot)
    {
        var group = root.MapGroup(string.Empty).WithTags("Quality");
        var tenantScoped = tenantRoot.MapGroup(string.Empty).WithTags("Quality");
        group.MapPost("/complaints/evaluations", Evaluate)
            .Accepts<ComplaintRequest>("application/json")
            .WithName("EvaluateComplaint")
            .WithSummary("A complaint's status, SLA clocks on the complaint desk policy and the escalation due (投诉处理时限与升级).")
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);

        tenantScoped.MapGet("/reports/quarterly/{year}/{quarter}", Quarterly)
            .WithName("GetQuarterlyReport")
            .WithSummary("The quarterly service report (季度服务报告) over the tenant's work orders reported in the quarter: JSON, or Markdown / HTML by Accept (text/markdown, text/html) or ?format=markdown|html|json.")
            .Query("format", ApiValue.OneOf("json", "markdown", "html"), "The representation, instead of the Accept header: json (the default), markdown or html.")
            .Produces<QuarterlyReportResponse>(200, "application/json")
            .Produces<string>(200, "text/markdown", "text/html")
            .ProducesProblem(400).ProducesProblem(422);
    }

    private static async Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> Evaluate(HttpContext http, IClock clock, IOptions<AfterSalesHttpOptions> options)
    {
        var r = (await RequestBody.ReadAsync<ComplaintRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        var c = Complaint.File(r.Id, r.WorkOrderId, r.EngineerId, r.FiledAt, r.Summary);
        if (r.FirstRepliedAt is { } replied)
        {
            c = c.RecordFirstReply(replied);
        }

        if (r.VerifiedAt is { } verified)
        {
            c = c.RecordVerification(verified, r.EngineerResponsible
                ?? throw RequestRejectedException.Validation("engineerResponsible", "engineerResponsible is required with verifiedAt."));
        }

        if (r.FormallyAnsweredAt is { } answered)
        {
            c = c.RecordFormalAnswer(answered);
        }

        if (r.SolvedAt is { } solved)
        {
            c = c.RecordSolved(solved);
        }

        if (r.VerdictAt is { } verdict)
        {
            c = c.RecordCustomerVerdict(verdict, r.Satisfied ?? throw RequestRejectedException.Validation("satisfied", "satisfied is required with verdictAt."));
        }

        if (r.ClosedAt is { } closed)
        {
            c = c.Close(closed);
        }

        var at = r.At ?? clock.GetCurrentInstant();
        var clocks = c.Clocks(ComplaintPolicies.Desk003, at);
        var escalation = c.Escalation(ComplaintPolicies.Desk003, EscalationPath.Seed003, at);
        return TypedResults.Ok(new ComplaintResponse(r.Id, c.Status.ToString(), at, [.. clocks.Select(ClockResponse.From)],
            escalation.Level.ToString(), escalation.Reasons));
    }

    private static async Task<IResult> Quarterly(HttpContext http, string year, string quarter, TicketService service, IClock clock) =>
        await Report(http, Parse.Int(year, "year", 2000, 2099), Parse.Int(quarter, "quarter", 1, 4), service, clock).ConfigureAwait(false);

    private static async Task<IResult> Report(HttpContext http, int year, int quarter, TicketService service, IClock clock)
    {
        var format = Format(http);
        var tenant = http.Tenant();
        var zone = Calendars.ChinaCalendars.BeijingTime;
        var period = ReportPeriod.Quarter(year, quarter, zone);
        var now = clock.GetCurrentInstant();
        var asOf = now < period.EndInstant ? now : period.EndInstant;

        var summaries = new List<WorkOrderSummary>();
        var surveys = new List<SatisfactionSurvey>();
        for (var offset = 0; ; offset += 1000)
        {
            var page = await service.ListAsync(tenant, new TicketQuery { Offset = offset, Limit = 1000 }, http.RequestAborted).ConfigureAwait(false);
            foreach (var s in page.Where(s => s.ReportedAt >= period.StartInstant && s.ReportedAt < period.EndInstant))
            {
                if (summaries.Count >= MaxTicketsPerReport)
                {
                    throw new RequestRejectedException(422, "Too many work orders for one report.", $"A report covers at most {MaxTicketsPerReport} work orders.");
                }

                var ticket = await service.GetAsync(tenant, s.Id, http.RequestAborted).ConfigureAwait(false);
                summaries.Add(WorkOrderReporting.Summarise(ticket, asOf));
                surveys.AddRange(WorkOrderReporting.Surveys(ticket, tenant, zone));
            }

            if (page.Count < 1000)
            {
                break;
            }
        }

        var report = QuarterlyReport.Create(
            $"售后服务季度报告 {year} Q{quarter}", tenant, year, quarter, zone, SlaPresets.TwentyFourSevenBeijing,
            summaries, surveys.Where(s => period.Start <= s.AnsweredOn && s.AnsweredOn <= period.End), [], [], QualityTargets.Seed001,
            summaries.Select(static s => s.DeviceSerial).Distinct(StringComparer.Ordinal), [], []);
        return format switch
        {
            "markdown" => TypedResults.Text(MarkdownReportRenderer.Render(report), "text/markdown; charset=utf-8"),
            "html" => TypedResults.Text(HtmlReportRenderer.Render(report), "text/html; charset=utf-8"),
            _ => TypedResults.Ok(ToResponse(report, year, quarter, tenant, summaries.Count)),
        };
    }

    private static string Format(HttpContext http)
    {
        if (http.Request.Query.TryGetValue("format", out var f))
        {
            return f.Count == 1 && f[0] is "json" or "markdown" or "html"
                ? f[0]!
                : throw RequestRejectedException.Validation("format", "format must be json, markdown or html.");
        }

        foreach (var accept in http.Request.GetTypedHeaders().Accept.OrderByDescending(static a => a.Quality ?? 1))
        {
            if (accept.MediaType.Equals("text/markdown", StringComparison.OrdinalIgnoreCase))
            {
                return "markdown";
            }

            if (accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            {
                return "html";
            }

            if (accept.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return "json";
            }
        }

        return "json";
    }

    private static QuarterlyReportResponse ToResponse(QuarterlyReport report, int year, int quarter, string tenant, int count)
    {
        var q = report.Quarter;
        static OnTimeResponse OnTime(OnTimeFigure f) => new(f.MetricCode, f.SeverityCode, f.Met, f.MetLate, f.Breached, f.Rate);
        return new QuarterlyReportResponse(year, quarter, tenant, q.Period.Start, q.Period.End, count, q.FaultsBySeverity,
            OnTime(q.OverallOnTime), [.. q.OnTime.Select(OnTime)],
            [.. q.Durations.Select(static d => new DurationResponse(d.Code, d.NameEn, d.Count, d.MeanElapsed, d.MeanBusiness))],
            q.Suggestions);
    }
}
