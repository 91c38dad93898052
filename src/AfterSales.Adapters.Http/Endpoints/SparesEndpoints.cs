using AfterSales.Entitlements.Spares;
using AfterSales.Http.Contracts;
using AfterSales.Http.Errors;
using AfterSales.Http.Idempotency;
using AfterSales.Http.Internal;
using AfterSales.Http.OpenApi;
using AfterSales.Http.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using NodaTime.Text;

namespace AfterSales.Http.Endpoints;

/// <summary>
/// The monthly replenishment run and stock report over stored data (R-SP-1, R-SP-3): stock from the
/// stored ledgers, the installed base from the device registry, runs stored once per month and centre,
/// orders and report lines served a page at a time.
/// </summary>
internal static class SparesEndpoints
{
    public static void Map(RouteGroupBuilder tenantRoot)
    {
        var spares = tenantRoot.MapGroup("/spares").WithTags("Spares");
        spares.MapPost("/replenishment-runs/{month}", Run)
            .AddEndpointFilter<IdempotencyFilter>()
            .Accepts<ReplenishmentRunRequest>(isOptional: true, "application/json")
            .WithName("RunReplenishment")
            .WithSummary("Run the month's spare replenishment (每月备件补充, R-SP-3) from the stored ledgers and the registry's installed base → 201 when centres were run now, 200 when every centre had been.")
            .WithDescription("Orders bring every centre × part type back to the target (5 % of the installed base by default, R-SP-1), from the stock at the month's end (or now, "
                + "for the current month). Stored once per month and centre: running the month again stores nothing and answers the same. The orders are read a centre at a time.")
            .IdempotencyKey()
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415);
        spares.MapGet("/replenishment-runs/{month}", GetRun)
            .WithName("GetReplenishmentRun").WithSummary("A month's replenishment run as stored: each centre's totals.")
            .ProducesProblem(400).ProducesProblem(404);
        spares.MapGet("/replenishment-runs/{month}/centres/{centreId}/orders", Orders)
            .WithName("ListReplenishmentOrders").WithSummary("One centre's replenishment orders of a month, by part number, a page at a time.")
            .Query("page", ApiValue.Integer(1, 1_000_000), "The page, from 1; 1 when omitted.")
            .Query("pageSize", ApiValue.Integer(1, 1000), "Items per page; AfterSalesHttpOptions.DefaultPageSize (50) when omitted, at most MaxPageSize (200).")
            .ProducesProblem(400).ProducesProblem(404);
        spares.MapGet("/stock-reports/{month}", Report)
            .WithName("GetStockReport").WithSummary("A centre's monthly spare usage and stock report (每月统计备件使用与库存, R-SP-3) from the stored ledgers, by part number, a page at a time.")
            .Query("centre", ApiValue.Text, "The service centre.", required: true)
            .Query("page", ApiValue.Integer(1, 1_000_000), "The page, from 1; 1 when omitted.")
            .Query("pageSize", ApiValue.Integer(1, 1000), "Items per page; AfterSalesHttpOptions.DefaultPageSize (50) when omitted, at most MaxPageSize (200).")
            .ProducesProblem(400);
    }

    private static async Task<Results<Created<ReplenishmentRunResponse>, Ok<ReplenishmentRunResponse>, ProblemHttpResult>> Run(
        HttpContext http, string month, SparesService spares, IOptions<AfterSalesHttpOptions> options, AfterSalesOptions afterSales)
    {
        var m = MonthOf(month);
        var r = await RequestBody.ReadAsync<ReplenishmentRunRequest>(http, options.Value.MaxRequestBodySize, optional: true).ConfigureAwait(false);
        ReplenishmentPolicy policy;
        try
        {
            // The configured target (the one stock movements are checked against) unless the request names a ratio.
            var configured = afterSales.StockTarget ?? ReplenishmentPolicy.Seed000;
            policy = r?.Ratio is null && r?.Minimum is null ? configured : ReplenishmentPolicy.OfRatio(r?.Ratio ?? configured.Ratio, r?.Minimum ?? 0);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw RequestRejectedException.Validation(ex.ParamName ?? "ratio", ex.Message.Split(" (Parameter", 2)[0].Split('\n', 2)[0]);
        }

        var result = await spares.RunAsync(http.Tenant(), m, policy, http.RequestAborted).ConfigureAwait(false);
        var response = ToResponse(m, result.AsOf, result.StoredNow, result.Centres);
        return result.StoredNow > 0
            ? TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}", response)
            : TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<ReplenishmentRunResponse>, ProblemHttpResult>> GetRun(HttpContext http, string month, SparesService spares)
    {
        var m = MonthOf(month);
        var centres = await spares.ListRunsAsync(http.Tenant(), m, http.RequestAborted).ConfigureAwait(false);
        return centres.Count == 0
            ? throw new RequestRejectedException(404, "The month was not run.", "No replenishment run of this month is stored for the tenant.")
            : TypedResults.Ok(ToResponse(m, null, 0, centres));
    }

    private static async Task<Results<Ok<ReplenishmentOrderPageResponse>, ProblemHttpResult>> Orders(
        HttpContext http, string month, string centreId, SparesService spares, IOptions<AfterSalesHttpOptions> options)
    {
        var m = MonthOf(month);
        CheckId(centreId, "centreId");
        var (page, pageSize) = Paging.Read(http, options.Value);
        var run = await spares.FindRunAsync(http.Tenant(), m, centreId, http.RequestAborted).ConfigureAwait(false)
            ?? throw new RequestRejectedException(404, "The centre was not run for the month.", "No replenishment run of this month and centre is stored for the tenant.");
        var items = run.Orders.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize)).Take(pageSize + 1)
            .Select(static o => new ReplenishmentOrderResponse(o.CentreId, o.PartNumber, o.Quantity, o.OnHand, o.Target)).ToList();
        return TypedResults.Ok(new ReplenishmentOrderPageResponse([.. items.Take(pageSize)], page, pageSize, items.Count > pageSize));
    }

    private static async Task<Results<Ok<StockReportPageResponse>, ProblemHttpResult>> Report(
        HttpContext http, string month, SparesService spares, IOptions<AfterSalesHttpOptions> options)
    {
        var m = MonthOf(month);
        var centre = http.Request.Query.TryGetValue("centre", out var c) && c.Count == 1 ? c[0]! : throw RequestRejectedException.Validation("centre", "centre is required, once.");
        CheckId(centre, "centre");
        var (page, pageSize) = Paging.Read(http, options.Value);
        var lines = await spares.ReportAsync(http.Tenant(), centre, m, (int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize), pageSize + 1, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new StockReportPageResponse(m, centre,
            [.. lines.Take(pageSize).Select(static l => new StockReportLineResponse(l.PartNumber, l.Opening, l.Received, l.Issued, l.LoanersIssued, l.Returned, l.Scrapped, l.Closing))],
            page, pageSize, lines.Count > pageSize));
    }

    private static ReplenishmentRunResponse ToResponse(YearMonth month, Instant? asOf, int storedNow, IReadOnlyList<ReplenishmentCentreRun> centres) => new(
        month, asOf, storedNow, centres.Sum(static c => (long)c.OrderCount), centres.Sum(static c => c.TotalUnits),
        [.. centres.Select(static c => new ReplenishmentCentreResponse(c.CentreId, c.RanAt, c.CellsChecked, c.OrderCount, c.TotalUnits))]);

    private static YearMonth MonthOf(string text)
    {
        var parsed = YearMonthPattern.Iso.Parse(text);
        return parsed.Success && parsed.Value.Year is >= 1900 and <= 2199
            ? parsed.Value
            : throw RequestRejectedException.Validation("month", "month must be a month from 1900-01 to 2199-12 such as 2026-03.");
    }

    private static void CheckId(string value, string field)
    {
        if (Identifier.Problem(value) is { } problem)
        {
            throw RequestRejectedException.Validation(field, $"{field} {problem}.");
        }
    }
}
