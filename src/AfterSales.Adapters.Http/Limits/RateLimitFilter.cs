using AfterSales.Http.Errors;
using AfterSales.Http.Identity;
using AfterSales.Http.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AfterSales.Http.Limits;

/// <summary>
/// Refuses a request over its tenant's or its client's limit (<see cref="AfterSalesRateLimiter"/>) with a
/// 429 problem and <c>Retry-After</c>, before the endpoint reads anything. Requests that name no valid
/// tenant count only against their client; the tenant filter refuses them afterwards.
/// </summary>
internal sealed class RateLimitFilter(AfterSalesRateLimiter limiter, ITenantResolver tenants, IOptions<AfterSalesIdentityOptions> identity) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var tenant = await TenantFilter.CandidateAsync(http, tenants, identity.Value).ConfigureAwait(false);
        if (tenant is { Length: > TenantFilter.MaxLength })
        {
            tenant = null;
        }

        if (limiter.TryAcquire(http, tenant) is { } wait)
        {
            http.Response.Headers[HeaderNames.RetryAfter] = AfterSalesRateLimiter.RetryAfterSeconds(wait);
            throw new RequestRejectedException(429, "Too many requests.",
                $"The request limit of the tenant or the client is used up; retry after {AfterSalesRateLimiter.RetryAfterSeconds(wait)} s.");
        }

        return await next(context).ConfigureAwait(false);
    }
}
