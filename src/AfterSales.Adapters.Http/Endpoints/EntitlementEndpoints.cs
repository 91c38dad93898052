using System.Globalization;
using AfterSales.Entitlements;
using AfterSales.Entitlements.Quotes;
using AfterSales.Entitlements.Spares;
using AfterSales.Entitlements.Warranty;
using AfterSales.Http.Contracts;
using AfterSales.Http.Errors;
using AfterSales.Http.Idempotency;
using AfterSales.Http.Internal;
using AfterSales.Http.OpenApi;
using AfterSales.Http.Tenancy;
using AfterSales.WorkOrders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Endpoints;

/// <summary>
/// Entitlement calculators (AfterSales.Entitlements): warranty checks, repair quotes, the monthly
/// spare replenishment and a spare ledger replay. They compute from the request and store nothing.
/// </summary>
internal static class EntitlementEndpoints
{
    private const int MaxItems = 10_000;

    private static readonly ApiValue PolicyCodes = ApiValue.OneOf([.. WarrantyPresets.All.Select(static p => p.Code)]);

    private static readonly ComponentClass[] Components =
        [ComponentClass.Hardware, ComponentClass.Software, ComponentClass.System, ComponentClass.MainUnit, ComponentClass.PipesAndElectrics];

    public static void Map(RouteGroupBuilder root, RouteGroupBuilder tenantRoot)
    {
        var group = root.MapGroup(string.Empty).WithTags("Entitlements");
        var tenantScoped = tenantRoot.MapGroup(string.Empty).WithTags("Entitlements");
        group.MapGet("/warranty/policies", static (WarrantyPolicyCatalog catalog) => TypedResults.Ok(catalog.All.Select(static p => new WarrantyPolicyResponse(
                p.Code, p.Name, p.RepairLimit,
                [.. p.Terms.Select(static t => new WarrantyTermResponse(t.Component.Code, t.Length.ToString(), t.StartRule.ToString()))])).ToArray()))
            .WithName("ListWarrantyPolicies").WithSummary("The warranty policies the service knows: the seed presets and the host's own.");

        group.MapPost("/warranty/assessments", Assess)
            .Accepts<WarrantyAssessmentRequest>("application/json")
            .WithName("AssessWarranty").WithSummary("Is this device under warranty on that day (保修期判定), and why?")
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);

