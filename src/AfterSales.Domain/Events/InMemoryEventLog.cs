using AfterSales.Internal;

namespace AfterSales.Events;

/// <summary>
/// The outbox, the feed and the webhook store in memory (内存事件日志), for single-process hosts and tests:
/// the in-memory stores append to it under their own lock, in the same step as the change. One lock;
/// positions are (0, sequence) in append order, which is the commit order here.
/// </summary>
public sealed class InMemoryEventLog : IEventFeed, IWebhookStore
{
    private readonly Lock gate = new();
    private readonly List<Entry> log = [];
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WebhookSubscription> subscriptions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<(string Subscription, long Sequence), Delivery> deliveries = [];

    /// <summary>Appends the events not already in the log (by id), formatted by <paramref name="formatter"/>; returns how many were new.</summary>
    public int Append(IReadOnlyList<DomainEvent> events, IEventFormatter formatter)
    {
        Guard.NotNull(events);
        Guard.NotNull(formatter);
        lock (gate)
        {
            var added = 0;
            foreach (var e in events)
            {
                if (ids.Add(e.Id))
                {
                    log.Add(new Entry(new OutboxMessage(new EventPosition(0, log.Count + 1), e.Id, e.Type, e.TenantId, e.Subject, e.OccurredAt, formatter.Format(e))));
                    added++;
                }
            }

            return added;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ReadAsync(string tenantId, EventPosition after, int limit, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.Positive(limit);
        lock (gate)
        {
            IReadOnlyList<OutboxMessage> page =
            [
                .. log.Select(static e => e.Message)
                    .Where(m => m.Position > after && string.Equals(m.TenantId, tenantId, StringComparison.Ordinal))
                    .Take(limit),
            ];
            return Task.FromResult(page);
        }
    }

    /// <inheritdoc />
    public Task AddAsync(WebhookSubscription subscription, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(subscription);
        lock (gate)
        {
            subscriptions.Add(subscription.Id, subscription);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<WebhookSubscription?> GetAsync(string tenantId, string id, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(subscriptions.TryGetValue(id, out var s) && s.TenantId == tenantId ? s : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WebhookSubscription>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<WebhookSubscription> list =
                [.. subscriptions.Values.Where(s => s.TenantId == tenantId).OrderBy(static s => s.CreatedAt).ThenBy(static s => s.Id, StringComparer.Ordinal)];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string tenantId, string id, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!subscriptions.TryGetValue(id, out var s) || s.TenantId != tenantId)
            {
                return Task.FromResult(false);
            }

            subscriptions.Remove(id);
            foreach (var key in deliveries.Keys.Where(k => k.Subscription == id).ToList())
            {
                deliveries.Remove(key);
            }

            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<int> DispatchAsync(int batchSize, Instant now, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var count = 0;
            foreach (var entry in log)
            {
                if (entry.Dispatched)
                {
                    continue;
                }

                if (count == batchSize)
                {
                    break;
                }

                foreach (var s in subscriptions.Values)
                {
                    if (s.TenantId == entry.Message.TenantId && s.Matches(entry.Message.Type))
                    {
                        deliveries[(s.Id, entry.Message.Position.Sequence)] = new Delivery(s.Id, entry.Message);
                    }
                }

                entry.Dispatched = true;
                count++;
            }

            return Task.FromResult(count);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListReadySubscriptionsAsync(Instant now, int limit, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<string> ready = [.. deliveries.Values.Where(d => d.IsReady(now)).Select(static d => d.SubscriptionId).Distinct().Take(limit)];
            return Task.FromResult(ready);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WebhookDeliveryClaim>> ClaimAsync(string subscriptionId, Instant now, int max, string claimant, Duration lease, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!subscriptions.TryGetValue(subscriptionId, out var subscription))
            {
                return Task.FromResult<IReadOnlyList<WebhookDeliveryClaim>>([]);
            }

            var claims = new List<WebhookDeliveryClaim>();
            foreach (var d in deliveries.Values.Where(d => d.SubscriptionId == subscriptionId && d.IsReady(now)).Take(max))
            {
                d.ClaimedBy = claimant;
                d.ClaimedUntil = now + lease;
                claims.Add(new WebhookDeliveryClaim(subscription, d.Message, d.Attempts, claimant, now + lease));
            }

            return Task.FromResult<IReadOnlyList<WebhookDeliveryClaim>>(claims);
        }
    }

    /// <inheritdoc />
    public Task<bool> CompleteAsync(WebhookDeliveryClaim claim, WebhookDeliveryOutcome outcome, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(claim);
        Guard.NotNull(outcome);
        lock (gate)
        {
            if (!deliveries.TryGetValue((claim.Subscription.Id, claim.Message.Position.Sequence), out var d) || d.ClaimedBy != claim.Claimant)
            {
                return Task.FromResult(false);
            }

            d.State = outcome.State;
            d.Attempts = claim.Attempts + outcome.Attempts;
            d.LastStatusCode = outcome.StatusCode;
            d.LastError = outcome.Error;
            d.LastAttemptAt = outcome.At;
            d.DeliveredAt = outcome.State == WebhookDeliveryState.Delivered ? outcome.At : null;
            d.ClaimedBy = null;
            d.ClaimedUntil = null;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string tenantId, string subscriptionId, WebhookDeliveryState? state, int limit, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<WebhookDelivery> list =
            [
                .. deliveries.Values
                    .Where(d => d.SubscriptionId == subscriptionId && d.Message.TenantId == tenantId && (state is null || d.State == state))
                    .OrderByDescending(static d => d.Message.Position)
                    .Take(limit)
                    .Select(static d => d.ToDelivery()),
            ];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<(long Undispatched, long PendingDeliveries)> CountPendingAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(((long)log.Count(static e => !e.Dispatched), (long)deliveries.Values.Count(static d => d.State == WebhookDeliveryState.Pending)));
        }
    }

    /// <inheritdoc />
    public Task<int> RedeliverAsync(string tenantId, string subscriptionId, string? eventId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var count = 0;
            foreach (var d in deliveries.Values)
            {
                if (d.SubscriptionId == subscriptionId && d.Message.TenantId == tenantId && d.State == WebhookDeliveryState.DeadLettered
                    && (eventId is null || d.Message.Id == eventId))
                {
                    d.State = WebhookDeliveryState.Pending;
                    d.ClaimedBy = null;
                    d.ClaimedUntil = null;
                    count++;
                }
            }

            return Task.FromResult(count);
        }
    }

    private sealed class Entry(OutboxMessage message)
    {
        public OutboxMessage Message { get; } = message;

        public bool Dispatched { get; set; }
    }

    private sealed class Delivery(string subscriptionId, OutboxMessage message)
    {
        public string SubscriptionId { get; } = subscriptionId;

        public OutboxMessage Message { get; } = message;

        public WebhookDeliveryState State { get; set; }

        public int Attempts { get; set; }

        public int? LastStatusCode { get; set; }

        public string? LastError { get; set; }

        public Instant? LastAttemptAt { get; set; }

        public Instant? DeliveredAt { get; set; }

        public string? ClaimedBy { get; set; }

        public Instant? ClaimedUntil { get; set; }

        public bool IsReady(Instant now) => State == WebhookDeliveryState.Pending && (ClaimedUntil is null || ClaimedUntil <= now);

        public WebhookDelivery ToDelivery() =>
            new(SubscriptionId, Message.Id, Message.Type, Message.OccurredAt, State, Attempts, LastStatusCode, LastError, LastAttemptAt, DeliveredAt);
    }
}
