using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.WorkOrders;

namespace AfterSales.EntityFrameworkCore.Tickets;

/// <summary>Turns a ticket's stored event rows back into the aggregate, under the policy and calendar versions its events name.</summary>
internal sealed class TicketRehydrator(SlaTermsResolver terms, IClock clock)
{
    public IClock Clock => clock;

    public SlaTermsResolver Terms => terms;

    public Task<Ticket> RebuildAsync(List<TicketEventRow> rows, CancellationToken cancellationToken) =>
        terms.RebuildAsync(ToEvents(rows), clock, cancellationToken);

    public static TicketEvent[] ToEvents(List<TicketEventRow> rows)
    {
        var history = new TicketEvent[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            history[i] = EventMapper.ToEvent(rows[i]);
        }

        return history;
    }
}
