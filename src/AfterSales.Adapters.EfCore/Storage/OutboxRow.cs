namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>Whether an outbox event was fanned out to the webhook subscriptions yet.</summary>
public enum OutboxState
{
    /// <summary>Written by the change that caused it; not yet dispatched.</summary>
    Pending,

    /// <summary>Fanned out into one delivery per matching subscription.</summary>
    Dispatched,
}

/// <summary>
/// One event in the outbox (发件箱), written in the transaction of the change that caused it and kept as
/// the tenant's event log (the feed reads it by position). Written only by the stores; hosts may read it.
/// </summary>
public sealed class OutboxRow
{
    /// <summary>The insertion sequence (identity): the order within a transaction and, on SQLite, the log order.</summary>
    public long Sequence { get; set; }

    /// <summary>PostgreSQL: the writing transaction's id (<c>pg_current_xact_id()</c>); SQLite: 0. With <see cref="Sequence"/>, the feed's position.</summary>
    public long TransactionId { get; set; }

    /// <summary>The event's id (unique: a fact is written once whoever computes it).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The event type, e.g. <c>aftersales.clock.breached</c>.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>What it is about, e.g. <c>tickets/WO-1</c>.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>When it happened.</summary>
    public Instant OccurredAt { get; set; }

    /// <summary>The formatted event (CloudEvents JSON), delivered byte for byte.</summary>
    public string Payload { get; set; } = string.Empty;

    /// <summary>Dispatched to the subscriptions or not, stored by name.</summary>
    public OutboxState State { get; set; }
}

/// <summary>A tenant's webhook subscription (事件推送订阅).</summary>
public sealed class WebhookSubscriptionRow
{
    /// <summary>The subscription's id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The receiver's absolute URL.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>The signing secret (<c>whsec_</c> + base64).</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>The event types, space-separated; empty for every type.</summary>
    public string EventTypes { get; set; } = string.Empty;

    /// <summary>When it was created.</summary>
    public Instant CreatedAt { get; set; }
}

/// <summary>One event for one subscription (事件推送记录), with its state and lease.</summary>
public sealed class WebhookDeliveryRow
{
    /// <summary>The subscription.</summary>
    public string SubscriptionId { get; set; } = string.Empty;

    /// <summary>The event's <see cref="OutboxRow.Sequence"/>.</summary>
    public long EventSequence { get; set; }

    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The event's id.</summary>
    public string EventId { get; set; } = string.Empty;

    /// <summary>The event's type.</summary>
    public string EventType { get; set; } = string.Empty;

    /// <summary>When the event happened.</summary>
    public Instant OccurredAt { get; set; }

    /// <summary>Pending, delivered or dead-lettered, stored by name.</summary>
    public AfterSales.Events.WebhookDeliveryState State { get; set; }

    /// <summary>HTTP attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>The last status code, if an answer came.</summary>
    public int? LastStatusCode { get; set; }

    /// <summary>Why the last attempt failed.</summary>
    public string? LastError { get; set; }

    /// <summary>When the last attempt ended.</summary>
    public Instant? LastAttemptAt { get; set; }

    /// <summary>When the receiver acknowledged it.</summary>
    public Instant? DeliveredAt { get; set; }

    /// <summary>Who is sending it, if anyone.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>When that lease ends.</summary>
    public Instant? ClaimedUntil { get; set; }
}
