namespace AfterSales.Events;

/// <summary>
/// Turns a domain event into the text the outbox stores and every consumer receives, byte for byte
/// (the HTTP adapter's: a CloudEvents 1.0 structured JSON event). Stores call it inside the save's
/// transaction; without one registered they write no outbox rows.
/// </summary>
/// <remarks>Implementations must be thread-safe and deterministic: the same event, the same text.</remarks>
public interface IEventFormatter
{
    /// <summary>The stored and delivered form of <paramref name="domainEvent"/>.</summary>
    string Format(DomainEvent domainEvent);
}

/// <summary>One event as the outbox stores it (发件箱消息): its position, envelope and formatted payload.</summary>
public sealed class OutboxMessage
{
    /// <summary>Creates a message.</summary>
    public OutboxMessage(EventPosition position, string id, string type, string tenantId, string subject, Instant occurredAt, string payload)
    {
        Position = position;
        Id = id;
        Type = type;
        TenantId = tenantId;
        Subject = subject;
        OccurredAt = occurredAt;
        Payload = payload;
    }

    /// <summary>Where it stands in the tenant's log.</summary>
    public EventPosition Position { get; }

    /// <summary>The event's id (<see cref="DomainEvent.Id"/>).</summary>
    public string Id { get; }

    /// <summary>The event's type.</summary>
    public string Type { get; }

    /// <summary>The tenant.</summary>
    public string TenantId { get; }

    /// <summary>The subject.</summary>
    public string Subject { get; }

    /// <summary>When it happened.</summary>
    public Instant OccurredAt { get; }

    /// <summary>The formatted event (<see cref="IEventFormatter"/>).</summary>
    public string Payload { get; }
}

/// <summary>
/// A tenant's events for consumers that pull (事件订阅源): in a stable order, resumable after a
/// position, with no gaps and no duplicates.
/// </summary>
/// <remarks>
/// An event becomes readable only once no transaction that could still commit an event before it
/// is in flight, so a reader that resumed after position <c>p</c> never misses an event that commits
/// later at a position ≤ <c>p</c> (on PostgreSQL a later id can commit first; see the EF Core adapter).
/// </remarks>
public interface IEventFeed
{
    /// <summary>Up to <paramref name="limit"/> of the tenant's events after <paramref name="after"/>, in order.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="after">The last position the reader has; <see cref="EventPosition.Start"/> for the beginning.</param>
    /// <param name="limit">At most this many, at least 1.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<OutboxMessage>> ReadAsync(string tenantId, EventPosition after, int limit, CancellationToken cancellationToken = default);
}

/// <summary>
/// Due work for the deadline watcher (到期工作队列): work orders whose next deadline has passed,
/// claimed with leases so that each is visited by one node at a time.
/// </summary>
public interface IDeadlineQueue
{
    /// <summary>
    /// Claims up to <paramref name="batchSize"/> items whose deadline is before <paramref name="now"/>
    /// and which no live lease holds, soonest first, until <paramref name="now"/> + <paramref name="lease"/>.
    /// </summary>
    Task<IReadOnlyList<DeadlineClaim>> ClaimDueAsync(Instant now, int batchSize, string claimant, Duration lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Re-evaluates a claimed item at <paramref name="now"/> and, in one transaction, writes the events
    /// newly reached into the outbox, moves its next deadline and releases the claim.
    /// </summary>
    /// <returns>The number of events written; 0 also when the claim was lost or the item changed meanwhile (then only the claim is released).</returns>
    Task<int> ProcessAsync(DeadlineClaim claim, Instant now, CancellationToken cancellationToken = default);

    /// <summary>The earliest deadline of an item no live lease holds at <paramref name="now"/>, or <see langword="null"/> when none has one.</summary>
    Task<Instant?> NextDeadlineAsync(Instant now, CancellationToken cancellationToken = default);
}

/// <summary>An item claimed from an <see cref="IDeadlineQueue"/>.</summary>
public sealed class DeadlineClaim
{
    /// <summary>Creates a claim.</summary>
    public DeadlineClaim(string tenantId, string key, int version, Instant deadline, Instant since, string claimant, Instant claimedUntil)
    {
        TenantId = tenantId;
        Key = key;
        Version = version;
        Deadline = deadline;
        Since = since;
        Claimant = claimant;
        ClaimedUntil = claimedUntil;
    }

