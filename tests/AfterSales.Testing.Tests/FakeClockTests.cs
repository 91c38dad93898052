namespace AfterSales.Testing.Tests;

public class FakeClockTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    [Fact]
    public void GetCurrentInstant_StandsStill_UntilAdvanced()
    {
        var clock = new FakeClock(Start);
        Assert.Equal(Start, clock.GetCurrentInstant());
        Assert.Equal(Start, clock.GetCurrentInstant());
        clock.Advance(Duration.FromSeconds(90));
        clock.AdvanceMinutes(2);
        clock.AdvanceHours(1);
        clock.AdvanceDays(1);
        Assert.Equal(Start + Duration.FromSeconds(90) + Duration.FromMinutes(2) + Duration.FromHours(25), clock.GetCurrentInstant());
    }

    [Fact]
    public void AutoAdvance_MovesAfterEachRead()
    {
        var clock = new FakeClock(Start, Duration.FromMinutes(1));
        Assert.Equal(Start, clock.GetCurrentInstant());
        Assert.Equal(Start + Duration.FromMinutes(1), clock.GetCurrentInstant());
        clock.AutoAdvance = Duration.Zero;
        Assert.Equal(clock.GetCurrentInstant(), clock.GetCurrentInstant());
    }

    [Fact]
    public void Reset_SetsTheInstant_AndAdvanceMayGoBack()
    {
        var clock = FakeClock.FromUtc(2026, 1, 1);
        clock.Reset(Start);
        clock.AdvanceMinutes(-30);
        Assert.Equal(Start - Duration.FromMinutes(30), clock.GetCurrentInstant());
    }

    [Fact]
    public void At_LocalTime_TakesTheEarlierOfAnAmbiguousTime_AndRejectsASkippedOne()
    {
        var berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var ambiguous = FakeClock.At(new LocalDateTime(2026, 10, 25, 2, 30), berlin);
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 0, 30), ambiguous.GetCurrentInstant());
        Assert.Throws<SkippedTimeException>(() => FakeClock.At(new LocalDateTime(2026, 3, 29, 2, 30), berlin));
    }

    [Fact]
    public void Advance_FromManyThreads_LosesNoStep()
    {
        var clock = new FakeClock(Start, Duration.FromTicks(1));
        var seen = new System.Collections.Concurrent.ConcurrentBag<Instant>();
        Parallel.For(0, 4000, i =>
        {
            clock.AdvanceMinutes(1);
            seen.Add(clock.GetCurrentInstant());
        });

        Assert.Equal(4000, seen.Distinct().Count());
        clock.AutoAdvance = Duration.Zero;
        Assert.Equal(Start + Duration.FromMinutes(4000) + Duration.FromTicks(4000), clock.GetCurrentInstant());
    }
}
