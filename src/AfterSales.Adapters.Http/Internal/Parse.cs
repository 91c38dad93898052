using System.Globalization;
using AfterSales.Http.Errors;
using AfterSales.Http.Json;

namespace AfterSales.Http.Internal;

/// <summary>Parsing of enum names, query values and ETags with field-level errors.</summary>
internal static class Parse
{
    public static T Enum<T>(string? value, string field)
        where T : struct, System.Enum
    {
        if (value is not null)
        {
            foreach (var name in System.Enum.GetNames<T>())
            {
                if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase))
                {
                    return System.Enum.Parse<T>(name);
                }
            }
        }

        throw RequestRejectedException.Validation(field, $"{field} must be one of {string.Join(", ", System.Enum.GetNames<T>())}.");
    }

    public static Instant Instant(string value, string field)
    {
        var result = WirePatterns.Instant.Parse(value);
        return result.Success
            ? result.Value
            : throw RequestRejectedException.Validation(field, $"{field} must be an ISO 8601 instant such as 2026-03-02T02:00:00Z.");
    }

    public static int Int(string value, string field, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            throw RequestRejectedException.Validation(field, string.Create(CultureInfo.InvariantCulture, $"{field} must be a whole number from {min} to {max}."));
        }

        return n;
    }

    /// <summary>The version an <c>If-Match</c> header names: <see langword="null"/> for none or <c>*</c>; -1 for an ETag that can match no version.</summary>
    public static int? IfMatch(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var text = values.Count == 1 ? values[0]!.Trim() : string.Join(',', values.ToArray());
        if (text == "*")
        {
            return null;
        }

        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            text = text[1..^1];
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 ? version : -1;
    }

    public static string ETag(int version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");
}
