using System.Data;
using System.Globalization;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// Webhook subscriptions and deliveries over EF Core (EF Core 事件推送存储), generic over the host's context.
/// </summary>
/// <remarks>
/// <para><b>Dispatch</b> is one transaction: claim pending outbox rows (<c>FOR UPDATE SKIP LOCKED</c> on
/// PostgreSQL, so dispatchers on several nodes take disjoint batches; SQLite's single writer otherwise),
/// insert one pending delivery per matching subscription, mark the rows dispatched. A node killed
/// mid-way rolls back; nothing is fanned out twice.</para>
/// <para><b>Sending</b> claims pending deliveries of one subscription with a lease (again <c>SKIP LOCKED</c>);
/// the HTTP request runs outside any transaction; the outcome is recorded only by the lease's holder.
/// A node killed mid-delivery leaves the lease to run out, then another node sends again: the receiver
/// may see the same event id twice, never a lost one.</para>
/// <para>Thread-safe: every call uses its own context.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context.</typeparam>
public sealed class EfCoreWebhookStore<TContext> : IWebhookStore
    where TContext : DbContext
{
    private readonly ContextSource<TContext> contexts;

    /// <summary>Creates a store over contexts from <paramref name="contextFactory"/>.</summary>
    public EfCoreWebhookStore(IDbContextFactory<TContext> contextFactory) => contexts = ContextSource<TContext>.From(contextFactory);

    /// <summary>Creates a store over contexts resolved from new DI scopes.</summary>
    public EfCoreWebhookStore(IServiceScopeFactory scopeFactory) => contexts = ContextSource<TContext>.From(scopeFactory);

    /// <inheritdoc />
    public async Task AddAsync(WebhookSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ContextSource<TContext>.Key(subscription.TenantId, nameof(subscription));
        ContextSource<TContext>.Key(subscription.Id, nameof(subscription));
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            context.Add(new WebhookSubscriptionRow
            {
                Id = subscription.Id,
                TenantId = subscription.TenantId,
                Url = subscription.Url.AbsoluteUri,
                Secret = subscription.Secret,
                EventTypes = string.Join(' ', subscription.EventTypes),
                CreatedAt = subscription.CreatedAt,
            });
            await SqliteWriter.RunAsync(context, ct => context.SaveChangesAsync(ct), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<WebhookSubscription?> GetAsync(string tenantId, string id, CancellationToken cancellationToken = default)
    {
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var row = await context.Set<WebhookSubscriptionRow>().AsNoTracking()
                .SingleOrDefaultAsync(s => s.TenantId == tenantId && s.Id == id, cancellationToken).ConfigureAwait(false);
            return row is null ? null : ToSubscription(row);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var rows = await context.Set<WebhookSubscriptionRow>().AsNoTracking()
                .Where(s => s.TenantId == tenantId).ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.OrderBy(static r => r.CreatedAt).ThenBy(static r => r.Id, StringComparer.Ordinal).Select(ToSubscription)];
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string tenantId, string id, CancellationToken cancellationToken = default)
    {
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            return await SqliteWriter.InTransactionAsync(
                context,
                async (transaction, ct) =>
                {
                    var found = await context.Set<WebhookSubscriptionRow>().AnyAsync(s => s.TenantId == tenantId && s.Id == id, ct).ConfigureAwait(false);
                    if (!found)
                    {
                        return false;
                    }

                    await context.Set<WebhookDeliveryRow>().Where(d => d.SubscriptionId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                    await context.Set<WebhookSubscriptionRow>().Where(s => s.Id == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<int> DispatchAsync(int batchSize, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var names = StoreNames.Of(context, typeof(OutboxRow));
            string C(string property) => names.Column(property);
            var lockClause = DbCommands.ProviderOf(context) == DbCommands.PostgreSqlProvider ? " FOR UPDATE SKIP LOCKED" : string.Empty;
            var select = $"SELECT {C(nameof(OutboxRow.Sequence))}, {C(nameof(OutboxRow.TenantId))}, {C(nameof(OutboxRow.Id))}, {C(nameof(OutboxRow.Type))}, {C(nameof(OutboxRow.OccurredAt))}"
                + $" FROM {names.Table} WHERE {C(nameof(OutboxRow.State))} = '{nameof(OutboxState.Pending)}'"
                + $" ORDER BY {C(nameof(OutboxRow.Sequence))} LIMIT {batchSize.ToString(CultureInfo.InvariantCulture)}{lockClause}";
            var database = context.Database;
            return await SqliteWriter.InTransactionAsync(context, async (transaction, ct) =>
            {
                var pending = new List<(long Sequence, string Tenant, string Id, string Type, long At)>();
                var command = DbCommands.Create(database, select, transaction);
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(ct).ConfigureAwait(false))
                        {
                            pending.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4)));
                        }
                    }
                }

                if (pending.Count == 0)
                {
                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                    return 0;
                }

                var tenants = pending.Select(static p => p.Tenant).Distinct(StringComparer.Ordinal).ToList();
                var subscriptions = (await context.Set<WebhookSubscriptionRow>().AsNoTracking()
                        .Where(s => tenants.Contains(s.TenantId)).ToListAsync(ct).ConfigureAwait(false))
                    .Select(ToSubscription).ToList();
                foreach (var (sequence, tenant, id, type, at) in pending)
                {
                    foreach (var s in subscriptions)
                    {
                        if (string.Equals(s.TenantId, tenant, StringComparison.Ordinal) && s.Matches(type))
                        {
                            context.Add(new WebhookDeliveryRow
                            {
                                SubscriptionId = s.Id,
                                EventSequence = sequence,
                                TenantId = tenant,
                                EventId = id,
                                EventType = type,
                                OccurredAt = InstantToUnixNanosecondsConverter.FromUnixNanoseconds(at),
                                State = WebhookDeliveryState.Pending,
                            });
                        }
                    }
                }

                await context.SaveChangesAsync(ct).ConfigureAwait(false);
                context.ChangeTracker.Clear();
                var sequences = pending.Select(static p => p.Sequence).ToList();
                await context.Set<OutboxRow>().Where(o => sequences.Contains(o.Sequence))
                    .ExecuteUpdateAsync(static s => s.SetProperty(static o => o.State, OutboxState.Dispatched), ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return pending.Count;
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListReadySubscriptionsAsync(Instant now, int limit, CancellationToken cancellationToken = default)
    {
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            return await context.Set<WebhookDeliveryRow>().AsNoTracking()
                .Where(d => d.State == WebhookDeliveryState.Pending && (d.ClaimedUntil == null || d.ClaimedUntil <= now))
                .Select(static d => d.SubscriptionId).Distinct().OrderBy(static id => id).Take(limit)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WebhookDeliveryClaim>> ClaimAsync(
        string subscriptionId, Instant now, int max, string claimant, Duration lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(claimant);
        var until = now + lease;
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var names = StoreNames.Of(context, typeof(WebhookDeliveryRow));
            var h = names.Sql;
            string C(string property) => names.Column(property);
            string P(string name) => h.GenerateParameterNamePlaceholder(name);
            var lockClause = DbCommands.ProviderOf(context) == DbCommands.PostgreSqlProvider ? " FOR UPDATE SKIP LOCKED" : string.Empty;
            var sql = $"UPDATE {names.Table} SET {C(nameof(WebhookDeliveryRow.ClaimedBy))} = {P("claimant")}, {C(nameof(WebhookDeliveryRow.ClaimedUntil))} = {P("until")}"
                + $" WHERE {C(nameof(WebhookDeliveryRow.SubscriptionId))} = {P("subscription")} AND {C(nameof(WebhookDeliveryRow.EventSequence))} IN ("
                + $"SELECT {C(nameof(WebhookDeliveryRow.EventSequence))} FROM {names.Table}"
                + $" WHERE {C(nameof(WebhookDeliveryRow.SubscriptionId))} = {P("subscription")} AND {C(nameof(WebhookDeliveryRow.State))} = '{nameof(WebhookDeliveryState.Pending)}'"
                + $" AND ({C(nameof(WebhookDeliveryRow.ClaimedUntil))} IS NULL OR {C(nameof(WebhookDeliveryRow.ClaimedUntil))} <= {P("now")})"
                + $" ORDER BY {C(nameof(WebhookDeliveryRow.EventSequence))} LIMIT {max.ToString(CultureInfo.InvariantCulture)}{lockClause})"
                + $" RETURNING {C(nameof(WebhookDeliveryRow.EventSequence))}, {C(nameof(WebhookDeliveryRow.Attempts))}";
            var database = context.Database;
            var claimed = await SqliteWriter.RunAsync(context, queued => database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                await database.OpenConnectionAsync(ct).ConfigureAwait(false);
                try
                {
                    await using var transaction = await database.BeginTransactionAsync(ct).ConfigureAwait(false);
                    var rows = new List<(long Sequence, int Attempts)>();
                    var command = DbCommands.Create(database, sql, transaction);
                    await using (command.ConfigureAwait(false))
                    {
                        command.AddParameter(h.GenerateParameterName("claimant"), DbType.String, claimant);
                        command.AddParameter(h.GenerateParameterName("until"), DbType.Int64, InstantToUnixNanosecondsConverter.ToUnixNanoseconds(until));
                        command.AddParameter(h.GenerateParameterName("subscription"), DbType.String, subscriptionId);
                        command.AddParameter(h.GenerateParameterName("now"), DbType.Int64, InstantToUnixNanosecondsConverter.ToUnixNanoseconds(now));
                        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                        await using (reader.ConfigureAwait(false))
                        {
                            while (await reader.ReadAsync(ct).ConfigureAwait(false))
                            {
                                rows.Add((reader.GetInt64(0), reader.GetInt32(1)));
                            }
                        }
                    }

                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                    return rows;
                }
                finally
                {
                    await database.CloseConnectionAsync().ConfigureAwait(false);
                }
            }, queued), cancellationToken).ConfigureAwait(false);

            if (claimed.Count == 0)
            {
                return [];
            }

            var subscriptionRow = await context.Set<WebhookSubscriptionRow>().AsNoTracking()
                .SingleOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken).ConfigureAwait(false);
            if (subscriptionRow is null)
            {
                return [];
            }

            var subscription = ToSubscription(subscriptionRow);
            var sequences = claimed.Select(static c => c.Sequence).ToList();
            var messages = await context.Set<OutboxRow>().AsNoTracking()
                .Where(o => sequences.Contains(o.Sequence)).ToListAsync(cancellationToken).ConfigureAwait(false);
            var bySequence = messages.ToDictionary(static m => m.Sequence);
            return
            [
                .. claimed.OrderBy(static c => c.Sequence).Where(c => bySequence.ContainsKey(c.Sequence)).Select(c =>
                {
                    var m = bySequence[c.Sequence];
                    return new WebhookDeliveryClaim(
                        subscription,
                        new OutboxMessage(new EventPosition(m.TransactionId, m.Sequence), m.Id, m.Type, m.TenantId, m.Subject, m.OccurredAt, m.Payload),
                        c.Attempts,
                        claimant,
                        until);
                }),
            ];
        }
    }

    /// <inheritdoc />
    public async Task<bool> CompleteAsync(WebhookDeliveryClaim claim, WebhookDeliveryOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(outcome);
        var id = claim.Subscription.Id;
        var sequence = claim.Message.Position.Sequence;
        var claimant = claim.Claimant;
        var attempts = claim.Attempts + outcome.Attempts;
        Instant? delivered = outcome.State == WebhookDeliveryState.Delivered ? outcome.At : null;
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            return await SqliteWriter.RunAsync(context, ct => context.Set<WebhookDeliveryRow>()
                .Where(d => d.SubscriptionId == id && d.EventSequence == sequence && d.ClaimedBy == claimant)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(static d => d.State, outcome.State)
                        .SetProperty(static d => d.Attempts, attempts)
                        .SetProperty(static d => d.LastStatusCode, outcome.StatusCode)
                        .SetProperty(static d => d.LastError, outcome.Error)
                        .SetProperty(static d => d.LastAttemptAt, (Instant?)outcome.At)
                        .SetProperty(static d => d.DeliveredAt, delivered)
                        .SetProperty(static d => d.ClaimedBy, (string?)null)
                        .SetProperty(static d => d.ClaimedUntil, (Instant?)null),
                    ct), cancellationToken)
                .ConfigureAwait(false) > 0;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(
        string tenantId, string subscriptionId, WebhookDeliveryState? state, int limit, CancellationToken cancellationToken = default)
    {
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var query = context.Set<WebhookDeliveryRow>().AsNoTracking().Where(d => d.TenantId == tenantId && d.SubscriptionId == subscriptionId);
            if (state is { } s)
            {
                query = query.Where(d => d.State == s);
            }

            var rows = await query.OrderByDescending(static d => d.EventSequence).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
            return
            [
                .. rows.Select(static d => new WebhookDelivery(
                    d.SubscriptionId, d.EventId, d.EventType, d.OccurredAt, d.State, d.Attempts, d.LastStatusCode, d.LastError, d.LastAttemptAt, d.DeliveredAt)),
            ];
        }
    }

    /// <inheritdoc />
    public async Task<(long Undispatched, long PendingDeliveries)> CountPendingAsync(CancellationToken cancellationToken = default)
    {
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var undispatched = await context.Set<OutboxRow>().LongCountAsync(static o => o.State == OutboxState.Pending, cancellationToken).ConfigureAwait(false);
            var pending = await context.Set<WebhookDeliveryRow>().LongCountAsync(static d => d.State == WebhookDeliveryState.Pending, cancellationToken).ConfigureAwait(false);
            return (undispatched, pending);
        }
    }

    /// <inheritdoc />
    public async Task<int> RedeliverAsync(string tenantId, string subscriptionId, string? eventId, CancellationToken cancellationToken = default)
    {
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var query = context.Set<WebhookDeliveryRow>()
                .Where(d => d.TenantId == tenantId && d.SubscriptionId == subscriptionId && d.State == WebhookDeliveryState.DeadLettered);
            if (eventId is not null)
            {
                query = query.Where(d => d.EventId == eventId);
            }

            return await SqliteWriter.RunAsync(context, ct => query.ExecuteUpdateAsync(
                static s => s.SetProperty(static d => d.State, WebhookDeliveryState.Pending)
                    .SetProperty(static d => d.ClaimedBy, (string?)null)
                    .SetProperty(static d => d.ClaimedUntil, (Instant?)null),
                ct), cancellationToken).ConfigureAwait(false);
        }
    }

    private static WebhookSubscription ToSubscription(WebhookSubscriptionRow r) =>
        new(r.Id, r.TenantId, new Uri(r.Url, UriKind.Absolute), r.Secret,
            r.EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries), r.CreatedAt);
}
