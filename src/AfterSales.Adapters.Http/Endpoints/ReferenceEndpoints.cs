using System.Globalization;
using AfterSales.Calendars;
using AfterSales.Http.Contracts;
using AfterSales.Http.Errors;
using AfterSales.Http.Identity;
using AfterSales.Http.Internal;
using AfterSales.Http.Tenancy;
using AfterSales.Http.OpenApi;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using CalendarDefinition = AfterSales.Calendars.CalendarDefinition;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Endpoints;

/// <summary>Endpoints that need no tenant: ping, the workflow and the business-time calculator (which reads the tenant's calendars when the request names a tenant).</summary>
internal static class ReferenceEndpoints
{
    public static void Map(RouteGroupBuilder root)
    {
        var group = root.MapGroup(string.Empty).WithTags("Reference");
        group.MapGet("/ping", static () => TypedResults.Ok(new PingResponse("ok")))
            .WithName("Ping").WithSummary("Liveness: a trivial JSON answer.");

        group.MapGet("/workflow", static (HttpContext http, IOptions<AfterSalesHttpOptions> options) => WantsHtml(http)
                ? TypedResults.Text(WorkflowPage.Render(TicketWorkflow.ToMarkdown(), options.Value.MermaidScriptUrl), "text/html; charset=utf-8")
                : TypedResults.Text(TicketWorkflow.ToMarkdown(), "text/markdown; charset=utf-8"))
            .WithName("GetWorkflow").WithSummary("The ticket workflow: Markdown with a Mermaid state diagram, or a web page that draws it (Accept: text/html or ?format=html).")
            .Query("format", ApiValue.OneOf("markdown", "html"), "The representation, instead of the Accept header: markdown (the default) or html.")
            .Produces<string>(200, "text/markdown", "text/html")
            .ProducesProblem(400);

        group.MapPost("/business-time", BusinessTime)
            .Accepts<BusinessTimeRequest>("application/json")
            .WithName("AddBusinessTime")
            .WithSummary("The due instant of start + amount on a calendar (preset or definition), with an explanation.")
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);
    }

    private static bool WantsHtml(HttpContext http)
    {
        if (http.Request.Query.TryGetValue("format", out var format))
        {
            return format.Count == 1 && format[0] is "html" or "markdown"
                ? format[0] == "html"
                : throw RequestRejectedException.Validation("format", "format must be markdown or html.");
        }

        // A browser asks for text/html first; an API client asks for Markdown or anything.
        return http.Request.GetTypedHeaders().Accept.FirstOrDefault() is { } first
            && first.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<Results<Ok<BusinessTimeResponse>, ProblemHttpResult>> BusinessTime(
        HttpContext http, IOptions<AfterSalesHttpOptions> options, ICalendarCatalog catalog, AfterSalesOptions domainOptions, ITenantResolver tenants, IOptions<AfterSalesIdentityOptions> identity)
    {
        var request = (await RequestBody.ReadAsync<BusinessTimeRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        var calendar = request.Calendar is { } id && request.Definition is null
            ? await CatalogCalendar(http, id, catalog, domainOptions, tenants, identity.Value).ConfigureAwait(false)
            : CalendarOf(request);
        if ((request.BusinessTime is null) == (request.WorkingDays is null))
        {
            throw RequestRejectedException.Validation("businessTime", "Give exactly one of businessTime and workingDays.");
        }

        Instant due;
        if (request.BusinessTime is { } amount)
        {
            if (amount < Duration.Zero || amount > Duration.FromDays(3660))
            {
                throw RequestRejectedException.Validation("businessTime", "businessTime must be from PT0S to P3660D.");
            }

            due = calendar.Add(request.Start, amount);
        }
        else
        {
            var days = request.WorkingDays!.Value;
            if (days is < 0 or > 2000)
            {
                throw RequestRejectedException.Validation("workingDays", "workingDays must be from 0 to 2000.");
            }

            due = calendar.AddWorkingDays(request.Start, days);
        }

        var explanation = new List<string>
        {
            request.BusinessTime is { } added
                ? $"Adding {Json.DurationJsonConverter.Format(added)} of business time."
                : string.Create(CultureInfo.InvariantCulture, $"Adding {request.WorkingDays} working day(s)."),
        };
        explanation.AddRange(calendar.Explain(request.Start, due, Languages.Answer(http, Languages.Requested(http) ?? ExplanationLanguage.English)));
        var provisional = calendar.UncoveredYearsBetween(request.Start, due).Count > 0;
        return TypedResults.Ok(new BusinessTimeResponse(calendar.Name, request.Start, due, explanation, calendar.Key, provisional));
    }

    /// <summary>The latest version of a catalog calendar: the tenant's when the request names one, else the shared set's.</summary>
    private static async Task<BusinessCalendar> CatalogCalendar(HttpContext http, string id, ICalendarCatalog catalog, AfterSalesOptions options, ITenantResolver tenants, AfterSalesIdentityOptions identity)
    {
        var tenant = await TenantFilter.CandidateAsync(http, tenants, identity).ConfigureAwait(false);
        var definition = tenant is { Length: > 0 and <= TenantFilter.MaxLength }
            ? await catalog.FindAsync(tenant, id, null, http.RequestAborted).ConfigureAwait(false)
            : new SharedCalendars(options.Calendars).Latest(id);
        return definition?.Calendar ?? throw RequestRejectedException.Validation(
            "calendar", $"calendar must be the id of a calendar of the catalog, such as {string.Join(", ", options.Calendars.Select(static c => c.Id).Distinct())}; '{id}' is not one.");
    }

    private static BusinessCalendar CalendarOf(BusinessTimeRequest request)
    {
        if ((request.Calendar is null) == (request.Definition is null))
        {
            throw RequestRejectedException.Validation("calendar", "Give exactly one of calendar (the id of a catalog calendar, e.g. cn-statutory-9-18) and definition.");
        }

        var d = request.Definition!;
        if (d.WeeklyHours.Count is 0 or > 70)
        {
            throw RequestRejectedException.Validation("definition.weeklyHours", "definition.weeklyHours must hold 1 to 70 entries.");
        }

        if (d.Holidays is { Count: > 2000 })
        {
            throw RequestRejectedException.Validation("definition.holidays", "definition.holidays must hold at most 2000 dates.");
        }

        // Every entry of a day counts: the day's ranges are collected, then checked together by the
        // domain's definition (overlaps are errors), whose paths map back to the entries.
        var name = string.IsNullOrWhiteSpace(d.Name) ? "custom" : d.Name.Length > 100 ? d.Name[..100] : d.Name;
        var check = CalendarDefinition.CreateBuilder("custom", name, d.Zone.Id);
        var entries = new Dictionary<string, int>(StringComparer.Ordinal);
        var perDay = new Dictionary<IsoDayOfWeek, List<WorkingHours>>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < d.WeeklyHours.Count; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"definition.weeklyHours[{i}]");
            var entry = d.WeeklyHours[i] ?? throw RequestRejectedException.Validation(field, field + " must not be null.");
            var day = Parse.Enum<IsoDayOfWeek>(entry.Day, field + ".day");
            if (day == IsoDayOfWeek.None)
            {
                throw RequestRejectedException.Validation(field + ".day", field + ".day must be Monday … Sunday.");
            }

            WorkingHours range;
            try
            {
                range = entry.End == LocalTime.Midnight ? WorkingHours.ToEndOfDay(entry.Start) : WorkingHours.Between(entry.Start, entry.End);
            }
            catch (ArgumentException ex)
            {
                errors[field] = [ex.Message.Split(" (Parameter", 2)[0]];
                continue;
            }

            if (!perDay.TryGetValue(day, out var ranges))
            {
                perDay[day] = ranges = [];
            }

            entries[string.Create(CultureInfo.InvariantCulture, $"weeklyHours.{CalendarDefinitionBuilder.DayName(day)}[{ranges.Count}]")] = i;
            ranges.Add(range);
            check.WithHours(day, range);
        }

        try
        {
            _ = check.Build();
        }
        catch (InvalidDefinitionException ex)
        {
            foreach (var issue in ex.Issues)
            {
                var field = entries.TryGetValue(issue.Path, out var index)
                    ? string.Create(CultureInfo.InvariantCulture, $"definition.weeklyHours[{index}]")
                    : "definition." + issue.Path;
                errors[field] = [issue.Message];
            }
        }

        if (errors.Count > 0)
        {
            throw RequestRejectedException.Validation(errors);
        }

        var builder = BusinessCalendar.CreateBuilder(name, d.Zone);
        foreach (var (day, ranges) in perDay)
        {
            builder.WithHours(day, [.. ranges]);
        }

        try
        {
            return builder.WithSpecialDays((d.Holidays ?? []).Distinct().Select(CalendarDay.Holiday)).Build();
        }
        catch (ArgumentException ex)
        {
            throw RequestRejectedException.Validation("definition.holidays", ex.Message.Split(" (Parameter", 2)[0]);
        }
    }
}
