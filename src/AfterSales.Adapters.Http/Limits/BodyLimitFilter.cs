using AfterSales.Http.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Limits;

/// <summary>
/// Bounds the request body of every endpoint of the group by <see cref="AfterSalesHttpOptions.MaxRequestBodySize"/>,
/// including those that read no body: a declared <c>Content-Length</c> above it gets 413 before anything
/// runs, and the server's own limit for the request is lowered to it, so an unread body is not drained
/// past it either. Endpoints that read a body check it again as they read (<c>RequestBody</c>).
/// </summary>
internal sealed class BodyLimitFilter(IOptions<AfterSalesHttpOptions> options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var limit = options.Value.MaxRequestBodySize;
        if (http.Request.ContentLength > limit)
        {
            throw new RequestRejectedException(413, "The request body is too large.", $"The request body must be at most {limit} bytes.");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature
            && (feature.MaxRequestBodySize is null || feature.MaxRequestBodySize > limit))
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}
