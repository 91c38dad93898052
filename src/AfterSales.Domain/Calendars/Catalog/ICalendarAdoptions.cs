namespace AfterSales.Calendars;

/// <summary>
/// The record of which saved calendar versions the tenant's open tickets still have to adopt, and
/// how far that got (日历版本采用进度): written with each save by <see cref="ICalendarCatalog.SaveAsync"/>,
/// advanced batch by batch by the recompute of open tickets, so an interrupted
/// recompute resumes where it stopped. Implemented by the same stores as the catalog.
/// </summary>
/// <remarks>Implementations must be thread-safe.</remarks>
public interface ICalendarAdoptions
{
    /// <summary>The adoptions not finished yet, oldest save first.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<CalendarAdoptionProgress>> ListUnfinishedAsync(CancellationToken cancellationToken = default);

    /// <summary>The progress of one saved version's adoption, or <see langword="null"/> when no such version was saved by the tenant.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="calendarId">The calendar's id.</param>
    /// <param name="version">The saved version.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<CalendarAdoptionProgress?> FindProgressAsync(string tenantId, string calendarId, int version, CancellationToken cancellationToken = default);

    /// <summary>Records how far an adoption got (its cursor, counts, and whether it finished).</summary>
    /// <param name="progress">The new progress of a saved version.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task RecordAsync(CalendarAdoptionProgress progress, CancellationToken cancellationToken = default);
}
