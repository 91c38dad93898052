using AfterSales.Http.Contracts;
using AfterSales.Http.Errors;
using AfterSales.Http.Internal;
using AfterSales.Http.Tenancy;
using AfterSales.Quality;
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
    public static void Map(RouteGroupBuilder group, RouteGroupBuilder tenantScoped)
    {
        group.MapPost("/complaints/evaluations", Evaluate)
            .Accepts<ComplaintRequest>("application/json")
            .WithName("EvaluateComplaint")
            .WithSummary("A complaint's status, SLA clocks on the complaint desk policy and the escalation due (投诉处理时限与升级).")
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);

        tenantScoped.MapGet("/reports/quarterly/{year:int}/{quarter:int}", Quarterly)
            .WithName("GetQuarterlyReport")
            .WithSummary("The quarterly service report (季度服务报告) over the tenant's work orders reported in the quarter: JSON, or Markdown / HTML by Accept (text/markdown, text/html) or ?format=markdown|html|json.")
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

    private static async Task<IResult> Quarterly(HttpContext http, int year, int quarter, QualityService quality)
    {
        if (year is < 2000 or > 2099)
        {
            throw RequestRejectedException.Validation("year", "year must be 2000 to 2099.");
        }

        if (quarter is < 1 or > 4)
        {
            throw RequestRejectedException.Validation("quarter", "quarter must be 1 to 4.");
        }

        var format = Format(http);
        var tenant = http.Tenant();
        var result = await quality.QuarterlyReportAsync(tenant, year, quarter, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        var report = result.Report;
        return format switch
        {
            "markdown" => TypedResults.Text(MarkdownReportRenderer.Render(report), "text/markdown; charset=utf-8"),
            "html" => TypedResults.Text(HtmlReportRenderer.Render(report), "text/html; charset=utf-8"),
            _ => TypedResults.Ok(ToResponse(report, year, quarter)),
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

    private static QuarterlyReportResponse ToResponse(QuarterlyReport report, int year, int quarter)
    {
        var q = report.Quarter;
        static OnTimeResponse OnTime(OnTimeFigure f) => new(f.MetricCode, f.SeverityCode, f.Met, f.MetLate, f.Breached, f.Rate);
        return new QuarterlyReportResponse(year, quarter, report.Customer, q.Period.Start, q.Period.End, q.WorkOrderCount,
            q.FaultsBySeverity.ToDictionary(static s => s.Level.Code, static s => s.Count, StringComparer.Ordinal),
            OnTime(q.OverallOnTime), [.. q.OnTime.Select(OnTime)],
            [.. q.Durations.Select(static d => new DurationResponse(d.Code, d.NameEn, d.Count, d.MeanElapsed, d.MeanBusiness))],
            [.. q.Remarks.Select(static r => r.Text)]);
    }
}
