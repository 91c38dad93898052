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

    // The instants the domain's calendars cover (BusinessCalendar: 1900-01-01T00:00Z inclusive to 2100-01-01T00:00Z exclusive).
    private static readonly Instant First = NodaTime.Instant.FromUtc(1900, 1, 1, 0, 0);
    private static readonly Instant End = NodaTime.Instant.FromUtc(2100, 1, 1, 0, 0);

    public static Instant Instant(string value, string field)
    {
        var result = WirePatterns.Instant.Parse(value);
        return result.Success && result.Value >= First && result.Value < End
            ? result.Value
            : throw RequestRejectedException.Validation(field, $"{field} must be an ISO 8601 instant from 1900-01-01T00:00:00Z to 2099-12-31T23:59:59Z, such as 2026-03-02T02:00:00Z.");
    }

    public static int Int(string value, string field, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            throw RequestRejectedException.Validation(field, string.Create(CultureInfo.InvariantCulture, $"{field} must be a whole number from {min} to {max}."));
        }

        return n;
    }

    /// <summary>
    /// The versions an <c>If-Match</c> header names, compared strongly (RFC 9110 §13.1.1): <see langword="null"/>
    /// when there is no header or it is <c>*</c>; otherwise the versions of its strong entity tags, so a
    /// weak tag (<c>W/"3"</c>), a tag that names no version or a malformed header adds none and an empty
    /// set matches nothing (412).
    /// </summary>
    public static IReadOnlySet<int>? IfMatch(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        if (!Microsoft.Net.Http.Headers.EntityTagHeaderValue.TryParseStrictList(values, out var tags))
        {
            return new HashSet<int>();
        }

        if (tags.Any(static t => t.Equals(Microsoft.Net.Http.Headers.EntityTagHeaderValue.Any)))
        {
            return null;
        }

        var versions = new HashSet<int>();
        foreach (var tag in tags.Where(static t => !t.IsWeak))
        {
            var text = tag.Tag.AsSpan(1, tag.Tag.Length - 2);
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
            {
                versions.Add(version);
            }
        }

        return versions;
    }

    /// <summary>Whether <paramref name="condition"/> (from <see cref="IfMatch"/>) admits <paramref name="current"/>.</summary>
    public static bool Matches(IReadOnlySet<int>? condition, int current) => condition is null || condition.Contains(current);

    public static string ETag(int version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");
}
