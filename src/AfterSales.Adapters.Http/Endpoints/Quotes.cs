using System.Globalization;
using AfterSales.Entitlements.Quotes;
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
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Endpoints;

/// <summary>
/// Quotes belong to a ticket and come from the tenant's stored tendered price lists (R-WAR-8): the
/// price lists as versioned documents (<c>/price-lists/{id}</c>), and a ticket's quotes
/// (<c>/tickets/{id}/quotes</c>), built by the service and kept in the ticket's events.
/// </summary>
internal static class Quotes
{
    public static void Map(RouteGroupBuilder tenantRoot)
    {
        var priceLists = tenantRoot.MapGroup("/price-lists").WithTags("Entitlements");
        priceLists.MapPut("/{id}", SavePriceList)
            .Accepts<PriceListRequest>("application/json")
            .WithName("SavePriceList")
            .WithSummary("Save a contract's tendered price list (投标报价单) as its next version; 201 for the first, 200 after. Honours If-Match (the latest version).")
            .WithDescription("Versions are kept: a quote records the id@version it was priced from. Without If-Match the list is saved over whatever version is latest.")
            .IfMatch().ETag()
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(412).ProducesProblem(413).ProducesProblem(415);
        priceLists.MapGet("/{id}", GetPriceList)
            .WithName("GetPriceList").WithSummary("A tendered price list, its latest version or ?version=<n>; ETag is the version.")
            .Query("version", ApiValue.Integer(1, int.MaxValue), "The version; the latest when omitted.")
            .ETag().ProducesProblem(400).ProducesProblem(404);
        priceLists.MapGet("/", ListPriceLists)
            .WithName("ListPriceLists").WithSummary("The latest version of each of the tenant's tendered price lists.");

        var tickets = tenantRoot.MapGroup("/tickets").WithTags("Tickets");
        tickets.MapPost("/{id}/quotes", Create)
            .AddEndpointFilter<IdempotencyFilter>()
            .Accepts<QuoteRequest>("application/json")
            .WithName("CreateQuote")
            .WithSummary("Quote paid work on the ticket from the tendered price list and submit it (报价, R-WAR-8) → 201 with the quote; the ticket's ETag. Honours If-Match and Idempotency-Key.")
            .WithDescription("Each part line is priced at most at its tendered price (the tendered price when unitPrice is omitted); a line above it, or a part not on the list, "
                + "is refused with 400 naming the line (lines[i].unitPrice or lines[i].partNumber) and the cap. The total is computed from the lines.")
            .IfMatch().IdempotencyKey().ETag(StatusCodes.Status201Created).Location()
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(413).ProducesProblem(415);
        tickets.MapGet("/{id}/quotes", List)
            .WithName("ListTicketQuotes").WithSummary("The ticket's quotes, oldest first; the last is the current one.").ETag().ProducesProblem(404);
        tickets.MapGet("/{id}/quotes/{quoteId}", Get)
            .WithName("GetTicketQuote").WithSummary("One of the ticket's quotes.").ETag().ProducesProblem(404);
    }

