using AfterSales.Idempotency;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Idempotency;

/// <summary>
/// Removes expired <c>Idempotency-Key</c>s and evicts the oldest keys of tenants over their bounds,
/// every <see cref="IdempotencyStoreOptions.SweepInterval"/>, on every node (a sweep is idempotent).
/// A failed sweep is logged and tried again at the next interval.
/// </summary>
internal sealed partial class IdempotencySweepService(
    IIdempotencyStore store, IOptions<IdempotencyStoreOptions> options, IClock clock, TimeProvider time, ILogger<IdempotencySweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var removed = await store.SweepAsync(clock.GetCurrentInstant(), stoppingToken).ConfigureAwait(false);
                if (removed > 0)
                {
                    Swept(removed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A sweep that fails (a database restarting) is retried at the next tick.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                SweepFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Idempotency sweep removed {Count} keys.")]
    private partial void Swept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency sweep failed; it runs again at the next interval.")]
    private partial void SweepFailed(Exception ex);
}
