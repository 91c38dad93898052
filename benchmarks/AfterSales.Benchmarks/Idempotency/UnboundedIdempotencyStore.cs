using AfterSales.Idempotency;
using NodaTime;

namespace AfterSales.Benchmarks.Idempotency;

/// <summary>
/// The baseline: 0.1's in-memory store — one dictionary under a lock, expired keys swept every 1 024
/// reservations, no bound on count or bytes, no lease — behind 0.2's port, so the bounded and durable
/// stores are measured against what they replace.
/// </summary>
internal sealed class UnboundedIdempotencyStore : IIdempotencyStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Tenant, string Key), Entry> entries = [];
    private int reservationsSinceSweep;

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

    public ValueTask<IdempotencyReservation> TryReserveAsync(string tenantId, string key, string fingerprint, Instant now, Instant expiresAt, CancellationToken cancellationToken = default)
    {
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
                    !string.Equals(entry.Fingerprint, fingerprint, StringComparison.Ordinal) ? new IdempotencyReservation(IdempotencyOutcome.FingerprintMismatch, tenantId, key)
                    : entry.Response is { } response ? new IdempotencyReservation(IdempotencyOutcome.Completed, tenantId, key, response: response)
                    : new IdempotencyReservation(IdempotencyOutcome.InProgress, tenantId, key));
            }

            entries[(tenantId, key)] = new Entry(fingerprint, expiresAt);
            return ValueTask.FromResult(new IdempotencyReservation(IdempotencyOutcome.Reserved, tenantId, key));
        }
    }

    public ValueTask CompleteAsync(IdempotencyReservation reservation, IdempotentResponse response, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (entries.TryGetValue((reservation.TenantId, reservation.Key), out var entry))
            {
                entry.Response = response;
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ReleaseAsync(IdempotencyReservation reservation, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            entries.Remove((reservation.TenantId, reservation.Key));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<int> SweepAsync(Instant now, CancellationToken cancellationToken = default) => ValueTask.FromResult(0);

    private sealed class Entry(string fingerprint, Instant expiresAt)
    {
        public string Fingerprint { get; } = fingerprint;

        public Instant ExpiresAt { get; } = expiresAt;

        public IdempotentResponse? Response { get; set; }
    }
}
