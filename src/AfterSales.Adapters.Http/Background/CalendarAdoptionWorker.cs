using AfterSales.WorkOrders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Background;

/// <summary>
/// Runs the recompute of open tickets after a calendar version is saved (<see cref="CalendarAdoptionRunner"/>)
/// in the background: woken at once by a <c>PUT /calendars…</c> on this node, and every
/// <see cref="AfterSalesHttpOptions.CalendarAdoptionPollInterval"/> for saves made on other nodes or
/// interrupted by a restart (the runner resumes from the recorded cursor). A PUT therefore answers
/// as soon as the version is saved, however many tickets follow.
/// </summary>
internal sealed partial class CalendarAdoptionWorker(
    CalendarAdoptionRunner runner, CalendarAdoptionSignal signal, IOptions<AfterSalesHttpOptions> options, ILogger<CalendarAdoptionWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CalendarAdoptionPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var adopted = await runner.RunPendingAsync(stoppingToken).ConfigureAwait(false);
                if (adopted > 0)
                {
                    Adopted(logger, adopted);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The progress so far is recorded; the next round resumes from it.
                Failed(logger, ex);
            }

            try
            {
                await signal.WaitAsync(interval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} open tickets adopted newer calendar versions.")]
    private static partial void Adopted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recomputing open tickets after a calendar change failed; it resumes in the next round.")]
    private static partial void Failed(ILogger logger, Exception exception);
}

/// <summary>Wakes the <see cref="CalendarAdoptionWorker"/> when a calendar version was saved on this node.</summary>
internal sealed class CalendarAdoptionSignal : IDisposable
{
    private readonly SemaphoreSlim signals = new(0, 1);

    public void Dispose() => signals.Dispose();

    public void Signal()
    {
        try
        {
            signals.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every save before it.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signals.WaitAsync(timeout, cancellationToken);
}
