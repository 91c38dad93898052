using AfterSales.Internal;
using AfterSales.Quality.Penalties;
using AfterSales.Severity;
using AfterSales.WorkOrders;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// Reads a work order (故障处理工单) for the quality figures, the quarterly report and the engineer
/// ledger, as of an instant: only what had happened by then counts, so a report as of an instant
/// never sees a later fact (R-WO-3, R-RP-2, R-RP-3, R-CP-3).
/// </summary>
public static class WorkOrderReporting
{
    /// <summary>
    /// The report's view of <paramref name="ticket"/> as of <paramref name="asOf"/>: the first
    /// response, arrival, restoration and resolution it had recorded by then (a remote resolution
    /// restores and resolves at once), its severity, engineer, parts and billing then, its SLA clocks
    /// at that instant, and whether it is a major fault — one of the most severe level of its
    /// policy's scale (重大故障, R-RP-2). A recurrence (re-open) starts a new downtime interval.
    /// </summary>
    /// <param name="ticket">The work order.</param>
    /// <param name="asOf">The instant; one before the report counts as the report.</param>
    public static WorkOrderSummary Summarise(Ticket ticket, Instant asOf)
    {
        Guard.NotNull(ticket);
        var at = asOf < ticket.ReportedAt ? ticket.ReportedAt : asOf;
        var report = ticket.ReportDetails;
        var severityCode = report.SeverityCode;
        string? engineer = null;
        var billable = report.IsBillable;
        var cancelled = false;
        Instant? responded = null, arrived = null, restored = null, resolved = null;
        var parts = new List<string>();
        var down = new List<Interval>();
        Instant? downSince = report.FaultOccurredAt is { } f && f < ticket.ReportedAt ? f : ticket.ReportedAt;
        foreach (var e in ticket.Events)
        {
            if (e.At > at)
            {
                break;
            }

            switch (e.Kind)
            {
                case TicketEventKind.Acknowledged:
                    responded ??= e.At;
                    break;
                case TicketEventKind.ArrivedOnSite:
                    arrived ??= e.At;
                    break;
                case TicketEventKind.Dispatched:
                    engineer = e.Engineer;
                    break;
                case TicketEventKind.Reclassified when e.SeverityCode is { } code:
                    severityCode = code;
                    break;
                case TicketEventKind.QuoteSubmitted:
                    billable = true;
                    break;
                case TicketEventKind.PartsReplaced when e.PartsExchange is { } exchange:
                    parts.Add(exchange.NewPartNumber);
                    break;
                case TicketEventKind.ServiceRestored:
                case TicketEventKind.Resolved:
                case TicketEventKind.ResolvedRemotely:
                    if (e.Kind != TicketEventKind.Resolved)
                    {
                        restored ??= e.At;
                    }

                    if (e.Kind != TicketEventKind.ServiceRestored)
                    {
                        resolved ??= e.At;
                    }

                    if (downSince is { } from)
                    {
                        down.Add(new Interval(from, e.At));
                        downSince = null;
                    }

                    break;
                case TicketEventKind.Reopened:
                    downSince ??= e.At;
                    break;
                case TicketEventKind.Cancelled:
                    // A cancelled report (duplicate or invalid) was no downtime and no fault of its own.
                    downSince = null;
                    cancelled = true;
                    break;
            }
        }

        if (downSince is { } open)
        {
            down.Add(new Interval(open, null));
        }

        var scale = ticket.Policy.SeverityScale;
        var severity = scale.TryFind(severityCode, out var level) ? level : new SeverityLevel(severityCode, int.MaxValue, severityCode, severityCode);
        return new WorkOrderSummary(
            ticket.Id.Value,
            ticket.DeviceSerialNumber,
            severity,
            string.Equals(severity.Code, scale.MostSevere.Code, StringComparison.Ordinal),
            ticket.ReportedAt,
            report.FaultOccurredAt,
            responded,
            arrived,
            restored,
            resolved,
            ticket.ClockStatuses(at),
            parts,
            engineer,
            !billable,
            down,
            ticket.PolicyKey,
            cancelled);
    }

