using AfterSales.WorkOrders;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// One stored <see cref="TicketEvent"/> (工单事件行): append-only, unique per ticket and version.
/// The payload fields its kind carries are one JSON document.
/// </summary>
public sealed class TicketEventRow
{
    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The work order's id.</summary>
    public string TicketId { get; set; } = string.Empty;

    /// <summary>The ticket's version after the event: 1, 2, 3 … without gaps.</summary>
    public int Version { get; set; }

    /// <summary>What happened, stored by name.</summary>
    public TicketEventKind Kind { get; set; }

    /// <summary>When it happened.</summary>
    public Instant At { get; set; }

    /// <summary>The payload as JSON (System.Text.Json), or <see langword="null"/> when the kind carries none.</summary>
    public string? Payload { get; set; }

    /// <summary>Who recorded the event: the user's stable subject (<see cref="Actor.Subject"/>), or <see langword="null"/> when unknown.</summary>
    public string? ActorSubject { get; set; }

    /// <summary>The user's display name when the event was recorded (<see cref="Actor.DisplayName"/>), if known.</summary>
    public string? ActorName { get; set; }

    /// <summary>When a back-dated fact was entered (<see cref="TicketEvent.RecordedAt"/>); <see langword="null"/> for a fact recorded as it happened.</summary>
    public Instant? RecordedAt { get; set; }
}
