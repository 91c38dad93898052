namespace AfterSales.WorkOrders;

/// <summary>
/// A loaner unit (备机) as a ticket event records it, R-SP-5: which unit went to the customer (its
/// serial number, the loaner pool's part number and service centre) and its grade, checked against
/// the device's — the same or better. Carried by <see cref="TicketEventKind.LoanerProvided"/> and, naming
/// the unit back, by <see cref="TicketEventKind.LoanerReturned"/>. Immutable.
/// </summary>
public sealed record TicketLoaner
{
    /// <summary>The unit's serial number (备机序列号), unique among the order's loaners out.</summary>
    public required string UnitSerialNumber { get; init; }

    /// <summary>The loaner pool's part number (the unit's type); set when the unit is provided.</summary>
    public string? PartNumber { get; init; }

    /// <summary>The service centre whose pool lent it, if said.</summary>
    public string? CentreId { get; init; }

    /// <summary>The unit's grade (0 or more, higher is better), if known: it must be at least the device's.</summary>
    public int? Grade { get; init; }

    /// <summary>
    /// When the customer is to bring it back (归还期限), if agreed: after the loan's instant. Unreturned by then,
    /// the loan is overdue (<see cref="Events.AfterSalesEventTypes.LoanerOverdue"/>, emitted once at that instant).
    /// </summary>
    public Instant? ReturnBy { get; init; }
}
