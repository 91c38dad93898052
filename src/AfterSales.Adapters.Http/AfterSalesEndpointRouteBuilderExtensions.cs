using AfterSales.Http;
using AfterSales.Http.Endpoints;
using AfterSales.Http.Errors;
using AfterSales.Http.Identity;
using AfterSales.Http.Limits;
using AfterSales.Http.OpenApi;
using AfterSales.Http.Tenancy;
using AfterSales.WorkOrders;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the AfterSales.Kit HTTP API.</summary>
public static class AfterSalesEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the work-order API under <paramref name="prefix"/> and returns its group, so the host adds
    /// rate limiting, CORS or further authorization in one place. Every endpoint but the ping requires
    /// one of the <see cref="AfterSalesPolicies"/>; the host defines who satisfies them.
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="prefix">The route prefix.</param>
    /// <returns>The route group of every endpoint mapped.</returns>
    /// <exception cref="InvalidOperationException"><c>services.AddAfterSales(...)</c> or <c>.AddHttpApi()</c> was not called.</exception>
    /// <exception cref="OptionsValidationException">An <see cref="AfterSalesHttpOptions"/> or <see cref="AfterSalesIdentityOptions"/> value is invalid.</exception>
    /// <exception cref="InvalidOperationException">A <see cref="HeaderTenantResolver"/> is registered outside Development without <see cref="AfterSalesIdentityOptions.AllowTenantHeaderOutsideDevelopment"/>.</exception>
    public static RouteGroupBuilder MapAfterSales(this IEndpointRouteBuilder endpoints, string prefix = "/after-sales")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var services = endpoints.ServiceProvider;
        var registered = services.GetRequiredService<IServiceProviderIsService>();
        if (!registered.IsService(typeof(TicketService)))
        {
            throw new InvalidOperationException(
                "MapAfterSales needs the AfterSales.Kit services, and TicketService is not registered. Call services.AddAfterSales(o => ...).AddHttpApi() when configuring services.");
        }

        if (!registered.IsService(typeof(ITenantResolver)))
        {
            throw new InvalidOperationException(
                "MapAfterSales needs the HTTP adapter's services. Call .AddHttpApi() on the builder services.AddAfterSales(...) returns.");
        }

        _ = services.GetRequiredService<IOptions<AfterSalesHttpOptions>>().Value;
        var identity = services.GetRequiredService<IOptions<AfterSalesIdentityOptions>>().Value;
        if (services.GetRequiredService<ITenantResolver>() is HeaderTenantResolver
            && AfterSalesHttpIdentityExtensions.HeaderRefusal(services, identity, "HeaderTenantResolver is registered") is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        var group = endpoints.MapGroup(prefix)
            .WithMetadata(new AfterSalesGroupMarker(prefix.TrimEnd('/')))
            .AddEndpointFilter<ProblemMappingFilter>()
            .AddEndpointFilter<BodyLimitFilter>()
            .AddEndpointFilter<RateLimitFilter>();
        ((IEndpointConventionBuilder)group).Finally(EndpointPolicies.Apply);
        ReferenceEndpoints.Map(group);
        var tenantScoped = group.MapGroup(string.Empty).WithMetadata(new TenantScopedMarker()).AddEndpointFilter<TenantFilter>();
        TicketEndpoints.Map(tenantScoped.MapGroup("/tickets").WithTags("Tickets"));
        EntitlementEndpoints.Map(group, tenantScoped);
        QualityEndpoints.Map(group, tenantScoped);
        QualityRecordEndpoints.Map(tenantScoped);
        InspectionEndpoints.Map(group, tenantScoped);
        PeopleEndpoints.Map(tenantScoped);
        QualityTermsEndpoints.Map(tenantScoped);
        StoredEndpoints.Map(tenantScoped);
        EventEndpoints.Map(tenantScoped);
        CalendarEndpoints.Map(tenantScoped);
        Quotes.Map(tenantScoped);
        SparesEndpoints.Map(tenantScoped);
        PolicyEndpoints.Map(group, tenantScoped);
        return group;
    }
}
