using AfterSales.Testing;
using NodaTime.Testing;

namespace AfterSales.Testing.Tests;

public class FakeDeadlineTimerTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 1, 0);

    [Fact]
    public async Task WaitUntil_WakesOnlyOnceTheClockReadsLater_InOrder()
    {
        var timer = new FakeDeadlineTimer(new FakeClock(Start));
        var early = timer.WaitUntilAsync(Start + Duration.FromMinutes(5), CancellationToken.None);
        var late = timer.WaitUntilAsync(Start + Duration.FromMinutes(10), CancellationToken.None);
        Assert.Equal([Start + Duration.FromMinutes(5), Start + Duration.FromMinutes(10)], timer.Wakes);

        timer.AdvanceTo(Start + Duration.FromMinutes(5));
        Assert.False(early.IsCompleted, "at the instant itself the clock does not read later");
        timer.Advance(Duration.Epsilon);
        await early;
        Assert.False(late.IsCompleted);
        timer.Advance(Duration.FromMinutes(10));
        await late;
        Assert.Empty(timer.Wakes);
        Assert.True(timer.WaitUntilAsync(Start, CancellationToken.None).IsCompleted, "a past instant does not wait");
    }

    [Fact]
    public async Task WaitUntil_Cancelled_Removed()
    {
        var timer = new FakeDeadlineTimer(new FakeClock(Start));
        using var cts = new CancellationTokenSource();
        var wait = timer.WaitUntilAsync(Start + Duration.FromHours(1), cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.Equal(0, timer.Sleeping);
        Assert.Throws<ArgumentOutOfRangeException>(() => timer.AdvanceTo(Start - Duration.Epsilon));
    }
}