    /// <summary>The tenant.</summary>
    public string TenantId { get; }

    /// <summary>The item: a work order's id.</summary>
    public string Key { get; }

    /// <summary>The stored version when claimed.</summary>
    public int Version { get; }

    /// <summary>The deadline that made it due.</summary>
    public Instant Deadline { get; }

    /// <summary>When it was last evaluated: everything reached by then was published.</summary>
    public Instant Since { get; }

    /// <summary>Who holds it.</summary>
    public string Claimant { get; }

    /// <summary>When the lease ends.</summary>
    public Instant ClaimedUntil { get; }

    /// <inheritdoc />
    public override string ToString() => $"{TenantId}/{Key} v{Version} due {Deadline} claimed by {Claimant} until {ClaimedUntil}";
}

/// <summary>
/// In-process wake-ups between the stores and the background services of one node: a save that brings
/// a deadline wakes the watcher, a commit that writes events wakes the dispatcher. Other nodes'
/// writes are found by polling. Thread-safe.
/// </summary>
public sealed class EventSignals
{
    private readonly Lock gate = new();
    private TaskCompletionSource eventsStored = NewSource();
    private TaskCompletionSource deadlineStored = NewSource();
    private Instant? nearest;

    /// <summary>A task that completes at the next <see cref="DeadlineStored"/> that lowers the pending nearest deadline.</summary>
    public Task NextDeadlineStored
    {
        get
        {
            lock (gate)
            {
                return deadlineStored.Task;
            }
        }
    }

    /// <summary>A task that completes at the next <see cref="EventsStored"/>.</summary>
    public Task NextEventsStored
    {
        get
        {
            lock (gate)
            {
                return eventsStored.Task;
            }
        }
    }

    /// <summary>Tells the watcher a deadline was committed.</summary>
    public void DeadlineStored(Instant? deadline)
    {
        if (deadline is null)
        {
            return;
        }

        TaskCompletionSource? wake = null;
        lock (gate)
        {
            if (nearest is null || deadline < nearest)
            {
                nearest = deadline;
                wake = deadlineStored;
                deadlineStored = NewSource();
            }
        }

        wake?.TrySetResult();
    }

    /// <summary>The nearest deadline stored since the last call, if any; clears it.</summary>
    public Instant? TakeNearestDeadline()
    {
        lock (gate)
        {
            var n = nearest;
            nearest = null;
            return n;
        }
    }

    /// <summary>Tells the dispatcher events were committed to the outbox.</summary>
    public void EventsStored()
    {
        TaskCompletionSource wake;
        lock (gate)
        {
            wake = eventsStored;
            eventsStored = NewSource();
        }

        wake.TrySetResult();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Sleeps until the injected <see cref="IClock"/> reads later than an instant (定时唤醒): the deadline
/// watcher's and the dispatcher's only way to wait, so tests drive them deterministically with a fake
/// clock (AfterSales.Testing's <c>FakeDeadlineTimer</c>) and production with a timer (the HTTP adapter's,
/// on a <see cref="TimeProvider"/>).
/// </summary>
/// <remarks>Implementations must be thread-safe and may return early (a spurious wake): callers read the clock again.</remarks>
public interface IDeadlineTimer
{
    /// <summary>Completes once the clock reads later than <paramref name="instant"/> (at once if it already does).</summary>
    /// <param name="instant">The instant to sleep past.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task WaitUntilAsync(Instant instant, CancellationToken cancellationToken);
}
