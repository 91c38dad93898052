using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.WorkOrders;

namespace AfterSales.EntityFrameworkCore.Tickets;

/// <summary>Turns a ticket's stored event rows back into the aggregate, under the policy version its report event names, as its tenant sees it.</summary>
internal sealed class TicketRehydrator(ISlaPolicyCatalog catalog, IClock clock)
{
    public IClock Clock => clock;

    public async Task<Ticket> RebuildAsync(List<TicketEventRow> rows, CancellationToken cancellationToken)
    {
        var history = new TicketEvent[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            history[i] = EventMapper.ToEvent(rows[i]);
        }

        var key = history[0].PolicyKey
            ?? throw new InvalidOperationException($"The first stored event of work order '{rows[0].TicketId}' has no policy key.");
        var policy = await catalog.GetByKeyAsync(rows[0].TenantId, key, cancellationToken).ConfigureAwait(false);
        return Ticket.FromEvents(history, policy, clock);
    }

    /// <summary>Rebuilds tickets one after another (policies are cached by the catalog, so only the first of a version reads it).</summary>
    public async Task<List<Ticket>> RebuildAllAsync(IEnumerable<List<TicketEventRow>> tickets, CancellationToken cancellationToken)
    {
        var result = new List<Ticket>();
        foreach (var rows in tickets)
        {
            result.Add(await RebuildAsync(rows, cancellationToken).ConfigureAwait(false));
        }

        return result;
    }
}
