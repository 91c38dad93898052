using Microsoft.AspNetCore.Http;

namespace AfterSales.Http.Tenancy;

/// <summary>
/// Finds the tenant (租户) a request acts for. Every read and write of the adapter is scoped to it;
/// a request without one is rejected before any work is done. The default is <see cref="ClaimTenantResolver"/>
/// (the authenticated user's <c>tenant_id</c> claim); register your own as a singleton to replace it.
/// </summary>
/// <remarks>Implementations must be thread-safe. Return <see langword="null"/> when the request names no tenant.</remarks>
public interface ITenantResolver
{
    /// <summary>The tenant of <paramref name="context"/>, or <see langword="null"/> when it names none.</summary>
    ValueTask<string?> ResolveAsync(HttpContext context);
}

/// <summary>
/// The tenant from a request header, <c>X-Tenant-Id</c> by default, for every request, with or without
/// a user. Use it only behind a gateway that authenticates callers and sets the header: it trusts the
/// caller, so outside Development the host refuses to start with it unless
/// <see cref="Identity.AfterSalesIdentityOptions.AllowTenantHeaderOutsideDevelopment"/> is set. For development,
/// <see cref="Identity.AfterSalesIdentityOptions.AcceptTenantHeader"/> trusts the header of requests without a token only.
/// </summary>
public sealed class HeaderTenantResolver : ITenantResolver
{
    /// <summary>The default header name.</summary>
    public const string DefaultHeaderName = "X-Tenant-Id";

    /// <summary>Creates a resolver reading <paramref name="headerName"/>.</summary>
    public HeaderTenantResolver(string headerName = DefaultHeaderName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(headerName);
        HeaderName = headerName;
    }

    /// <summary>The header read.</summary>
    public string HeaderName { get; }

    /// <inheritdoc />
    public ValueTask<string?> ResolveAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = context.Request.Headers[HeaderName];
        return ValueTask.FromResult(values.Count == 1 ? values[0] : null);
    }
}

/// <summary>The tenant from a claim of the authenticated user, <c>tenant_id</c> by default; none for anonymous requests. The default resolver.</summary>
public sealed class ClaimTenantResolver : ITenantResolver
{
    /// <summary>The default claim type.</summary>
    public const string DefaultClaimType = "tenant_id";

    /// <summary>Creates a resolver reading <paramref name="claimType"/>.</summary>
    public ClaimTenantResolver(string claimType = DefaultClaimType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claimType);
        ClaimType = claimType;
    }

    /// <summary>The claim type read.</summary>
    public string ClaimType { get; }

    /// <inheritdoc />
    public ValueTask<string?> ResolveAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        return ValueTask.FromResult(user.Identity?.IsAuthenticated == true ? user.FindFirst(ClaimType)?.Value : null);
    }
}
