using System.Text.Json;
using AfterSales.Documents.Quality;
using AfterSales.Http.Errors;
using AfterSales.Http.Internal;
using AfterSales.Http.OpenApi;
using AfterSales.Http.Tenancy;
using AfterSales.Quality.Terms;
using AfterSales.WorkOrders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Endpoints;

/// <summary>
/// The tenant's quality terms as a versioned document (质量考核条款, <see cref="IQualityTermsCatalog"/>,
/// <c>quality-terms.schema.json</c>): penalties and bonus rules, the report's targets, the service
/// credits per contract. Each <c>PUT</c> adopts the next version from now; figures use the version in
/// force at their instant. Documents are validated against the schema first, then by the domain;
/// errors come back by JSON path.
/// </summary>
internal static class QualityTermsEndpoints
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static void Map(RouteGroupBuilder tenantRoot)
    {
        var tenantScoped = tenantRoot.MapGroup(string.Empty).WithTags("Quality");
        tenantScoped.MapGet("/quality-terms", Latest)
            .WithName("GetQualityTerms")
            .WithSummary("The tenant's latest quality terms (version 0: the defaults, seed 000's penalties and seed 001's targets, until it adopts its own); ETag is the version once one is adopted.")
            .Produces<QualityTermsDocument>(200, "application/json")
            .ETag();

        tenantScoped.MapGet("/quality-terms/schema", static () => TypedResults.Text(QualityTermsDocuments.SchemaText, "application/schema+json; charset=utf-8"))
            .WithName("GetQualityTermsSchema").WithSummary("The JSON Schema (draft 2020-12) of quality terms documents.");

        tenantScoped.MapGet("/quality-terms/versions/{version}", Version)
            .WithName("GetQualityTermsVersion").WithSummary("One adopted version of the quality terms.")
            .Produces<QualityTermsDocument>(200, "application/json")
            .ProducesProblem(400).ProducesProblem(404);

        tenantScoped.MapPut("/quality-terms", Adopt)
            .IfMatch().ETag()
            .Accepts<QualityTermsDocument>("application/json")
            .Produces<QualityTermsDocument>(200, "application/json")
            .WithName("AdoptQualityTerms")
            .WithSummary("Adopt new quality terms, in force from now: penalties (fine, dismissal count and window, bonus rule, pay per service), targets, service credits per contract → the new version. Honours If-Match (the version it replaces; 412 when stale). Errors by JSON path ($.penalties.dismissalWindow).")
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(412).ProducesProblem(413).ProducesProblem(415);
    }

    private static async Task<ContentHttpResult> Latest(HttpContext http, IQualityTermsCatalog catalog)
    {
        var latest = await catalog.GetLatestAsync(http.Tenant(), http.RequestAborted).ConfigureAwait(false) ?? QualityTermsVersion.Default;
        return Document(http, latest);
    }

    private static async Task<ContentHttpResult> Version(HttpContext http, string version, IQualityTermsCatalog catalog)
    {
        var number = Parse.Int(version, "version", 0, int.MaxValue);
        var found = (number == 0 ? QualityTermsVersion.Default : await catalog.GetAsync(http.Tenant(), number, http.RequestAborted).ConfigureAwait(false))
            ?? throw new RequestRejectedException(404, "The quality terms version was not found.", "The tenant has not adopted this version.");
        return Document(http, found);
    }

    private static async Task<ContentHttpResult> Adopt(HttpContext http, IQualityTermsCatalog catalog, IClock clock, IOptions<AfterSalesHttpOptions> options)
    {
        var condition = Parse.IfMatch(http.Request.Headers.IfMatch);
        using var body = await RequestBody.ReadDocumentAsync(http, options.Value.MaxRequestBodySize).ConfigureAwait(false);
        var read = QualityTermsDocuments.ReadTerms(body.RootElement);
        if (!read.Success)
        {
            throw RequestRejectedException.Validation(read.ErrorsByPath());
        }

        var tenant = http.Tenant();
        var latest = (await catalog.GetLatestAsync(tenant, http.RequestAborted).ConfigureAwait(false))?.Version ?? 0;
        if (!Parse.Matches(condition, latest))
        {
            throw new ConcurrencyConflictException("quality terms", tenant, condition!.Count == 0 ? 0 : condition.Min(), latest);
        }

        var adopted = await catalog.AdoptAsync(tenant, read.Value, latest, clock.GetCurrentInstant(), http.RequestAborted).ConfigureAwait(false);
        return Document(http, adopted);
    }

    private static ContentHttpResult Document(HttpContext http, QualityTermsVersion version)
    {
        if (version.Version > 0)
        {
            // The defaults are no stored version: nothing to match.
            http.Response.Headers.ETag = Parse.ETag(version.Version);
        }

        return TypedResults.Text(QualityTermsDocuments.Write(version), JsonContentType);
    }
}
