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

        return errors;
    }

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
