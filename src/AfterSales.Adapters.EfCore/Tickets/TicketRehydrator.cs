using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.WorkOrders;

namespace AfterSales.EntityFrameworkCore.Tickets;

/// <summary>Turns a ticket's stored event rows back into the aggregate, under the policy its report event names.</summary>
internal sealed class TicketRehydrator(ISlaPolicyCatalog catalog, IClock clock)
{
    public IClock Clock => clock;

    public Ticket Rebuild(List<TicketEventRow> rows)
    {
        var history = new TicketEvent[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            history[i] = EventMapper.ToEvent(rows[i]);
        }

        var policy = catalog.GetByKey(history[0].PolicyKey
            ?? throw new InvalidOperationException($"The first stored event of work order '{rows[0].TicketId}' has no policy key."));
        return Ticket.FromEvents(history, policy, clock);
    }
}
