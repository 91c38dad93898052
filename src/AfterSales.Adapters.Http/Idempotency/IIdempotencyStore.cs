namespace AfterSales.Http.Idempotency;

/// <summary>
/// Remembers <c>Idempotency-Key</c>s of creating requests (幂等键) per tenant with the first response,
/// so a retry returns that response and creates nothing new. <see cref="InMemoryIdempotencyStore"/>
/// is the default and holds keys in one process: a host running several nodes behind a load balancer
/// must register a shared implementation (a database or a distributed cache) as a singleton.
/// </summary>
/// <remarks>Implementations must be thread-safe and make <see cref="TryReserveAsync"/> atomic per (tenant, key).</remarks>
public interface IIdempotencyStore
{
    /// <summary>
    /// Reserves (<paramref name="tenantId"/>, <paramref name="key"/>) for a request with
    /// <paramref name="fingerprint"/>, or reports what is already there.
    /// </summary>
    /// <param name="tenantId">The tenant; keys of different tenants never collide.</param>
    /// <param name="key">The client's key.</param>
    /// <param name="fingerprint">A hash of the method, path and body; a different one with the same key is a client error.</param>
    /// <param name="expiresAt">When the key may be forgotten.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<IdempotencyReservation> TryReserveAsync(string tenantId, string key, string fingerprint, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Stores the first response of a reserved key.</summary>
    ValueTask CompleteAsync(string tenantId, string key, IdempotentResponse response, CancellationToken cancellationToken = default);

    /// <summary>Forgets a reserved key whose request failed, so a retry runs again.</summary>
    ValueTask ReleaseAsync(string tenantId, string key, CancellationToken cancellationToken = default);
}

/// <summary>What <see cref="IIdempotencyStore.TryReserveAsync"/> found.</summary>
public enum IdempotencyOutcome
{
    /// <summary>The key is new and now reserved for this request: run it.</summary>
    Reserved,

    /// <summary>The key has a stored response for the same request: replay it.</summary>
    Completed,

    /// <summary>A request with the key is still running.</summary>
    InProgress,

    /// <summary>The key was used for a different request.</summary>
    FingerprintMismatch,
}

/// <summary>The outcome of a reservation and, for <see cref="IdempotencyOutcome.Completed"/>, the stored response.</summary>
/// <param name="Outcome">What was found.</param>
/// <param name="Response">The first response, when completed.</param>
public sealed record IdempotencyReservation(IdempotencyOutcome Outcome, IdempotentResponse? Response = null);

/// <summary>A stored response: status, the headers worth replaying and the body bytes.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Headers">Headers such as Location, ETag and Content-Type.</param>
/// <param name="Body">The body as sent.</param>
public sealed record IdempotentResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body);
