using AfterSales.Http.Endpoints;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Identity;

/// <summary>
/// With <see cref="AfterSalesIdentityOptions.AcceptTenantHeader"/> on, lets a request that sends no
/// credentials through whatever policy an AfterSales endpoint requires (the host's own policies
/// included): the caller is trusted, as in development or behind a gateway. A request with a user is
/// judged by the policies as usual, and one whose credentials were refused (a bad or expired token)
/// gets 401, never the trust.
/// </summary>
internal sealed class TrustedTenantHeaderHandler(IOptions<AfterSalesIdentityOptions> options) : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (options.Value.AcceptTenantHeader
            && context.User.Identity?.IsAuthenticated != true
            && context.Resource is HttpContext http
            && http.Request.Headers.Authorization.Count == 0
            && http.GetEndpoint()?.Metadata.GetMetadata<AfterSalesGroupMarker>() is not null)
        {
            foreach (var requirement in context.PendingRequirements.ToList())
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
