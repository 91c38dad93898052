namespace AfterSales.Sla;

/// <summary>Business time a clock did not count because work paused for one <see cref="PauseReason"/> (暂停时长按原因). Immutable.</summary>
public sealed class SlaPausedTime
{
    internal SlaPausedTime(PauseReason reason, Duration businessTime)
    {
        Reason = reason;
        BusinessTime = businessTime;
    }

    /// <summary>Why work paused.</summary>
    public PauseReason Reason { get; }

    /// <summary>The business time (or elapsed time, for a calendar-period target) paused for it.</summary>
    public Duration BusinessTime { get; }

    /// <summary>Sums paused time by reason over <paramref name="clocks"/> (e.g. a quarter's clocks of one metric), in order of first appearance.</summary>
    /// <param name="clocks">The clocks.</param>
    /// <returns>One entry per reason.</returns>
    public static IReadOnlyList<SlaPausedTime> Sum(IEnumerable<SlaClock> clocks)
    {
        ArgumentNullException.ThrowIfNull(clocks);
        var order = new List<PauseReason>();
        var sums = new Dictionary<PauseReason, Duration>();
        foreach (var paused in clocks.SelectMany(static c => c.PausedByReason))
        {
            if (!sums.TryGetValue(paused.Reason, out var sum))
            {
                order.Add(paused.Reason);
            }

            sums[paused.Reason] = sum + paused.BusinessTime;
        }

        return [.. order.Select(r => new SlaPausedTime(r, sums[r]))];
    }

    /// <inheritdoc />
    public override string ToString() => $"{Reason}: {BusinessTime}";
}
