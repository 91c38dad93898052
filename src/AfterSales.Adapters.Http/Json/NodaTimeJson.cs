using System.Text.Json;
using System.Text.Json.Serialization;

namespace AfterSales.Http.Json;

/// <summary>
/// System.Text.Json support for the NodaTime types the API exchanges, as ISO-8601 text:
/// <see cref="Instant"/> (<c>2026-03-02T02:00:00Z</c>), <see cref="Duration"/> (<c>PT2H10M</c>),
/// <see cref="LocalDate"/> (<c>2026-03-02</c>), <see cref="LocalTime"/> (<c>09:00:00</c>) and
/// <see cref="YearMonth"/> (<c>2026-03</c>).
/// </summary>
public static class NodaTimeJson
{
    /// <summary>The converters, one per type; nullable forms are handled by System.Text.Json itself.</summary>
    public static IReadOnlyList<JsonConverter> Converters { get; } =
    [
        new InstantJsonConverter(),
        new DurationJsonConverter(),
        new LocalDateJsonConverter(),
        new LocalTimeJsonConverter(),
        new YearMonthJsonConverter(),
    ];

    /// <summary>Adds the converters to <paramref name="options"/> unless they are there already; returns it.</summary>
    public static JsonSerializerOptions AddNodaTimeConverters(this JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var converter in Converters)
        {
            if (!options.Converters.Any(c => c.GetType() == converter.GetType()))
            {
                options.Converters.Add(converter);
            }
        }

        return options;
    }
}
