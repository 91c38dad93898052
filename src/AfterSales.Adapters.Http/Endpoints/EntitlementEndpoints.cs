using System.Globalization;
using AfterSales.Entitlements.Quotes;
using AfterSales.Entitlements.Spares;
using AfterSales.Entitlements.Warranty;
using AfterSales.Http.Contracts;
using AfterSales.Http.Errors;
using AfterSales.Http.Idempotency;
using AfterSales.Http.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Endpoints;

/// <summary>
/// Entitlement calculators (AfterSales.Entitlements): warranty checks, repair quotes, the monthly
/// spare replenishment and a spare ledger replay. They compute from the request and store nothing.
/// </summary>
internal static class EntitlementEndpoints
{
    private const int MaxItems = 10_000;

    private static readonly ComponentClass[] Components =
        [ComponentClass.Hardware, ComponentClass.Software, ComponentClass.System, ComponentClass.MainUnit, ComponentClass.PipesAndElectrics];

    public static void Map(RouteGroupBuilder group, RouteGroupBuilder tenantScoped)
    {
        group.MapGet("/warranty/policies", static () => TypedResults.Ok(WarrantyPresets.All.Select(static p => new WarrantyPolicyResponse(
                p.Code, p.Name, p.RepairLimit,
                [.. p.Terms.Select(static t => new WarrantyTermResponse(t.Component.Code, t.Length.ToString(), t.StartRule.ToString()))])).ToArray()))
            .WithName("ListWarrantyPolicies").WithSummary("The warranty presets of the seed plans.");

        group.MapPost("/warranty/assessments", Assess)
            .Accepts<WarrantyAssessmentRequest>("application/json")
            .WithName("AssessWarranty").WithSummary("Is this device under warranty on that day (保修期判定), and why?")
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);

