using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>
/// Every store's writes to one SQLite database, through one <see cref="SerialWriteQueue"/> per database
/// in the process. SQLite has one writer per file: a second writer that begins while another holds the
/// lock is not queued by SQLite but told it is busy, and Microsoft.Data.Sqlite then sleeps 150 ms before
/// trying again — on a thread-pool thread, inside whatever transaction was waiting. Before every store
/// shared the queue, the outbox dispatcher's pass after each commit collided with the next ticket save
/// that way, and writes under load waited in 150 ms steps. On other providers a write runs directly.
/// </summary>
/// <remarks>
/// The queue is found by the context's connection string, so every store, context instance and context
/// type on the same string shares it; the same file named by two different strings would get two queues
/// (and SQLite's busy retry between them again). A write run here must not itself wait for another write
/// on the same queue.
/// </remarks>
internal static class SqliteWriter
{
    private static readonly ConcurrentDictionary<string, SerialWriteQueue> Queues = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="write"/> on the write queue of <paramref name="context"/>'s database when it is SQLite, directly otherwise.</summary>
    public static Task<T> RunAsync<T>(DbContext context, Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken) =>
        DbCommands.ProviderOf(context) == DbCommands.SqliteProvider
            ? Queues.GetOrAdd(context.Database.GetConnectionString() ?? string.Empty, static _ => new SerialWriteQueue()).RunAsync(write, cancellationToken)
            : write(cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction of its own: on the write queue (SQLite) and under the
    /// context's execution strategy, which refuses a transaction begun outside it when it retries
    /// (<c>EnableRetryOnFailure</c>). The work commits; a transaction it leaves uncommitted is rolled back.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(DbContext context, Func<IDbContextTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(
            context,
            queued => context.Database.CreateExecutionStrategy().ExecuteAsync(
                async ct =>
                {
                    var transaction = await context.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                    await using (transaction.ConfigureAwait(false))
                    {
                        return await work(transaction, ct).ConfigureAwait(false);
                    }
                },
                queued),
            cancellationToken);

    /// <summary>Runs <paramref name="work"/> as <see cref="InTransactionAsync{T}"/> does.</summary>
    public static Task InTransactionAsync(DbContext context, Func<IDbContextTransaction, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        InTransactionAsync(
            context,
            async (transaction, ct) =>
            {
                await work(transaction, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    /// <summary>Runs <paramref name="write"/> as <see cref="RunAsync{T}(DbContext, Func{CancellationToken, Task{T}}, CancellationToken)"/> does.</summary>
    public static Task RunAsync(DbContext context, Func<CancellationToken, Task> write, CancellationToken cancellationToken) =>
        RunAsync(
            context,
            async ct =>
            {
                await write(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
}
