using AfterSales.Idempotency;

namespace AfterSales.Http.Idempotency;

/// <summary>
/// An <see cref="IIdempotencyStore"/> in this process's memory, for hosts without a database and for
/// one node only (keys are lost on restart). Bounded like the durable store: per tenant at most
/// <see cref="IdempotencyStoreOptions.MaxKeysPerTenant"/> keys and <see cref="IdempotencyStoreOptions.MaxBytesPerTenant"/>
/// bytes, the oldest evicted on insert; bodies over <see cref="IdempotencyStoreOptions.MaxResponseBytes"/>
/// kept as their length only. Thread-safe.
/// </summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    // A key's own bytes (tenant, key, fingerprint, bookkeeping) counted besides its response.
    private const int EntryOverhead = 256;

    private readonly Lock gate = new();
    private readonly Dictionary<(string Tenant, string Key), LinkedListNode<Entry>> entries = [];
    private readonly Dictionary<string, TenantKeys> tenants = new(StringComparer.Ordinal);
    private readonly IdempotencyStoreOptions options;

    /// <summary>Creates a store with the default bounds.</summary>
    public InMemoryIdempotencyStore()
        : this(new IdempotencyStoreOptions())
    {
    }

    /// <summary>Creates a store with <paramref name="options"/>' bounds.</summary>
    /// <param name="options">The bounds; validated here.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public InMemoryIdempotencyStore(IdempotencyStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        this.options = options;
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

    /// <summary>The bytes counted against <paramref name="tenantId"/>'s bound: for diagnostics and tests.</summary>
    public long BytesOf(string tenantId)
    {
        lock (gate)
        {
            return tenants.TryGetValue(tenantId, out var t) ? t.Bytes : 0;
        }
    }

    /// <inheritdoc />
    public ValueTask<IdempotencyReservation> TryReserveAsync(string tenantId, string key, string fingerprint, Instant now, Instant expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fingerprint);
        lock (gate)
        {
            if (entries.TryGetValue((tenantId, key), out var node))
            {
                var entry = node.Value;
                if (entry.ExpiresAt > now)
                {
                    if (!string.Equals(entry.Fingerprint, fingerprint, StringComparison.Ordinal))
                    {
                        return Found(IdempotencyOutcome.FingerprintMismatch);
                    }

                    if (entry.Response is { } response)
                    {
                        return Found(IdempotencyOutcome.Completed, response: response);
                    }

                    if (entry.LeaseUntil > now)
                    {
                        return Found(IdempotencyOutcome.InProgress);
                    }

                    // The holder's lease ran out (its request died): this retry takes the key over.
                    entry.LeaseId = Guid.NewGuid();
                    entry.LeaseUntil = now + Lease;
                    return Found(IdempotencyOutcome.Reserved, entry.LeaseId);
                }

                Remove(node);
            }

            var added = new Entry(tenantId, key, fingerprint, expiresAt, Guid.NewGuid(), now + Lease);
            var keys = Tenant(tenantId);
            entries[(tenantId, key)] = keys.List.AddLast(added);
            keys.Bytes += added.Size;
            Evict(keys, now);
            return Found(IdempotencyOutcome.Reserved, added.LeaseId);
        }

        ValueTask<IdempotencyReservation> Found(IdempotencyOutcome outcome, Guid lease = default, IdempotentResponse? response = null) =>
            ValueTask.FromResult(new IdempotencyReservation(outcome, tenantId, key, lease, response));
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(IdempotencyReservation reservation, IdempotentResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(response);
        lock (gate)
        {
            if (Held(reservation) is { } node)
            {
                var entry = node.Value;
                var keys = tenants[entry.Tenant];
                keys.Bytes -= entry.Size;
                entry.Response = response.Bounded(options.MaxResponseBytes);
                keys.Bytes += entry.Size;
                Evict(keys, Instant.MinValue);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(IdempotencyReservation reservation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        lock (gate)
        {
            if (Held(reservation) is { } node)
            {
                Remove(node);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<int> SweepAsync(Instant now, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var expired = entries.Values.Where(n => n.Value.ExpiresAt <= now).ToList();
            expired.ForEach(Remove);
            return ValueTask.FromResult(expired.Count);
        }
    }

    private Duration Lease => Duration.FromTimeSpan(options.InProgressLease);

    private LinkedListNode<Entry>? Held(IdempotencyReservation reservation) =>
        entries.TryGetValue((reservation.TenantId, reservation.Key), out var node)
        && node.Value.Response is null
        && node.Value.LeaseId == reservation.LeaseId
            ? node
            : null;

    private TenantKeys Tenant(string tenantId)
    {
        if (!tenants.TryGetValue(tenantId, out var keys))
        {
            tenants[tenantId] = keys = new TenantKeys();
        }

        return keys;
    }

    /// <summary>Drops the tenant's oldest keys while it is over a bound, skipping those under a live lease.</summary>
    private void Evict(TenantKeys keys, Instant now)
    {
        var node = keys.List.First;
        while (node is not null && (keys.List.Count > options.MaxKeysPerTenant || keys.Bytes > options.MaxBytesPerTenant))
        {
            var next = node.Next;
            if (node.Value.Response is not null || node.Value.LeaseUntil <= now)
            {
                Remove(node);
            }

            node = next;
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        var entry = node.Value;
        entries.Remove((entry.Tenant, entry.Key));
        var keys = tenants[entry.Tenant];
        keys.List.Remove(node);
        keys.Bytes -= entry.Size;
        if (keys.List.Count == 0)
        {
            tenants.Remove(entry.Tenant);
        }
    }

    private sealed class TenantKeys
    {
        public LinkedList<Entry> List { get; } = new();

        public long Bytes { get; set; }
    }

    private sealed class Entry(string tenant, string key, string fingerprint, Instant expiresAt, Guid leaseId, Instant leaseUntil)
    {
        public string Tenant { get; } = tenant;

        public string Key { get; } = key;

        public string Fingerprint { get; } = fingerprint;

        public Instant ExpiresAt { get; } = expiresAt;

        public Guid LeaseId { get; set; } = leaseId;

        public Instant LeaseUntil { get; set; } = leaseUntil;

        public IdempotentResponse? Response { get; set; }

        public long Size => EntryOverhead + ((Key.Length + Fingerprint.Length) * 2L) + (Response?.Size ?? 0);
    }
}
