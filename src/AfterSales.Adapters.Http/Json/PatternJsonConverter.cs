using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Text;

namespace AfterSales.Http.Json;

/// <summary>
/// Reads and writes a NodaTime value as a JSON string through a NodaTime text pattern. A value that
/// does not parse becomes a <see cref="JsonException"/> whose message quotes the expected format,
/// which ASP.NET Core turns into a 400 problem response naming the field.
/// </summary>
public abstract class PatternJsonConverter<T> : JsonConverter<T>
{
    private readonly IPattern<T> pattern;
    private readonly string example;

    /// <summary>Creates a converter for <paramref name="pattern"/>; <paramref name="example"/> shows the format in errors.</summary>
    protected PatternJsonConverter(IPattern<T> pattern, string example)
    {
        this.pattern = pattern;
        this.example = example;
    }

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected an ISO-8601 {typeof(T).Name} string such as \"{example}\", found {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        var result = Parse(text);
        return result.Success
            ? result.Value
            : throw new JsonException($"\"{Truncate(text)}\" is not a valid ISO-8601 {typeof(T).Name}; expected a value such as \"{example}\".");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(pattern.Format(value));
    }

    /// <summary>Parses text; overridden where more than one form is accepted.</summary>
    protected virtual ParseResult<T> Parse(string text) => pattern.Parse(text);

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";
}

/// <summary>An <see cref="Instant"/> as ISO-8601 UTC (<c>2026-03-02T02:00:00Z</c>); offsets are accepted on input.</summary>
public sealed class InstantJsonConverter() : PatternJsonConverter<Instant>(InstantPattern.ExtendedIso, "2026-03-02T02:00:00Z")
{
    private static readonly OffsetDateTimePattern WithOffset = OffsetDateTimePattern.ExtendedIso;

    /// <inheritdoc />
    protected override ParseResult<Instant> Parse(string text)
    {
        var utc = InstantPattern.ExtendedIso.Parse(text);
        if (utc.Success)
        {
            return utc;
        }

        var offset = WithOffset.Parse(text);
        return offset.Success ? ParseResult<Instant>.ForValue(offset.Value.ToInstant()) : utc;
    }
}

/// <summary>A <see cref="LocalDate"/> as ISO-8601 (<c>2026-03-02</c>).</summary>
public sealed class LocalDateJsonConverter() : PatternJsonConverter<LocalDate>(LocalDatePattern.Iso, "2026-03-02");

/// <summary>A <see cref="LocalTime"/> as ISO-8601 (<c>09:00:00</c>).</summary>
public sealed class LocalTimeJsonConverter() : PatternJsonConverter<LocalTime>(LocalTimePattern.ExtendedIso, "09:00:00");

/// <summary>A <see cref="YearMonth"/> as ISO-8601 (<c>2026-03</c>).</summary>
public sealed class YearMonthJsonConverter() : PatternJsonConverter<YearMonth>(YearMonthPattern.Iso, "2026-03");
