namespace AfterSales.Http.Idempotency;

/// <summary>
/// An <see cref="IIdempotencyStore"/> in this process's memory: keys expire at the instant given
/// when reserved and are swept as new keys arrive. For one node only; see <see cref="IIdempotencyStore"/>.
/// Thread-safe.
/// </summary>
public sealed class InMemoryIdempotencyStore(TimeProvider timeProvider) : IIdempotencyStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Tenant, string Key), Entry> entries = [];
    private int reservationsSinceSweep;

    /// <summary>Creates a store on the system time provider (expiry only; never used for domain time).</summary>
    public InMemoryIdempotencyStore()
        : this(TimeProvider.System)
    {
    }

    /// <summary>The number of keys held (expired ones included until swept): for diagnostics and tests.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<IdempotencyReservation> TryReserveAsync(string tenantId, string key, string fingerprint, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            if (++reservationsSinceSweep >= 1024)
            {
                reservationsSinceSweep = 0;
                foreach (var stale in entries.Where(e => e.Value.ExpiresAt <= now).Select(static e => e.Key).ToList())
                {
                    entries.Remove(stale);
                }
            }

            if (entries.TryGetValue((tenantId, key), out var entry) && entry.ExpiresAt > now)
            {
                return ValueTask.FromResult(
                    !string.Equals(entry.Fingerprint, fingerprint, StringComparison.Ordinal) ? new IdempotencyReservation(IdempotencyOutcome.FingerprintMismatch)
                    : entry.Response is { } response ? new IdempotencyReservation(IdempotencyOutcome.Completed, response)
                    : new IdempotencyReservation(IdempotencyOutcome.InProgress));
            }

            entries[(tenantId, key)] = new Entry(fingerprint, expiresAt);
            return ValueTask.FromResult(new IdempotencyReservation(IdempotencyOutcome.Reserved));
        }
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(string tenantId, string key, IdempotentResponse response, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (entries.TryGetValue((tenantId, key), out var entry))
            {
                entry.Response = response;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string tenantId, string key, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (entries.TryGetValue((tenantId, key), out var entry) && entry.Response is null)
            {
                entries.Remove((tenantId, key));
            }
        }

        return ValueTask.CompletedTask;
    }

    private sealed class Entry(string fingerprint, DateTimeOffset expiresAt)
    {
        public string Fingerprint { get; } = fingerprint;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public IdempotentResponse? Response { get; set; }
    }
}
