namespace AfterSales.WorkOrders;

/// <summary>
/// Thrown when a closed or cancelled work order is asked to adopt a newer policy or calendar
/// version: its clocks are final, and nothing is recorded.
/// </summary>
public sealed class AdoptionRefusedException : AfterSalesException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ticketId">The work order.</param>
    /// <param name="state">Its state (closed or cancelled).</param>
    /// <param name="what">What was asked, e.g. <c>adopt a policy version</c>.</param>
    public AdoptionRefusedException(TicketId ticketId, TicketState state, string what)
        : base($"Work order '{ticketId}' is {state}: it cannot {what}; its clocks are final.")
    {
        TicketId = ticketId;
        State = state;
    }

    /// <summary>The work order.</summary>
    public TicketId TicketId { get; }

    /// <summary>Its state.</summary>
    public TicketState State { get; }
}
