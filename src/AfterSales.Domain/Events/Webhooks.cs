using AfterSales.Internal;

namespace AfterSales.Events;

/// <summary>
/// A tenant's webhook subscription (事件推送订阅): where to POST events, the secret they are signed
/// with, and which event types (none listed: every type). Immutable.
/// </summary>
public sealed class WebhookSubscription
{
    /// <summary>Creates a subscription; the adapter validates the URL and the secret's form.</summary>
    /// <exception cref="ArgumentException">A blank id, tenant or secret, a relative URL, or a blank event type.</exception>
    public WebhookSubscription(string id, string tenantId, Uri url, string secret, IEnumerable<string> eventTypes, Instant createdAt)
    {
        Id = Guard.NotBlank(id);
        TenantId = Guard.NotBlank(tenantId);
        Url = Guard.NotNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"url must be absolute, was '{url}'.", nameof(url));
        }

        Secret = Guard.NotBlank(secret);
        EventTypes = [.. Guard.NotNull(eventTypes).Select(static t => Guard.NotBlank(t, "eventTypes")).Distinct(StringComparer.Ordinal)];
        CreatedAt = createdAt;
    }

    /// <summary>The subscription's id.</summary>
    public string Id { get; }

    /// <summary>The tenant whose events it receives.</summary>
    public string TenantId { get; }

    /// <summary>The receiver's URL.</summary>
    public Uri Url { get; }

    /// <summary>The signing secret (<c>whsec_</c> + base64).</summary>
    public string Secret { get; }

    /// <summary>The event types delivered; empty for every type.</summary>
    public IReadOnlyList<string> EventTypes { get; }

    /// <summary>When it was created.</summary>
    public Instant CreatedAt { get; }

    /// <summary>Whether events of <paramref name="type"/> go to it.</summary>
    public bool Matches(string type) => EventTypes.Count == 0 || EventTypes.Contains(type, StringComparer.Ordinal);
}

/// <summary>Where a delivery stands.</summary>
public enum WebhookDeliveryState
{
    /// <summary>Waiting to be sent (or being sent under a lease).</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Given up: a 4xx answer, or every attempt failed. Re-deliver it with a command.</summary>
    DeadLettered,
}

/// <summary>One event for one subscription (事件推送记录), as stored.</summary>
public sealed class WebhookDelivery
{
    /// <summary>Creates a delivery record.</summary>
    public WebhookDelivery(
        string subscriptionId, string eventId, string eventType, Instant occurredAt, WebhookDeliveryState state, int attempts,
        int? lastStatusCode, string? lastError, Instant? lastAttemptAt, Instant? deliveredAt)
    {
        SubscriptionId = subscriptionId;
        EventId = eventId;
        EventType = eventType;
        OccurredAt = occurredAt;
        State = state;
        Attempts = attempts;
        LastStatusCode = lastStatusCode;
        LastError = lastError;
        LastAttemptAt = lastAttemptAt;
        DeliveredAt = deliveredAt;
    }

    /// <summary>The subscription.</summary>
    public string SubscriptionId { get; }

    /// <summary>The event's id.</summary>
    public string EventId { get; }

    /// <summary>The event's type.</summary>
    public string EventType { get; }

    /// <summary>When the event happened.</summary>
    public Instant OccurredAt { get; }

    /// <summary>Where it stands.</summary>
    public WebhookDeliveryState State { get; }

    /// <summary>HTTP attempts made so far, over every claim.</summary>
    public int Attempts { get; }

    /// <summary>The last answer's status code, if one came.</summary>
    public int? LastStatusCode { get; }

    /// <summary>Why the last attempt failed, if it did.</summary>
    public string? LastError { get; }

    /// <summary>When the last attempt ended.</summary>
    public Instant? LastAttemptAt { get; }

    /// <summary>When the receiver acknowledged it.</summary>
    public Instant? DeliveredAt { get; }
}

/// <summary>A pending delivery claimed for sending, with what sending needs.</summary>
public sealed class WebhookDeliveryClaim
{
    /// <summary>Creates a claim.</summary>
    public WebhookDeliveryClaim(WebhookSubscription subscription, OutboxMessage message, int attempts, string claimant, Instant claimedUntil)
    {
        Subscription = subscription;
        Message = message;
        Attempts = attempts;
        Claimant = claimant;
        ClaimedUntil = claimedUntil;
    }

