using AfterSales.Http.Contracts;
using AfterSales.Http.Errors;
using AfterSales.Http.Identity;
using AfterSales.Http.Idempotency;
using AfterSales.Http.Internal;
using AfterSales.Http.OpenApi;
using AfterSales.Http.Tenancy;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Endpoints;

/// <summary>The work-order endpoints, all scoped to the request's tenant.</summary>
internal static class TicketEndpoints
{
    private static readonly string[] SuperStates = [nameof(TicketState.Open), nameof(TicketState.Unrestored), nameof(TicketState.Active)];

    public static void Map(RouteGroupBuilder tickets)
    {
        tickets.MapPost("/", Report)
            .AddEndpointFilter<IdempotencyFilter>()
            .Accepts<ReportTicketRequest>("application/json")
            .WithName("ReportTicket")
            .WithSummary("Report a fault (报障): opens a work order.")
            .WithDescription("Honours Idempotency-Key: a retry with the same key and body returns the first response and creates nothing.")
            .IdempotencyKey().ETag(StatusCodes.Status201Created).Location()
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);

        tickets.MapGet("/", List)
            .WithName("ListTickets")
            .WithSummary("List work orders, newest first, or soonest deadline first with dueBefore; one page at a time.")
            .Query("state", ApiValue.OneOf([.. Enum.GetNames<TicketState>().Except(SuperStates)]), "Only work orders in this state (a leaf state, not a superstate).")
            .Query("severity", ApiValue.Text, "Only work orders of this severity code, e.g. A.")
            .Query("site", ApiValue.Text, "Only work orders at the site of this name.")
            .Query("dueBefore", ApiValue.Instant, "Only open work orders breaching or warning at or before this instant, soonest first.")
            .Query("page", ApiValue.Integer(1, 1_000_000), "The page, from 1; 1 when omitted.")
            .Query("pageSize", ApiValue.Integer(1, 1000), "Items per page; AfterSalesHttpOptions.DefaultPageSize (50) when omitted, at most MaxPageSize (200).")
            .ProducesProblem(400);

        tickets.MapGet("/legacy-issues", LegacyIssues)
            .WithName("ListLegacyIssues")
            .WithSummary("Legacy issues (遗留问题, R-WO-6): open orders whose clock breached or was met late, newest report first, with their last review; page and pageSize.")
            .WithDescription("As of each order's last save or the deadline watcher's last visit. Review one with POST /tickets/{id}/review-legacy-issue.")
            .Query("page", ApiValue.Integer(1, 1_000_000), "The page, from 1; 1 when omitted.")
            .Query("pageSize", ApiValue.Integer(1, 1000), "Items per page; AfterSalesHttpOptions.DefaultPageSize (50) when omitted, at most MaxPageSize (200).")
            .ProducesProblem(400);

        tickets.MapGet("/{id}", Get)
            .WithName("GetTicket")
            .WithSummary("A work order with its latest events (at most the default page size) and the link to its whole history; ETag is its version.")
            .ETag()
            .ProducesProblem(404);

        tickets.MapGet("/{id}/events", Events)
            .WithName("ListTicketEvents")
            .WithSummary("A page of the work order's events, oldest first (工单履历); next links the following page.")
            .Query("after", ApiValue.Integer(0, int.MaxValue), "The events after this version; 0 (from the report) when omitted.")
            .Query("limit", ApiValue.Integer(1, 1000), "Events per page; AfterSalesHttpOptions.DefaultPageSize (50) when omitted, at most MaxPageSize (200).")
            .ETag()
            .ProducesProblem(400).ProducesProblem(404);

        tickets.MapGet("/{id}/clocks", Clocks)
            .WithName("GetTicketClocks")
            .WithSummary("The work order's SLA clocks with explanations, now or at ?at=<instant>.")
            .Query("at", ApiValue.Instant, "The instant the clocks are read at; now when omitted. Not before the work order was reported.")
            .ETag()
            .ProducesProblem(400).ProducesProblem(404);

