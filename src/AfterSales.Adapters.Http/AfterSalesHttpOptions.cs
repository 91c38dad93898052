using System.Globalization;

namespace AfterSales.Http;

/// <summary>
/// Settings of the HTTP adapter (<c>AddHttpApi</c>, <c>MapAfterSales</c>). Validated at start-up:
/// a bad value stops the host with a message naming the option.
/// </summary>
public sealed class AfterSalesHttpOptions
{
    /// <summary>The largest request body accepted, in bytes; larger bodies get 413.</summary>
    /// <value>The default value is 65 536 (64 KB). 1 024 to 16 777 216.</value>
    public long MaxRequestBodySize { get; set; } = 64 * 1024;

    /// <summary>The page size of <c>GET /tickets</c> when the request names none.</summary>
    /// <value>The default value is 50. 1 to <see cref="MaxPageSize"/>.</value>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>The largest page size <c>GET /tickets</c> accepts; larger ones get 400.</summary>
    /// <value>The default value is 200. 1 to 1 000.</value>
    public int MaxPageSize { get; set; } = 200;

    /// <summary>How long an <c>Idempotency-Key</c> is remembered after its first response.</summary>
    /// <value>The default value is 24 hours. 1 minute to 30 days.</value>
    public TimeSpan IdempotencyKeyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The requests one tenant may make per <see cref="RateLimitWindow"/>, over all its clients; more get
    /// 429 with <c>Retry-After</c>. 0 turns the limit off.
    /// </summary>
    /// <value>The default value is 0 (off). 0 to 1 000 000.</value>
    public int TenantRequestLimit { get; set; }

    /// <summary>
    /// The requests one client — the authenticated user (its <c>sub</c> or name-identifier claim), else
    /// the remote address — may make per <see cref="RateLimitWindow"/>; more get 429 with <c>Retry-After</c>.
    /// 0 turns the limit off. Behind a proxy, have the host restore the client's address (forwarded headers).
    /// </summary>
    /// <value>The default value is 0 (off). 0 to 1 000 000.</value>
    public int ClientRequestLimit { get; set; }

    /// <summary>The fixed window <see cref="TenantRequestLimit"/> and <see cref="ClientRequestLimit"/> count in.</summary>
    /// <value>The default value is 1 minute. 1 second to 1 hour.</value>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The script the workflow's web page (<c>GET /workflow?format=html</c>) draws its diagram with:
    /// Mermaid, from a CDN by default. Point it at a copy you host for browsers without internet access;
    /// empty to show the diagram's text only.
    /// </summary>
    /// <value>The default value is Mermaid 12.3.0 from the jsDelivr CDN.</value>
    public string? MermaidScriptUrl { get; set; } = "https://cdn.jsdelivr.net/npm/mermaid@12.3.0/dist/mermaid.min.js";

    /// <summary>
    /// Whether problem details of unexpected errors (500) carry the exception's type, message and
    /// stack trace. Turn on only in development: they reveal internals.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool IncludeExceptionDetails { get; set; }

    /// <summary>
    /// How often the background recompute looks for calendar versions whose adoption by open tickets
    /// is unfinished (saved on another node, or interrupted by a restart); a save on this node wakes it at once.
    /// </summary>
    /// <value>The default value is 1 minute. 1 second to 1 hour.</value>
    public TimeSpan CalendarAdoptionPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Checks every setting.</summary>
    /// <returns>The problems found, each naming the option; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxRequestBodySize is < 1024 or > 16 * 1024 * 1024)
        {
            errors.Add(Text($"MaxRequestBodySize must be 1024 to 16777216 bytes, was {MaxRequestBodySize}."));
        }

        if (MaxPageSize is < 1 or > 1000)
        {
            errors.Add(Text($"MaxPageSize must be 1 to 1000, was {MaxPageSize}."));
        }

        if (DefaultPageSize < 1 || DefaultPageSize > MaxPageSize)
        {
            errors.Add(Text($"DefaultPageSize must be 1 to MaxPageSize ({MaxPageSize}), was {DefaultPageSize}."));
        }

        if (IdempotencyKeyLifetime < TimeSpan.FromMinutes(1) || IdempotencyKeyLifetime > TimeSpan.FromDays(30))
        {
            errors.Add(Text($"IdempotencyKeyLifetime must be 1 minute to 30 days, was {IdempotencyKeyLifetime}."));
        }

        if (CalendarAdoptionPollInterval < TimeSpan.FromSeconds(1) || CalendarAdoptionPollInterval > TimeSpan.FromHours(1))
        {
            errors.Add(Text($"CalendarAdoptionPollInterval must be 1 second to 1 hour, was {CalendarAdoptionPollInterval}."));
        }

        if (TenantRequestLimit is < 0 or > 1_000_000)
        {
            errors.Add(Text($"TenantRequestLimit must be 0 (off) to 1000000, was {TenantRequestLimit}."));
        }

        if (ClientRequestLimit is < 0 or > 1_000_000)
        {
            errors.Add(Text($"ClientRequestLimit must be 0 (off) to 1000000, was {ClientRequestLimit}."));
        }

        if (RateLimitWindow < TimeSpan.FromSeconds(1) || RateLimitWindow > TimeSpan.FromHours(1))
        {
            errors.Add(Text($"RateLimitWindow must be 1 second to 1 hour, was {RateLimitWindow}."));
        }

        return errors;
    }

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
