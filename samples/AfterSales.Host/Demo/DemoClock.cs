namespace AfterSales.Host.Demo;

/// <summary>
/// The demo's clock: another clock moved forward by an offset a presenter raises (<c>POST /demo/clock</c>),
/// to watch warnings and breaches fire without waiting. It only moves forward, so no event is ever
/// stamped before an earlier one.
/// </summary>
internal sealed class DemoClock(IClock inner) : IClock
{
    private long offsetTicks;

    public Duration Offset => Duration.FromTicks(Interlocked.Read(ref offsetTicks));

    public Instant GetCurrentInstant() => inner.GetCurrentInstant() + Offset;

    /// <summary>Moves the clock forward by <paramref name="by"/>, positive and at most 30 days at a time.</summary>
    public Instant Advance(Duration by)
    {
        if (by <= Duration.Zero || by > Duration.FromDays(30))
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "by must be more than PT0S and at most P30D.");
        }

        Interlocked.Add(ref offsetTicks, by.BclCompatibleTicks);
        return GetCurrentInstant();
    }
}
