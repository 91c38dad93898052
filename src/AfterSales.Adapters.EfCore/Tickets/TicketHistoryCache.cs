using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.WorkOrders;
using Microsoft.Extensions.Caching.Memory;

namespace AfterSales.EntityFrameworkCore.Tickets;

/// <summary>
/// The event histories this process loaded, so the next load of a ticket reads only the events stored
/// since (one indexed read of a row or two) and replays the known ones without checking them again,
/// instead of reading, parsing and checking every event of the ticket on every command and read.
/// Bounded by a number of events; the least recently used histories go first.
/// </summary>
/// <remarks>
/// <para><b>Never stale.</b> A load always asks the database for the events from the last known
/// version on — another node's writes are read like any others — and that version's row must still be
/// the event this process knew (its kind and instants): a history rewritten underneath (a database
/// recreated, a restored backup) is dropped and read whole.</para>
/// <para><b>Only what was read.</b> Histories enter the cache from rows read back, never from a
/// ticket being saved, so a loaded ticket is exactly what a load without the cache gives.</para>
/// </remarks>
internal sealed class TicketHistoryCache
{
    // Lives as long as its store (a singleton); MemoryCache holds nothing that needs disposing here.
    private readonly MemoryCache? cache;

    /// <summary>Creates a cache of at most <paramref name="events"/> events; 0 keeps none.</summary>
    public TicketHistoryCache(int events)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        cache = events == 0 ? null : new MemoryCache(new MemoryCacheOptions { SizeLimit = events });
    }

    /// <summary>The history known for the ticket, if any (never empty).</summary>
    public TicketEvent[]? Find(string tenantId, string ticketId) =>
        cache is not null && cache.TryGetValue((tenantId, ticketId), out TicketEvent[]? history) ? history : null;

    /// <summary>
    /// The ticket's whole history from <paramref name="known"/> and the rows read from its last version on;
    /// null when the rows do not begin with that version's event as known (the history changed underneath).
    /// </summary>
    public static TicketEvent[]? Extend(TicketEvent[] known, List<TicketEventRow> rows)
    {
        var last = known[^1];
        if (rows.Count == 0 || rows[0] is not { } first || first.Version != last.Version || first.Kind != last.Kind || first.At != last.At || first.RecordedAt != last.RecordedAt)
        {
            return null;
        }

        if (rows.Count == 1)
        {
            return known;
        }

        var history = new TicketEvent[known.Length + rows.Count - 1];
        known.CopyTo(history, 0);
        for (var i = 1; i < rows.Count; i++)
        {
            history[known.Length + i - 1] = EventMapper.ToEvent(rows[i]);
        }

        return history;
    }

    /// <summary>Remembers <paramref name="history"/>, verified by a rebuild, as the ticket's.</summary>
    public void Remember(string tenantId, string ticketId, TicketEvent[] history)
    {
        cache?.Set((tenantId, ticketId), history, new MemoryCacheEntryOptions { Size = history.Length });
    }

    /// <summary>Forgets the ticket's history.</summary>
    public void Forget(string tenantId, string ticketId) => cache?.Remove((tenantId, ticketId));
}