        tenantScoped.MapPost("/devices", Register)
            .AddEndpointFilter<IdempotencyFilter>()
            .Accepts<RegisterDeviceRequest>("application/json")
            .WithName("RegisterDevice").WithSummary("Register a device for warranty (设备档案) → 201; 409 when the serial number is registered. Honours Idempotency-Key.")
            .IdempotencyKey().ETag(StatusCodes.Status201Created).Location()
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);

        tenantScoped.MapGet("/devices/{serialNumber}", Device)
            .WithName("GetDevice").WithSummary("A registered device with its repairs from its work orders and the replacements its contract owes (R-WAR-6); ETag is its version.").ETag().ProducesProblem(404);

        tenantScoped.MapPost("/devices/{serialNumber}/relocations", Relocate)
            .Accepts<RelocateDeviceRequest>("application/json")
            .WithName("RelocateDevice")
            .WithSummary("Record that a registered device was moved (移机, R-WAR-10); the warranty is kept and its assessments say so. Honours If-Match.")
            .IfMatch().ETag()
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(412).ProducesProblem(413).ProducesProblem(415);

        tenantScoped.MapGet("/devices/{serialNumber}/tickets", DeviceTickets)
            .WithName("ListDeviceTickets")
            .WithSummary("Every work order of a device (设备维修档案, R-WO-10), newest first; page (from 1) and pageSize.")
            .WithDescription("Served from the tickets' (tenant, device serial number) index. The device need not be registered: a report on an unknown serial number is listed too.")
            .Query("page", ApiValue.Integer(1, 1_000_000), "The page, from 1; 1 when omitted.")
            .Query("pageSize", ApiValue.Integer(1, 1000), "Items per page; AfterSalesHttpOptions.DefaultPageSize (50) when omitted, at most MaxPageSize (200).")
            .ProducesProblem(400);

        tenantScoped.MapGet("/devices/{serialNumber}/warranty", DeviceWarranty)
            .WithName("GetDeviceWarranty").WithSummary("Is the registered device under warranty on ?on=<date> (default today, Beijing) under ?policy=<code>, and why?")
            .Query("policy", PolicyCodes, "The warranty policy's code (GET /warranty/policies).", required: true)
            .Query("on", ApiValue.Date, "The day checked; today in the policy's zone when omitted.")
            .ProducesProblem(400).ProducesProblem(404);

        tenantScoped.MapGet("/warranty/expiring", Expiring)
            .WithName("ListExpiringWarranties").WithSummary("The tenant's registered devices whose warranty under ?policy= ends within the pre-expiry window (3 months) from ?from=<date>, one page at a time.")
            .Query("policy", PolicyCodes, "The warranty policy's code (GET /warranty/policies).", required: true)
            .Query("from", ApiValue.Date, "The first day of the window; today in the policy's zone when omitted.")
            .Query("page", ApiValue.Integer(1, 1_000_000), "The page, from 1; 1 when omitted.")
            .Query("pageSize", ApiValue.Integer(1, 1000), "Items per page; AfterSalesHttpOptions.DefaultPageSize (50) when omitted, at most MaxPageSize (200).")
            .ProducesProblem(400);

        group.MapPost("/spares/ledger", Ledger)
            .Accepts<StockLedgerRequest>("application/json")
            .WithName("ReplayStockLedger").WithSummary("Replays spare movements (备件台账) in order: the balance, or 422 when stock would go negative.")
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);
    }

    private static async Task<Results<Ok<WarrantyAssessmentResponse>, ProblemHttpResult>> Assess(HttpContext http, WarrantyPolicyCatalog catalog, IOptions<AfterSalesHttpOptions> options)
    {
        var r = (await RequestBody.ReadAsync<WarrantyAssessmentRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        var policy = PolicyOf(catalog, r.Policy, "policy");
        var record = DeviceRecord.Create(r.SerialNumber, ComponentOf(r.Component), r.AcceptedOn, r.HandedOverOn, r.CompletedOn);
        return TypedResults.Ok(ToResponse(policy.Evaluate(record, r.On)));
    }

    private static async Task<Results<Created<DeviceResponse>, ProblemHttpResult>> Register(
        HttpContext http, IDeviceRegistry registry, WarrantyPolicyCatalog catalog, IOptions<AfterSalesHttpOptions> options)
    {
        var r = (await RequestBody.ReadAsync<RegisterDeviceRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        var policyCode = r.WarrantyPolicy is { } code ? PolicyOf(catalog, code, "warrantyPolicy").Code : null;
        var record = DeviceRecord.Create(r.SerialNumber, ComponentOf(r.Component), r.AcceptedOn, r.HandedOverOn, r.CompletedOn)
            .WithContract(policyCode, r.ContractId)
            .WithServiceCentre(r.CentreId)
            .WithModel(r.Model, r.Grade);
        var version = await registry.SaveAsync(http.Tenant(), record, 0, http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(version);
        var location = $"{http.Request.PathBase}{http.GetEndpoint()?.Metadata.GetMetadata<AfterSalesGroupMarker>()?.Prefix}/devices/{Uri.EscapeDataString(record.SerialNumber)}";
        return TypedResults.Created(location, await ToResponseAsync(http, record, version).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<DeviceResponse>, ProblemHttpResult>> Relocate(
        HttpContext http, string serialNumber, IDeviceRegistry registry, IOptions<AfterSalesHttpOptions> options)
    {
        var condition = Parse.IfMatch(http.Request.Headers.IfMatch);
        var r = (await RequestBody.ReadAsync<RelocateDeviceRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        var found = await FindDevice(http, serialNumber, registry).ConfigureAwait(false);
        if (!Parse.Matches(condition, found.Version))
        {
            throw new ConcurrencyConflictException("device record", serialNumber, condition!.Count == 0 ? 0 : condition.Min(), found.Version);
        }

        var moved = found.Value.WithRelocation(new DeviceRelocation(r.On, r.From, r.To));
        var version = await registry.SaveAsync(http.Tenant(), moved, found.Version, http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(version);
        return TypedResults.Ok(await ToResponseAsync(http, moved, version).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<DeviceResponse>, ProblemHttpResult>> Device(HttpContext http, string serialNumber, IDeviceRegistry registry)
    {
        var found = await FindDevice(http, serialNumber, registry).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(found.Version);
        return TypedResults.Ok(await ToResponseAsync(http, found.Value, found.Version).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<WarrantyAssessmentResponse>, ProblemHttpResult>> DeviceWarranty(
        HttpContext http, string serialNumber, IDeviceRegistry registry, EntitlementService entitlements, IClock clock)
    {
        var code = Query(http, "policy");
        var found = await FindDevice(http, serialNumber, registry).ConfigureAwait(false);
        var policy = code is not null
            ? PolicyOf(entitlements.Policies, code, "policy")
            : entitlements.PolicyFor(found.Value)
                ?? throw RequestRejectedException.Validation("policy", "policy is required: the device names no warranty policy and the service has no default.");
        var on = Query(http, "on") is { } text ? DateOf(text, "on") : policy.DateOf(clock.GetCurrentInstant());
        return TypedResults.Ok(ToResponse(policy.Evaluate(found.Value, on)));
    }

    private static async Task<Results<Ok<TicketPageResponse>, ProblemHttpResult>> DeviceTickets(
        HttpContext http, string serialNumber, TicketService service, IOptions<AfterSalesHttpOptions> options)
    {
        if (Identifier.Problem(serialNumber) is { } problem)
        {
            throw RequestRejectedException.Validation("serialNumber", $"serialNumber {problem}.");
        }

        var (page, pageSize) = Paging.Read(http, options.Value);
        var found = await service.ListAsync(http.Tenant(), new AfterSales.WorkOrders.TicketQuery
        {
            DeviceSerialNumber = serialNumber,
            Offset = checked((page - 1) * pageSize),
            Limit = pageSize + 1,
        }, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new TicketPageResponse([.. found.Take(pageSize).Select(TicketSummaryResponse.From)], page, pageSize, found.Count > pageSize));
    }

    private static async Task<Results<Ok<WarrantyAssessmentPageResponse>, ProblemHttpResult>> Expiring(
        HttpContext http, IDeviceRegistry registry, WarrantyPolicyCatalog catalog, IClock clock, IOptions<AfterSalesHttpOptions> options)
    {
        var policy = PolicyOf(catalog, Query(http, "policy") ?? throw RequestRejectedException.Validation("policy", "policy is required."), "policy");
        var from = Query(http, "from") is { } text ? DateOf(text, "from") : policy.DateOf(clock.GetCurrentInstant());
        var o = options.Value;
        var page = Query(http, "page") is { } p ? Parse.Int(p, "page", 1, 1_000_000) : 1;
        var pageSize = Query(http, "pageSize") is { } s ? Parse.Int(s, "pageSize", 1, o.MaxPageSize) : o.DefaultPageSize;
        var expiring = await registry.ListExpiringWithinAsync(http.Tenant(), policy, from, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        var items = expiring.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize)).Take(pageSize + 1).Select(ToResponse).ToList();
        return TypedResults.Ok(new WarrantyAssessmentPageResponse([.. items.Take(pageSize)], page, pageSize, items.Count > pageSize));
    }

    private static async Task<Versioned<DeviceRecord>> FindDevice(HttpContext http, string serialNumber, IDeviceRegistry registry) =>
        (serialNumber.Length <= 100 ? await registry.GetAsync(http.Tenant(), serialNumber, http.RequestAborted).ConfigureAwait(false) : null)
        ?? throw new RequestRejectedException(404, "The device was not found.", "No device with this serial number is registered for the tenant.");

    private static string? Query(HttpContext http, string name) =>
        http.Request.Query.TryGetValue(name, out var values)
            ? values.Count == 1 && values[0] is { Length: > 0 and <= 100 } v ? v : throw RequestRejectedException.Validation(name, name + " must be given once, 1 to 100 characters.")
            : null;

    private static LocalDate DateOf(string text, string field)
    {
        var result = NodaTime.Text.LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value : throw RequestRejectedException.Validation(field, field + " must be an ISO date such as 2026-03-02.");
    }

    private static WarrantyPolicy PolicyOf(WarrantyPolicyCatalog catalog, string code, string field) =>
        catalog.Find(code)
        ?? throw RequestRejectedException.Validation(field, $"{field} must be one of {string.Join(", ", catalog.All.Select(static p => p.Code))}.");

    private static ComponentClass ComponentOf(string code) =>
        Components.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))
        ?? throw RequestRejectedException.Validation("component", $"component must be one of {string.Join(", ", Components.Select(static c => c.Code))}.");

    /// <summary>The device with its repair history from its tickets and the replacements its contract owes (R-WAR-6).</summary>
    private static async Task<DeviceResponse> ToResponseAsync(HttpContext http, DeviceRecord d, int version)
    {
        var log = http.RequestServices.GetRequiredService<IDeviceRepairLog>();
        var entitlements = http.RequestServices.GetRequiredService<EntitlementService>();
        var repairs = await log.ListRepairsAsync(http.Tenant(), d.SerialNumber, http.RequestAborted).ConfigureAwait(false);
        var obligations = entitlements.PolicyFor(d) is { } policy
            ? policy.ReplacementObligations(RepairHistory.Of(d, repairs, policy.Zone))
            : [];
        return new(d.SerialNumber, version, d.Component.Code, d.AcceptedOn, d.HandedOverOn, d.CompletedOn, d.Replacements.Count,
            d.WarrantyPolicyCode, d.ContractId, d.ServiceCentreId, d.Model, d.Grade, [.. d.Relocations.Select(static r => new RelocationResponse(r.On, r.From, r.To))],
            [.. repairs.Select(static r => new RepairResponse(r.WorkOrderId, r.At, r.PartNumber, r.Unfixable))],
            [.. obligations.Select(ObligationResponse.From)]);
    }

    private static WarrantyAssessmentResponse ToResponse(WarrantyAssessment a) => new(
        a.SerialNumber, a.On, a.Status.ToString(), a.IsCovered, a.Term.Component.Code, a.StartsOn, a.LastCoveredDay, a.LatentDefectLastDay, a.Reasons,
        [.. a.Relocations.Select(static r => new RelocationResponse(r.On, r.From, r.To))]);

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
