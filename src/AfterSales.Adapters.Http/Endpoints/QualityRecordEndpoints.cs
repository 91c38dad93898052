using AfterSales.Http.Contracts;
using AfterSales.Http.Errors;
using AfterSales.Http.Idempotency;
using AfterSales.Http.Internal;
using AfterSales.Http.OpenApi;
using AfterSales.Http.Tenancy;
using AfterSales.Quality;
using AfterSales.Quality.Reporting;
using AfterSales.WorkOrders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Endpoints;

/// <summary>
/// The quality records kept against a work order (<see cref="IQualityRecordStore"/>): its satisfaction
/// survey, the callbacks made and the parts shipped, each recorded once; and what the quality figures
/// read from it. The work order must exist (404 otherwise).
/// </summary>
internal static class QualityRecordEndpoints
{
    public static void Map(RouteGroupBuilder tenantRoot)
    {
        var tenantScoped = tenantRoot.MapGroup(string.Empty).WithTags("Quality");
        tenantScoped.MapPost("/tickets/{id}/survey", Survey)
            .AddEndpointFilter<IdempotencyFilter>()
            .IdempotencyKey().Location()
            .Accepts<SurveyRequest>("application/json")
            .WithName("RecordSurvey")
            .WithSummary("Record the work order's satisfaction survey (满意度调查, R-RP-5): skill, attitude and timeliness each 1–5 or left out, and suggestions → 201; 409 when it has one. Honours Idempotency-Key.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);

        tenantScoped.MapPost("/tickets/{id}/callbacks", Callback)
            .AddEndpointFilter<IdempotencyFilter>()
            .IdempotencyKey().Location()
            .Accepts<CallbackRequest>("application/json")
            .WithName("RecordCallback")
            .WithSummary("Record a callback made now (客户回访, R-RP-3): who called and whether the customer was reached → 201. Honours Idempotency-Key.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);

        tenantScoped.MapPost("/tickets/{id}/shipments", Shipment)
            .AddEndpointFilter<IdempotencyFilter>()
            .IdempotencyKey().Location()
            .Accepts<ShipmentRequest>("application/json")
            .WithName("RecordPartsShipment")
            .WithSummary("Record a parts shipment against its order (备件发货, R-RP-3): correct when the part and quantity shipped are the ones ordered → 201. Honours Idempotency-Key.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);

        tenantScoped.MapGet("/tickets/{id}/quality", Get)
            .WithName("GetTicketQuality")
            .WithSummary("What the quality figures read from the work order now: sign-off ratings, the survey, the callback owed and made, the parts shipments.")
            .ProducesProblem(404);
    }

    private static async Task<Created<SurveyResponse>> Survey(
        HttpContext http, string id, TicketService tickets, IQualityRecordStore records, QualityService quality, IClock clock, IOptions<AfterSalesHttpOptions> options)
    {
        var r = (await RequestBody.ReadAsync<SurveyRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        var ticket = await TicketOf(http, id, tickets).ConfigureAwait(false);
        var today = clock.GetCurrentInstant().InZone(quality.Options.Zone).Date;
        var answeredOn = r.AnsweredOn ?? today;
        if (answeredOn > today)
        {
            throw RequestRejectedException.Validation("answeredOn", "answeredOn must not be in the future.");
        }

        if (r.Suggestions is { Length: > 2000 })
        {
            throw RequestRejectedException.Validation("suggestions", "suggestions must be at most 2000 characters.");
        }

        var survey = new SatisfactionSurvey(ticket.Id.Value, answeredOn, r.Skill, r.Attitude, r.Timeliness, r.Suggestions ?? string.Empty);
        await records.AddSurveyAsync(http.Tenant(), survey, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Created(QualityLocation(http, ticket), ToResponse(survey));
    }

    private static async Task<Created<CallbackResponse>> Callback(
        HttpContext http, string id, TicketService tickets, IQualityRecordStore records, IClock clock, IOptions<AfterSalesHttpOptions> options)
    {
        var r = (await RequestBody.ReadAsync<CallbackRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        var ticket = await TicketOf(http, id, tickets).ConfigureAwait(false);
        var callback = new CustomerCallback(RecordId(r.Id), ticket.Id.Value, clock.GetCurrentInstant(), Text(r.CalledBy, "calledBy", 200), r.Reached, Text(r.Note ?? string.Empty, "note", 2000, allowEmpty: true));
        await records.AddCallbackAsync(http.Tenant(), callback, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Created(QualityLocation(http, ticket), ToResponse(callback));
    }

    private static async Task<Created<ShipmentResponse>> Shipment(
        HttpContext http, string id, TicketService tickets, IQualityRecordStore records, QualityService quality, IClock clock, IOptions<AfterSalesHttpOptions> options)
    {
        var r = (await RequestBody.ReadAsync<ShipmentRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        var ticket = await TicketOf(http, id, tickets).ConfigureAwait(false);
        var shipment = new PartsShipment(
            RecordId(r.Id),
            ticket.Id.Value,
            r.ShippedOn ?? clock.GetCurrentInstant().InZone(quality.Options.Zone).Date,
            Text(r.OrderedPartNumber, "orderedPartNumber", 100),
            r.OrderedQuantity,
            Text(r.ShippedPartNumber, "shippedPartNumber", 100),
            r.ShippedQuantity);
        await records.AddShipmentAsync(http.Tenant(), shipment, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Created(QualityLocation(http, ticket), ToResponse(shipment));
    }

    private static async Task<Ok<WorkOrderQualityResponse>> Get(HttpContext http, string id, TicketService tickets, IQualityRecordStore records, QualityService quality, IClock clock)
    {
        var ticket = await TicketOf(http, id, tickets).ConfigureAwait(false);
        var now = clock.GetCurrentInstant();
        var zone = quality.Options.Zone;
        var stored = await records.ListForWorkOrderAsync(http.Tenant(), ticket.Id.Value, http.RequestAborted).ConfigureAwait(false);
        var callback = WorkOrderReporting.Callback(WorkOrderReporting.Summarise(ticket, now), stored.Callbacks, zone, now);
        return TypedResults.Ok(new WorkOrderQualityResponse(
            ticket.Id.Value,
            [.. WorkOrderReporting.Ratings(ticket, zone, now).Select(static r => new RatingResponse(r.RatedOn, r.Score, r.IsSatisfied, r.Comment))],
            stored.Survey is { } survey ? ToResponse(survey) : null,
            callback is null ? null : new CallbackDueResponse(callback.DueOn, callback.InWarranty, callback.Done),
            [.. stored.Callbacks.Select(ToResponse)],
            [.. stored.Shipments.Select(ToResponse)]));
    }

    private static async Task<Ticket> TicketOf(HttpContext http, string id, TicketService tickets)
    {
        TicketId ticketId;
        try
        {
            ticketId = TicketId.From(id);
        }
        catch (ArgumentException)
        {
            throw new RequestRejectedException(404, "The work order was not found.", "No work order with this id exists for the tenant.");
        }

        return await tickets.GetAsync(http.Tenant(), ticketId, http.RequestAborted).ConfigureAwait(false);
    }

    private static string RecordId(string? id) =>
        id is null ? Guid.NewGuid().ToString("N")
        : id.Length is > 0 and <= 100 && !string.IsNullOrWhiteSpace(id) ? id
        : throw RequestRejectedException.Validation("id", "id must be 1 to 100 characters.");

    private static string Text(string value, string field, int max, bool allowEmpty = false) =>
        (allowEmpty || !string.IsNullOrWhiteSpace(value)) && value.Length <= max
            ? value
            : throw RequestRejectedException.Validation(field, $"{field} must be {(allowEmpty ? "at most" : "1 to")} {max} characters{(allowEmpty ? "" : ", not blank")}.");

    private static string QualityLocation(HttpContext http, Ticket ticket) => TicketEndpoints.Location(http, ticket.Id.Value) + "/quality";

    private static SurveyResponse ToResponse(SatisfactionSurvey s) => new(s.WorkOrderId, s.AnsweredOn, s.Skill, s.Attitude, s.Timeliness, s.Suggestions);

    private static CallbackResponse ToResponse(CustomerCallback c) => new(c.Id, c.WorkOrderId, c.CalledAt, c.CalledBy, c.Reached, c.Note);

    private static ShipmentResponse ToResponse(PartsShipment s) =>
        new(s.ShipmentId, s.WorkOrderId, s.ShippedOn, s.OrderedPartNumber, s.OrderedQuantity, s.ShippedPartNumber, s.ShippedQuantity, s.Correct);
}
