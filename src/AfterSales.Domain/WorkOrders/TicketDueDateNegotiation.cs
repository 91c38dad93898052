namespace AfterSales.WorkOrders;

/// <summary>A due instant agreed with the customer for one target's clock (协商时限, R-SLA-3), as recorded by <see cref="Ticket.NegotiateDueDate(string, Instant, string, string)"/>.</summary>
/// <remarks>Value equality.</remarks>
public sealed record TicketDueDateNegotiation
{
    /// <summary>The code of the metric whose clock moves, e.g. <c>resolved</c>.</summary>
    public required string MetricCode { get; init; }

    /// <summary>The agreed due instant.</summary>
    public required Instant DueAt { get; init; }

    /// <summary>Who agreed it (the actor), e.g. the service manager who signed the agreement.</summary>
    public required string NegotiatedBy { get; init; }
}
