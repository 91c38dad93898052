namespace AfterSales.WorkOrders;

/// <summary>A part a work order sent for return-for-repair (坏件返修, R-WO-9), tracked to its return. Immutable.</summary>
public sealed record TicketRma
{
    /// <summary>The RMA number.</summary>
    public required string RmaNumber { get; init; }

    /// <summary>The faulty part's number.</summary>
    public required string PartNumber { get; init; }

    /// <summary>The faulty part's serial number, if any.</summary>
    public string? SerialNumber { get; init; }

    /// <summary>When it was sent.</summary>
    public required Instant SentAt { get; init; }

    /// <summary>When it came back; <see langword="null"/> while it is out.</summary>
    public Instant? ReturnedAt { get; init; }

    /// <summary>How it came back; <see langword="null"/> while it is out.</summary>
    public RmaOutcome? Outcome { get; init; }

    /// <summary>Whether it is still with the manufacturer.</summary>
    public bool IsOut => ReturnedAt is null;
}