    /// <summary>
    /// The customer's ratings on the work order's signed service reports (R-WO-8), one per sign-off
    /// made by <paramref name="asOf"/>, dated in <paramref name="zone"/>. They feed the satisfaction
    /// rate only; a rating is never taken for a survey item (R-RP-5).
    /// </summary>
    public static IEnumerable<SignOffRating> Ratings(Ticket ticket, DateTimeZone zone, Instant asOf)
    {
        Guard.NotNull(ticket);
        Guard.NotNull(zone);
        foreach (var e in ticket.Events)
        {
            if (e.At > asOf)
            {
                yield break;
            }

            if (e.SignOff is { } signOff)
            {
                yield return new SignOffRating(ticket.Id.Value, e.At.InZone(zone).Date, signOff.Satisfaction, signOff.Comment ?? string.Empty);
            }
        }
    }

    /// <summary>
    /// The callback the work order owes (R-RP-3): due on the day of its first resolution by
    /// <paramref name="asOf"/> (in <paramref name="zone"/>), done when a callback recorded against it
    /// by then reached the customer; null while it is unresolved.
    /// </summary>
    /// <param name="summary">The work order as of <paramref name="asOf"/>.</param>
    /// <param name="callbacks">The callbacks recorded against it; others are ignored.</param>
    /// <param name="zone">The zone of the due day.</param>
    /// <param name="asOf">The instant.</param>
    public static CallbackRecord? Callback(WorkOrderSummary summary, IEnumerable<CustomerCallback> callbacks, DateTimeZone zone, Instant asOf)
    {
        Guard.NotNull(summary);
        Guard.NotNull(callbacks);
        Guard.NotNull(zone);
        if (summary.ResolvedAt is not { } resolved)
        {
            return null;
        }

        var done = callbacks.Any(c => c.Reached && c.CalledAt <= asOf && string.Equals(c.WorkOrderId, summary.Id, StringComparison.Ordinal));
        return new CallbackRecord(summary.Id, summary.InWarranty, resolved.InZone(zone).Date, done);
    }

    /// <summary>
    /// The services engineers completed on the work order by <paramref name="asOf"/> (R-CP-3): one
    /// per on-site resolution, credited to the engineer last dispatched before it and dated in
    /// <paramref name="zone"/>. Its feedback form is the signed service report: signed when the
    /// customer signed off after that resolution (by <paramref name="asOf"/>), and complete when it
    /// also records the symptom, the resolution and a rating — which a sign-off here always carries.
    /// </summary>
    public static IEnumerable<CompletedService> CompletedServices(Ticket ticket, DateTimeZone zone, Instant asOf)
    {
        Guard.NotNull(ticket);
        Guard.NotNull(zone);
        var events = ticket.Events;
        string? engineer = null;
        for (var i = 0; i < events.Count && events[i].At <= asOf; i++)
        {
            var e = events[i];
            if (e.Kind == TicketEventKind.Dispatched)
            {
                engineer = e.Engineer;
            }
            else if (e.Kind == TicketEventKind.Resolved && engineer is not null)
            {
                TicketEvent? signed = null;
                for (var j = i + 1; j < events.Count && events[j].At <= asOf && events[j].Kind != TicketEventKind.Reopened; j++)
                {
                    if (events[j].Kind == TicketEventKind.SignedOff)
                    {
                        signed = events[j];
                        break;
                    }
                }

                var complete = signed is not null && !string.IsNullOrWhiteSpace(e.Resolution) && !string.IsNullOrWhiteSpace(ticket.ReportDetails.Symptom);
                yield return new CompletedService(ticket.Id.Value, engineer, e.At.InZone(zone).Date, complete, signed is not null);
            }
        }
    }
}
