namespace AfterSales.WorkOrders;

/// <summary>
/// A guard of the ticket workflow (<see cref="TicketWorkflow"/>): what it requires, in the words a
/// refusal reports (with its R-id), and whether a ticket meets it at the instant of a decision.
/// </summary>
internal sealed class TicketGuard(string description, Func<Ticket, Instant, bool> holds)
{
    /// <summary>What the guard requires, e.g. <see cref="TicketWorkflow.RemoteDiagnosisFirst"/>.</summary>
    public string Description { get; } = description;

    /// <summary>Whether <paramref name="ticket"/> meets the guard at <paramref name="at"/>.</summary>
    public bool Holds(Ticket ticket, Instant at) => holds(ticket, at);
}
