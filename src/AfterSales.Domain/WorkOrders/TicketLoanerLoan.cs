namespace AfterSales.WorkOrders;

/// <summary>A loaner unit a work order lent the customer (备机借出, R-SP-5), tracked to its return. Immutable.</summary>
public sealed record TicketLoanerLoan
{
    /// <summary>The unit.</summary>
    public required TicketLoaner Loaner { get; init; }

    /// <summary>When it was provided: the instant that met the loaner clock (R-SLA-5).</summary>
    public required Instant ProvidedAt { get; init; }

    /// <summary>When it came back; <see langword="null"/> while the customer has it.</summary>
    public Instant? ReturnedAt { get; init; }

    /// <summary>Whether the customer still has it.</summary>
    public bool IsOut => ReturnedAt is null;
}
