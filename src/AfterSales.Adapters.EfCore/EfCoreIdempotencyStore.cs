using System.Globalization;
using System.Text.Json;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// A durable <see cref="IIdempotencyStore"/> over EF Core (EF Core 幂等键存储): one
/// <see cref="IdempotencyKeyRow"/> per (tenant, key), shared by every node on the database, surviving
/// restarts. Generic over the host's context; SQLite and PostgreSQL.
/// </summary>
/// <remarks>
/// <para><b>Atomicity.</b> A reservation inserts the row with <c>ON CONFLICT DO NOTHING</c>: of two
/// nodes reserving one key, the primary key lets exactly one insert. Taking over an expired key or an
/// ended lease, completing and releasing are single conditional statements on the lease's id, so a
/// request whose lease was taken over can neither complete nor release the new holder's key.</para>
/// <para><b>Bounds.</b> <see cref="SweepAsync"/> deletes expired keys and, for each tenant over
/// <see cref="IdempotencyStoreOptions.MaxKeysPerTenant"/> or <see cref="IdempotencyStoreOptions.MaxBytesPerTenant"/>,
/// its oldest keys (never one under a live lease); between sweeps a tenant may exceed its bound by
/// what it writes in one <see cref="IdempotencyStoreOptions.SweepInterval"/>. Bodies over
/// <see cref="IdempotencyStoreOptions.MaxResponseBytes"/> are stored as their length only.</para>
/// <para><b>Thread safety.</b> Thread-safe: every call uses its own context.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context.</typeparam>
public sealed class EfCoreIdempotencyStore<TContext> : IIdempotencyStore
    where TContext : DbContext
{
    // A key's own bytes (tenant, key, fingerprint, lease, instants) counted besides its response.
    private const int RowOverhead = 256;
    private const int DeleteBatch = 500;

    private readonly ContextSource<TContext> contexts;
    private readonly IdempotencyStoreOptions options;

    /// <summary>Creates a store that takes a new context from <paramref name="contextFactory"/> for every call.</summary>
    /// <param name="contextFactory">Creates the host's contexts.</param>
    /// <param name="options">The bounds; validated here.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public EfCoreIdempotencyStore(IDbContextFactory<TContext> contextFactory, IdempotencyStoreOptions options)
    {
        contexts = ContextSource<TContext>.From(contextFactory);
        this.options = Checked(options);
    }

    /// <summary>Creates a store that resolves the context from a new DI scope for every call (for <c>AddDbContext</c> registrations).</summary>
    /// <param name="scopeFactory">Creates the scopes.</param>
    /// <param name="options">The bounds; validated here.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public EfCoreIdempotencyStore(IServiceScopeFactory scopeFactory, IdempotencyStoreOptions options)
    {
        contexts = ContextSource<TContext>.From(scopeFactory);
        this.options = Checked(options);
    }

    /// <inheritdoc />
    public async ValueTask<IdempotencyReservation> TryReserveAsync(string tenantId, string key, string fingerprint, Instant now, Instant expiresAt, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        if (key.Length > 255 || fingerprint.Length > 64)
        {
            throw new ArgumentException("key must be at most 255 and fingerprint at most 64 characters to be stored.", key.Length > 255 ? nameof(key) : nameof(fingerprint));
        }

        var leaseUntil = now + Duration.FromTimeSpan(options.InProgressLease);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var keys = context.Set<IdempotencyKeyRow>();

            // Three rounds at most: a row that vanished or changed between our read and our write is read again.
            for (var round = 0; round < 3; round++)
            {
                var lease = Guid.NewGuid().ToString();
                if (await WriteAsync(context, ct => InsertAsync(context, tenantId, key, fingerprint, lease, leaseUntil, now, expiresAt, ct), cancellationToken).ConfigureAwait(false) == 1)
                {
                    return Reserved(lease);
                }

                var row = await keys.AsNoTracking().SingleOrDefaultAsync(k => k.TenantId == tenantId && k.Key == key, cancellationToken).ConfigureAwait(false);
                if (row is null)
                {
                    continue;
                }

                if (row.ExpiresAt <= now)
                {
                    // A forgotten key: the request is new again.
                    var old = row.ExpiresAt;
                    var taken = await WriteAsync(context, ct => keys.Where(k => k.TenantId == tenantId && k.Key == key && k.ExpiresAt == old)
                        .ExecuteUpdateAsync(
                            s => s.SetProperty(k => k.Fingerprint, fingerprint).SetProperty(k => k.LeaseId, lease).SetProperty(k => k.LeaseUntil, leaseUntil)
                                .SetProperty(k => k.CreatedAt, now).SetProperty(k => k.ExpiresAt, expiresAt).SetProperty(k => k.StatusCode, (int?)null)
                                .SetProperty(k => k.Headers, (string?)null).SetProperty(k => k.Body, (byte[]?)null).SetProperty(k => k.OmittedBodyLength, (int?)null)
                                .SetProperty(k => k.Size, RowSize(key, null)),
                            ct), cancellationToken).ConfigureAwait(false);
                    if (taken == 1)
                    {
                        return Reserved(lease);
                    }

                    continue;
                }

                if (!string.Equals(row.Fingerprint, fingerprint, StringComparison.Ordinal))
                {
                    return new IdempotencyReservation(IdempotencyOutcome.FingerprintMismatch, tenantId, key);
                }

                if (row.StatusCode is not null)
                {
                    return new IdempotencyReservation(IdempotencyOutcome.Completed, tenantId, key, response: ToResponse(row));
                }

                if (row.LeaseUntil > now)
                {
                    return new IdempotencyReservation(IdempotencyOutcome.InProgress, tenantId, key);
                }

                // The holder's lease ran out (its request died): take the key over, if no one else did.
                var previous = row.LeaseId;
                var takenOver = await WriteAsync(context, ct => keys.Where(k => k.TenantId == tenantId && k.Key == key && k.LeaseId == previous && k.StatusCode == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.LeaseId, lease).SetProperty(k => k.LeaseUntil, leaseUntil), ct), cancellationToken)
                    .ConfigureAwait(false);
                if (takenOver == 1)
                {
                    return Reserved(lease);
                }
            }

            return new IdempotencyReservation(IdempotencyOutcome.InProgress, tenantId, key);
        }

        IdempotencyReservation Reserved(string lease) => new(IdempotencyOutcome.Reserved, tenantId, key, Guid.Parse(lease));
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(IdempotencyReservation reservation, IdempotentResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(response);
        var kept = response.Bounded(options.MaxResponseBytes);
        var headers = JsonSerializer.Serialize(kept.Headers.ToDictionary(StringComparer.OrdinalIgnoreCase), HeadersJsonContext.Default.DictionaryStringString);
        var body = kept.OmittedBodyLength is null ? kept.Body.ToArray() : null;
        var size = RowSize(reservation.Key, kept);
        var (tenantId, key, lease) = (reservation.TenantId, reservation.Key, reservation.LeaseId.ToString());
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            await WriteAsync(context, ct => context.Set<IdempotencyKeyRow>()
                .Where(k => k.TenantId == tenantId && k.Key == key && k.LeaseId == lease && k.StatusCode == null)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(k => k.StatusCode, kept.StatusCode).SetProperty(k => k.Headers, headers).SetProperty(k => k.Body, body)
                        .SetProperty(k => k.OmittedBodyLength, kept.OmittedBodyLength).SetProperty(k => k.Size, size).SetProperty(k => k.LeaseUntil, (Instant?)null),
                    ct), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(IdempotencyReservation reservation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        var (tenantId, key, lease) = (reservation.TenantId, reservation.Key, reservation.LeaseId.ToString());
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            await WriteAsync(context, ct => context.Set<IdempotencyKeyRow>()
                .Where(k => k.TenantId == tenantId && k.Key == key && k.LeaseId == lease && k.StatusCode == null)
                .ExecuteDeleteAsync(ct), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask<int> SweepAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var keys = context.Set<IdempotencyKeyRow>();
            var removed = await WriteAsync(context, ct => keys.Where(k => k.ExpiresAt <= now).ExecuteDeleteAsync(ct), cancellationToken).ConfigureAwait(false);
            var (maxKeys, maxBytes) = (options.MaxKeysPerTenant, options.MaxBytesPerTenant);
            var over = await keys.GroupBy(static k => k.TenantId)
                .Where(g => g.Count() > maxKeys || g.Sum(static k => k.Size) > maxBytes)
                .Select(static g => g.Key)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var tenantId in over)
            {
                removed += await EvictAsync(context, keys, tenantId, now, cancellationToken).ConfigureAwait(false);
            }

            return removed;
        }
    }

    /// <summary>Deletes the tenant's oldest keys until it is within its bounds, skipping those under a live lease.</summary>
    private async Task<int> EvictAsync(DbContext context, DbSet<IdempotencyKeyRow> keys, string tenantId, Instant now, CancellationToken cancellationToken)
    {
        var rows = await keys.AsNoTracking().Where(k => k.TenantId == tenantId)
            .OrderBy(static k => k.CreatedAt).ThenBy(static k => k.Key)
            .Select(static k => new { k.Key, k.Size, k.StatusCode, k.LeaseUntil })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var (count, bytes) = (rows.Count, rows.Sum(static r => r.Size));
        var victims = new List<string>();
        foreach (var r in rows)
        {
            if (count <= options.MaxKeysPerTenant && bytes <= options.MaxBytesPerTenant)
            {
                break;
            }

            if (r.StatusCode is not null || r.LeaseUntil <= now)
            {
                victims.Add(r.Key);
                count--;
                bytes -= r.Size;
            }
        }

        var removed = 0;
        foreach (var batch in victims.Chunk(DeleteBatch))
        {
            removed += await WriteAsync(context, ct => keys.Where(k => k.TenantId == tenantId && batch.Contains(k.Key)).ExecuteDeleteAsync(ct), cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }

    /// <summary>Runs a write, on SQLite behind every other write to the database (see <see cref="SqliteWriter"/>).</summary>
    private static Task<int> WriteAsync(DbContext context, Func<CancellationToken, Task<int>> write, CancellationToken cancellationToken) =>
        SqliteWriter.RunAsync(context, write, cancellationToken);

    private static async Task<int> InsertAsync(
        DbContext context, string tenantId, string key, string fingerprint, string lease, Instant leaseUntil, Instant now, Instant expiresAt, CancellationToken cancellationToken)
    {
        var names = StoreNames.Of(context, typeof(IdempotencyKeyRow));
        string C(string property) => names.Column(property);
        var sql =
            $"INSERT INTO {names.Table} ({C(nameof(IdempotencyKeyRow.TenantId))}, {C(nameof(IdempotencyKeyRow.Key))}, {C(nameof(IdempotencyKeyRow.Fingerprint))}, "
            + $"{C(nameof(IdempotencyKeyRow.LeaseId))}, {C(nameof(IdempotencyKeyRow.LeaseUntil))}, {C(nameof(IdempotencyKeyRow.CreatedAt))}, "
            + $"{C(nameof(IdempotencyKeyRow.ExpiresAt))}, {C(nameof(IdempotencyKeyRow.Size))}) "
            + "VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}) "
            + $"ON CONFLICT ({C(nameof(IdempotencyKeyRow.TenantId))}, {C(nameof(IdempotencyKeyRow.Key))}) DO NOTHING";
        return await context.Database.ExecuteSqlRawAsync(
            sql,
            [
                tenantId, key, fingerprint, lease,
                InstantToUnixNanosecondsConverter.ToUnixNanoseconds(leaseUntil),
                InstantToUnixNanosecondsConverter.ToUnixNanoseconds(now),
                InstantToUnixNanosecondsConverter.ToUnixNanoseconds(expiresAt),
                RowSize(key, null),
            ],
            cancellationToken).ConfigureAwait(false);
    }

    private static IdempotentResponse ToResponse(IdempotencyKeyRow row)
    {
        var headers = row.Headers is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(JsonSerializer.Deserialize(row.Headers, HeadersJsonContext.Default.DictionaryStringString)!, StringComparer.OrdinalIgnoreCase);
        return row.OmittedBodyLength is { } length
            ? IdempotentResponse.WithoutBody(row.StatusCode!.Value, headers, length)
            : new IdempotentResponse(row.StatusCode!.Value, headers, row.Body ?? []);
    }

    private static long RowSize(string key, IdempotentResponse? response) => RowOverhead + key.Length + (response?.Size ?? 0);

    private static IdempotencyStoreOptions Checked(IdempotencyStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0
            ? options
            : throw new ArgumentException(string.Join(" ", errors.Select(static e => "IdempotencyStoreOptions." + e)), nameof(options));
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class HeadersJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
