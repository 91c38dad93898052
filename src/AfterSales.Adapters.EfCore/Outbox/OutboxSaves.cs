using AfterSales.Events;
using AfterSales.EntityFrameworkCore.Internal;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Outbox;

/// <summary>
/// <c>SaveChanges</c> and the outbox rows of the same change in one transaction, for the stores that save
/// through change tracking (complaints, stock ledgers), behind every other write on SQLite. A conflict raised
/// by either rolls back both.
/// </summary>
internal static class OutboxSaves
{
    public static Task SaveChangesAsync(DbContext context, IReadOnlyList<DomainEvent> events, IEventFormatter? formatter, CancellationToken cancellationToken) =>
        formatter is null || events.Count == 0
            ? SqliteWriter.RunAsync(context, ct => context.SaveChangesAsync(ct), cancellationToken)
            : SqliteWriter.InTransactionAsync(
                context,
                async (transaction, ct) =>
                {
                    await context.SaveChangesAsync(ct).ConfigureAwait(false);
                    await OutboxWriter.WriteAsync(context, transaction, events, formatter, ct).ConfigureAwait(false);
                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                },
                cancellationToken);
}