    /// <summary>The subscription (URL, secret).</summary>
    public WebhookSubscription Subscription { get; }

    /// <summary>The event, with the payload to send.</summary>
    public OutboxMessage Message { get; }

    /// <summary>Attempts made before this claim.</summary>
    public int Attempts { get; }

    /// <summary>Who holds it.</summary>
    public string Claimant { get; }

    /// <summary>When the lease ends; another node may take it over after.</summary>
    public Instant ClaimedUntil { get; }
}

/// <summary>How a claimed delivery ended.</summary>
public sealed class WebhookDeliveryOutcome
{
    /// <summary>Creates an outcome.</summary>
    public WebhookDeliveryOutcome(WebhookDeliveryState state, int attempts, int? statusCode, string? error, Instant at)
    {
        State = state;
        Attempts = attempts;
        StatusCode = statusCode;
        Error = error;
        At = at;
    }

    /// <summary><see cref="WebhookDeliveryState.Delivered"/>, <see cref="WebhookDeliveryState.DeadLettered"/>, or <see cref="WebhookDeliveryState.Pending"/> to retry later (e.g. shutting down).</summary>
    public WebhookDeliveryState State { get; }

    /// <summary>The attempts made by this claim.</summary>
    public int Attempts { get; }

    /// <summary>The last status code, if an answer came.</summary>
    public int? StatusCode { get; }

    /// <summary>Why it failed, if it did.</summary>
    public string? Error { get; }

    /// <summary>When it ended.</summary>
    public Instant At { get; }
}

/// <summary>
/// Webhook subscriptions and their deliveries (事件推送存储). The dispatcher fans outbox events out into
/// one pending delivery per matching subscription; senders claim pending deliveries per subscription with
/// leases, send, and record the outcome. Implementations must be thread-safe.
/// </summary>
public interface IWebhookStore
{
    /// <summary>Stores a new subscription.</summary>
    Task AddAsync(WebhookSubscription subscription, CancellationToken cancellationToken = default);

    /// <summary>A subscription of the tenant, or <see langword="null"/>.</summary>
    Task<WebhookSubscription?> GetAsync(string tenantId, string id, CancellationToken cancellationToken = default);

    /// <summary>The tenant's subscriptions, oldest first.</summary>
    Task<IReadOnlyList<WebhookSubscription>> ListAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a subscription and its deliveries; false when the tenant has none with that id.</summary>
    Task<bool> DeleteAsync(string tenantId, string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Fans up to <paramref name="batchSize"/> undispatched outbox events out into pending deliveries
    /// (one per matching subscription) and marks them dispatched, in one transaction.
    /// </summary>
    /// <returns>The number of events dispatched.</returns>
    Task<int> DispatchAsync(int batchSize, Instant now, CancellationToken cancellationToken = default);

    /// <summary>The subscriptions with a pending delivery no live lease holds, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<string>> ListReadySubscriptionsAsync(Instant now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Claims up to <paramref name="max"/> pending, unleased deliveries of a subscription, oldest event first.</summary>
    Task<IReadOnlyList<WebhookDeliveryClaim>> ClaimAsync(string subscriptionId, Instant now, int max, string claimant, Duration lease, CancellationToken cancellationToken = default);

    /// <summary>Records how a claimed delivery ended and releases it; false when the claim was lost (taken over after its lease).</summary>
    Task<bool> CompleteAsync(WebhookDeliveryClaim claim, WebhookDeliveryOutcome outcome, CancellationToken cancellationToken = default);

    /// <summary>A subscription's deliveries, newest event first, optionally only in <paramref name="state"/>.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string tenantId, string subscriptionId, WebhookDeliveryState? state, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many outbox events wait to be fanned out, and how many deliveries wait to be sent (for the depth metric).</summary>
    Task<(long Undispatched, long PendingDeliveries)> CountPendingAsync(CancellationToken cancellationToken = default);

    /// <summary>Puts dead-lettered deliveries of a subscription (one event's, or all when <paramref name="eventId"/> is null) back to pending.</summary>
    /// <returns>How many were re-queued.</returns>
    Task<int> RedeliverAsync(string tenantId, string subscriptionId, string? eventId, CancellationToken cancellationToken = default);
}
