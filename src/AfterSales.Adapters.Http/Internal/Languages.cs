using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace AfterSales.Http.Internal;

/// <summary>The explanation language a request asks for with <c>Accept-Language</c> (RFC 9110 §12.5.4).</summary>
internal static class Languages
{
    /// <summary>
    /// The first language of <c>Accept-Language</c>, by quality then order, that explanations come in
    /// (Chinese or English); <see langword="null"/> when the header names neither, so the caller's default applies.
    /// </summary>
    public static ExplanationLanguage? Requested(HttpContext http)
    {
        if (!StringWithQualityHeaderValue.TryParseList(http.Request.Headers.AcceptLanguage, out var values))
        {
            return null;
        }

        return values
            .Where(static v => (v.Quality ?? 1) > 0)
            .OrderByDescending(static v => v.Quality ?? 1)
            .Select(static v => ExplanationLanguage.Find(v.Value.Value))
            .FirstOrDefault(static l => l is not null);
    }

    /// <summary>Says which language the answer is in (<c>Content-Language</c>) and that it depends on <c>Accept-Language</c>.</summary>
    public static ExplanationLanguage Answer(HttpContext http, ExplanationLanguage language)
    {
        http.Response.Headers.ContentLanguage = language.Code;
        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        return language;
    }
}
