using AfterSales.Http.Errors;
using Microsoft.AspNetCore.Http;

namespace AfterSales.Http.Tenancy;

/// <summary>Resolves the tenant before any tenant-scoped endpoint runs; a request without a valid one gets 400.</summary>
internal sealed class TenantFilter(ITenantResolver resolver) : IEndpointFilter
{
    public const int MaxLength = 100;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var tenant = await resolver.ResolveAsync(context.HttpContext).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(tenant))
        {
            throw new RequestRejectedException(400, "The tenant is missing.",
                "Every request must name its tenant (by default the X-Tenant-Id header; hosts may resolve it from a claim).",
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["tenant"] = ["The tenant is required."] });
        }

        if (Identifier.Problem(tenant) is { } problem)
        {
            throw RequestRejectedException.Validation("tenant", $"The tenant {problem}.");
        }

        context.HttpContext.Features.Set(new TenantFeature(tenant));
        return await next(context).ConfigureAwait(false);
    }
}

/// <summary>The tenant resolved for the current request.</summary>
internal sealed record TenantFeature(string TenantId);

internal static class TenantHttpContextExtensions
{
    public static string Tenant(this HttpContext context) =>
        context.Features.Get<TenantFeature>()?.TenantId ?? throw new InvalidOperationException("The tenant filter did not run for this endpoint.");
}
