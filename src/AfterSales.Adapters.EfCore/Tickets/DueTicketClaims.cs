using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Tickets;

/// <summary>
/// Due-work claims with leases on the tickets' rows: PostgreSQL skips rows other claimers hold
/// (<c>FOR UPDATE SKIP LOCKED</c>); SQLite runs the same statement in its single write transaction.
/// </summary>
internal static class DueTicketClaims
{
    public static async Task<IReadOnlyList<DueTicketClaim>> ClaimAsync(DbContext context, Instant now, int batchSize, string claimant, Instant until, CancellationToken cancellationToken)
    {
        var rows = await ClaimRowsAsync(context, now, batchSize, claimant, until, strict: false, cancellationToken).ConfigureAwait(false);
        return
        [
            .. rows.Select(r => new DueTicketClaim(
                    r.TenantId,
                    TicketId.From(r.Id),
                    r.Version,
                    InstantToUnixNanosecondsConverter.FromUnixNanoseconds(r.NextDeadline),
                    claimant,
                    until)),
        ];
    }

    /// <summary>
    /// Claims due rows, soonest first: deadline at or before <paramref name="now"/>, or strictly before
    /// it for the watcher (<paramref name="strict"/>), whose thresholds have happened once the clock reads later.
    /// </summary>
    public static async Task<IReadOnlyList<ClaimedRow>> ClaimRowsAsync(
        DbContext context, Instant now, int batchSize, string claimant, Instant until, bool strict, CancellationToken cancellationToken)
    {
        var sql = ClaimSql(context, strict);
        var rows = await LeaseClaims.ClaimAsync<ClaimedRow>(context, sql, claimant, until, now, batchSize, cancellationToken).ConfigureAwait(false);

        return
        [
            .. rows
                .OrderBy(static r => r.NextDeadline)
                .ThenBy(static r => r.TenantId, StringComparer.Ordinal)
                .ThenBy(static r => r.Id, StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// Releases <paramref name="claim"/>, refreshing the row's deadline fields from
    /// <paramref name="summary"/> when the row is still at the summary's version; false when the claim was lost.
    /// </summary>
    public static async Task<bool> CompleteAsync(DbContext context, DueTicketClaim claim, TicketSummary? summary, int version, CancellationToken cancellationToken)
    {
        var tenant = claim.TenantId;
        var id = claim.Id.Value;
        var claimant = claim.Claimant;
        if (summary is not null)
        {
            var updated = await context.Set<TicketRow>()
                .Where(r => r.TenantId == tenant && r.Id == id && r.Version == version && r.ClaimedBy == claimant)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(static r => r.NextDeadline, summary.NextDeadline)
                        .SetProperty(static r => r.AsOf, summary.AsOf)
                        .SetProperty(static r => r.IsLegacyIssue, summary.IsLegacyIssue)
                        .SetProperty(static r => r.ClaimedBy, (string?)null)
                        .SetProperty(static r => r.ClaimedUntil, (Instant?)null),
                    cancellationToken)
                .ConfigureAwait(false);
            if (updated > 0)
            {
                return true;
            }
        }

        // Saved since the load (the save refreshed the deadline): just let go.
        return await context.Set<TicketRow>()
            .Where(r => r.TenantId == tenant && r.Id == id && r.ClaimedBy == claimant)
            .ExecuteUpdateAsync(
                static s => s.SetProperty(static r => r.ClaimedBy, (string?)null).SetProperty(static r => r.ClaimedUntil, (Instant?)null),
                cancellationToken)
            .ConfigureAwait(false) > 0;
    }

    private static string ClaimSql(DbContext context, bool strict)
    {
        var provider = DbCommands.ProviderOf(context);
        var lockClause = provider switch
        {
            DbCommands.PostgreSqlProvider => " FOR UPDATE SKIP LOCKED",
            DbCommands.SqliteProvider => string.Empty,
            _ => throw new NotSupportedException($"ClaimDueAsync supports PostgreSQL and SQLite, not '{provider}'."),
        };
        var names = StoreNames.Of(context);
        var t = names.Table;
        return $$"""
            UPDATE {{t}} SET {{names.Column("ClaimedBy")}} = {0}, {{names.Column("ClaimedUntil")}} = {1}
            WHERE ({{names.Column("TenantId")}}, {{names.Column("Id")}}) IN (
                SELECT {{names.Column("TenantId")}}, {{names.Column("Id")}} FROM {{t}}
                WHERE {{names.Column("NextDeadline")}} {{(strict ? "<" : "<=")}} {2}
                  AND ({{names.Column("ClaimedUntil")}} IS NULL OR {{names.Column("ClaimedUntil")}} <= {3})
                ORDER BY {{names.Column("NextDeadline")}}
                LIMIT {4}{{lockClause}})
            RETURNING {{names.Column("TenantId")}} AS "TenantId", {{names.Column("Id")}} AS "Id", {{names.Column("Version")}} AS "Version", {{names.Column("NextDeadline")}} AS "NextDeadline", {{names.Column("AsOf")}} AS "AsOf"
            """;
    }

    /// <summary>The shape of a claim query's row.</summary>
    internal sealed class ClaimedRow
    {
        public string TenantId { get; set; } = string.Empty;

        public string Id { get; set; } = string.Empty;

        public int Version { get; set; }

        public long NextDeadline { get; set; }

        public long AsOf { get; set; }
    }
}
