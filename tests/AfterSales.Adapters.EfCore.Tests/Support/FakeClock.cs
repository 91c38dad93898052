namespace AfterSales.EntityFrameworkCore.Tests.Support;

/// <summary>A settable, thread-safe clock.</summary>
public sealed class FakeClock(Instant start) : IClock
{
    private readonly Lock gate = new();
    private Instant now = start;

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
}
