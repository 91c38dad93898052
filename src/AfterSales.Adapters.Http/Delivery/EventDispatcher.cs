using System.Collections.Concurrent;
using AfterSales.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Delivery;

/// <summary>
/// The outbox dispatcher (事件分发): fans committed outbox events out into one delivery per matching
/// webhook subscription, then sends each subscription's pending deliveries on that subscription's own
/// worker, at most <see cref="DeadlineWatcherOptions.DeliveryConcurrency"/> at a time — a slow or dead
/// receiver holds only its own slots, never another subscriber or the watcher. Woken by this node's
/// commits, and every <see cref="DeadlineWatcherOptions.DispatchPollInterval"/> for other nodes'.
/// </summary>
internal sealed partial class EventDispatcher(
    IWebhookStore store,
    WebhookSender sender,
    IDeadlineTimer timer,
    EventSignals signals,
    IClock clock,
    IOptions<DeadlineWatcherOptions> options,
    ILogger<EventDispatcher> logger) : BackgroundService
{
    private readonly DeadlineWatcherOptions settings = options.Value;
    private readonly ConcurrentDictionary<string, Task> workers = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = Duration.FromTimeSpan(settings.DispatchPollInterval);
        Task? sleep = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var signal = signals.NextEventsStored;
            try
            {
                await PassAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }

            // A commit's signal wakes a pass without ending the poll's sleep: under load a signal comes
            // with nearly every commit, and cancelling and restarting the timer each time cost an
            // exception (the cancelled wait) per request. The poll still comes, at the latest, an interval after it began.
            if (sleep is null || sleep.IsCompleted)
            {
                sleep = timer.WaitUntilAsync(clock.GetCurrentInstant() + poll, stoppingToken);
            }

            await Task.WhenAny(sleep, signal).ConfigureAwait(false);
        }

        if (sleep is not null)
        {
            await sleep.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await Task.WhenAll(workers.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>One pass: fan out what is pending, then start a worker for every subscription with deliveries ready.</summary>
    internal async Task PassAsync(CancellationToken cancellationToken)
    {
        while (await store.DispatchAsync(settings.DispatchBatchSize, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false) == settings.DispatchBatchSize)
        {
        }

        if (DeliveryTelemetry.DepthObserved)
        {
            var (undispatched, pending) = await store.CountPendingAsync(cancellationToken).ConfigureAwait(false);
            DeliveryTelemetry.RecordDepth(undispatched, pending);
        }

        foreach (var id in await store.ListReadySubscriptionsAsync(clock.GetCurrentInstant(), 10_000, cancellationToken).ConfigureAwait(false))
        {
            if (!workers.ContainsKey(id))
            {
                var started = new TaskCompletionSource();
                if (workers.TryAdd(id, started.Task))
                {
                    _ = RunWorkerAsync(id, started, cancellationToken);
                }
            }
        }
    }

    /// <summary>Sends one subscription's pending deliveries, a wave of claims at a time, until none is left.</summary>
    private async Task RunWorkerAsync(string subscriptionId, TaskCompletionSource done, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            var lease = Duration.FromTimeSpan(settings.DeliveryLease);
            while (!cancellationToken.IsCancellationRequested)
            {
                var claims = await store.ClaimAsync(subscriptionId, clock.GetCurrentInstant(), settings.DeliveryConcurrency, settings.Node, lease, cancellationToken).ConfigureAwait(false);
                if (claims.Count == 0)
                {
                    break;
                }

                await Task.WhenAll(claims.Select(async claim =>
                {
                    var outcome = await sender.SendAsync(claim, cancellationToken).ConfigureAwait(false);
                    if (outcome.State == WebhookDeliveryState.DeadLettered)
                    {
                        LogDeadLettered(logger, claim.Message.Id, subscriptionId, outcome.Attempts, outcome.Error);
                    }

                    if (await store.CompleteAsync(claim, outcome, CancellationToken.None).ConfigureAwait(false) && outcome.State != WebhookDeliveryState.Pending)
                    {
                        DeliveryTelemetry.Delivered(claim.Message.Type, claim.Message.OccurredAt, outcome.At, outcome.State);
                    }
                })).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, ex);
        }
        finally
        {
            workers.TryRemove(subscriptionId, out _);
            done.TrySetResult();

            // Deliveries fanned out while the worker was finishing: look again.
            if (!cancellationToken.IsCancellationRequested)
            {
                signals.EventsStored();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The event dispatcher failed; it retries at the next poll.")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} to webhook {Subscription} dead-lettered after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, string eventId, string subscription, int attempts, string? error);
}
