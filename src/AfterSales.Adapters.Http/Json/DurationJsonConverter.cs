using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Text;

namespace AfterSales.Http.Json;

/// <summary>
/// A <see cref="Duration"/> as an ISO 8601 duration of exact units: written as hours, minutes and
/// seconds (<c>PT26H10M</c>, <c>-PT30M</c>, <c>PT0.5S</c>); read from any ISO 8601 duration without
/// years or months (a day counts 24 hours, a week 7 days), e.g. <c>P1DT2H</c>, negative only as a whole
/// (<c>-PT30M</c>, not <c>PT-30M</c>).
/// </summary>
/// <remarks>
/// The API's own converter because NodaTime.Serialization.SystemTextJson writes durations in NodaTime's
/// round-trip pattern (<c>2:10:00</c>), which OpenAPI's <c>duration</c> format and clients do not read.
/// </remarks>
public sealed class DurationJsonConverter : JsonConverter<Duration>
{
    /// <summary>Formats a duration the way the converter writes it.</summary>
    public static string Format(Duration duration)
    {
        var text = new StringBuilder();
        if (duration < Duration.Zero)
        {
            text.Append('-');
            duration = -duration;
        }

        text.Append("PT");
        var nanos = duration.ToInt64Nanoseconds();
        var hours = nanos / 3_600_000_000_000;
        var minutes = nanos / 60_000_000_000 % 60;
        var seconds = nanos % 60_000_000_000;
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('H');
        }

        if (minutes > 0)
        {
            text.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('M');
        }

        if (seconds > 0 || (hours == 0 && minutes == 0))
        {
            text.Append((seconds / 1_000_000_000m).ToString("0.#########", CultureInfo.InvariantCulture)).Append('S');
        }

        return text.ToString();
    }

    /// <summary>Parses an ISO 8601 duration without years or months, negative only with a leading <c>-</c>.</summary>
    public static bool TryParse(string text, out Duration duration)
    {
        duration = Duration.Zero;
        if (string.IsNullOrEmpty(text) || text.Length > 64)
        {
            return false;
        }

        var negative = text[0] == '-';
        var unsigned = negative ? text[1..] : text;
        if (unsigned.AsSpan().IndexOfAny('-', '+') >= 0)
        {
            // NodaTime reads signed units (PT-5H, P-1DT2H); ISO 8601 has none, and mixed signs mislead.
            return false;
        }

        var result = PeriodPattern.NormalizingIso.Parse(unsigned);
        if (!result.Success || result.Value.Years != 0 || result.Value.Months != 0)
        {
            return false;
        }

        try
        {
            duration = result.Value.ToDuration();
        }
        catch (OverflowException)
        {
            return false;
        }

        if (negative)
        {
            duration = -duration;
        }

        return true;
    }

    /// <inheritdoc />
    public override Duration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected an ISO 8601 duration string such as \"PT2H30M\", found {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        return TryParse(text, out var duration)
            ? duration
            : throw new JsonException($"\"{(text.Length <= 64 ? text : text[..64] + "…")}\" is not an ISO 8601 duration of exact units; expected a value such as \"PT2H30M\" or \"P2DT4H\".");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Duration value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }
}
