using System.Globalization;
using System.Text;
using AfterSales.Http.Contracts;
using AfterSales.Http.Errors;
using AfterSales.Http.Internal;
using AfterSales.Http.OpenApi;
using AfterSales.Http.Tenancy;
using AfterSales.Quality;
using AfterSales.Quality.Complaints;
using AfterSales.Quality.Penalties;
using AfterSales.Quality.Reporting;
using AfterSales.Sla;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NodaTime.Text;

namespace AfterSales.Http.Endpoints;

/// <summary>
/// Quality figures (AfterSales.Quality): complaint clocks and escalation, the quarterly report as of
/// an instant (JSON, Markdown, HTML, or the audit CSV of its work orders), service credits per
/// contract and quarter, and engineers' monthly ledgers. Every figure is read from one snapshot.
/// </summary>
internal static class QualityEndpoints
{
    private const string AsOfDescription = "The instant the figures are as of; now when omitted. Later facts do not count.";

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
            .WithSummary("The quarterly service report (季度服务报告) as of ?asOf=<instant> (default now): JSON, Markdown, HTML (printable to PDF) or the CSV of the work orders behind every figure, by Accept (text/markdown, text/html, text/csv) or ?format=json|markdown|html|csv. A quarter in progress is measured over its elapsed part.")
            .Query("format", ApiValue.OneOf("json", "markdown", "html", "csv"), "The representation, instead of the Accept header: json (the default), markdown, html or csv (the work orders behind every figure).")
            .Query("asOf", ApiValue.Instant, "The instant the report is as of; now when omitted. Later facts do not count; a quarter in progress is measured up to here.")
            .Produces<QuarterlyReportResponse>(200, "application/json")
            .Produces<string>(200, "text/markdown", "text/html", "text/csv")
            .ProducesProblem(400);

        tenantScoped.MapGet("/reports/service-credits/{year}/{quarter}", Credits)
            .WithName("GetServiceCredits")
            .WithSummary("The service credits (服务赔偿) each contract of the quality terms owes for the quarter, from its work orders' clocks as of ?asOf=<instant>: a capped statement per month with one line per overdue clock.")
            .Query("asOf", ApiValue.Instant, AsOfDescription)
            .ProducesProblem(400);

        tenantScoped.MapGet("/engineers/ledgers/{month}", Ledgers)
            .WithName("ListEngineerLedgers")
            .WithSummary("Every engineer's settlement of a month (月度考核, yyyy-MM) as of ?asOf=<instant>: fines for confirmed complaints, bonus and deductions, pay per service, dismissal — every line explained.")
            .Query("asOf", ApiValue.Instant, AsOfDescription)
            .ProducesProblem(400);

        tenantScoped.MapGet("/engineers/{engineerId}/ledgers/{month}", Ledger)
            .WithName("GetEngineerLedger")
            .WithSummary("One engineer's settlement of a month (yyyy-MM) as of ?asOf=<instant>; a month without complaints or services has no lines.")
            .Query("asOf", ApiValue.Instant, AsOfDescription)
            .ProducesProblem(400);
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

    private static async Task<IResult> Quarterly(HttpContext http, string year, string quarter, QualityService quality)
    {
        var (y, q) = QuarterOf(year, quarter);
        return await Report(http, y, q, quality).ConfigureAwait(false);
    }

    private static async Task<IResult> Report(HttpContext http, int year, int quarter, QualityService quality)
    {
        var format = Format(http);
        var asOf = AsOf(http);
        var tenant = http.Tenant();
        if (format == "csv")
        {
            // Streamed: each work order's row is written as it is read from the snapshot.
            return TypedResults.Stream(
                async stream =>
                {
                    var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024);
                    await using (writer.ConfigureAwait(false))
                    {
                        await quality.QuarterlyReportAsync(
                            tenant,
                            year,
                            quarter,
                            asOf,
                            async (line, ct) =>
                            {
                                await writer.WriteAsync(line.AsMemory(), ct).ConfigureAwait(false);
                                await writer.WriteAsync("\r\n".AsMemory(), ct).ConfigureAwait(false);
                            },
                            http.RequestAborted).ConfigureAwait(false);
                    }
                },
                "text/csv; charset=utf-8",
                string.Create(CultureInfo.InvariantCulture, $"quarterly-{year}-Q{quarter}-work-orders.csv"));
        }

