using AfterSales.Events;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Outbox;

/// <summary>
/// <c>SaveChanges</c> and the outbox rows of the same change in one transaction, for the stores that save
/// through change tracking (complaints, stock ledgers). A conflict raised by either rolls back both.
/// </summary>
internal static class OutboxSaves
{
    public static async Task SaveChangesAsync(DbContext context, IReadOnlyList<DomainEvent> events, IEventFormatter? formatter, CancellationToken cancellationToken)
    {
        if (formatter is null || events.Count == 0)
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var database = context.Database;
        await database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            await OutboxWriter.WriteAsync(context, transaction, events, formatter, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
