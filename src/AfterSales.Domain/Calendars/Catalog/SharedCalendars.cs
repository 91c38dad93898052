using AfterSales.Internal;

namespace AfterSales.Calendars;

/// <summary>
/// The shared default set of a catalog (共享日历): definitions by id, every version, immutable. Used by
/// the in-memory and the EF Core catalogs alike, so both resolve "the tenant's own, else shared" the same way.
/// </summary>
public sealed class SharedCalendars
{
    private readonly Dictionary<string, CalendarDefinition[]> byId;

    /// <summary>Creates the set.</summary>
    /// <param name="definitions">The definitions, every version.</param>
    /// <exception cref="ArgumentException">Two definitions have the same key (<c>id@version</c>).</exception>
    public SharedCalendars(IEnumerable<CalendarDefinition> definitions)
    {
        var all = Guard.NotNull(definitions).Distinct().ToArray();
        foreach (var group in all.GroupBy(static d => d.Key, StringComparer.Ordinal))
        {
            if (group.Count() > 1)
            {
                throw new ArgumentException($"definitions: calendar {group.Key} appears twice with different content; give the new one a higher version.", nameof(definitions));
            }
        }

        byId = all.GroupBy(static d => d.Id, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.OrderBy(static d => d.Version).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The ids held, in ordinal order.</summary>
    public IEnumerable<string> Ids => byId.Keys.Order(StringComparer.Ordinal);

    /// <summary>The highest version of <paramref name="calendarId"/>, or <see langword="null"/>.</summary>
    /// <param name="calendarId">The id.</param>
    public CalendarDefinition? Latest(string calendarId) =>
        byId.TryGetValue(Guard.NotNull(calendarId), out var versions) ? versions[^1] : null;

    /// <summary>The version <paramref name="version"/> of <paramref name="calendarId"/>, or <see langword="null"/>.</summary>
    /// <param name="calendarId">The id.</param>
    /// <param name="version">The version.</param>
    public CalendarDefinition? Find(string calendarId, int version) =>
        byId.TryGetValue(Guard.NotNull(calendarId), out var versions) ? Array.Find(versions, d => d.Version == version) : null;
}