        tickets.MapPost("/{id}/adopt-policy", AdoptPolicy)
            .Accepts<AdoptPolicyRequest>(isOptional: true, "application/json")
            .WithName("TicketAdoptPolicy")
            .WithSummary("Move the work order to a newer version of its SLA policy (the latest, or policyVersion), with the tenant's latest calendars: recorded as a PolicyAdopted event; clocks that stopped keep the old version. Honours If-Match.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        tickets.MapPost("/adopt-policy", AdoptPolicyInBulk)
            .Accepts<BulkAdoptPolicyRequest>("application/json")
            .WithName("TicketsAdoptPolicy")
            .WithSummary("The bulk form: each listed work order (at most 200) adopts a newer version of its policy; the answer says per ticket what happened.")
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415);

        foreach (var command in TicketCommands.All)
        {
            var endpoint = tickets.MapPost("/{id}/" + command.Route, (HttpContext http, string id, TicketService service, IOptions<AfterSalesHttpOptions> options) =>
                    Execute(http, id, service, options.Value, command))
                .WithName("Ticket" + command.Trigger)
                .WithSummary(command.Summary + " Honours If-Match (the ETag, i.e. the version): 412 when stale.")
                .WithDescription("The body may carry occurredAt: when the fact happened, if earlier than now. The event keeps both instants (at, recordedAt) and clocks count from occurredAt; "
                    + "it may not be in the future, before the ticket's previous fact, or older than the service's bound (400 naming occurredAt).")
                .IfMatch().ETag()
                .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
            endpoint.Accepts(command.Body, command.BodyOptional, "application/json").ProducesProblem(413).ProducesProblem(415);
        }
    }

    internal static string Location(HttpContext http, string id) =>
        $"{http.Request.PathBase}{http.GetEndpoint()?.Metadata.GetMetadata<AfterSalesGroupMarker>()?.Prefix}/tickets/{Uri.EscapeDataString(id)}";

    private static async Task<Results<Created<TicketResponse>, ProblemHttpResult>> Report(
        HttpContext http, TicketService service, AfterSalesOptions domainOptions, IOptions<AfterSalesHttpOptions> options)
    {
        var request = (await RequestBody.ReadAsync<ReportTicketRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TicketId id = default;
        ReportChannel channel = default;
        ServiceSite location = default;
        Try(errors, "id", () => id = request.Id is null ? TicketId.FromGuid(Guid.NewGuid()) : TicketId.From(request.Id));
        Try(errors, "channel", () => channel = Parse.Enum<ReportChannel>(request.Channel, "channel"));
        Try(errors, "site.locality", () => location = new ServiceSite(Parse.Enum<SiteLocality>(request.Site.Locality, "site.locality"), request.Site.DistanceKm), "site.distanceKm");
        var policyId = request.PolicyId ?? domainOptions.DefaultPolicyId;
        if (policyId is null)
        {
            errors["policyId"] = ["policyId is required: the service has no default SLA policy."];
        }

        if (errors.Count > 0)
        {
            throw RequestRejectedException.Validation(errors);
        }

        var report = new TicketReport
        {
            Id = id,
            TenantId = http.Tenant(),
            Reporter = new TicketReporter { Name = request.Reporter.Name, Organization = request.Reporter.Organization, Contact = request.Reporter.Contact },
            Channel = channel,
            Site = new TicketSite { Location = location, Name = request.Site.Name, Address = request.Site.Address },
            DeviceSerialNumber = request.DeviceSerialNumber,
            Symptom = request.Symptom,
            SeverityCode = request.SeverityCode,
            FaultOccurredAt = request.FaultOccurredAt,
        };
        var ticket = await service.ActingAs(RequestActor.Of(http.User)).ReportAsync(report, policyId!, request.PolicyVersion, http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(ticket.Version);
        return TypedResults.Created(Location(http, ticket.Id.Value), Response(http, ticket, options.Value));
    }

    private static void Try(Dictionary<string, string[]> errors, string field, Action parse, string? argumentField = null)
    {
        try
        {
            parse();
        }
        catch (RequestRejectedException ex) when (ex.Errors is not null)
        {
            foreach (var (key, value) in ex.Errors)
            {
                errors[key] = value;
            }
        }
        catch (ArgumentException ex)
        {
            errors[argumentField ?? field] = [ex.Message.Split(" (Parameter", 2)[0].Split('\n', 2)[0]];
        }
    }

    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> Get(HttpContext http, string id, TicketService service, IOptions<AfterSalesHttpOptions> options)
    {
        var ticket = await service.GetAsync(http.Tenant(), TicketIdOf(id), http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(ticket.Version);
        return TypedResults.Ok(Response(http, ticket, options.Value));
    }

    private static async Task<Results<Ok<TicketEventPageResponse>, ProblemHttpResult>> Events(HttpContext http, string id, TicketService service, IOptions<AfterSalesHttpOptions> options)
    {
        var q = http.Request.Query;
        var o = options.Value;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var after = 0;
        var limit = o.DefaultPageSize;
        Try(errors, "after", () => after = q.TryGetValue("after", out var v) ? Parse.Int(Single(v, "after"), "after", 0, int.MaxValue) : 0);
        Try(errors, "limit", () => limit = q.TryGetValue("limit", out var v) ? Parse.Int(Single(v, "limit"), "limit", 1, o.MaxPageSize) : o.DefaultPageSize);
        if (errors.Count > 0)
        {
            throw RequestRejectedException.Validation(errors);
        }

        var ticket = await service.GetAsync(http.Tenant(), TicketIdOf(id), http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(ticket.Version);
        var items = ticket.Events.Skip(Math.Min(after, ticket.Version)).Take(limit).Select(TicketEventResponse.From).ToArray();
        var last = items.Length == 0 ? after : items[^1].Version;
        var next = last < ticket.Version ? EventsLink(http, ticket.Id.Value, last, limit) : null;
        return TypedResults.Ok(new TicketEventPageResponse(ticket.Id.Value, ticket.Version, items, next));
    }

    private static TicketResponse Response(HttpContext http, Ticket ticket, AfterSalesHttpOptions options) =>
        TicketResponse.From(ticket, options.DefaultPageSize, EventsLink(http, ticket.Id.Value, 0, options.DefaultPageSize));

    private static string EventsLink(HttpContext http, string id, int after, int limit) =>
        FormattableString.Invariant($"{Location(http, id)}/events?after={after}&limit={limit}");

    private static async Task<Results<Ok<ClocksResponse>, ProblemHttpResult>> Clocks(HttpContext http, string id, TicketService service, IClock clock)
    {
        var query = http.Request.Query;
        var at = query.TryGetValue("at", out var atText) ? Parse.Instant(Single(atText, "at"), "at") : clock.GetCurrentInstant();
        var ticket = await service.GetAsync(http.Tenant(), TicketIdOf(id), http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(ticket.Version);
        var language = Languages.Answer(http, Languages.Requested(http) ?? ticket.Policy.Language);
        var clocks = ticket.Clocks(at, language);
        return TypedResults.Ok(new ClocksResponse(ticket.Id.Value, ticket.Version, at, [.. clocks.Select(ClockResponse.From)], [.. SlaOccurrenceSummary.Of(clocks).Select(OccurrenceSummaryResponse.From)]));
    }

    private static async Task<Results<Ok<TicketPageResponse>, ProblemHttpResult>> List(HttpContext http, TicketService service, IOptions<AfterSalesHttpOptions> options)
    {
        var q = http.Request.Query;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var o = options.Value;
        TicketState? state = null;
        Instant? dueBefore = null;
        var page = 1;
        var pageSize = o.DefaultPageSize;
        Try(errors, "state", () => state = q.TryGetValue("state", out var v) ? LeafState(Single(v, "state")) : null);
        Try(errors, "dueBefore", () => dueBefore = q.TryGetValue("dueBefore", out var v) ? Parse.Instant(Single(v, "dueBefore"), "dueBefore") : null);
        Try(errors, "page", () => page = q.TryGetValue("page", out var v) ? Parse.Int(Single(v, "page"), "page", 1, 1_000_000) : 1);
        Try(errors, "pageSize", () => pageSize = q.TryGetValue("pageSize", out var v) ? Parse.Int(Single(v, "pageSize"), "pageSize", 1, o.MaxPageSize) : o.DefaultPageSize);
        string? severity = null, site = null;
        Try(errors, "severity", () => severity = q.TryGetValue("severity", out var v) ? Single(v, "severity") : null);
        Try(errors, "site", () => site = q.TryGetValue("site", out var v) ? Single(v, "site") : null);
        if (errors.Count > 0)
        {
            throw RequestRejectedException.Validation(errors);
        }

        var query = new TicketQuery
        {
            State = state,
            SeverityCode = severity,
            SiteName = site,
            DueBefore = dueBefore,
            Offset = checked((page - 1) * pageSize),
            Limit = pageSize + 1,
        };
        var found = await service.ListAsync(http.Tenant(), query, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new TicketPageResponse(
            [.. found.Take(pageSize).Select(TicketSummaryResponse.From)], page, pageSize, found.Count > pageSize));
    }

    private static async Task<Results<Ok<TicketPageResponse>, ProblemHttpResult>> LegacyIssues(HttpContext http, TicketService service, IOptions<AfterSalesHttpOptions> options)
    {
        var (page, pageSize) = Paging.Read(http, options.Value);
        var found = await service.ListAsync(http.Tenant(), new TicketQuery
        {
            IsLegacyIssue = true,
            Offset = checked((page - 1) * pageSize),
            Limit = pageSize + 1,
        }, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new TicketPageResponse(
            [.. found.Take(pageSize).Select(TicketSummaryResponse.From)], page, pageSize, found.Count > pageSize));
    }

    private static TicketState LeafState(string value)
    {
        var state = Parse.Enum<TicketState>(value, "state");
        return SuperStates.Contains(state.ToString())
            ? throw RequestRejectedException.Validation("state", "state must be a leaf state, not the superstate " + state + ".")
            : state;
    }

    private static string Single(Microsoft.Extensions.Primitives.StringValues values, string field) =>
        values.Count == 1 && values[0] is { Length: > 0 and <= 200 } value
            ? value
            : throw RequestRejectedException.Validation(field, field + " must be given once, 1 to 200 characters.");

    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> Execute(
        HttpContext http, string id, TicketService service, AfterSalesHttpOptions options, TicketCommands.Command command)
    {
        var condition = Parse.IfMatch(http.Request.Headers.IfMatch);
        var input = command.Run is null ? await command.Build(http, options.MaxRequestBodySize).ConfigureAwait(false) : null;
        var ticketId = TicketIdOf(id);
        var expected = await ExpectedVersionAsync(http, service, ticketId, condition).ConfigureAwait(false);

        var acting = service.ActingAs(RequestActor.Of(http.User));
        var ticket = command.Run is { } run
            ? await run(http, acting, ticketId, expected, options.MaxRequestBodySize).ConfigureAwait(false)
            : await acting.ExecuteAsync(http.Tenant(), ticketId, expected, input!.Action, input.OccurredAt, http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(ticket.Version);
        return TypedResults.Ok(Response(http, ticket, options));
    }

    /// <summary>
    /// The version a command expects from its <c>If-Match</c> (<paramref name="condition"/>): none without the header
    /// or with <c>*</c>, the one strong version it names, or, when it names none or several, the stored version if it
    /// is among them (loaded, to tell 404 from 412); otherwise 412, saying what the header named.
    /// </summary>
    private static async Task<int?> ExpectedVersionAsync(HttpContext http, TicketService service, TicketId ticketId, IReadOnlySet<int>? condition)
    {
        if (condition is null || condition.Count == 1)
        {
            return condition?.First();
        }

        var current = await service.GetAsync(http.Tenant(), ticketId, http.RequestAborted).ConfigureAwait(false);
        if (Parse.Matches(condition, current.Version))
        {
            return current.Version;
        }

        var named = condition.Count == 0
            ? "If-Match names no strong entity tag of a version, such as \"3\"; a weak tag (W/\"3\") never matches (RFC 9110, section 13.1.1)."
            : $"If-Match names versions {string.Join(", ", condition.Order())}.";
        throw new RequestRejectedException(412, "The item changed since the version in If-Match.", $"{named} The stored version is {current.Version}; send its ETag.");
    }

    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> AdoptPolicy(HttpContext http, string id, TicketService service, IOptions<AfterSalesHttpOptions> options)
    {
        var condition = Parse.IfMatch(http.Request.Headers.IfMatch);
        var request = await RequestBody.ReadAsync<AdoptPolicyRequest>(http, options.Value.MaxRequestBodySize, optional: true).ConfigureAwait(false);
        var ticketId = TicketIdOf(id);
        var expected = await ExpectedVersionAsync(http, service, ticketId, condition).ConfigureAwait(false);

        var ticket = await Adopt(service.ActingAs(RequestActor.Of(http.User)), http.Tenant(), ticketId, request?.PolicyVersion, expected, http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(ticket.Version);
        return TypedResults.Ok(Response(http, ticket, options.Value));
    }

    private static async Task<Results<Ok<BulkAdoptPolicyResponse>, ProblemHttpResult>> AdoptPolicyInBulk(HttpContext http, TicketService service, IOptions<AfterSalesHttpOptions> options)
    {
        var request = (await RequestBody.ReadAsync<BulkAdoptPolicyRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        if (request.TicketIds.Count is 0 or > 200)
        {
            throw RequestRejectedException.Validation("ticketIds", "ticketIds must hold 1 to 200 ids.");
        }

        var adopted = new List<AdoptedTicketResponse>();
        var refused = new List<RefusedTicketResponse>();
        foreach (var id in request.TicketIds.Distinct(StringComparer.Ordinal))
        {
            try
            {
                var ticket = await Adopt(service.ActingAs(RequestActor.Of(http.User)), http.Tenant(), TicketIdOf(id), request.PolicyVersion, null, http.RequestAborted).ConfigureAwait(false);
                adopted.Add(new AdoptedTicketResponse(id, ticket.Version, ticket.PolicyKey));
            }
            catch (Exception ex) when (ex is AfterSalesException or RequestRejectedException)
            {
                var problem = ActivatorUtilities.CreateInstance<ProblemMappingFilter>(http.RequestServices).Map(ex, http);
                refused.Add(new RefusedTicketResponse(id, problem.Status ?? 500, problem.Detail ?? problem.Title ?? string.Empty));
            }
        }

        return TypedResults.Ok(new BulkAdoptPolicyResponse(adopted, refused));
    }

    private static async Task<Ticket> Adopt(TicketService service, string tenant, TicketId id, int? policyVersion, int? expected, CancellationToken cancellationToken)
    {
        try
        {
            return await service.AdoptPolicyAsync(tenant, id, policyVersion, expected, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex) when (ex.ParamName == "policy")
        {
            throw RequestRejectedException.Validation("policyVersion", ex.Message.Split(" (Parameter", 2)[0]);
        }
        catch (SlaPolicyNotFoundException ex)
        {
            throw RequestRejectedException.Validation("policyVersion", ex.Message);
        }
    }

    private static TicketId TicketIdOf(string id)
    {
        try
        {
            return TicketId.From(id);
        }
        catch (ArgumentException)
        {
            // An id that cannot exist is not found, like any other unknown id.
            throw new RequestRejectedException(404, "The work order was not found.", "No work order with this id exists for the tenant.");
        }
    }
}

/// <summary>Marks the adapter's endpoints and remembers the group's prefix.</summary>
internal sealed record AfterSalesGroupMarker(string Prefix);
