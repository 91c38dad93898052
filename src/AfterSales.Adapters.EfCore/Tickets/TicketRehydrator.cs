using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.WorkOrders;

namespace AfterSales.EntityFrameworkCore.Tickets;

/// <summary>Turns a ticket's stored event rows back into the aggregate, under the policy and calendar versions its events name.</summary>
internal sealed class TicketRehydrator(SlaTermsResolver terms, IClock clock)
{
    public IClock Clock => clock;

    public Task<Ticket> RebuildAsync(List<TicketEventRow> rows, CancellationToken cancellationToken)
    {
        var history = new TicketEvent[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            history[i] = EventMapper.ToEvent(rows[i]);
        }

        return terms.RebuildAsync(history, clock, cancellationToken);
    }
}
