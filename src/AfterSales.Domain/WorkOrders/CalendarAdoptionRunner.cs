using AfterSales.Calendars;
using AfterSales.Internal;

namespace AfterSales.WorkOrders;

/// <summary>
/// Recomputes open work orders after a calendar version is saved (重新计算): walks the tenant's open
/// tickets in id order, a page at a time, and has each adopt the new version once
/// (<see cref="Ticket.AdoptCalendars"/>, a recorded event), saving a page in one batch and recording
/// the last id done (<see cref="ICalendarAdoptions"/>) — so memory is bounded by the page, and a walk
/// interrupted by a crash resumes where it stopped. A ticket already on the version is skipped, so
/// resuming (or two nodes walking at once) adopts nothing twice.
/// </summary>
/// <remarks>Thread-safe; hosts run it from a background service (the HTTP adapter registers one).</remarks>
public sealed class CalendarAdoptionRunner
{
    private const int MaxRetries = 5;

    private readonly ITicketStore store;
    private readonly ICalendarCatalog calendars;
    private readonly ICalendarAdoptions adoptions;
    private readonly IClock clock;
    private readonly int batchSize;

    /// <summary>Creates the runner over the stores.</summary>
    /// <param name="store">The tickets.</param>
    /// <param name="calendars">The calendar versions.</param>
    /// <param name="adoptions">The adoptions owed and their progress.</param>
    /// <param name="clock">The clock completions are timestamped from.</param>
    /// <param name="batchSize">Tickets per page and per batch save; the default value is 500, at least 1.</param>
    public CalendarAdoptionRunner(ITicketStore store, ICalendarCatalog calendars, ICalendarAdoptions adoptions, IClock clock, int batchSize = 500)
    {
        this.store = Guard.NotNull(store);
        this.calendars = Guard.NotNull(calendars);
        this.adoptions = Guard.NotNull(adoptions);
        this.clock = Guard.NotNull(clock);
        this.batchSize = Guard.Positive(batchSize);
    }

    /// <summary>Runs every unfinished adoption to its end, oldest first.</summary>
    /// <param name="cancellationToken">Stops between pages; the progress so far is kept.</param>
    /// <returns>How many tickets adopted a version in this run.</returns>
    public async Task<int> RunPendingAsync(CancellationToken cancellationToken = default)
    {
        var adopted = 0;
        foreach (var pending in await adoptions.ListUnfinishedAsync(cancellationToken).ConfigureAwait(false))
        {
            adopted += await RunAsync(pending, cancellationToken).ConfigureAwait(false);
        }

        return adopted;
    }

    /// <summary>Runs one adoption from its recorded cursor to its end.</summary>
    /// <param name="progress">The adoption and how far it got.</param>
    /// <param name="cancellationToken">Stops between pages; the progress so far is kept.</param>
    /// <returns>How many tickets adopted the version in this run.</returns>
    public async Task<int> RunAsync(CalendarAdoptionProgress progress, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(progress);
        var definition = await calendars.FindAsync(progress.TenantId, progress.CalendarId, progress.Version, cancellationToken).ConfigureAwait(false);
        var latest = await calendars.FindAsync(progress.TenantId, progress.CalendarId, null, cancellationToken).ConfigureAwait(false);
        if (definition is null || latest is null || latest.Version != definition.Version)
        {
            // A newer version's own walk adopts it (and skips this one): nothing to do here.
            await adoptions.RecordAsync(progress with { CompletedAt = clock.GetCurrentInstant() }, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        BusinessCalendar[] calendar = [definition.Calendar];
        var total = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await store.ListOpenAsync(progress.TenantId, progress.Cursor, batchSize, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                await adoptions.RecordAsync(progress with { CompletedAt = clock.GetCurrentInstant() }, cancellationToken).ConfigureAwait(false);
                return total;
            }

            var batch = new List<(Ticket, int)>(page.Count);
            foreach (var ticket in page)
            {
                var loaded = ticket.Version;
                if (ticket.AdoptCalendars(calendar))
                {
                    batch.Add((ticket, loaded));
                }
            }

            var count = batch.Count;
            foreach (var conflict in await store.SaveAllAsync(batch, cancellationToken).ConfigureAwait(false))
            {
                count -= await RetryAsync(progress.TenantId, conflict, calendar, cancellationToken).ConfigureAwait(false) ? 0 : 1;
            }

            total += count;
            progress = progress.After(page[^1].Id.Value, count);

            // The page is saved: record it even when stopping now, so the cursor matches what was committed.
            await adoptions.RecordAsync(progress, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>A ticket that changed between the page's load and its save: load it again and adopt once more.</summary>
    private async Task<bool> RetryAsync(string tenantId, TicketId id, BusinessCalendar[] calendar, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            var ticket = await store.LoadAsync(tenantId, id, cancellationToken).ConfigureAwait(false);
            if (ticket is null || ticket.IsFinished)
            {
                return false;
            }

            var loaded = ticket.Version;
            if (!ticket.AdoptCalendars(calendar))
            {
                return false;
            }

            try
            {
                await store.SaveAsync(ticket, loaded, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
            }
        }

        throw new ConcurrencyConflictException(id, 0, 0);
    }
}
