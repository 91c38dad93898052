using AfterSales.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Delivery;

/// <summary>
/// The deadline watcher (到期监视): sleeps until the earliest deadline in the due index (at most
/// <see cref="DeadlineWatcherOptions.MaxNap"/>, and less when a save on this node stores a nearer one),
/// claims what is due with a lease, and has each claimed work order re-evaluated — the thresholds newly
/// reached written into the outbox in one transaction with its next deadline. Deadlines passed while
/// every node was down are claimed at start, their alerts marked late. Any number of nodes may run it.
/// It visits every registered <see cref="IDeadlineQueue"/> in turn: the work orders' and, with EF Core, the
/// due notices' (a loaner's return-by …) — one generic queue for every event due at its own instant.
/// </summary>
internal sealed partial class DeadlineWatcher(
    IEnumerable<IDeadlineQueue> queues,
    IDeadlineTimer timer,
    EventSignals signals,
    IClock clock,
    IOptions<DeadlineWatcherOptions> options,
    ILogger<DeadlineWatcher> logger) : BackgroundService
{
    private readonly DeadlineWatcherOptions settings = options.Value;
    private readonly IDeadlineQueue[] queues = [.. queues];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var node = settings.Node;
        var lease = Duration.FromTimeSpan(settings.ClaimLease);
        var nap = Duration.FromTimeSpan(settings.MaxNap);
        while (!stoppingToken.IsCancellationRequested)
        {
            var signal = signals.NextDeadlineStored;
            signals.TakeNearestDeadline();

            // Each queue on its own: one that fails (say, a table not migrated yet) retries shortly without holding up the others.
            var wakeAt = clock.GetCurrentInstant() + nap;
            foreach (var queue in queues)
            {
                try
                {
                    await VisitDueAsync(queue, node, lease, stoppingToken).ConfigureAwait(false);
                    if (await queue.NextDeadlineAsync(clock.GetCurrentInstant(), stoppingToken).ConfigureAwait(false) is { } next && next < wakeAt)
                    {
                        wakeAt = next;
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(logger, ex);
                    var retry = clock.GetCurrentInstant() + Duration.FromSeconds(Math.Min(5, nap.TotalSeconds));
                    wakeAt = retry < wakeAt ? retry : wakeAt;
                }
            }

            await SleepAsync(wakeAt, signal, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Claims and visits each queue's due work until a claim comes back short.</summary>
    internal async Task<int> VisitDueAsync(string node, Duration lease, CancellationToken cancellationToken)
    {
        var events = 0;
        foreach (var queue in queues)
        {
            events += await VisitDueAsync(queue, node, lease, cancellationToken).ConfigureAwait(false);
        }

        return events;
    }

    private async Task<int> VisitDueAsync(IDeadlineQueue queue, string node, Duration lease, CancellationToken cancellationToken)
    {
        var events = 0;
        while (true)
        {
            var now = clock.GetCurrentInstant();
            var claims = await queue.ClaimDueAsync(now, settings.BatchSize, node, lease, cancellationToken).ConfigureAwait(false);
            await Parallel.ForEachAsync(
                claims,
                new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken },
                async (claim, ct) =>
                {
                    try
                    {
                        DeliveryTelemetry.Claimed(claim.Deadline, now);
                        Interlocked.Add(ref events, await queue.ProcessAsync(claim, clock.GetCurrentInstant(), ct).ConfigureAwait(false));
                    }
                    catch (Exception ex) when (!ct.IsCancellationRequested)
                    {
                        // The claim stays until its lease ends; then a node (maybe this one) visits again.
                        LogVisitFailed(logger, claim.TenantId, claim.Key, ex);
                    }
                }).ConfigureAwait(false);
            if (claims.Count < settings.BatchSize)
            {
                return events;
            }
        }
    }

    /// <summary>
    /// Sleeps until <paramref name="wakeAt"/>, or until a save on this node stores a nearer deadline, or signals
    /// when the clock already reads past <paramref name="wakeAt"/>. A stored deadline that is not nearer leaves the
    /// sleep as it is: under load nearly every save signals, and cancelling the wait cost an exception each time.
    /// </summary>
    private async Task SleepAsync(Instant wakeAt, Task signal, CancellationToken stoppingToken)
    {
        var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            var sleep = timer.WaitUntilAsync(wakeAt, wait.Token);
            while (true)
            {
                if (await Task.WhenAny(sleep, signal).ConfigureAwait(false) == sleep)
                {
                    await sleep.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    return;
                }

                signal = signals.NextDeadlineStored;
                var nearest = signals.TakeNearestDeadline();
                if (clock.GetCurrentInstant() >= wakeAt)
                {
                    // The clock passed the wake-up while the timer still waits (a host clock moved forward): wake now.
                    await wait.CancelAsync().ConfigureAwait(false);
                    await sleep.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    return;
                }

                if (nearest is { } nearer && nearer < wakeAt)
                {
                    await wait.CancelAsync().ConfigureAwait(false);
                    await sleep.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    wait.Dispose();
                    wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    wakeAt = nearer;
                    sleep = timer.WaitUntilAsync(wakeAt, wait.Token);
                }
            }
        }
        finally
        {
            wait.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The deadline watcher failed; it retries shortly.")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Visiting due work {Tenant}/{Ticket} failed; it is retried when its claim's lease ends.")]
    private static partial void LogVisitFailed(ILogger logger, string tenant, string ticket, Exception exception);
}
