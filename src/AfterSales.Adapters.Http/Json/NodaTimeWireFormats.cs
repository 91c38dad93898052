namespace AfterSales.Http.Json;

/// <summary>
/// How each NodaTime type travels, described once for the two places that tell clients: the OpenAPI
/// schemas and the 400 problem a value that does not parse gets.
/// </summary>
internal static class NodaTimeWireFormats
{
    /// <summary>The description of <paramref name="type"/> (or of its nullable form); <see langword="null"/> for other types.</summary>
    public static WireFormat? For(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(Instant) => new("an ISO 8601 instant, in UTC or with an offset,", "2026-03-02T02:00:00Z", Format: "date-time"),
        var t when t == typeof(Duration) => new("an ISO 8601 duration without years or months", "PT2H10M", Format: "duration"),
        var t when t == typeof(LocalDate) => new("an ISO 8601 date", "2026-03-02", Format: "date"),
        var t when t == typeof(LocalTime) => new("a time of day as HH:mm or HH:mm:ss", "09:00:00",
            Pattern: "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?$"),
        var t when t == typeof(LocalDateTime) => new("an ISO 8601 date and time without an offset", "2026-03-02T09:00:00",
            Pattern: "^-?[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?$"),
        var t when t == typeof(YearMonth) => new("a year and month", "2026-03", Pattern: "^[0-9]{4}-[0-9]{2}$"),
        var t when t == typeof(Offset) => new("a UTC offset", "+08", Pattern: "^[+-][0-9]{2}(:[0-9]{2}(:[0-9]{2})?)?$"),
        var t when typeof(DateTimeZone).IsAssignableFrom(t) => new("an IANA time zone id", "Asia/Shanghai"),
        _ => null,
    };
}

/// <summary>A NodaTime type on the wire: what it is in words, an example, and its OpenAPI <c>format</c> or <c>pattern</c>.</summary>
internal sealed record WireFormat(string Description, string Example, string? Format = null, string? Pattern = null);
