using System.Data;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// The tenants' event log read from the outbox (事件订阅源), in position order, with no gaps and no duplicates.
/// </summary>
/// <remarks>
/// <para><b>PostgreSQL.</b> Sequence numbers are taken at insert but transactions commit in any order, so
/// a later sequence can commit first: a reader that moved past it would skip the earlier one when it
/// commits. So every row records its writing transaction (<c>pg_current_xact_id()</c>), the position is
/// (transaction, sequence), and a row is returned only when its transaction is older than the oldest
/// transaction still in flight (<c>pg_snapshot_xmin(pg_current_snapshot())</c>): every transaction that
/// could still add a row before it has ended. A row becomes visible once the transactions before it
/// finish; a long-running transaction anywhere on the server delays (never reorders) the feed.</para>
/// <para><b>SQLite</b> has one writer at a time, so the sequence is the commit order.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context.</typeparam>
public sealed class EfCoreEventFeed<TContext> : IEventFeed
    where TContext : DbContext
{
    private readonly ContextSource<TContext> contexts;

    /// <summary>Creates a feed over contexts from <paramref name="contextFactory"/>.</summary>
    public EfCoreEventFeed(IDbContextFactory<TContext> contextFactory) => contexts = ContextSource<TContext>.From(contextFactory);

    /// <summary>Creates a feed over contexts resolved from new DI scopes.</summary>
    public EfCoreEventFeed(IServiceScopeFactory scopeFactory) => contexts = ContextSource<TContext>.From(scopeFactory);

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxMessage>> ReadAsync(string tenantId, EventPosition after, int limit, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var names = StoreNames.Of(context, typeof(OutboxRow));
            var h = names.Sql;
            string C(string property) => names.Column(property);
            var postgres = DbCommands.ProviderOf(context) == DbCommands.PostgreSqlProvider;
            var sql = $"SELECT {C(nameof(OutboxRow.TransactionId))}, {C(nameof(OutboxRow.Sequence))}, {C(nameof(OutboxRow.Id))}, {C(nameof(OutboxRow.Type))}, "
                + $"{C(nameof(OutboxRow.Subject))}, {C(nameof(OutboxRow.OccurredAt))}, {C(nameof(OutboxRow.Payload))} FROM {names.Table}"
                + $" WHERE {C(nameof(OutboxRow.TenantId))} = {h.GenerateParameterNamePlaceholder("tenant")}"
                + $" AND ({C(nameof(OutboxRow.TransactionId))} > {h.GenerateParameterNamePlaceholder("tx")}"
                + $" OR ({C(nameof(OutboxRow.TransactionId))} = {h.GenerateParameterNamePlaceholder("tx")} AND {C(nameof(OutboxRow.Sequence))} > {h.GenerateParameterNamePlaceholder("seq")}))"
                + (postgres ? $" AND {C(nameof(OutboxRow.TransactionId))} < pg_snapshot_xmin(pg_current_snapshot())::text::bigint" : string.Empty)
                + $" ORDER BY {C(nameof(OutboxRow.TransactionId))}, {C(nameof(OutboxRow.Sequence))} LIMIT {h.GenerateParameterNamePlaceholder("limit")}";
            var database = context.Database;
            await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var command = DbCommands.Create(database, sql);
                await using (command.ConfigureAwait(false))
                {
                    command.AddParameter(h.GenerateParameterName("tenant"), DbType.String, tenantId);
                    command.AddParameter(h.GenerateParameterName("tx"), DbType.Int64, after.Transaction);
                    command.AddParameter(h.GenerateParameterName("seq"), DbType.Int64, after.Sequence);
                    command.AddParameter(h.GenerateParameterName("limit"), DbType.Int32, limit);
                    var messages = new List<OutboxMessage>();
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            messages.Add(new OutboxMessage(
                                new EventPosition(reader.GetInt64(0), reader.GetInt64(1)),
                                reader.GetString(2),
                                reader.GetString(3),
                                tenantId,
                                reader.GetString(4),
                                InstantToUnixNanosecondsConverter.FromUnixNanoseconds(reader.GetInt64(5)),
                                reader.GetString(6)));
                        }
                    }

                    return messages;
                }
            }
            finally
            {
                await database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
    }
}
