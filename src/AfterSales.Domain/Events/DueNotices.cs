using System.Globalization;
using AfterSales.Internal;
using AfterSales.WorkOrders;

namespace AfterSales.Events;

/// <summary>
/// The <see cref="DueNotice"/>s a save schedules or withdraws — the events that happen later, at an instant
/// nobody saves anything. Pure: stores call it inside the save's transaction.
/// </summary>
public static class DueNotices
{
    /// <summary>
    /// A work order's loaner notices for a save from <paramref name="expectedVersion"/>: a unit lent with a
    /// <see cref="TicketLoaner.ReturnBy"/> schedules <see cref="AfterSalesEventTypes.LoanerOverdue"/> at that instant
    /// (R-SP-5); the unit's return withdraws it.
    /// </summary>
    /// <param name="ticket">The ticket as saved.</param>
    /// <param name="expectedVersion">The stored version the save starts from.</param>
    public static IReadOnlyList<DueNotice> ForTicketSave(Ticket ticket, int expectedVersion)
    {
        Guard.NotNull(ticket);
        List<DueNotice>? notices = null;
        for (var i = expectedVersion; i < ticket.Events.Count; i++)
        {
            var e = ticket.Events[i];
            if (e.Loaner is not { } unit || e.Kind is not (TicketEventKind.LoanerProvided or TicketEventKind.LoanerReturned))
            {
                continue;
            }

            var subject = $"tickets/{ticket.Id.Value}/loaners/{unit.UnitSerialNumber}";
            notices ??= [];

            // A later fact of the same save about the same unit replaces an earlier one.
            notices.RemoveAll(n => n.Subject == subject);
            if (e.Kind == TicketEventKind.LoanerReturned)
            {
                notices.Add(DueNotice.Withdraw(ticket.TenantId, AfterSalesEventTypes.LoanerOverdue, subject));
            }
            else if (unit.ReturnBy is { } returnBy)
            {
                var version = e.Version.ToString(CultureInfo.InvariantCulture);
                notices.Add(DueNotice.Schedule(new DomainEvent(
                    EventIds.For("loaner-overdue", ticket.TenantId, ticket.Id.Value, unit.UnitSerialNumber, version),
                    AfterSalesEventTypes.LoanerOverdue,
                    ticket.TenantId,
                    subject,
                    returnBy,
                    new LoanerOverdue(ticket.Id, unit, e.At, e.Version))));
            }
        }

        return notices ?? (IReadOnlyList<DueNotice>)[];
    }
}
