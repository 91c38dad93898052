using System.Globalization;
using System.Text.Json;
using AfterSales.Calendars;
using AfterSales.Documents;
using AfterSales.Documents.Calendars;
using AfterSales.Http.Contracts;
using AfterSales.Http.Errors;
using AfterSales.Http.Internal;
using AfterSales.Http.Tenancy;
using AfterSales.WorkOrders;
using CalendarDefinition = AfterSales.Calendars.CalendarDefinition;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Endpoints;

/// <summary>
/// The tenant's business calendars as documents (<c>calendar.schema.json</c>): list, read, replace
/// (a new version), load one year's holidays (a new version). Each save records that open tickets
/// must adopt the new version, which a background recompute does.
/// </summary>
internal static class CalendarEndpoints
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static void Map(RouteGroupBuilder tenantScoped)
    {
        var calendars = tenantScoped.MapGroup("/calendars").WithTags("Calendars");
        calendars.MapGet("/", List)
            .WithName("ListCalendars").WithSummary("The calendars the tenant sees, latest version of each (the shared presets and the tenant's own).");

        calendars.MapGet("/schema", static () => TypedResults.Text(CalendarDocuments.SchemaText, "application/schema+json; charset=utf-8"))
            .WithName("GetCalendarSchema").WithSummary("The JSON Schema (draft 2020-12) of calendar documents.");

        calendars.MapGet("/{id}", Get)
            .WithName("GetCalendar").WithSummary("A calendar document, the latest version or ?version=n; ETag is its version.")
            .Produces<CalendarDocument>(200).ProducesProblem(400).ProducesProblem(404);

        calendars.MapPut("/{id}", Put)
            .Accepts<CalendarDocument>("application/json")
            .WithName("PutCalendar")
            .WithSummary("Replace a calendar with a whole document: saved as the tenant's next version; open tickets adopt it in the background. Honours If-Match.")
            .Produces<CalendarDocument>(200).ProducesProblem(400).ProducesProblem(409).ProducesProblem(412).ProducesProblem(413).ProducesProblem(415);

        calendars.MapPut("/{id}/years/{year}", PutYear)
            .Accepts<HolidayYearDocument>("application/json")
            .WithName("PutCalendarYear")
            .WithSummary("Load one year's holidays and make-up workdays (what the State Council notice gives each November): the tenant's next version; open tickets adopt it in the background and lose the provisional flag. Honours If-Match.")
            .Produces<CalendarDocument>(200).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(413).ProducesProblem(415);

        calendars.MapGet("/{id}/versions/{version}/adoption", Adoption)
            .WithName("GetCalendarAdoption").WithSummary("How far the tenant's open tickets got adopting a saved version (the recompute after a PUT).")
            .ProducesProblem(404);
    }

    private static async Task<Ok<CalendarSummaryResponse[]>> List(HttpContext http, ICalendarCatalog catalog, AfterSalesOptions options)
    {
        var shared = options.Calendars.Select(static c => c.Key).ToHashSet(StringComparer.Ordinal);
        var all = await catalog.ListAsync(http.Tenant(), http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(all.Select(c => new CalendarSummaryResponse(
            c.Id, c.Version, c.Key, c.Name, c.Zone.Id, [.. c.Years.Select(static y => y.Year)], shared.Contains(c.Key))).ToArray());
    }

    private static async Task<IResult> Get(HttpContext http, string id, ICalendarCatalog catalog)
    {
        int? version = http.Request.Query.TryGetValue("version", out var v)
            ? Parse.Int(v.Count == 1 ? v[0]! : string.Empty, "version", 1, int.MaxValue)
            : null;
        var definition = await catalog.FindAsync(http.Tenant(), id, version, http.RequestAborted).ConfigureAwait(false) ?? throw NotFound(id);
        return Document(http, definition);
    }

    private static async Task<IResult> Put(HttpContext http, string id, ICalendarCatalog catalog, Background.CalendarAdoptionSignal signal, IOptions<AfterSalesHttpOptions> options)
    {
        var expected = ExpectedVersion(http);
        using var body = await ReadJsonAsync(http, options.Value).ConfigureAwait(false);
        var read = CalendarDocuments.ReadDefinition(body.RootElement);
        var errors = read.Success ? new Dictionary<string, string[]>(StringComparer.Ordinal) : read.ErrorsByPath();
        if (read.Success && !string.Equals(read.Value.Id, id, StringComparison.Ordinal))
        {
            errors["$.id"] = [$"id is '{read.Value.Id}' but the address names '{id}'; they must be equal."];
        }

        if (errors.Count > 0)
        {
            throw RequestRejectedException.Validation(errors);
        }

        var saved = await catalog.SaveAsync(http.Tenant(), read.Value, expected, http.RequestAborted).ConfigureAwait(false);
        signal.Signal();
        return Saved(http, saved);
    }

    private static async Task<IResult> PutYear(HttpContext http, string id, string year, ICalendarCatalog catalog, Background.CalendarAdoptionSignal signal, IOptions<AfterSalesHttpOptions> options)
    {
        var expected = ExpectedVersion(http);
        var number = Parse.Int(year, "year", 1900, 2099);
        var tenant = http.Tenant();
        using var body = await ReadJsonAsync(http, options.Value).ConfigureAwait(false);
        var current = await catalog.FindAsync(tenant, id, null, http.RequestAborted).ConfigureAwait(false) ?? throw NotFound(id);
        var read = CalendarDocuments.ReadYear(body.RootElement, number);
        if (!read.Success)
        {
            throw RequestRejectedException.Validation(read.ErrorsByPath());
        }

        var next = current.WithYear(read.Value);
        var saved = await catalog.SaveAsync(tenant, next, expected ?? current.Version, http.RequestAborted).ConfigureAwait(false);
        signal.Signal();
        return Saved(http, saved);
    }

    private static async Task<Results<Ok<CalendarAdoptionResponse>, ProblemHttpResult>> Adoption(HttpContext http, string id, string version, ICalendarAdoptions adoptions)
    {
        var number = Parse.Int(version, "version", 1, int.MaxValue);
        var progress = await adoptions.FindProgressAsync(http.Tenant(), id, number, http.RequestAborted).ConfigureAwait(false)
            ?? throw new RequestRejectedException(404, "The calendar version was not found.", $"The tenant saved no version {number} of calendar '{id}'.");
        return TypedResults.Ok(ToResponse(progress));
    }

    internal static CalendarAdoptionResponse ToResponse(CalendarAdoptionProgress p) =>
        new(p.CalendarId, p.Version, p.Key, p.CompletedAt is null ? "Running" : "Completed", p.SavedAt, p.Adopted, p.Cursor, p.CompletedAt);

    private static int? ExpectedVersion(HttpContext http) => DocumentRequests.ExpectedVersion(http, "calendar");

    private static Task<JsonDocument> ReadJsonAsync(HttpContext http, AfterSalesHttpOptions options) => DocumentRequests.ReadJsonAsync(http, options);

    private static ContentHttpResult Document(HttpContext http, CalendarDefinition definition)
    {
        http.Response.Headers.ETag = Parse.ETag(definition.Version);
        return TypedResults.Text(CalendarDocuments.Write(definition), JsonContentType);
    }

    private static ContentHttpResult Saved(HttpContext http, CalendarDefinition saved)
    {
        var prefix = $"{http.Request.PathBase}{http.GetEndpoint()?.Metadata.GetMetadata<AfterSalesGroupMarker>()?.Prefix}";
        http.Response.Headers.Link = string.Create(CultureInfo.InvariantCulture, $"<{prefix}/calendars/{Uri.EscapeDataString(saved.Id)}/versions/{saved.Version}/adoption>; rel=\"monitor\"");
        return Document(http, saved);
    }

    private static RequestRejectedException NotFound(string id) =>
        new(404, "The calendar was not found.", $"The tenant sees no calendar '{id}'.");
}
