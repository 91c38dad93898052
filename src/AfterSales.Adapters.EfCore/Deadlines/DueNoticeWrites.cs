using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Events;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Deadlines;

/// <summary>
/// Schedules, moves and withdraws <see cref="DueNotice"/>s inside the caller's transaction (the fact's): an upsert
/// by (tenant, type, subject) that also drops any claim (a claimer of the old notice then finds nothing to emit),
/// or a delete. The event is formatted now, so the watcher only copies it into the outbox when it falls due.
/// </summary>
internal static class DueNoticeWrites
{
    /// <summary>Writes <paramref name="notices"/>; returns the earliest due instant scheduled, for the watcher's wake-up.</summary>
    public static async Task<Instant?> WriteAsync(DbContext context, IReadOnlyList<DueNotice> notices, IEventFormatter formatter, CancellationToken cancellationToken)
    {
        Instant? earliest = null;
        if (notices.Count == 0)
        {
            return earliest;
        }

        var n = StoreNames.Of(context, typeof(DueNoticeRow));
        string C(string property) => n.Column(property);
        var key = $"{C(nameof(DueNoticeRow.TenantId))} = {{0}} AND {C(nameof(DueNoticeRow.Type))} = {{1}} AND {C(nameof(DueNoticeRow.Subject))} = {{2}}";
        var withdraw = $"DELETE FROM {n.Table} WHERE {key}";
        var schedule = $$"""
        INSERT INTO {{n.Table}} ({{C(nameof(DueNoticeRow.TenantId))}}, {{C(nameof(DueNoticeRow.Type))}}, {{C(nameof(DueNoticeRow.Subject))}}, {{C(nameof(DueNoticeRow.DueAt))}}, {{C(nameof(DueNoticeRow.EventId))}}, {{C(nameof(DueNoticeRow.Payload))}})
        VALUES ({0}, {1}, {2}, {3}, {4}, {5})
        ON CONFLICT ({{C(nameof(DueNoticeRow.TenantId))}}, {{C(nameof(DueNoticeRow.Type))}}, {{C(nameof(DueNoticeRow.Subject))}}) DO UPDATE SET
            {{C(nameof(DueNoticeRow.DueAt))}} = excluded.{{C(nameof(DueNoticeRow.DueAt))}},
            {{C(nameof(DueNoticeRow.EventId))}} = excluded.{{C(nameof(DueNoticeRow.EventId))}},
            {{C(nameof(DueNoticeRow.Payload))}} = excluded.{{C(nameof(DueNoticeRow.Payload))}},
            {{C(nameof(DueNoticeRow.ClaimedBy))}} = NULL,
            {{C(nameof(DueNoticeRow.ClaimedUntil))}} = NULL
        """;
        foreach (var notice in notices)
        {
            if (notice.Event is not { } e)
            {
                await context.Database.ExecuteSqlRawAsync(withdraw, [notice.TenantId, notice.Type, notice.Subject], cancellationToken).ConfigureAwait(false);
                continue;
            }

            var due = InstantToUnixNanosecondsConverter.ToUnixNanoseconds(e.OccurredAt);
            await context.Database.ExecuteSqlRawAsync(
                schedule,
                [notice.TenantId, notice.Type, notice.Subject, due, e.Id, formatter.Format(e)],
                cancellationToken).ConfigureAwait(false);
            if (earliest is null || e.OccurredAt < earliest)
            {
                earliest = e.OccurredAt;
            }
        }

        return earliest;
    }
}
