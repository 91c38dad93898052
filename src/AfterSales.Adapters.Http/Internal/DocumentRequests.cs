using System.Text.Json;
using AfterSales.Http.Errors;
using Microsoft.AspNetCore.Http;

namespace AfterSales.Http.Internal;

/// <summary>What the document routes (calendars, SLA policies) share: the JSON body read whole for schema validation, and If-Match.</summary>
internal static class DocumentRequests
{
    /// <summary>The body as a JSON document (the schema validates the element, not a bound type); 400 at <c>$</c> when missing or malformed.</summary>
    public static async Task<JsonDocument> ReadJsonAsync(HttpContext http, AfterSalesHttpOptions options)
    {
        var bytes = await RequestBody.ReadBytesAsync(http, options.MaxRequestBodySize, requireJson: true).ConfigureAwait(false);
        if (bytes is null || bytes.Length == 0)
        {
            throw RequestRejectedException.Validation("$", "A JSON request body is required.");
        }

        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            throw RequestRejectedException.Validation("$", "The request body is not valid JSON: " + ex.Message.Split(" Path:", 2)[0]);
        }
    }

    /// <summary>The version <c>If-Match</c> names: null for none or <c>*</c>; several strong tags are not a version a document save can check, nor is a weak or malformed one (412).</summary>
    public static int? ExpectedVersion(HttpContext http, string what)
    {
        var condition = Parse.IfMatch(http.Request.Headers.IfMatch);
        return condition switch
        {
            null => null,
            { Count: 1 } => condition.First(),
            _ => throw new RequestRejectedException(412, "The item changed since the version in If-Match.", $"If-Match must name one version of this {what}, as its ETag does."),
        };
    }
}
