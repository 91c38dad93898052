using AfterSales.WorkOrders;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// The row kept per work order (工单行) beside its events: the summary of its last save, the version
/// (the optimistic-concurrency token) and the due-work claim. Written only by
/// <see cref="EfCoreTicketStore{TContext}"/>; hosts may read it for reports.
/// </summary>
public sealed class TicketRow
{
    /// <summary>The tenant (租户).</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The work order's id (<see cref="TicketId.Value"/>).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The state at the last save, stored by name.</summary>
    public TicketState State { get; set; }

    /// <summary>The current severity code.</summary>
    public string SeverityCode { get; set; } = string.Empty;

    /// <summary>The pinned SLA policy's key (<c>id@version</c>).</summary>
    public string PolicyKey { get; set; } = string.Empty;

    /// <summary>The device's serial number.</summary>
    public string DeviceSerialNumber { get; set; } = string.Empty;

    /// <summary>When the fault was reported.</summary>
    public Instant ReportedAt { get; set; }

    /// <summary>When the last event happened.</summary>
    public Instant LastEventAt { get; set; }

    /// <summary>The instant the summary (deadline, legacy flag) was computed at: the last save.</summary>
    public Instant AsOf { get; set; }

    /// <summary>The next SLA warning or due instant after <see cref="AsOf"/>, or <see langword="null"/>; indexed.</summary>
    public Instant? NextDeadline { get; set; }

    /// <summary>Whether the ticket was a legacy issue (遗留问题) at <see cref="AsOf"/>.</summary>
    public bool IsLegacyIssue { get; set; }

    /// <summary>The number of events: the optimistic-concurrency token.</summary>
    public int Version { get; set; }

    /// <summary>Who holds the due-work claim, if anyone (see <see cref="EfCoreTicketStore{TContext}.ClaimDueAsync"/>).</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>When the claim's lease ends; after it, the ticket may be claimed again.</summary>
    public Instant? ClaimedUntil { get; set; }

    /// <summary>
    /// Whether a clock of the ticket was provisional at <see cref="AsOf"/>: it reached a year a
    /// calendar has no holiday data for and counted it as plain weeks (schema 0003).
    /// </summary>
    public bool IsProvisional { get; set; }
}
