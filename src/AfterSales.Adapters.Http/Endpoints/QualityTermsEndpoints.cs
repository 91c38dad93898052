using AfterSales.Http.Contracts;
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
/// The tenant's quality terms as a versioned document (质量考核条款, <see cref="IQualityTermsCatalog"/>):
/// penalties and bonus rules, the report's targets, the service credits per contract. Each
/// <c>PUT</c> adopts the next version from now on; figures use the version in force at their instant.
/// </summary>
internal static class QualityTermsEndpoints
{
    public static void Map(RouteGroupBuilder tenantRoot)
    {
        var tenantScoped = tenantRoot.MapGroup(string.Empty).WithTags("Quality");
        tenantScoped.MapGet("/quality-terms", Latest)
            .WithName("GetQualityTerms")
            .WithSummary("The tenant's latest quality terms (version 0: the defaults, seed 000's penalties and seed 001's targets, until it adopts its own); ETag is the version once one is adopted.")
            .ETag();

        tenantScoped.MapGet("/quality-terms/versions/{version}", Version)
            .WithName("GetQualityTermsVersion").WithSummary("One adopted version of the quality terms.").ProducesProblem(404);

        tenantScoped.MapPut("/quality-terms", Adopt)
            .IfMatch().ETag()
            .Accepts<QualityTermsDocument>("application/json")
            .WithName("AdoptQualityTerms")
            .WithSummary("Adopt new quality terms, in force from now: penalties (fine, dismissal count and window, bonus rule, pay per service), targets, service credits per contract → the new version. Honours If-Match (the version it replaces; 412 when stale). Errors by field path.")
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(412).ProducesProblem(413).ProducesProblem(415);
    }

    private static async Task<Ok<QualityTermsDocument>> Latest(HttpContext http, IQualityTermsCatalog catalog)
    {
        var latest = await catalog.GetLatestAsync(http.Tenant(), http.RequestAborted).ConfigureAwait(false) ?? QualityTermsVersion.Default;
        if (latest.Version > 0)
        {
            // The defaults are no stored version: nothing to match.
            http.Response.Headers.ETag = Parse.ETag(latest.Version);
        }
        return TypedResults.Ok(QualityTermsDocuments.ToDocument(latest));
    }

    private static async Task<Ok<QualityTermsDocument>> Version(HttpContext http, string version, IQualityTermsCatalog catalog) =>
        await VersionOf(http, Parse.Int(version, "version", 0, int.MaxValue), catalog).ConfigureAwait(false);

    private static async Task<Ok<QualityTermsDocument>> VersionOf(HttpContext http, int version, IQualityTermsCatalog catalog)
    {
        var found = (version == 0 ? QualityTermsVersion.Default : await catalog.GetAsync(http.Tenant(), version, http.RequestAborted).ConfigureAwait(false))
            ?? throw new Errors.RequestRejectedException(404, "The quality terms version was not found.", "The tenant has not adopted this version.");
        return TypedResults.Ok(QualityTermsDocuments.ToDocument(found));
    }

    private static async Task<Ok<QualityTermsDocument>> Adopt(HttpContext http, IQualityTermsCatalog catalog, IClock clock, IOptions<AfterSalesHttpOptions> options)
    {
        var condition = Parse.IfMatch(http.Request.Headers.IfMatch);
        var document = (await RequestBody.ReadAsync<QualityTermsDocument>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        var terms = QualityTermsDocuments.ToTerms(document);
        var tenant = http.Tenant();
        var latest = (await catalog.GetLatestAsync(tenant, http.RequestAborted).ConfigureAwait(false))?.Version ?? 0;
        if (!Parse.Matches(condition, latest))
        {
            throw new ConcurrencyConflictException("quality terms", tenant, condition!.Count == 0 ? 0 : condition.Min(), latest);
        }

        var adopted = await catalog.AdoptAsync(tenant, terms, latest, clock.GetCurrentInstant(), http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(adopted.Version);
        return TypedResults.Ok(QualityTermsDocuments.ToDocument(adopted));
    }
}
