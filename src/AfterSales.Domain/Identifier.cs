using System.Globalization;
using System.Runtime.CompilerServices;

namespace AfterSales;

/// <summary>
/// The rule every id and serial number the library stores follows (标识符规则): 1 to
/// <see cref="MaxLength"/> printable characters, no path separator (<c>/</c>, <c>\</c>), no control
/// character (NUL included), no bidirectional override or other invisible formatting character, no
/// white space at either end, and not <c>.</c> or <c>..</c>. An item stored under such an id can
/// always be addressed again — in a URL path, a log line, a file name — so nothing is ever created
/// that can no longer be read, commanded or closed.
/// </summary>
/// <remarks>
/// Letters of every script (工单 is fine), digits, punctuation, symbols and inner spaces are allowed.
/// Characters are rejected by Unicode category: control (Cc), format (Cf: the bidi overrides U+202A–
/// U+202E and isolates U+2066–U+2069, zero-width characters, the BOM), line and paragraph separators,
/// private use, unassigned code points and unpaired surrogates.
/// </remarks>
public static class Identifier
{
    /// <summary>The most characters an id may have (the key columns' length).</summary>
    public const int MaxLength = 100;

    /// <summary>Why <paramref name="value"/> is not a valid id, in words that follow its name; <see langword="null"/> when it is valid.</summary>
    /// <param name="value">The candidate id.</param>
    /// <returns>For example <c>"must not contain '/' (at position 2)"</c>, or <see langword="null"/>.</returns>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "must not be empty";
        }

        if (value.Length > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"must be at most {MaxLength} characters, was {value.Length}");
        }

        if (value is "." or "..")
        {
            return "must not be '.' or '..'";
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return "must not start or end with white space";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '/' or '\\')
            {
                return string.Create(CultureInfo.InvariantCulture, $"must not contain '{c}' (at position {i})");
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(value, i);
                if (category is UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Format)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"must hold printable characters only, not U+{char.ConvertToUtf32(c, value[i + 1]):X5} (at position {i})");
                }

                i++;
                continue;
            }

            switch (char.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                    return string.Create(CultureInfo.InvariantCulture, $"must not contain control characters such as NUL or line breaks, found U+{(int)c:X4} (at position {i})");
                case UnicodeCategory.Format:
                    return string.Create(CultureInfo.InvariantCulture, $"must not contain bidirectional or invisible formatting characters, found U+{(int)c:X4} (at position {i})");
                case UnicodeCategory.Surrogate:
                    return string.Create(CultureInfo.InvariantCulture, $"must not contain an unpaired surrogate (at position {i})");
                case UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned:
                    return string.Create(CultureInfo.InvariantCulture, $"must hold printable characters only, not U+{(int)c:X4} (at position {i})");
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="value"/> is a valid id.</summary>
    public static bool IsValid(string? value) => Problem(value) is null;

    /// <summary>Returns <paramref name="value"/> when it is a valid id; throws otherwise.</summary>
    /// <param name="value">The candidate id.</param>
    /// <param name="name">The field's name, for the message (the caller's argument expression by default).</param>
    /// <returns><paramref name="value"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> breaks the rule; the message names the field and the reason.</exception>
    public static string Check(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"{name} must not be null.");
        }

        return Problem(value) is { } problem ? throw new ArgumentException($"{name} {problem}.", name) : value;
    }

    /// <summary>Like <see cref="Check"/> for an optional id: <see langword="null"/> passes.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is given and breaks the rule.</exception>
    public static string? CheckOptional(string? value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is null ? null : Check(value, name);
}
