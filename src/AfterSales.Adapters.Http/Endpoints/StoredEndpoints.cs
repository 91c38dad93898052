using AfterSales.Entitlements.Spares;
using AfterSales.Http.Contracts;
using AfterSales.Http.Errors;
using AfterSales.Http.Idempotency;
using AfterSales.Http.Internal;
using AfterSales.Http.OpenApi;
using AfterSales.Http.Tenancy;
using AfterSales.Quality.Complaints;
using AfterSales.WorkOrders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Endpoints;

/// <summary>
/// Complaints and spare stock kept in the domain's stores (<see cref="IComplaintStore"/>,
/// <see cref="IStockLedgerStore"/>), per tenant, with versions as ETags like tickets.
/// </summary>
internal static class StoredEndpoints
{
    private static readonly (string Route, string Summary, bool Body)[] ComplaintSteps =
    [
        ("first-reply", "Record the first reply to the complainant (首次回复).", false),
        ("verification", "Record the verification: was the engineer responsible? (核实)", true),
        ("formal-answer", "Record the formal answer (正式答复).", false),
        ("solved", "Record that the complaint was solved (解决).", false),
        ("verdict", "Record the customer's verdict: satisfied? (客户评价)", true),
        ("close", "Close the complaint (关闭).", false),
    ];

    public static void Map(RouteGroupBuilder tenantRoot)
    {
        var tenantScoped = tenantRoot.MapGroup(string.Empty).WithTags("Quality");
        var spares = tenantRoot.MapGroup(string.Empty).WithTags("Entitlements");
        tenantScoped.MapPost("/complaints", File)
            .AddEndpointFilter<IdempotencyFilter>()
            .Accepts<FileComplaintRequest>("application/json")
            .WithName("FileComplaint").WithSummary("File a complaint now (投诉登记) → 201 with Location and ETag. Honours Idempotency-Key.")
            .IdempotencyKey().ETag(StatusCodes.Status201Created).Location()
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);

        tenantScoped.MapGet("/complaints/{id}", Get)
            .WithName("GetComplaint").WithSummary("A complaint with its clocks on the complaint desk policy and the escalation due.")
            .ETag()
            .ProducesProblem(404);

        foreach (var (route, summary, body) in ComplaintSteps)
        {
            var endpoint = tenantScoped.MapPost("/complaints/{id}/" + route, (HttpContext http, string id, IComplaintStore store, IClock clock, IOptions<AfterSalesHttpOptions> options) =>
                    Step(http, id, route, store, clock, options.Value))
                .WithName("Complaint" + string.Concat(route.Split('-').Select(static w => char.ToUpperInvariant(w[0]) + w[1..])))
                .WithSummary(summary + " Honours If-Match.")
                .IfMatch().ETag()
                .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
            if (body)
            {
                endpoint.Accepts(route == "verdict" ? typeof(ComplaintVerdictRequest) : typeof(ComplaintVerificationRequest), "application/json");
            }
        }

        spares.MapGet("/spares/{centreId}/{partNumber}", Ledger)
            .WithName("GetStockLedger").WithSummary("A part's stock ledger at a service centre (备件台账): balance and movements; ETag is its version.")
            .ETag().ProducesProblem(400);

