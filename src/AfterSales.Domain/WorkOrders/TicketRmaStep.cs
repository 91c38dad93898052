namespace AfterSales.WorkOrders;

/// <summary>
/// One step of a return-for-repair (坏件返修, RMA) as a ticket event records it, R-WO-9: the RMA
/// number the manufacturer issued, the part, and — when it came back — the outcome. Immutable.
/// </summary>
public sealed record TicketRmaStep
{
    /// <summary>The RMA number (返修单号), unique within the ticket.</summary>
    public required string RmaNumber { get; init; }

    /// <summary>The faulty part's number; set when the part is sent.</summary>
    public string? PartNumber { get; init; }

    /// <summary>The faulty part's serial number, if it has one.</summary>
    public string? SerialNumber { get; init; }

    /// <summary>How it came back; set when it is received.</summary>
    public RmaOutcome? Outcome { get; init; }

    /// <summary>A note, e.g. the carrier and tracking number, or the manufacturer's finding.</summary>
    public string? Note { get; init; }
}
