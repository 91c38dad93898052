namespace AfterSales.WorkOrders;

/// <summary>
/// Thrown when a work order is saved with an expected version that is no longer current (并发冲突):
/// someone else changed it since it was loaded. Reload, re-decide, and try again.
/// </summary>
public sealed class ConcurrencyConflictException : AfterSalesException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ticketId">The work order.</param>
    /// <param name="expectedVersion">The version the writer expected.</param>
    /// <param name="actualVersion">The version stored (0 when the ticket does not exist).</param>
    public ConcurrencyConflictException(TicketId ticketId, int expectedVersion, int actualVersion)
        : base($"Work order '{ticketId}' was changed concurrently: expected version {expectedVersion}, but the stored version is {actualVersion}. Reload it and retry.")
    {
        TicketId = ticketId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The work order.</summary>
    public TicketId TicketId { get; }

    /// <summary>The version the writer expected.</summary>
    public int ExpectedVersion { get; }

    /// <summary>The version stored (0 when the ticket does not exist).</summary>
    public int ActualVersion { get; }
}
