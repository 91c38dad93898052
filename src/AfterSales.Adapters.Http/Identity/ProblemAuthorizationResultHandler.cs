using System.Diagnostics;
using AfterSales.Http.Endpoints;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Http.Identity;

/// <summary>
/// Answers a refused AfterSales endpoint with RFC 9457 problem details: 401 (with the authentication
/// scheme's <c>WWW-Authenticate</c> challenge) when there is no valid user, 403 naming the policy when
/// the user does not satisfy it. Other endpoints are handled as ASP.NET Core does by default.
/// </summary>
internal sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems, IAuthenticationSchemeProvider schemes) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler inner = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || context.GetEndpoint()?.Metadata.GetMetadata<AfterSalesGroupMarker>() is null)
        {
            await inner.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }

        // Let the scheme write its challenge (WWW-Authenticate) or forbid; without one, set the status.
        var hasScheme = policy.AuthenticationSchemes.Count > 0
            || await (authorizeResult.Challenged ? schemes.GetDefaultChallengeSchemeAsync() : schemes.GetDefaultForbidSchemeAsync()).ConfigureAwait(false) is not null;
        if (hasScheme)
        {
            await inner.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
        }

        var status = authorizeResult.Challenged ? 401 : 403;
        context.Response.StatusCode = status;
        if (context.Response.HasStarted)
        {
            return;
        }

        var names = context.GetEndpoint()!.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(static a => a.Policy).OfType<string>().ToArray();
        var problem = status == 401
            ? new ProblemDetails
            {
                Status = 401,
                Title = "Authentication is required.",
                Detail = context.Request.Headers.Authorization.Count > 0
                    ? "The bearer token was refused: it is malformed, expired, or not signed by a trusted issuer for this audience."
                    : "Send a bearer token: Authorization: Bearer <token>.",
            }
            : new ProblemDetails
            {
                Status = 403,
                Title = "The user may not do this.",
                Detail = $"This endpoint requires the policy {string.Join(", ", names)}, which the user does not satisfy (their roles do not include one it accepts).",
            };
        if (status == 403 && names.Length > 0)
        {
            problem.Extensions["policy"] = names[0];
        }

        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).ConfigureAwait(false);
    }
}
