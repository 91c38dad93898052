namespace AfterSales.Tests.Support;

/// <summary>A clock tests move by hand (the project's own; NodaTime.Testing is not available). Thread-safe.</summary>
public sealed class FakeClock : IClock
{
    private readonly Lock gate = new();
    private Instant now;

    public FakeClock(Instant start) => now = start;

    public static FakeClock At(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(Instant.FromUtc(year, month, day, hour, minute));

    public Instant GetCurrentInstant()
    {
        lock (gate)
        {
            return now;
        }
    }

    public void Advance(Duration by)
    {
        lock (gate)
        {
            now += by;
        }
    }

    public void AdvanceMinutes(long minutes) => Advance(Duration.FromMinutes(minutes));

    public void Set(Instant instant)
    {
        lock (gate)
        {
            now = instant;
        }
    }
}
