using System.Globalization;
using AfterSales.Entitlements.Warranty;
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

    /// <summary>
    /// A device's warranty notice (R-IN-2): <see cref="AfterSalesEventTypes.WarrantyExpiring"/> at the start of the day
    /// <paramref name="lead"/> before its warranty ends (the day after its last covered day, in the policy's zone), as
    /// <paramref name="policy"/> assesses the record with every replacement it holds (R-WAR-3 restarts included). Saving the
    /// device again moves it; it is withdrawn when no policy covers the device's component or the warranty has already
    /// ended at <paramref name="now"/>.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="record">The device as saved.</param>
    /// <param name="policy">Its warranty policy (the record's, or the tenant's default), if any.</param>
    /// <param name="lead">How long before the end to notify, e.g. <see cref="WarrantyPolicy.PreExpiryWindow"/>.</param>
    /// <param name="now">When the device is saved.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lead"/> is negative.</exception>
    public static DueNotice ForDevice(string tenantId, DeviceRecord record, WarrantyPolicy? policy, Period lead, Instant now)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(record);
        Guard.NotNull(lead);
        var subject = $"devices/{record.SerialNumber}/warranty";
        if (policy?.TermFor(record.Component) is null)
        {
            return DueNotice.Withdraw(tenantId, AfterSalesEventTypes.WarrantyExpiring, subject);
        }

        // Assessed as of the end of time: every recorded replacement counts; the status is not used, only the covered days.
        var assessment = policy.Evaluate(record, LocalDate.MaxIsoValue);
        var endsOn = assessment.LastCoveredDay.PlusDays(1);
        var notifyOn = endsOn.Minus(lead);
        if (notifyOn > endsOn)
        {
            throw new ArgumentOutOfRangeException(nameof(lead), lead, $"lead must not be negative, was {lead}.");
        }

        var endsAt = endsOn.AtStartOfDayInZone(policy.Zone).ToInstant();
        if (endsAt <= now)
        {
            return DueNotice.Withdraw(tenantId, AfterSalesEventTypes.WarrantyExpiring, subject);
        }

        var dueAt = notifyOn.AtStartOfDayInZone(policy.Zone).ToInstant();
        return DueNotice.Schedule(new DomainEvent(
            EventIds.For("warranty-expiring", tenantId, record.SerialNumber, policy.Code, endsOn.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), notifyOn.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)),
            AfterSalesEventTypes.WarrantyExpiring,
            tenantId,
            subject,
            dueAt,
            new WarrantyExpiring(record, policy.Code, assessment.StartsOn, assessment.LastCoveredDay, endsAt)));
    }
}