        var result = await quality.QuarterlyReportAsync(tenant, year, quarter, asOf, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        var report = result.Report;
        return format switch
        {
            "markdown" => TypedResults.Text(MarkdownReportRenderer.Render(report, ReportLanguage(http)), "text/markdown; charset=utf-8"),
            "html" => TypedResults.Text(HtmlReportRenderer.Render(report, ReportLanguage(http)), "text/html; charset=utf-8"),
            _ => TypedResults.Ok(ToResponse(report, year, quarter, result.TermsVersion)),
        };
    }

    private static async Task<Ok<ServiceCreditsResponse>> Credits(HttpContext http, string year, string quarter, QualityService quality)
    {
        var (y, q) = QuarterOf(year, quarter);
        var credits = await quality.ServiceCreditsAsync(http.Tenant(), y, q, AsOf(http), http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new ServiceCreditsResponse(
            credits.Year,
            credits.Quarter,
            credits.AsOf,
            credits.TermsVersion,
            credits.Contracts.Count == 0 ? "NoCreditTerms" : null,
            [
                .. credits.Contracts.Select(static c => new ContractCreditResponse(
                    c.ContractId,
                    c.MonthlyFee,
                    c.Currency,
                    c.Total,
                    [
                        .. c.Months.Select(static m => new MonthCreditResponse(
                            m.Month.Label, m.Statement.Uncapped, m.Statement.Cap == decimal.MaxValue ? m.Statement.Uncapped : m.Statement.Cap, m.Statement.Total, m.Statement.IsCapped,
                            [.. m.Statement.Lines.Select(static l => new CreditLineResponse(l.Reference, l.Overdue, l.Amount))])),
                    ])),
            ]));
    }

