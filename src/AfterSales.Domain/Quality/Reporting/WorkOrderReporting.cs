using AfterSales.Internal;
using AfterSales.WorkOrders;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// Turns work orders (故障处理工作单) into the inputs of the quality figures and the quarterly
/// report, so every host reads a ticket the same way (R-WO-3, R-RP-2, R-RP-5).
/// </summary>
public static class WorkOrderReporting
{
    /// <summary>
    /// The report's view of <paramref name="ticket"/> as of <paramref name="asOf"/>: the first
    /// response, arrival, restoration and resolution it recorded (a remote resolution restores and
    /// resolves at once), its SLA clocks at that instant, and whether it is a major fault — one of
    /// the most severe level of its policy's scale (重大故障, R-RP-2).
    /// </summary>
    /// <param name="ticket">The work order.</param>
    /// <param name="asOf">The instant the clocks are evaluated at; one before the report counts as the report.</param>
    /// <param name="partTypesUsed">The part types the order used, if the host tracks them.</param>
    public static WorkOrderSummary Summarise(Ticket ticket, Instant asOf, IEnumerable<string>? partTypesUsed = null)
    {
        Guard.NotNull(ticket);
        Instant? First(TicketEventKind kind, TicketEventKind? or = null) =>
            ticket.Events.FirstOrDefault(e => e.Kind == kind || e.Kind == or)?.At;

        return new WorkOrderSummary(
            ticket.Id.Value,
            ticket.DeviceSerialNumber,
            ticket.SeverityCode,
            string.Equals(ticket.SeverityCode, ticket.Policy.SeverityScale.MostSevere.Code, StringComparison.Ordinal),
            ticket.ReportedAt,
            ticket.ReportDetails.FaultOccurredAt,
            First(TicketEventKind.Acknowledged),
            First(TicketEventKind.ArrivedOnSite),
            First(TicketEventKind.ServiceRestored, TicketEventKind.ResolvedRemotely),
            First(TicketEventKind.Resolved, TicketEventKind.ResolvedRemotely),
            ticket.Clocks(asOf < ticket.ReportedAt ? ticket.ReportedAt : asOf),
            partTypesUsed ?? []);
    }

    /// <summary>
    /// The satisfaction surveys a work order carries: one per customer sign-off (R-WO-8), its
    /// rating standing for every survey item (R-RP-5) and its comment as the suggestions, dated in
    /// <paramref name="zone"/>.
    /// </summary>
    /// <param name="ticket">The work order.</param>
    /// <param name="customerId">Who the customer is in the report, e.g. the tenant.</param>
    /// <param name="zone">The zone the answer dates are counted in.</param>
    public static IEnumerable<SatisfactionSurvey> Surveys(Ticket ticket, string customerId, DateTimeZone zone)
    {
        Guard.NotNull(ticket);
        Guard.NotBlank(customerId);
        Guard.NotNull(zone);
        foreach (var signed in ticket.Events)
        {
            if (signed.SignOff is { } signOff)
            {
                var score = signOff.Satisfaction;
                yield return new SatisfactionSurvey(ticket.Id.Value, customerId, signed.At.InZone(zone).Date, score, score, score, score, signOff.Comment ?? string.Empty);
            }
        }
    }
}
