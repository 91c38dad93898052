namespace AfterSales.Idempotency;

/// <summary>
/// Remembers the <c>Idempotency-Key</c>s of creating requests (幂等键) per tenant with their first
/// response, so a retry returns that response and creates nothing new. A port: the HTTP adapter's
/// in-memory store serves one node; the EF Core adapter's store is durable and shared by every node.
/// </summary>
/// <remarks>
/// <para><b>Leases.</b> A reservation holds the key for the request that made it until
/// <see cref="IdempotencyStoreOptions.InProgressLease"/> has passed; a request that died without
/// completing or releasing its key (a crash, a killed node) leaves a lease that runs out, and the
/// next retry takes the key over. Only the holder of the lease (<see cref="IdempotencyReservation.LeaseId"/>)
/// completes or releases it.</para>
/// <para><b>Bounds.</b> A store keeps at most <see cref="IdempotencyStoreOptions.MaxKeysPerTenant"/> keys
/// and <see cref="IdempotencyStoreOptions.MaxBytesPerTenant"/> bytes per tenant, evicting the oldest
/// (never one whose lease is live); <see cref="SweepAsync"/> removes expired keys.</para>
/// <para>Stores never read a clock: the caller passes the instant. Implementations must be thread-safe
/// and make <see cref="TryReserveAsync"/> atomic per (tenant, key), across nodes when shared.</para>
/// </remarks>
public interface IIdempotencyStore
{
    /// <summary>
    /// Reserves (<paramref name="tenantId"/>, <paramref name="key"/>) for a request with
    /// <paramref name="fingerprint"/>, or reports what is already there.
    /// </summary>
    /// <param name="tenantId">The tenant; keys of different tenants never collide.</param>
    /// <param name="key">The client's key, 1 to 255 characters.</param>
    /// <param name="fingerprint">A hash of the method, path and body; a different one with the same key is a client error.</param>
    /// <param name="now">The current instant: a key expired by then is new again, a lease ended by then is taken over.</param>
    /// <param name="expiresAt">When the key may be forgotten.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<IdempotencyReservation> TryReserveAsync(string tenantId, string key, string fingerprint, Instant now, Instant expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Stores the first response of a key reserved by <paramref name="reservation"/>; nothing when its lease was lost.</summary>
    /// <param name="reservation">The <see cref="IdempotencyOutcome.Reserved"/> reservation.</param>
    /// <param name="response">The response; its body is kept only up to <see cref="IdempotencyStoreOptions.MaxResponseBytes"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask CompleteAsync(IdempotencyReservation reservation, IdempotentResponse response, CancellationToken cancellationToken = default);

    /// <summary>Forgets a reserved key whose request failed, so a retry runs again; nothing when its lease was lost.</summary>
    /// <param name="reservation">The <see cref="IdempotencyOutcome.Reserved"/> reservation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask ReleaseAsync(IdempotencyReservation reservation, CancellationToken cancellationToken = default);

    /// <summary>Removes the keys expired at <paramref name="now"/> and evicts the oldest keys of tenants over their bounds.</summary>
    /// <param name="now">The current instant.</param>
    /// <param name="cancellationToken">Cancels the sweep; what was removed stays removed.</param>
    /// <returns>The number of keys removed.</returns>
    ValueTask<int> SweepAsync(Instant now, CancellationToken cancellationToken = default);
}