    /// <summary>The <c>submit-quote</c> command: the same as <c>POST /tickets/{id}/quotes</c>, answered with the ticket.</summary>
    public static async Task<Ticket> SubmitAsync(HttpContext http, TicketService service, TicketId id, int? expected, long limit)
    {
        var request = (await RequestBody.ReadAsync<QuoteRequest>(http, limit).ConfigureAwait(false))!;
        return await service.SubmitQuoteAsync(http.Tenant(), id, Draft(request), expected, request.OccurredAt, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<Results<Created<QuoteResponse>, ProblemHttpResult>> Create(
        HttpContext http, string id, TicketService service, IOptions<AfterSalesHttpOptions> options)
    {
        var condition = Parse.IfMatch(http.Request.Headers.IfMatch);
        var ticketId = TicketIdOf(id);
        int? expected = condition is null ? null : condition.Count == 1 ? condition.First() : null;
        if (condition is { Count: not 1 })
        {
            var current = await service.GetAsync(http.Tenant(), ticketId, http.RequestAborted).ConfigureAwait(false);
            expected = Parse.Matches(condition, current.Version)
                ? current.Version
                : throw new ConcurrencyConflictException(ticketId, condition.Count == 0 ? 0 : condition.Min(), current.Version);
        }

        var ticket = await SubmitAsync(http, service.ActingAs(Identity.RequestActor.Of(http.User)), ticketId, expected, options.Value.MaxRequestBodySize).ConfigureAwait(false);
        var quote = ticket.Quote!;
        http.Response.Headers.ETag = Parse.ETag(ticket.Version);
        return TypedResults.Created($"{TicketEndpoints.Location(http, ticket.Id.Value)}/quotes/{Uri.EscapeDataString(quote.QuoteId)}", QuoteResponse.From(ticket, quote));
    }

    private static async Task<Results<Ok<QuoteResponse[]>, ProblemHttpResult>> List(HttpContext http, string id, TicketService service)
    {
        var ticket = await service.GetAsync(http.Tenant(), TicketIdOf(id), http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(ticket.Version);
        return TypedResults.Ok(ticket.Quotes.Select(q => QuoteResponse.From(ticket, q)).ToArray());
    }

    private static async Task<Results<Ok<QuoteResponse>, ProblemHttpResult>> Get(HttpContext http, string id, string quoteId, TicketService service)
    {
        var ticket = await service.GetAsync(http.Tenant(), TicketIdOf(id), http.RequestAborted).ConfigureAwait(false);
        var quote = ticket.Quotes.FirstOrDefault(q => string.Equals(q.QuoteId, quoteId, StringComparison.Ordinal))
            ?? throw new RequestRejectedException(404, "The quote was not found.", "The work order has no quote with this id.");
        http.Response.Headers.ETag = Parse.ETag(ticket.Version);
        return TypedResults.Ok(QuoteResponse.From(ticket, quote));
    }

    private static async Task<Results<Ok<PriceListResponse>, Created<PriceListResponse>, ProblemHttpResult>> SavePriceList(
        HttpContext http, string id, IPriceListCatalog catalog, IOptions<AfterSalesHttpOptions> options)
    {
        if (Identifier.Problem(id) is { } problem)
        {
            throw RequestRejectedException.Validation("id", $"id {problem}.");
        }

        var condition = Parse.IfMatch(http.Request.Headers.IfMatch);
        var r = (await RequestBody.ReadAsync<PriceListRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        var list = Build(r).WithId(id);
        int? expected = null;
        if (condition is not null)
        {
            var latest = (await catalog.FindAsync(http.Tenant(), id, null, http.RequestAborted).ConfigureAwait(false))?.Version ?? 0;
            expected = Parse.Matches(condition, latest)
                ? latest
                : throw new ConcurrencyConflictException("price list", id, condition.Count == 0 ? 0 : condition.Min(), latest);
        }

        var saved = await catalog.SaveAsync(http.Tenant(), list, expected, http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(saved.Version);
        var response = PriceListResponse.From(saved);
        return saved.Version == 1
            ? TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}", response)
            : TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<PriceListResponse>, ProblemHttpResult>> GetPriceList(HttpContext http, string id, IPriceListCatalog catalog)
    {
        int? version = http.Request.Query.TryGetValue("version", out var v)
            ? Parse.Int(v.Count == 1 ? v[0]! : string.Empty, "version", 1, int.MaxValue)
            : null;
        var list = (Identifier.IsValid(id) ? await catalog.FindAsync(http.Tenant(), id, version, http.RequestAborted).ConfigureAwait(false) : null)
            ?? throw new RequestRejectedException(404, "The price list was not found.", "The tenant has no price list with this id (and version).");
        http.Response.Headers.ETag = Parse.ETag(list.Version);
        return TypedResults.Ok(PriceListResponse.From(list));
    }

    private static async Task<Ok<PriceListResponse[]>> ListPriceLists(HttpContext http, IPriceListCatalog catalog) =>
        TypedResults.Ok((await catalog.ListAsync(http.Tenant(), http.RequestAborted).ConfigureAwait(false)).Select(PriceListResponse.From).ToArray());

    private static TenderedPriceList Build(PriceListRequest r)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var currency = r.Currency ?? Money.DefaultCurrency;
        if (currency.Length != 3 || !currency.All(static c => c is >= 'A' and <= 'Z'))
        {
            errors["currency"] = ["currency must be an ISO 4217 code of three upper-case letters, e.g. CNY."];
        }

        if (r.Parts.Count is 0 or > 10_000)
        {
            errors["parts"] = ["parts must hold 1 to 10000 parts."];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(r.Parts.Count, 10_000); i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"parts[{i}]");
            var part = r.Parts[i];
            if (part is null)
            {
                errors[field] = [field + " must not be null."];
                continue;
            }

            if (Identifier.Problem(part.PartNumber) is { } problem)
            {
                errors[field + ".partNumber"] = [$"{field}.partNumber {problem}."];
            }
            else if (!seen.Add(part.PartNumber))
            {
                errors[field + ".partNumber"] = [$"{field}.partNumber '{part.PartNumber}' is listed twice."];
            }

            if (part.MaxUnitPrice < 0m || part.MaxUnitPrice > 100_000_000m)
            {
                errors[field + ".maxUnitPrice"] = [$"{field}.maxUnitPrice must be 0 to 100000000."];
            }
        }

        if (errors.Count > 0)
        {
            throw RequestRejectedException.Validation(errors);
        }

        return TenderedPriceList.From(r.Parts.Select(p => KeyValuePair.Create(p.PartNumber, Money.Of(p.MaxUnitPrice, currency))), currency);
    }

    private static TicketQuoteDraft Draft(QuoteRequest r)
    {
        if (r.Lines.Count is 0 or > 100)
        {
            throw RequestRejectedException.Validation("lines", "lines must hold 1 to 100 lines.");
        }

        var lines = new QuoteLineDraft[r.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"lines[{i}]");
            var line = r.Lines[i] ?? throw RequestRejectedException.Validation(field, field + " must not be null.");
            var kind = Parse.Enum<QuoteLineKind>(line.Kind, field + ".kind");
            if (kind == QuoteLineKind.SoftwareUpgrade)
            {
                throw RequestRejectedException.Validation(field + ".kind", field + ".kind must be Part, PhoneSupport, OnSiteVisit, Travel, Labour or Tools.");
            }

            lines[i] = new QuoteLineDraft { Kind = kind, PartNumber = line.PartNumber, Description = line.Description, Quantity = line.Quantity ?? 1, UnitPrice = line.UnitPrice };
        }

        return new TicketQuoteDraft
        {
            QuoteId = r.Id,
            PriceListId = r.PriceListId,
            PriceListVersion = r.PriceListVersion,
            IssuedOn = r.IssuedOn,
            Lines = lines,
        };
    }

    private static TicketId TicketIdOf(string id) =>
        Identifier.IsValid(id)
            ? TicketId.From(id)
            : throw new RequestRejectedException(404, "The work order was not found.", "No work order with this id exists for the tenant.");
}