        tenantScoped.MapPost("/quotes", Quote)
            .AddEndpointFilter<IdempotencyFilter>()
            .Accepts<QuoteRequest>("application/json")
            .WithName("CreateQuote").WithSummary("Price an out-of-warranty repair (报价); parts above the tendered price are refused (422). Honours Idempotency-Key.")
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);

        group.MapPost("/spares/replenishment", Replenish)
            .Accepts<ReplenishmentRequest>("application/json")
            .WithName("PlanReplenishment").WithSummary("The month's spare replenishment orders (备件补货) for the given stock positions.")
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415);

        group.MapPost("/spares/ledger", Ledger)
            .Accepts<StockLedgerRequest>("application/json")
            .WithName("ReplayStockLedger").WithSummary("Replays spare movements (备件台账) in order: the balance, or 422 when stock would go negative.")
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);
    }

    private static async Task<Results<Ok<WarrantyAssessmentResponse>, ProblemHttpResult>> Assess(HttpContext http, IOptions<AfterSalesHttpOptions> options)
    {
        var r = (await RequestBody.ReadAsync<WarrantyAssessmentRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        var policy = WarrantyPresets.All.FirstOrDefault(p => string.Equals(p.Code, r.Policy, StringComparison.OrdinalIgnoreCase))
            ?? throw RequestRejectedException.Validation("policy", $"policy must be one of {string.Join(", ", WarrantyPresets.All.Select(static p => p.Code))}.");
        var component = Components.FirstOrDefault(c => string.Equals(c.Code, r.Component, StringComparison.OrdinalIgnoreCase))
            ?? throw RequestRejectedException.Validation("component", $"component must be one of {string.Join(", ", Components.Select(static c => c.Code))}.");
        var record = DeviceRecord.Create(r.SerialNumber, component, r.AcceptedOn, r.HandedOverOn, r.CompletedOn);
        var a = policy.Evaluate(record, r.On);
        return TypedResults.Ok(new WarrantyAssessmentResponse(
            a.SerialNumber, a.On, a.Status.ToString(), a.IsCovered, a.Term.Component.Code, a.StartsOn, a.LastCoveredDay, a.LatentDefectLastDay, a.Reasons));
    }

    private static async Task<Results<Ok<QuoteResponse>, ProblemHttpResult>> Quote(HttpContext http, IOptions<AfterSalesHttpOptions> options)
    {
        var r = (await RequestBody.ReadAsync<QuoteRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        if (r.Lines.Count is 0 or > 500)
        {
            throw RequestRejectedException.Validation("lines", "lines must hold 1 to 500 lines.");
        }

        var prices = TenderedPriceList.Empty();
        foreach (var (part, max) in r.TenderedPrices ?? new Dictionary<string, decimal>())
        {
            prices = prices.With(part, Money.Cny(max));
        }

        var id = r.Id ?? Guid.NewGuid().ToString("N");
        var builder = Entitlements.Quotes.Quote.CreateBuilder(id, r.WorkOrderId, r.SerialNumber, prices, r.IssuedOn);
        for (var i = 0; i < r.Lines.Count; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"lines[{i}]");
            var line = r.Lines[i] ?? throw RequestRejectedException.Validation(field, field + " must not be null.");
            var kind = Parse.Enum<QuoteLineKind>(line.Kind, field + ".kind");
            Money Amount() => Money.Cny(line.Amount ?? throw RequestRejectedException.Validation(field + ".amount", field + ".amount is required for " + kind + "."));
            try
            {
                _ = kind switch
                {
                    QuoteLineKind.Part => builder.AddPart(
                        line.PartNumber ?? throw RequestRejectedException.Validation(field + ".partNumber", field + ".partNumber is required for a part."),
                        line.Description ?? line.PartNumber, line.Quantity ?? 1, Amount()),
                    QuoteLineKind.PhoneSupport => builder.AddPhoneSupport(line.Description ?? "电话技术支持 (phone support)"),
                    QuoteLineKind.OnSiteVisit => builder.AddOnSiteVisit(Amount(), line.Description ?? "上门服务费 (on-site visit)"),
                    QuoteLineKind.Travel => builder.AddTravel(Amount(), line.Description ?? "差旅费 (travel)"),
                    QuoteLineKind.Tools => builder.AddToolCharge(Amount(), line.Description ?? "工具费 (tools)"),
                    QuoteLineKind.Labour => builder.AddLabour(Amount(), line.Description ?? "人工费 (labour)"),
                    _ => throw RequestRejectedException.Validation(field + ".kind", field + ".kind " + kind + " is not offered over HTTP."),
                };
            }
            catch (ArgumentException ex)
            {
                throw RequestRejectedException.Validation(field, ex.Message.Split(" (Parameter", 2)[0]);
            }
        }

        var q = builder.Build();
        return TypedResults.Ok(new QuoteResponse(q.Id, q.WorkOrderId, q.SerialNumber, q.IssuedOn, q.Currency,
            [.. q.Lines.Select(static l => new QuoteLineResponse(l.Kind.ToString(), l.Description, l.PartNumber, l.Quantity, l.UnitPrice.Amount, l.Total.Amount, l.Note))],
            q.PartsTotal.Amount, q.Total.Amount));
    }

    private static async Task<Results<Ok<ReplenishmentResponse>, ProblemHttpResult>> Replenish(HttpContext http, IOptions<AfterSalesHttpOptions> options)
    {
        var r = (await RequestBody.ReadAsync<ReplenishmentRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        if (r.Positions.Count is 0 or > MaxItems)
        {
            throw RequestRejectedException.Validation("positions", $"positions must hold 1 to {MaxItems} cells.");
        }

        var centres = r.Positions.Select(static p => p.CentreId).Distinct(StringComparer.Ordinal).ToList();
        var parts = r.Positions.Select(static p => p.PartNumber).Distinct(StringComparer.Ordinal).ToList();
        var builder = StockPositions.CreateBuilder(centres, parts);
        foreach (var p in r.Positions)
        {
            builder.SetOnHand(p.CentreId, p.PartNumber, p.OnHand).SetInstalledBase(p.CentreId, p.PartNumber, p.InstalledBase);
        }

        var policy = ReplenishmentPolicy.OfRatio(r.Ratio ?? ReplenishmentPolicy.Seed000.Ratio, r.Minimum ?? 0);
        var plan = ReplenishmentPlanner.Plan(r.Month, builder.Build(), policy);
        return TypedResults.Ok(new ReplenishmentResponse(plan.Month, plan.CellsChecked, plan.TotalUnits,
            [.. plan.Orders.Select(static o => new ReplenishmentOrderResponse(o.CentreId, o.PartNumber, o.Quantity, o.OnHand, o.Target))]));
    }

    private static async Task<Results<Ok<StockLedgerResponse>, ProblemHttpResult>> Ledger(HttpContext http, IOptions<AfterSalesHttpOptions> options)
    {
        var r = (await RequestBody.ReadAsync<StockLedgerRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        if (r.Movements.Count > MaxItems)
        {
            throw RequestRejectedException.Validation("movements", $"movements must hold at most {MaxItems} entries.");
        }

        var ledger = StockLedger.Open(r.CentreId, r.PartNumber);
        for (var i = 0; i < r.Movements.Count; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"movements[{i}]");
            var m = r.Movements[i] ?? throw RequestRejectedException.Validation(field, field + " must not be null.");
            var kind = Parse.Enum<StockMovementKind>(m.Kind, field + ".kind");
            string WorkOrder() => m.WorkOrderId ?? throw RequestRejectedException.Validation(field + ".workOrderId", field + ".workOrderId is required for " + kind + ".");
            try
            {
                ledger = kind switch
                {
                    StockMovementKind.Received => ledger.Receive(m.Quantity, m.By, m.At, m.Note),
                    StockMovementKind.IssuedToWorkOrder => ledger.IssueToWorkOrder(m.Quantity, WorkOrder(), m.By, m.At),
                    StockMovementKind.LoanerIssued => ledger.IssueLoaner(m.Quantity, WorkOrder(), m.By, m.At),
                    StockMovementKind.Returned => ledger.Return(m.Quantity, m.By, m.At, m.WorkOrderId),
                    _ => ledger.Scrap(m.Quantity, m.By, m.At, m.Note),
                };
            }
            catch (ArgumentException ex)
            {
                throw RequestRejectedException.Validation(field, ex.Message.Split(" (Parameter", 2)[0]);
            }
        }

        return TypedResults.Ok(new StockLedgerResponse(ledger.CentreId, ledger.PartNumber, ledger.Balance,
            [.. ledger.Movements.Select(static m => new StockMovementResponse(m.Kind.ToString(), m.Quantity, m.SignedQuantity, m.By, m.At, m.WorkOrderId, m.Note))]));
    }
}
