namespace AfterSales.Calendars;

/// <summary>
/// The business calendars a tenant sees (日历目录), every version kept: a shared default set every
/// tenant sees (the presets, or the host's), and the tenant's own versions. A tenant's change is
/// saved as the next version of the id for that tenant only; a tenant's own version of an id hides
/// the shared ones from "latest", while older versions stay readable by number, so clocks can be
/// recomputed with the versions they were computed with. A port: <see cref="InMemoryCalendarCatalog"/>
/// is the default; the EF Core adapter stores the tenants' versions in a table.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe. Saving a version also records that the tenant's open
/// tickets have to adopt it (<see cref="ICalendarAdoptions"/>), in the same write.
/// </remarks>
public interface ICalendarCatalog
{
    /// <summary>The latest version of every calendar the tenant sees, by id.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<CalendarDefinition>> ListAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The calendar <paramref name="calendarId"/> at <paramref name="version"/> as the tenant sees it
    /// (its own version of that number, else the shared one), or its latest when
    /// <paramref name="version"/> is <see langword="null"/>; <see langword="null"/> when there is none.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="calendarId">The calendar's id.</param>
    /// <param name="version">The version, or <see langword="null"/> for the latest.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<CalendarDefinition?> FindAsync(string tenantId, string calendarId, int? version = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves <paramref name="definition"/> as the tenant's next version of its id (the latest the
    /// tenant sees + 1, or 1 for a new id) and records that open tickets must adopt it.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="definition">The new content; its own version is ignored.</param>
    /// <param name="expectedVersion">The latest version the caller saw (0 for a new id), or <see langword="null"/> to save over whatever is latest.</param>
    /// <param name="cancellationToken">Cancels the save; nothing is saved then.</param>
    /// <returns>The saved definition, with its version.</returns>
    /// <exception cref="WorkOrders.ConcurrencyConflictException">The latest version is not <paramref name="expectedVersion"/>, or another writer saved the same version first.</exception>
    Task<CalendarDefinition> SaveAsync(string tenantId, CalendarDefinition definition, int? expectedVersion, CancellationToken cancellationToken = default);
}
