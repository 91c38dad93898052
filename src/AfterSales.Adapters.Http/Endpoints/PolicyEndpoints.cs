using System.Text.Json;
using AfterSales.Calendars;
using AfterSales.Documents;
using AfterSales.Documents.Policies;
using AfterSales.Http.Contracts;
using AfterSales.Http.Errors;
using AfterSales.Http.Identity;
using AfterSales.Http.Internal;
using AfterSales.Http.Tenancy;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Endpoints;

/// <summary>
/// The tenant's SLA policies as documents (<c>sla-policy.schema.json</c>): list, read, replace (a new
/// version), validate (a dry run with the errors a PUT would get). Tickets keep the version they were
/// opened under; <c>POST /tickets/{id}/adopt-policy</c> moves one explicitly.
/// </summary>
internal static class PolicyEndpoints
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static void Map(RouteGroupBuilder group, RouteGroupBuilder tenantScoped)
    {
        group.MapGet("/policies", List)
            .WithTags("Policies")
            .WithName("ListPolicies").WithSummary("The SLA policies the tenant sees, latest version of each (the shared presets and the tenant's own); without a tenant, every shared version.");

        var policies = tenantScoped.MapGroup("/policies").WithTags("Policies");
        policies.MapGet("/schema", static () => TypedResults.Text(PolicyDocuments.SchemaText, "application/schema+json; charset=utf-8"))
            .WithName("GetPolicySchema").WithSummary("The JSON Schema (draft 2020-12) of SLA policy documents.");

        policies.MapPost("/validate", Validate)
            .Accepts<PolicyDocument>("application/json")
            .WithName("ValidatePolicy")
            .WithSummary("A dry run of PUT: 200 for a valid document, 400 with every error by JSON path (the same errors a PUT gets). Nothing is saved.")
            .Produces<PolicyValidationResponse>(200).ProducesProblem(400).ProducesProblem(413).ProducesProblem(415);

        policies.MapGet("/{id}", Get)
            .WithName("GetPolicy").WithSummary("A policy document, the latest version or ?version=n; ETag is its version. PUT accepts it unchanged.")
            .Produces<PolicyDocument>(200).ProducesProblem(400).ProducesProblem(404);

        policies.MapPut("/{id}", Put)
            .Accepts<PolicyDocument>("application/json")
            .WithName("PutPolicy")
            .WithSummary("Replace a policy with a whole document: saved as the tenant's next version; open tickets keep theirs until adopt-policy. Honours If-Match.")
            .Produces<PolicyDocument>(200).ProducesProblem(400).ProducesProblem(409).ProducesProblem(412).ProducesProblem(413).ProducesProblem(415);
    }

    private static async Task<Ok<PolicyResponse[]>> List(
        HttpContext http, ISlaPolicyCatalog catalog, AfterSalesOptions options, ITenantResolver tenants, IOptions<AfterSalesIdentityOptions> identity)
    {
        var shared = options.Policies.Select(static p => p.Key).ToHashSet(StringComparer.Ordinal);

        // The tenant as every endpoint reads it: the user's claim, or the trusted header of a request without credentials.
        var tenant = await TenantFilter.CandidateAsync(http, tenants, identity.Value).ConfigureAwait(false);
        var all = tenant is { Length: > 0 and <= TenantFilter.MaxLength }
            ? await catalog.ListAsync(tenant, http.RequestAborted).ConfigureAwait(false)
            : [.. options.Policies.Distinct()];
        return TypedResults.Ok(all.Select(p => ToResponse(p, shared.Contains(p.Key))).ToArray());
    }

    private static async Task<IResult> Get(HttpContext http, string id, ISlaPolicyCatalog catalog)
    {
        int? version = http.Request.Query.TryGetValue("version", out var v)
            ? Parse.Int(v.Count == 1 ? v[0]! : string.Empty, "version", 1, int.MaxValue)
            : null;
        var policy = await catalog.FindAsync(http.Tenant(), id, version, http.RequestAborted).ConfigureAwait(false)
            ?? throw new RequestRejectedException(404, "The SLA policy was not found.", $"The tenant sees no SLA policy '{id}'{(version is { } n ? $" version {n}" : string.Empty)}.");
        return Document(http, policy);
    }

    private static async Task<IResult> Put(HttpContext http, string id, ISlaPolicyCatalog catalog, ICalendarCatalog calendars, IOptions<AfterSalesHttpOptions> options)
    {
        var expected = DocumentRequests.ExpectedVersion(http, "SLA policy");
        var policy = await ReadAsync(http, calendars, options.Value, id).ConfigureAwait(false);
        var saved = await catalog.SaveAsync(http.Tenant(), policy, expected, http.RequestAborted).ConfigureAwait(false);
        return Document(http, saved);
    }

    private static async Task<Ok<PolicyValidationResponse>> Validate(HttpContext http, ICalendarCatalog calendars, IOptions<AfterSalesHttpOptions> options)
    {
        var policy = await ReadAsync(http, calendars, options.Value, id: null).ConfigureAwait(false);
        return TypedResults.Ok(new PolicyValidationResponse(
            true, policy.Id, policy.Name, policy.Targets.Count, [.. policy.Targets.Select(static t => t.Calendar.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]));
    }

    /// <summary>Schema, then the domain's checks with the tenant's calendars; every error by JSON path as one 400.</summary>
    private static async Task<SlaPolicy> ReadAsync(HttpContext http, ICalendarCatalog calendars, AfterSalesHttpOptions options, string? id)
    {
        using var body = await DocumentRequests.ReadJsonAsync(http, options).ConfigureAwait(false);
        var read = PolicyDocuments.Read(body.RootElement);
        if (!read.Success)
        {
            throw RequestRejectedException.Validation(read.ErrorsByPath());
        }

        var tenant = http.Tenant();
        var bound = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
        foreach (var calendarId in PolicyDocuments.CalendarIds(read.Value))
        {
            if (await calendars.FindAsync(tenant, calendarId, null, http.RequestAborted).ConfigureAwait(false) is { } definition)
            {
                bound[calendarId] = definition.Calendar;
            }
        }

        var built = PolicyDocuments.ToPolicy(read.Value, bound.GetValueOrDefault);
        var errors = built.Success ? new Dictionary<string, string[]>(StringComparer.Ordinal) : built.ErrorsByPath();
        if (id is not null && !string.Equals(read.Value.Id, id, StringComparison.Ordinal))
        {
            errors["$.id"] = [$"id is '{read.Value.Id}' but the address names '{id}'; they must be equal."];
        }

        return errors.Count > 0 ? throw RequestRejectedException.Validation(errors) : built.Value;
    }

    private static ContentHttpResult Document(HttpContext http, SlaPolicy policy)
    {
        http.Response.Headers.ETag = Parse.ETag(policy.Version);
        return TypedResults.Text(PolicyDocuments.Write(policy), JsonContentType);
    }

    private static PolicyResponse ToResponse(SlaPolicy p, bool shared) => new(
        p.Id, p.Version, p.Key, p.Name, p.SeverityScale.Code,
        [.. p.SeverityScale.Levels.Select(static l => new SeverityLevelResponse(l.Code, l.Rank, l.NameZh, l.NameEn, l.Description))],
        p.ObservationPeriod,
        [.. p.Targets.Select(static t => new TargetResponse(t.Metric.Code, t.Amount.ToString(), t.SeverityCodes, t.Calendar.Name, t.StartAnchor.ToString(), t.WarningPercents, t.Description))],
        shared);
}
