namespace AfterSales.WorkOrders;

/// <summary>
/// Thrown when a work order — or another aggregate a store keeps with optimistic concurrency (a
/// stock ledger, a complaint, a device record) — is saved with an expected version that is no
/// longer current (并发冲突): someone else changed it since it was loaded. Reload, re-decide, and
/// try again.
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
        Aggregate = "work order";
        AggregateId = ticketId.Value;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>Creates the exception for an aggregate other than a work order.</summary>
    /// <param name="aggregate">What was saved, e.g. <c>"stock ledger"</c>, <c>"complaint"</c>, <c>"device record"</c>.</param>
    /// <param name="aggregateId">Its key within the tenant, e.g. <c>"SC-01/PSU-450"</c>.</param>
    /// <param name="expectedVersion">The version the writer expected.</param>
    /// <param name="actualVersion">The version stored (0 when it does not exist).</param>
    public ConcurrencyConflictException(string aggregate, string aggregateId, int expectedVersion, int actualVersion)
        : base($"{Capitalised(aggregate)} '{aggregateId}' was changed concurrently: expected version {expectedVersion}, but the stored version is {actualVersion}. Reload it and retry.")
    {
        Aggregate = aggregate;
        AggregateId = aggregateId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The work order; <c>default</c> (<see cref="TicketId.IsEmpty"/>) when another aggregate conflicted.</summary>
    public TicketId TicketId { get; }

    /// <summary>What was saved: <c>"work order"</c>, <c>"stock ledger"</c>, <c>"complaint"</c>, <c>"device record"</c> ….</summary>
    public string Aggregate { get; }

    /// <summary>The aggregate's key within its tenant (the work order's id for a work order).</summary>
    public string AggregateId { get; }

    /// <summary>The version the writer expected.</summary>
    public int ExpectedVersion { get; }

    /// <summary>The version stored (0 when the work order or aggregate does not exist).</summary>
    public int ActualVersion { get; }

    private static string Capitalised(string text) =>
        string.IsNullOrEmpty(text) ? "Aggregate" : char.ToUpperInvariant(text[0]) + text[1..];
}
