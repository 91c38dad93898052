namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// An event due at a future instant (到期通知, schema 0009), one per (tenant, type, subject): written in the
/// transaction of the fact that schedules, moves or withdraws it; the deadline watcher claims it once due, writes
/// its event into the outbox and deletes it in one transaction. Written only by the stores; hosts may read it.
/// </summary>
public sealed class DueNoticeRow
{
    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The event type, e.g. <c>aftersales.loaner.overdue</c>.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>The event's subject, e.g. <c>tickets/WO-1/loaners/LN-7</c>.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>When it falls due: the event's instant.</summary>
    public Instant DueAt { get; set; }

    /// <summary>The event's id (derived from the fact and the due instant).</summary>
    public string EventId { get; set; } = string.Empty;

    /// <summary>The event as the outbox keeps it (formatted when scheduled).</summary>
    public string Payload { get; set; } = string.Empty;

    /// <summary>The node holding it, while claimed.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>When the claim's lease ends.</summary>
    public Instant? ClaimedUntil { get; set; }
}
