using AfterSales.Http.Contracts;
using AfterSales.Http.Errors;
using AfterSales.Http.Internal;
using AfterSales.Http.OpenApi;
using AfterSales.Http.Tenancy;
using AfterSales.People;
using AfterSales.WorkOrders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Endpoints;

/// <summary>
/// People (R-ORG-1/2): the tenant's engineers (<see cref="IEngineerStore"/>) and each service centre's
/// duty rota, and who is on duty at an instant. <c>dispatch</c> reads both (<see cref="TicketService.DispatchAsync(string, TicketId, string, string?, int?, Instant?, CancellationToken)"/>).
/// </summary>
internal static class PeopleEndpoints
{
    // Read at once to check a rota's engineers; a centre of more engineers is beyond what one rota serves.
    private const int MaxEngineersPerCentre = 10_000;

    public static void Map(RouteGroupBuilder tenantRoot)
    {
        var people = tenantRoot.MapGroup(string.Empty).WithTags("People");
        people.MapPut("/engineers/{id}", PutEngineer)
            .IfMatch().ETag().ETag(StatusCodes.Status201Created).Location()
            .Accepts<EngineerRequest>("application/json")
            .WithName("PutEngineer")
            .WithSummary("Create (201) or replace (200) an engineer (工程师, R-ORG-1): name, centre, contact, skills. Once the tenant keeps one, dispatch names a kept engineer on duty. Honours If-Match (its ETag).")
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(412).ProducesProblem(413).ProducesProblem(415);

        people.MapGet("/engineers", ListEngineers)
            .WithName("ListEngineers").WithSummary("The tenant's engineers by id, of one centre with ?centreId=; page (from 1) and pageSize.")
            .Query("centreId", ApiValue.Text, "Only the engineers of this service centre.")
            .Query("page", ApiValue.Integer(1, 1_000_000), "The page, from 1; 1 when omitted.")
            .Query("pageSize", ApiValue.Integer(1, 1000), "Items per page; AfterSalesHttpOptions.DefaultPageSize (50) when omitted, at most MaxPageSize (200).")
            .ProducesProblem(400);

        people.MapGet("/engineers/{id}", GetEngineer)
            .WithName("GetEngineer").WithSummary("One engineer; ETag is its version.").ETag().ProducesProblem(404);

        people.MapGet("/engineers/{id}/tickets", EngineerTickets)
            .WithName("ListEngineerTickets")
            .WithSummary("The work orders an engineer was dispatched to (派工, R-ORG-1), in any cycle, newest report first; page (from 1) and pageSize.")
            .WithDescription("Served from the dispatch index written with each Dispatched event. The engineer need not be kept: a tenant that dispatches by name lists by that name.")
            .Query("page", ApiValue.Integer(1, 1_000_000), "The page, from 1; 1 when omitted.")
            .Query("pageSize", ApiValue.Integer(1, 1000), "Items per page; AfterSalesHttpOptions.DefaultPageSize (50) when omitted, at most MaxPageSize (200).")
            .ProducesProblem(400);

        people.MapPut("/service-centres/{centreId}/duty-rota", PutRota)
            .IfMatch().ETag().ETag(StatusCodes.Status201Created).Location()
            .Accepts<DutyRotaRequest>("application/json")
            .WithName("PutDutyRota")
            .WithSummary("Create (201) or replace (200) a service centre's duty rota (值班表, R-ORG-2): shifts of its engineers (once the tenant keeps engineers, only those kept at the centre) as local date-times in the centre's zone (default Asia/Shanghai), "
                + "each on duty from start up to, not including, end. A 7×24 contract is shifts that cover every hour; a 5×8 one a shift per working day. Honours If-Match (its ETag).")
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(412).ProducesProblem(413).ProducesProblem(415);

        people.MapGet("/service-centres/{centreId}/duty-rota", GetRota)
            .WithName("GetDutyRota").WithSummary("A service centre's duty rota; ETag is its version.").ETag().ProducesProblem(404);

        people.MapGet("/service-centres/{centreId}/on-duty", OnDuty)
            .WithName("ListOnDuty").WithSummary("Who is on duty at the centre now, or at ?at=<instant>, by its rota (R-ORG-2): whom dispatch accepts then.")
            .Query("at", ApiValue.Instant, "The instant; now when omitted.")
            .ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<IResult> PutEngineer(HttpContext http, string id, IEngineerStore store, IOptions<AfterSalesHttpOptions> options)
    {
        Key(id, "id");
        var condition = Parse.IfMatch(http.Request.Headers.IfMatch);
        var r = (await RequestBody.ReadAsync<EngineerRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        var engineer = Engineer.Create(id, r.Name, r.CentreId, r.Contact, r.Skills);
        var tenant = http.Tenant();
        var loaded = (await store.GetEngineerAsync(tenant, id, http.RequestAborted).ConfigureAwait(false))?.Version ?? 0;
        if (!Parse.Matches(condition, loaded))
        {
            throw new ConcurrencyConflictException("engineer", id, condition!.Count == 0 ? 0 : condition.Min(), loaded);
        }

        var version = await store.SaveEngineerAsync(tenant, engineer, loaded, http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(version);
        var body = ToResponse(engineer, version);
        return loaded == 0 ? TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}", body) : TypedResults.Ok(body);
    }

    private static async Task<Ok<EngineerResponse>> GetEngineer(HttpContext http, string id, IEngineerStore store)
    {
        var found = (Identifier.IsValid(id) ? await store.GetEngineerAsync(http.Tenant(), id, http.RequestAborted).ConfigureAwait(false) : null)
            ?? throw new RequestRejectedException(404, "The engineer was not found.", "No engineer with this id is kept for the tenant.");
        http.Response.Headers.ETag = Parse.ETag(found.Version);
        return TypedResults.Ok(ToResponse(found.Value, found.Version));
    }

    private static async Task<Ok<EngineerPageResponse>> ListEngineers(HttpContext http, IEngineerStore store, IOptions<AfterSalesHttpOptions> options)
    {
        string? centre = null;
        if (http.Request.Query.TryGetValue("centreId", out var values))
        {
            centre = values.Count == 1 ? values[0] : null;
            if (Identifier.Problem(centre) is { } problem)
            {
                throw RequestRejectedException.Validation("centreId", values.Count == 1 ? $"centreId {problem}." : "centreId must be given once.");
            }
        }

        var (page, pageSize) = Paging.Read(http, options.Value);
        var found = await store.ListEngineersAsync(http.Tenant(), centre, checked((page - 1) * pageSize), pageSize + 1, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new EngineerPageResponse([.. found.Take(pageSize).Select(static e => ToResponse(e.Value, e.Version))], page, pageSize, found.Count > pageSize));
    }

    private static async Task<Ok<TicketPageResponse>> EngineerTickets(HttpContext http, string id, TicketService service, IOptions<AfterSalesHttpOptions> options)
    {
        Key(id, "id");
        var (page, pageSize) = Paging.Read(http, options.Value);
        var found = await service.ListAsync(http.Tenant(), new TicketQuery
        {
            Engineer = id,
            Offset = checked((page - 1) * pageSize),
            Limit = pageSize + 1,
        }, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new TicketPageResponse([.. found.Take(pageSize).Select(TicketSummaryResponse.From)], page, pageSize, found.Count > pageSize));
    }

    private static async Task<IResult> PutRota(HttpContext http, string centreId, IEngineerStore store, IOptions<AfterSalesHttpOptions> options)
    {
        Key(centreId, "centreId");
        var condition = Parse.IfMatch(http.Request.Headers.IfMatch);
        var r = (await RequestBody.ReadAsync<DutyRotaRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        var zone = r.Zone is null ? Calendars.ChinaCalendars.BeijingTime
            : (r.Zone.Length <= 100 ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(r.Zone) : null)
              ?? throw RequestRejectedException.Validation("zone", "zone must be an IANA time zone id such as Asia/Shanghai.");
        if (r.Shifts.Count > DutyRota.MaxShifts)
        {
            throw RequestRejectedException.Validation("shifts", $"shifts must hold at most {DutyRota.MaxShifts} items.");
        }

        var shifts = new List<DutyShift>(r.Shifts.Count);
        for (var i = 0; i < r.Shifts.Count; i++)
        {
            var s = r.Shifts[i] ?? throw RequestRejectedException.Validation(FormattableString.Invariant($"shifts[{i}]"), FormattableString.Invariant($"shifts[{i}] must not be null."));
            shifts.Add(new DutyShift { EngineerId = s.EngineerId, Start = s.Start, End = s.End });
        }

        var rota = DutyRota.Create(centreId, zone, shifts);
        var tenant = http.Tenant();
        if (await store.HasEngineersAsync(tenant, http.RequestAborted).ConfigureAwait(false))
        {
            // As dispatch does: once the tenant keeps engineers, a rota names only those of its centre.
            rota.EnsureEngineersOf((await store.ListEngineersAsync(tenant, centreId, 0, MaxEngineersPerCentre, http.RequestAborted).ConfigureAwait(false)).Select(static e => e.Value));
        }

        var loaded = (await store.GetRotaAsync(tenant, centreId, http.RequestAborted).ConfigureAwait(false))?.Version ?? 0;
        if (!Parse.Matches(condition, loaded))
        {
            throw new ConcurrencyConflictException("duty rota", centreId, condition!.Count == 0 ? 0 : condition.Min(), loaded);
        }

        var version = await store.SaveRotaAsync(tenant, rota, loaded, http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(version);
        var body = ToResponse(rota, version);
        return loaded == 0 ? TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}", body) : TypedResults.Ok(body);
    }

    private static async Task<Ok<DutyRotaResponse>> GetRota(HttpContext http, string centreId, IEngineerStore store)
    {
        var found = await FindRota(http, centreId, store).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(found.Version);
        return TypedResults.Ok(ToResponse(found.Value, found.Version));
    }

    private static async Task<Ok<OnDutyResponse>> OnDuty(HttpContext http, string centreId, IEngineerStore store, IClock clock)
    {
        var at = http.Request.Query.TryGetValue("at", out var values)
            ? Parse.Instant(values.Count == 1 ? values[0]! : string.Empty, "at")
            : clock.GetCurrentInstant();
        var found = await FindRota(http, centreId, store).ConfigureAwait(false);
        return TypedResults.Ok(new OnDutyResponse(centreId, at, found.Value.OnDutyAt(at)));
    }

    private static async Task<Versioned<DutyRota>> FindRota(HttpContext http, string centreId, IEngineerStore store) =>
        (Identifier.IsValid(centreId) ? await store.GetRotaAsync(http.Tenant(), centreId, http.RequestAborted).ConfigureAwait(false) : null)
        ?? throw new RequestRejectedException(404, "The duty rota was not found.", "The service centre keeps no duty rota for the tenant.");

    private static void Key(string value, string field)
    {
        // Stored keys follow the one identifier rule, so what is created can be addressed again.
        if (Identifier.Problem(value) is { } problem)
        {
            throw RequestRejectedException.Validation(field, $"{field} {problem}.");
        }
    }

    private static EngineerResponse ToResponse(Engineer e, int version) => new(e.Id, version, e.Name, e.CentreId, e.Contact, e.Skills);

    private static DutyRotaResponse ToResponse(DutyRota r, int version) =>
        new(r.CentreId, version, r.Zone.Id, [.. r.Shifts.Select(static s => new DutyShiftDocument { EngineerId = s.EngineerId, Start = s.Start, End = s.End })]);
}
