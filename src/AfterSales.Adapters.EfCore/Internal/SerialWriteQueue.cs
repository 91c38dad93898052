using System.Threading.Channels;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>
/// Runs writes one at a time, in arrival order, on a single loop that drains a queue (SQLite has one
/// writer per file). Unlike a <see cref="SemaphoreSlim"/> handed from waiter to waiter, the write
/// slot never sits idle while a released waiter's continuation waits for a thread-pool thread: the
/// loop starts the next queued write as soon as the previous one returns, and the callers'
/// continuations run elsewhere. A write still queued when its token is cancelled is not run. The
/// writes run on the loop, without their callers' ambient context (AsyncLocal values, the current
/// activity).
/// </summary>
internal sealed class SerialWriteQueue
{
    private readonly Channel<Item> queue = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions
    {
        SingleReader = true,
        SingleWriter = false,
        AllowSynchronousContinuations = false,
    });

    private int started;

    /// <summary>Queues <paramref name="write"/>; completes as it does, once it has run.</summary>
    /// <param name="write">The write; it gets <paramref name="cancellationToken"/>.</param>
    /// <param name="cancellationToken">Cancels the write if it has not started.</param>
    /// <returns>The write's result.</returns>
    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Volatile.Read(ref started) == 0 && Interlocked.Exchange(ref started, 1) == 0)
        {
            // The loop outlives the request that starts it: it does not keep that request's
            // ambient context (its AsyncLocal values, its activity).
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(PumpAsync, CancellationToken.None);
            }
        }

        var item = new Item<T>(write, cancellationToken);
        if (!queue.Writer.TryWrite(item))
        {
            throw new InvalidOperationException("The write queue is closed.");
        }

        return item.Completion.Task;
    }

    private async Task PumpAsync()
    {
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                await item.RunAsync().ConfigureAwait(false);
            }
        }
    }

    private abstract class Item
    {
        public abstract Task RunAsync();
    }

    private sealed class Item<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken) : Item
    {
        // Callers' continuations never run on the loop.
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task RunAsync()
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Completion.TrySetCanceled(cancellationToken);
                return;
            }

            try
            {
                Completion.TrySetResult(await write(cancellationToken).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Completion.TrySetCanceled(cancellationToken);
            }
#pragma warning disable CA1031 // Every failure belongs to the caller that queued the write.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Completion.TrySetException(e);
            }
        }
    }
}
