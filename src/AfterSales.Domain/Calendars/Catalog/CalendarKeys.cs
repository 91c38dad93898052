using System.Collections;
using System.Globalization;
using AfterSales.Internal;

namespace AfterSales.Calendars;

/// <summary>
/// Calendar versions by key (<c>id@version</c>), at most one per id, in ordinal order: what a work
/// order's event records it pinned or adopted (日历版本键). Immutable; value equality, so events that
/// carry it compare by value.
/// </summary>
public sealed class CalendarKeys : IReadOnlyList<string>, IEquatable<CalendarKeys>
{
    private readonly string[] keys;

    private CalendarKeys(string[] keys) => this.keys = keys;

    /// <summary>No calendars.</summary>
    public static CalendarKeys Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => keys.Length;

    /// <inheritdoc />
    public string this[int index] => keys[index];

    /// <summary>The keys of <paramref name="calendars"/>.</summary>
    /// <param name="calendars">Calendars, at most one version per id.</param>
    /// <exception cref="ArgumentException">Two versions of one id.</exception>
    public static CalendarKeys Of(IEnumerable<BusinessCalendar> calendars) => Of(Guard.NotNull(calendars).Select(static c => c.Key));

    /// <summary>Parses and orders <paramref name="keys"/>.</summary>
    /// <param name="keys">Keys <c>id@version</c>, at most one per id.</param>
    /// <exception cref="ArgumentException">A key is not <c>id@version</c>, or two name the same id.</exception>
    public static CalendarKeys Of(IEnumerable<string> keys)
    {
        var sorted = Guard.NotNull(keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in sorted)
        {
            if (!ids.Add(Parse(key).Id))
            {
                throw new ArgumentException($"keys: two versions of calendar '{Parse(key).Id}' ({string.Join(", ", sorted)}); give one.", nameof(keys));
            }
        }

        return sorted.Length == 0 ? Empty : new CalendarKeys(sorted);
    }

    /// <summary>Splits a key into its id and version.</summary>
    /// <param name="key"><c>id@version</c>, e.g. <c>cn-statutory-9-18@2</c>.</param>
    /// <exception cref="ArgumentException">The key is not <c>id@version</c> with a version of 1 or more.</exception>
    public static (string Id, int Version) Parse(string key)
    {
        Guard.NotBlank(key);
        var at = key.LastIndexOf('@');
        if (at <= 0 || !int.TryParse(key.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            throw new ArgumentException($"key must be 'id@version', was '{key}'.", nameof(key));
        }

        return (key[..at], version);
    }

    /// <summary>The version of <paramref name="calendarId"/> held, or <see langword="null"/>.</summary>
    /// <param name="calendarId">The calendar's id.</param>
    public int? VersionOf(string calendarId)
    {
        foreach (var key in keys)
        {
            var (id, version) = Parse(key);
            if (string.Equals(id, calendarId, StringComparison.Ordinal))
            {
                return version;
            }
        }

        return null;
    }

    /// <summary>These keys with <paramref name="newer"/> replacing the keys of the same ids.</summary>
    /// <param name="newer">The keys adopted.</param>
    public CalendarKeys With(CalendarKeys newer)
    {
        Guard.NotNull(newer);
        var ids = newer.Select(static k => Parse(k).Id).ToHashSet(StringComparer.Ordinal);
        return Of(keys.Where(k => !ids.Contains(Parse(k).Id)).Concat(newer));
    }

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)keys).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => keys.GetEnumerator();

    /// <inheritdoc />
    public bool Equals(CalendarKeys? other) => other is not null && keys.AsSpan().SequenceEqual(other.keys);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CalendarKeys);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var key in keys)
        {
            hash.Add(key, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>E.g. <c>24x7-beijing@1, cn-statutory-9-18@2</c>.</summary>
    public override string ToString() => string.Join(", ", keys);
}
