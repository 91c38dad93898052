namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// One dispatch of an engineer to a work order (派工记录, R-ORG-1): the index behind "the tickets an
/// engineer was dispatched to". Written with the <see cref="WorkOrders.TicketEventKind.Dispatched"/> event it
/// mirrors, in the same transaction, by the ticket store; never changed.
/// </summary>
public sealed class EngineerDispatchRow
{
    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The engineer dispatched.</summary>
    public string EngineerId { get; set; } = string.Empty;

    /// <summary>The work order.</summary>
    public string TicketId { get; set; } = string.Empty;

    /// <summary>The version of the work order's Dispatched event.</summary>
    public int Version { get; set; }

    /// <summary>When the engineer was dispatched.</summary>
    public Instant DispatchedAt { get; set; }
}
