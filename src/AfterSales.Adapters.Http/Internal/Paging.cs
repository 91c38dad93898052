using AfterSales.Http.Errors;
using Microsoft.AspNetCore.Http;

namespace AfterSales.Http.Internal;

/// <summary>The <c>page</c> (from 1) and <c>pageSize</c> query values every list reads, with field-level errors.</summary>
internal static class Paging
{
    public static (int Page, int PageSize) Read(HttpContext http, AfterSalesHttpOptions options)
    {
        var q = http.Request.Query;
        var page = 1;
        var pageSize = options.DefaultPageSize;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (q.TryGetValue("page", out var p))
        {
            Try(errors, "page", () => page = Parse.Int(p.Count == 1 ? p[0]! : string.Empty, "page", 1, 1_000_000));
        }

        if (q.TryGetValue("pageSize", out var s))
        {
            Try(errors, "pageSize", () => pageSize = Parse.Int(s.Count == 1 ? s[0]! : string.Empty, "pageSize", 1, options.MaxPageSize));
        }

        return errors.Count > 0 ? throw RequestRejectedException.Validation(errors) : (page, pageSize);
    }

    private static void Try(Dictionary<string, string[]> errors, string field, Action read)
    {
        try
        {
            read();
        }
        catch (RequestRejectedException ex) when (ex.Errors is not null)
        {
            foreach (var (key, value) in ex.Errors)
            {
                errors[key] = value;
            }
        }
    }
}
