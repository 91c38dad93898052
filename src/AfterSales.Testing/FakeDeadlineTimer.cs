using AfterSales.Events;
using NodaTime.Testing;

namespace AfterSales.Testing;

/// <summary>
/// An <see cref="IDeadlineTimer"/> driven by a NodaTime.Testing <see cref="FakeClock"/>: the deadline watcher
/// and the dispatcher sleep until the test moves time with <see cref="Advance"/> or <see cref="AdvanceTo"/>,
/// which wakes exactly the sleepers whose instant the clock then reads later than. Deterministic; thread-safe.
/// Register it (before <c>AddDeadlineWatcher</c>, or replacing its timer) with the same clock as the host's <see cref="IClock"/>.
/// </summary>
public sealed class FakeDeadlineTimer : IDeadlineTimer
{
    private readonly Lock gate = new();
    private readonly List<(Instant At, TaskCompletionSource Wake)> sleepers = [];

    /// <summary>Creates a timer over <paramref name="clock"/>.</summary>
    public FakeDeadlineTimer(FakeClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Clock = clock;
    }

    /// <summary>The clock the sleepers compare with.</summary>
    public FakeClock Clock { get; }

    /// <summary>How many waits are pending now.</summary>
    public int Sleeping
    {
        get
        {
            lock (gate)
            {
                return sleepers.Count;
            }
        }
    }

    /// <summary>The instants the sleepers wait for, earliest first.</summary>
    public IReadOnlyList<Instant> Wakes
    {
        get
        {
            lock (gate)
            {
                return [.. sleepers.Select(static s => s.At).Order()];
            }
        }
    }

    /// <summary>The earliest instant a sleeper waits for, or <see langword="null"/> when none sleeps.</summary>
    public Instant? NextWake
    {
        get
        {
            lock (gate)
            {
                return sleepers.Count == 0 ? null : sleepers.Min(static s => s.At);
            }
        }
    }

    /// <inheritdoc />
    public Task WaitUntilAsync(Instant instant, CancellationToken cancellationToken)
    {
        if (Clock.GetCurrentInstant() > instant)
        {
            return Task.CompletedTask;
        }

        var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            sleepers.Add((instant, wake));
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() =>
            {
                lock (gate)
                {
                    sleepers.RemoveAll(s => s.Wake == wake);
                }

                wake.TrySetCanceled(cancellationToken);
            });
            _ = wake.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        }

        Release();
        return wake.Task;
    }

    /// <summary>Moves the clock by <paramref name="duration"/> and wakes the sleepers it passed.</summary>
    public void Advance(Duration duration)
    {
        Clock.Advance(duration);
        Release();
    }

    /// <summary>Sets the clock to <paramref name="instant"/> (not backwards) and wakes the sleepers it passed.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> is before the clock's reading.</exception>
    public void AdvanceTo(Instant instant)
    {
        var now = Clock.GetCurrentInstant();
        if (instant < now)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, $"instant must not be before the clock's reading {now}.");
        }

        Clock.Reset(instant);
        Release();
    }

    private void Release()
    {
        var now = Clock.GetCurrentInstant();
        List<TaskCompletionSource> due;
        lock (gate)
        {
            due = [.. sleepers.Where(s => now > s.At).Select(static s => s.Wake)];
            sleepers.RemoveAll(s => now > s.At);
        }

        foreach (var wake in due)
        {
            wake.TrySetResult();
        }
    }
}
