using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Events;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Deadlines;

/// <summary>
/// The deadline watcher's second queue: due notices (到期通知) of every kind — a loaner's return-by and whatever
/// fact later schedules an event at its own instant. One generic table and queue serve them all, so a new kind
/// is a <see cref="DueNotice"/> its store writes in the fact's transaction, not a queue of its own. Claims take
/// leases (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL; the single writer on SQLite); processing deletes the
/// claimed notice and writes its event into the outbox in one transaction (an event id already there is kept
/// once), so each notice is emitted exactly once on any number of nodes. A recurring kind's next notice is
/// scheduled in that same transaction by its <see cref="IDueNoticeSuccessor"/>.
/// </summary>
internal sealed class EfCoreDueNoticeQueue<TContext> : IDeadlineQueue
    where TContext : DbContext
{
    // A claim's key: the type (never blank, no space) and the subject.
    private const char KeySeparator = ' ';

    private readonly ContextSource<TContext> contexts;
    private readonly EventSignals? signals;
    private readonly IEventFormatter? formatter;
    private readonly Dictionary<string, IDueNoticeSuccessor> successors;

    public EfCoreDueNoticeQueue(ContextSource<TContext> contexts, EventSignals? signals, IEventFormatter? formatter = null, IEnumerable<IDueNoticeSuccessor>? successors = null)
    {
        this.contexts = contexts;
        this.signals = signals;
        this.formatter = formatter;
        this.successors = formatter is null ? [] : (successors ?? []).ToDictionary(static s => s.Type, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<DeadlineClaim>> ClaimDueAsync(Instant now, int batchSize, string claimant, Duration lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(claimant);
        var until = now + lease;
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var sql = ClaimSql(context);
            var rows = await SqliteWriter.RunAsync(context, ct => LeaseClaims.ClaimAsync<ClaimedNotice>(context, sql, claimant, until, now, batchSize, ct), cancellationToken).ConfigureAwait(false);
            return
            [
                .. rows.OrderBy(static r => r.DueAt).Select(r =>
                {
                    var due = InstantToUnixNanosecondsConverter.FromUnixNanoseconds(r.DueAt);
                    return new DeadlineClaim(r.TenantId, r.Type + KeySeparator + r.Subject, 0, due, due, claimant, until);
                }),
            ];
        }
    }

    public async Task<int> ProcessAsync(DeadlineClaim claim, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var split = claim.Key.IndexOf(KeySeparator, StringComparison.Ordinal);
        var (type, subject) = (claim.Key[..split], claim.Key[(split + 1)..]);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var n = StoreNames.Of(context, typeof(DueNoticeRow));
            var o = StoreNames.Of(context, typeof(OutboxRow));
            string C(string property) => n.Column(property);
            var key = $"{C(nameof(DueNoticeRow.TenantId))} = {{0}} AND {C(nameof(DueNoticeRow.Type))} = {{1}} AND {C(nameof(DueNoticeRow.Subject))} = {{2}} AND {C(nameof(DueNoticeRow.ClaimedBy))} = {{3}}";

            // Deleted and returned in one statement: a save that moved the notice meanwhile dropped the claim, so it is not taken.
            var take = $$"""
                DELETE FROM {{n.Table}} WHERE {{key}} AND {{C(nameof(DueNoticeRow.DueAt))}} < {4}
                RETURNING {{C(nameof(DueNoticeRow.EventId))}} AS "EventId", {{C(nameof(DueNoticeRow.DueAt))}} AS "DueAt", {{C(nameof(DueNoticeRow.Payload))}} AS "Payload"
                """;
            var transactionId = DbCommands.ProviderOf(context) == DbCommands.PostgreSqlProvider ? "pg_current_xact_id()::text::bigint" : "0";
            var insert = $$"""
                INSERT INTO {{o.Table}} ({{o.Column(nameof(OutboxRow.TransactionId))}}, {{o.Column(nameof(OutboxRow.Id))}}, {{o.Column(nameof(OutboxRow.TenantId))}}, {{o.Column(nameof(OutboxRow.Type))}}, {{o.Column(nameof(OutboxRow.Subject))}}, {{o.Column(nameof(OutboxRow.OccurredAt))}}, {{o.Column(nameof(OutboxRow.Payload))}}, {{o.Column(nameof(OutboxRow.State))}})
                VALUES ({{transactionId}}, {0}, {1}, {2}, {3}, {4}, {5}, '{{nameof(OutboxState.Pending)}}')
                ON CONFLICT ({{o.Column(nameof(OutboxRow.Id))}}) DO NOTHING
                """;
            var release = $"UPDATE {n.Table} SET {C(nameof(DueNoticeRow.ClaimedBy))} = NULL, {C(nameof(DueNoticeRow.ClaimedUntil))} = NULL WHERE {key}";
            Instant? next = null;
            var written = await SqliteWriter.InTransactionAsync(context, async (transaction, ct2) =>
            {
                next = null;
                var taken = await context.Database
                    .SqlQueryRaw<TakenNotice>(take, claim.TenantId, type, subject, claim.Claimant, InstantToUnixNanosecondsConverter.ToUnixNanoseconds(now))
                    .ToListAsync(ct2)
                    .ConfigureAwait(false);
                var count = 0;
                if (taken.Count == 0)
                {
                    // Not due any more (moved later), or the lease ended and another node has it: only let go of ours.
                    await context.Database.ExecuteSqlRawAsync(release, [claim.TenantId, type, subject, claim.Claimant], ct2).ConfigureAwait(false);
                }
                else
                {
                    var t = taken[0];
                    count = await context.Database.ExecuteSqlRawAsync(insert, [t.EventId, claim.TenantId, type, subject, t.DueAt, t.Payload], ct2).ConfigureAwait(false);

                    // A recurring fact's next notice, from its state in this transaction: scheduled once, with the emission.
                    if (successors.TryGetValue(type, out var successor)
                        && await successor.NextAsync(context, claim.TenantId, subject, InstantToUnixNanosecondsConverter.FromUnixNanoseconds(t.DueAt), ct2).ConfigureAwait(false) is { } notice)
                    {
                        next = await DueNoticeWrites.WriteAsync(context, [notice], formatter!, ct2).ConfigureAwait(false);
                    }
                }

                await transaction.CommitAsync(ct2).ConfigureAwait(false);
                return count;
            }, cancellationToken).ConfigureAwait(false);
            if (written > 0)
            {
                signals?.EventsStored();
            }

            signals?.DeadlineStored(next);

            return written;
        }
    }

    public async Task<Instant?> NextDeadlineAsync(Instant now, CancellationToken cancellationToken)
    {
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            return await context.Set<DueNoticeRow>()
                .AsNoTracking()
                .Where(r => r.ClaimedUntil == null || r.ClaimedUntil <= now)
                .MinAsync(static r => (Instant?)r.DueAt, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static string ClaimSql(DbContext context)
    {
        var lockClause = DbCommands.ProviderOf(context) switch
        {
            DbCommands.PostgreSqlProvider => " FOR UPDATE SKIP LOCKED",
            DbCommands.SqliteProvider => string.Empty,
            var provider => throw new NotSupportedException($"Due notices support PostgreSQL and SQLite, not '{provider}'."),
        };
        var n = StoreNames.Of(context, typeof(DueNoticeRow));
        string C(string property) => n.Column(property);
        var key = $"{C(nameof(DueNoticeRow.TenantId))}, {C(nameof(DueNoticeRow.Type))}, {C(nameof(DueNoticeRow.Subject))}";
        return $$"""
            UPDATE {{n.Table}} SET {{C(nameof(DueNoticeRow.ClaimedBy))}} = {0}, {{C(nameof(DueNoticeRow.ClaimedUntil))}} = {1}
            WHERE ({{key}}) IN (
                SELECT {{key}} FROM {{n.Table}}
                WHERE {{C(nameof(DueNoticeRow.DueAt))}} < {2}
                  AND ({{C(nameof(DueNoticeRow.ClaimedUntil))}} IS NULL OR {{C(nameof(DueNoticeRow.ClaimedUntil))}} <= {3})
                ORDER BY {{C(nameof(DueNoticeRow.DueAt))}}
                LIMIT {4}{{lockClause}})
            RETURNING {{C(nameof(DueNoticeRow.TenantId))}} AS "TenantId", {{C(nameof(DueNoticeRow.Type))}} AS "Type", {{C(nameof(DueNoticeRow.Subject))}} AS "Subject", {{C(nameof(DueNoticeRow.DueAt))}} AS "DueAt"
            """;
    }

    /// <summary>The shape of a claim query's row.</summary>
    internal sealed class ClaimedNotice
    {
        public string TenantId { get; set; } = string.Empty;

        public string Type { get; set; } = string.Empty;

        public string Subject { get; set; } = string.Empty;

        public long DueAt { get; set; }
    }

    /// <summary>The shape of a taken notice.</summary>
    internal sealed class TakenNotice
    {
        public string EventId { get; set; } = string.Empty;

        public long DueAt { get; set; }

        public string Payload { get; set; } = string.Empty;
    }
}