        spares.MapPost("/spares/{centreId}/{partNumber}/movements", Move)
            .AddEndpointFilter<IdempotencyFilter>()
            .IfMatch().IdempotencyKey().ETag()
            .Accepts<RecordMovementRequest>("application/json")
            .WithName("RecordStockMovement").WithSummary("Record a stock movement now; 422 when stock would go negative. Honours If-Match and Idempotency-Key.")
            .ProducesProblem(400).ProducesProblem(412).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);
    }

    private static async Task<Results<Created<StoredComplaintResponse>, ProblemHttpResult>> File(
        HttpContext http, IComplaintStore store, IClock clock, IOptions<AfterSalesHttpOptions> options)
    {
        var r = (await RequestBody.ReadAsync<FileComplaintRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        var id = r.Id ?? Guid.NewGuid().ToString("N");
        if (id.Length is 0 or > 100)
        {
            throw RequestRejectedException.Validation("id", "id must be 1 to 100 characters.");
        }

        var now = clock.GetCurrentInstant();
        var complaint = Complaint.File(id, r.WorkOrderId, r.EngineerId, now, r.Summary);

        // Everything that can fail (the clocks on the desk's calendar) is computed before the save:
        // a committed write is never answered with an error.
        var response = ToResponse(complaint, 1, now);
        var version = await store.SaveAsync(http.Tenant(), complaint, 0, http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(version);
        var location = $"{http.Request.PathBase}{http.GetEndpoint()?.Metadata.GetMetadata<AfterSalesGroupMarker>()?.Prefix}/complaints/{Uri.EscapeDataString(id)}";
        return TypedResults.Created(location, response with { Version = version });
    }

    private static async Task<Results<Ok<StoredComplaintResponse>, ProblemHttpResult>> Get(HttpContext http, string id, IComplaintStore store, IClock clock)
    {
        var found = await LoadComplaint(http, id, store).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(found.Version);
        return TypedResults.Ok(ToResponse(found.Value, found.Version, clock.GetCurrentInstant()));
    }

    private static async Task<Results<Ok<StoredComplaintResponse>, ProblemHttpResult>> Step(
        HttpContext http, string id, string route, IComplaintStore store, IClock clock, AfterSalesHttpOptions options)
    {
        var condition = Parse.IfMatch(http.Request.Headers.IfMatch);
        var limit = options.MaxRequestBodySize;
        Func<Complaint, Instant, Complaint> step = route switch
        {
            "first-reply" => static (c, at) => c.RecordFirstReply(at),
            "verification" => Verification((await RequestBody.ReadAsync<ComplaintVerificationRequest>(http, limit).ConfigureAwait(false))!.EngineerResponsible),
            "formal-answer" => static (c, at) => c.RecordFormalAnswer(at),
            "solved" => static (c, at) => c.RecordSolved(at),
            "verdict" => Verdict((await RequestBody.ReadAsync<ComplaintVerdictRequest>(http, limit).ConfigureAwait(false))!.Satisfied),
            _ => static (c, at) => c.Close(at),
        };
        var found = await LoadComplaint(http, id, store).ConfigureAwait(false);
        if (!Parse.Matches(condition, found.Version))
        {
            throw new ConcurrencyConflictException("complaint", id, condition!.Count == 0 ? 0 : condition.Min(), found.Version);
        }

        var now = clock.GetCurrentInstant();
        var next = step(found.Value, now);
        var response = ToResponse(next, found.Version + 1, now);
        var version = await store.SaveAsync(http.Tenant(), next, found.Version, http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(version);
        return TypedResults.Ok(response with { Version = version });

        static Func<Complaint, Instant, Complaint> Verification(bool responsible) => (c, at) => c.RecordVerification(at, responsible);
        static Func<Complaint, Instant, Complaint> Verdict(bool satisfied) => (c, at) => c.RecordCustomerVerdict(at, satisfied);
    }

    private static async Task<Versioned<Complaint>> LoadComplaint(HttpContext http, string id, IComplaintStore store)
    {
        if (id.Length > 100)
        {
            throw NotFound("complaint");
        }

        return await store.LoadAsync(http.Tenant(), id, http.RequestAborted).ConfigureAwait(false) ?? throw NotFound("complaint");
    }

    private static StoredComplaintResponse ToResponse(Complaint c, int version, Instant now)
    {
        var clocks = c.Clocks(ComplaintPolicies.Desk003, now);
        var escalation = c.Escalation(ComplaintPolicies.Desk003, EscalationPath.Seed003, now);
        return new StoredComplaintResponse(c.Id, version, c.WorkOrderId, c.EngineerId, c.Summary, c.Status.ToString(), c.FiledAt,
            c.FirstRepliedAt, c.VerifiedAt, c.EngineerResponsible, c.FormallyAnsweredAt, c.SolvedAt, c.VerdictAt, c.CustomerSatisfied, c.ClosedAt,
            [.. clocks.Select(ClockResponse.From)], escalation.Level.ToString(), escalation.Reasons);
    }

    private static async Task<Results<Ok<StockLedgerResponse>, ProblemHttpResult>> Ledger(HttpContext http, string centreId, string partNumber, IStockLedgerStore store)
    {
        CheckKeys(centreId, partNumber);
        var ledger = await store.LoadAsync(http.Tenant(), centreId, partNumber, http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(ledger.Version);
        return TypedResults.Ok(ToResponse(ledger));
    }

    private static async Task<Results<Ok<StockLedgerResponse>, ProblemHttpResult>> Move(
        HttpContext http, string centreId, string partNumber, IStockLedgerStore store, IClock clock, IOptions<AfterSalesHttpOptions> options)
    {
        CheckKeys(centreId, partNumber);
        var condition = Parse.IfMatch(http.Request.Headers.IfMatch);
        var m = (await RequestBody.ReadAsync<RecordMovementRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        var kind = Parse.Enum<StockMovementKind>(m.Kind, "kind");
        string WorkOrder() => m.WorkOrderId ?? throw RequestRejectedException.Validation("workOrderId", "workOrderId is required for " + kind + ".");
        var ledger = await store.LoadAsync(http.Tenant(), centreId, partNumber, http.RequestAborted).ConfigureAwait(false);
        var loaded = ledger.Version;
        if (!Parse.Matches(condition, loaded))
        {
            throw new ConcurrencyConflictException("stock ledger", centreId + "/" + partNumber, condition!.Count == 0 ? 0 : condition.Min(), loaded);
        }

        var at = clock.GetCurrentInstant();
        ledger = kind switch
        {
            StockMovementKind.Received => ledger.Receive(m.Quantity, m.By, at, m.Note),
            StockMovementKind.IssuedToWorkOrder => ledger.IssueToWorkOrder(m.Quantity, WorkOrder(), m.By, at),
            StockMovementKind.LoanerIssued => ledger.IssueLoaner(m.Quantity, WorkOrder(), m.By, at),
            StockMovementKind.Returned => ledger.Return(m.Quantity, m.By, at, m.WorkOrderId),
            _ => ledger.Scrap(m.Quantity, m.By, at, m.Note),
        };
        await store.SaveAsync(http.Tenant(), ledger, loaded, http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(ledger.Version);
        return TypedResults.Ok(ToResponse(ledger));
    }

    private static void CheckKeys(string centreId, string partNumber)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, value) in new[] { ("centreId", centreId), ("partNumber", partNumber) })
        {
            if (Identifier.Problem(value) is { } problem)
            {
                errors[field] = [$"{field} {problem}."];
            }
        }

        if (errors.Count > 0)
        {
            throw RequestRejectedException.Validation(errors);
        }
    }

    private static StockLedgerResponse ToResponse(StockLedger ledger) => new(ledger.CentreId, ledger.PartNumber, ledger.Balance,
        [.. ledger.Movements.Select(static m => new StockMovementResponse(m.Kind.ToString(), m.Quantity, m.SignedQuantity, m.By, m.At, m.WorkOrderId, m.Note))]);

    private static RequestRejectedException NotFound(string what) =>
        new(404, $"The {what} was not found.", $"No {what} with this id exists for the tenant.");
}
