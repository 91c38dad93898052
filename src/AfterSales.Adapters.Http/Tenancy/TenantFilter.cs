using AfterSales.Http.Errors;
using AfterSales.Http.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Tenancy;

/// <summary>
/// Resolves the tenant before any tenant-scoped endpoint runs: from the <see cref="ITenantResolver"/>
/// (by default the user's tenant claim), else — for a request without a user, when
/// <see cref="AfterSalesIdentityOptions.AcceptTenantHeader"/> is on — from <c>X-Tenant-Id</c>. A user
/// acts for their own tenant only: a header naming another gets 403. No tenant: 403 for a user, 400 otherwise.
/// </summary>
internal sealed class TenantFilter(ITenantResolver resolver, IOptions<AfterSalesIdentityOptions> identity) : IEndpointFilter
{
    public const int MaxLength = 100;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var authenticated = http.User.Identity?.IsAuthenticated == true;
        var header = http.Request.Headers[HeaderTenantResolver.DefaultHeaderName];
        var tenant = await CandidateAsync(http, resolver, identity.Value).ConfigureAwait(false);

        if (string.IsNullOrWhiteSpace(tenant))
        {
            throw authenticated
                ? new RequestRejectedException(403, "The user has no tenant.",
                    $"The token must carry the tenant in its '{identity.Value.TenantClaimType}' claim.")
                : new RequestRejectedException(400, "The tenant is missing.",
                    "Every request must name its tenant: by a bearer token's tenant claim, or (in development or behind a trusted gateway) the X-Tenant-Id header.",
                    new Dictionary<string, string[]>(StringComparer.Ordinal) { ["tenant"] = ["The tenant is required."] });
        }

        if (authenticated && header.Count > 0 && !string.Equals(header.ToString(), tenant, StringComparison.Ordinal))
        {
            throw new RequestRejectedException(403, "The user may not act for that tenant.",
                "X-Tenant-Id names another tenant than the user's; a user acts for their own tenant only. Omit the header.");
        }

        if (Identifier.Problem(tenant) is { } problem)
        {
            throw RequestRejectedException.Validation("tenant", $"The tenant {problem}.");
        }

        context.HttpContext.Features.Set(new TenantFeature(tenant));
        return await next(context).ConfigureAwait(false);
    }

    /// <summary>The tenant the request names, before any check: the resolver's, else a trusted header of a request without a user.</summary>
    internal static async ValueTask<string?> CandidateAsync(HttpContext http, ITenantResolver resolver, AfterSalesIdentityOptions identity)
    {
        var tenant = await resolver.ResolveAsync(http).ConfigureAwait(false);
        if (tenant is null && identity.AcceptTenantHeader && http.User.Identity?.IsAuthenticated != true
            && http.Request.Headers[HeaderTenantResolver.DefaultHeaderName] is { Count: 1 } header)
        {
            tenant = header[0];
        }

        return tenant;
    }
}

/// <summary>The tenant resolved for the current request.</summary>
internal sealed record TenantFeature(string TenantId);

internal static class TenantHttpContextExtensions
{
    public static string Tenant(this HttpContext context) =>
        context.Features.Get<TenantFeature>()?.TenantId ?? throw new InvalidOperationException("The tenant filter did not run for this endpoint.");
}