    private static async Task<Ok<EngineerLedgersResponse>> Ledgers(HttpContext http, string month, QualityService quality)
    {
        var result = await quality.EngineerLedgersAsync(http.Tenant(), MonthOf(month), AsOf(http), cancellationToken: http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(ToResponse(result));
    }

    private static async Task<Ok<EngineerLedgerResponse>> Ledger(HttpContext http, string engineerId, string month, QualityService quality)
    {
        if (engineerId.Length > 100)
        {
            throw RequestRejectedException.Validation("engineerId", "engineerId must be at most 100 characters.");
        }

        var result = await quality.EngineerLedgersAsync(http.Tenant(), MonthOf(month), AsOf(http), [engineerId], http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(ToResponse(result.Ledgers[0]));
    }

    private static (int Year, int Quarter) QuarterOf(string year, string quarter) =>
        (Parse.Int(year, "year", 2000, 2099), Parse.Int(quarter, "quarter", 1, 4));

    private static Instant? AsOf(HttpContext http) =>
        http.Request.Query.TryGetValue("asOf", out var values)
            ? values.Count == 1 && values[0] is { Length: > 0 and <= 64 } text ? Parse.Instant(text, "asOf") : throw RequestRejectedException.Validation("asOf", "asOf must be given once, as an ISO 8601 instant such as 2026-03-02T02:00:00Z.")
            : null;

    private static YearMonth MonthOf(string text)
    {
        var parsed = YearMonthPattern.Iso.Parse(text);
        return parsed.Success && parsed.Value.Year is >= 2000 and <= 2099
            ? parsed.Value
            : throw RequestRejectedException.Validation("month", "month must be a month such as 2026-03, years 2000 to 2099.");
    }

    private static string Format(HttpContext http)
    {
        if (http.Request.Query.TryGetValue("format", out var f))
        {
            return f.Count == 1 && f[0] is "json" or "markdown" or "html" or "csv"
                ? f[0]!
                : throw RequestRejectedException.Validation("format", "format must be json, markdown, html or csv.");
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

            if (accept.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
            {
                return "csv";
            }

            if (accept.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return "json";
            }
        }

        return "json";
    }

    private static QuarterlyReportResponse ToResponse(QuarterlyReport report, int year, int quarter, int termsVersion)
    {
        var q = report.Quarter;
        static OnTimeResponse OnTime(OnTimeFigure f) => new(f.MetricCode, f.SeverityCode, f.Met, f.MetLate, f.Breached, f.Rate);
        string? Why(string code) => q.NoData(code)?.ToString();
        return new QuarterlyReportResponse(
            year,
            quarter,
            report.Customer,
            q.Period.Start,
            q.Period.End,
            report.AsOf,
            q.MeasuredUntil,
            q.IsPartial,
            termsVersion,
            q.WorkOrderCount,
            q.MajorFaultCount,
            [.. q.FaultsBySeverity.Select(static s => new SeverityCountResponse(s.Level.Code, s.Level.NameZh, s.Level.NameEn, s.Count))],
            OnTime(q.OverallOnTime),
            [.. q.OnTime.Select(OnTime)],
            [.. q.Durations.Select(static d => new DurationResponse(d.Code, d.NameEn, d.Count, d.MeanElapsed, d.MeanBusiness))],
            new AvailabilityResponse(q.MeanAvailability, Why("availability"), [.. q.Availability.Select(static a => new DeviceAvailabilityResponse(a.DeviceSerial, a.Downtime, a.PeriodLength, a.Availability))]),
            new RateResponse(q.SatisfiedCount, q.RatingCount, q.SatisfactionRate, Why("satisfaction")),
            [.. q.SurveyItems.Select(i => new SurveyItemResponse(i.Code, i.NameZh, i.NameEn, i.Answers, i.Mean, Why(i.Code)))],
            new RateResponse(q.CallbacksDone, q.CallbacksDue, q.CallbackRate, Why("callback")),
            new RateResponse(q.CorrectShipments, q.ShipmentCount, q.ShipmentAccuracy, Why("parts-accuracy")),
            [.. q.PartTypes.Select(static p => new PartTypeResponse(p.PartType, p.Count))],
            [.. q.Comparisons.Select(static c => new QualityTargetResponse(c.Code, c.NameZh, c.NameEn, c.Actual, c.Target, c.IsMet, c.Gap, c.NoDataReason?.ToString()))],
            [.. q.Remarks.Select(static r => new RemarkResponse(r.WorkOrderId, r.On, r.Text))],
            q.RemarkCount,
            [.. report.Months.Select(static m => new MonthFiguresResponse(m.Period.Label, m.IsStarted, m.IsPartial, m.WorkOrderCount, m.MajorFaultCount, m.OverallOnTime.Rate))],
            report.NextQuarterPlan,
            [.. q.PausedTime.Select(static p => new PausedTimeFigureResponse(p.MetricCode, p.Reason.Code, p.Reason.NameZh, p.Reason.NameEn, p.BusinessTime, p.Clocks))]);
    }

    private static EngineerLedgersResponse ToResponse(EngineerLedgerMonth month) => new(
        month.Month.ToString("uuuu-MM", CultureInfo.InvariantCulture),
        month.AsOf,
        month.TermsVersion,
        month.Currency,
        [.. month.Ledgers.Select(ToResponse)]);

    private static EngineerLedgerResponse ToResponse(EngineerLedger l) => new(
        l.EngineerId, l.Month.ToString("uuuu-MM", CultureInfo.InvariantCulture), l.Currency, l.ComplaintsInMonth, l.ComplaintsInDismissalWindow,
        l.DismissalWindow.Start, l.DismissalWindow.End, l.Fines, l.BonusBeforeComplaints, l.Bonus, l.ServicePay, l.PaidServices, l.UnpaidServices, l.Net, l.DismissalDue,
        [.. l.Lines.Select(static x => new LedgerLineResponse(x.Kind.ToString(), x.Amount, x.Reference, x.Explanation))]);

    /// <summary>The report's language when Accept-Language names Chinese or English; both side by side otherwise.</summary>
    private static ExplanationLanguage? ReportLanguage(HttpContext http) =>
        Languages.Requested(http) is { } language ? Languages.Answer(http, language) : null;
}
