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
        SqliteWriter.RunAsync(
            context,
            async queued =>
            {
                if (formatter is null || events.Count == 0)
                {
                    await context.SaveChangesAsync(queued).ConfigureAwait(false);
                    return;
                }

                var database = context.Database;
                await database.CreateExecutionStrategy().ExecuteAsync(async ct =>
                {
                    await using var transaction = await database.BeginTransactionAsync(ct).ConfigureAwait(false);
                    await context.SaveChangesAsync(ct).ConfigureAwait(false);
                    await OutboxWriter.WriteAsync(context, transaction, events, formatter, ct).ConfigureAwait(false);
                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                }, queued).ConfigureAwait(false);
            },
            cancellationToken);
}
