using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Serialization.SystemTextJson;

namespace AfterSales.Http.Json;

/// <summary>
/// System.Text.Json support for the NodaTime types the API exchanges: NodaTime.Serialization.SystemTextJson's
/// converters with time zones from TZDB, with three differences the API promises. <see cref="Duration"/>
/// is an ISO 8601 duration (<c>PT2H10M</c>, <see cref="DurationJsonConverter"/>) where the package writes
/// <c>2:10:00</c>; an <see cref="Instant"/> (<c>2026-03-02T02:00:00Z</c>) may also be read with an offset;
/// a <see cref="LocalTime"/> (<c>09:00:00</c>) may also be read as <c>HH:mm</c>. The other types are the
/// package's: <see cref="LocalDate"/> <c>2026-03-02</c>, <see cref="LocalDateTime"/> <c>2026-03-02T09:00:00</c>,
/// <see cref="YearMonth"/> <c>2026-03</c>, <see cref="Offset"/> <c>+08</c>, <see cref="DateTimeZone"/>
/// <c>Asia/Shanghai</c>, and the rest of its converters.
/// </summary>
public static class NodaTimeJson
{
    /// <summary>The converters, one per type; nullable forms are handled by System.Text.Json itself.</summary>
    public static IReadOnlyList<JsonConverter> Converters { get; } =
        [.. new JsonSerializerOptions().ConfigureForNodaTime(new NodaJsonSettings(DateTimeZoneProviders.Tzdb)
        {
            InstantConverter = new NodaPatternConverter<Instant>(WirePatterns.Instant),
            LocalTimeConverter = new NodaPatternConverter<LocalTime>(WirePatterns.LocalTime),
            DurationConverter = new DurationJsonConverter(),
        }).Converters];

    /// <summary>
    /// Adds <see cref="Converters"/> to <paramref name="options"/> unless they are there already; returns it.
    /// System.Text.Json uses the first converter that handles a type, so NodaTime converters added before
    /// these (for instance by the host's own <c>ConfigureForNodaTime</c>) win over them.
    /// </summary>
    public static JsonSerializerOptions AddNodaTimeConverters(this JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var converter in Converters)
        {
            if (!options.Converters.Contains(converter))
            {
                options.Converters.Add(converter);
            }
        }

        return options;
    }
}
