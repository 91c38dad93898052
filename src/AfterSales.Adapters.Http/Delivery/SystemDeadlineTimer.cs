using AfterSales.Events;

namespace AfterSales.Http.Delivery;

/// <summary>
/// The production <see cref="IDeadlineTimer"/>: converts the wait to a delay on a <see cref="TimeProvider"/>
/// timer and reads the <see cref="IClock"/> again on waking, so a clock that moved (NTP, a host's own clock)
/// is followed rather than trusted.
/// </summary>
internal sealed class SystemDeadlineTimer(IClock clock, TimeProvider time) : IDeadlineTimer
{
    public async Task WaitUntilAsync(Instant instant, CancellationToken cancellationToken)
    {
        while (true)
        {
            var left = instant - clock.GetCurrentInstant();
            if (left < Duration.Zero)
            {
                return;
            }

            // Timers fire at or after their due time in whole milliseconds: round up, so one wake is enough.
            var delay = TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds) + 1);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
