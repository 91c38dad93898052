using AfterSales.Sla;

namespace AfterSales.Testing;

/// <summary>
/// What <see cref="ReferenceSla"/> says an SLA clock should show: its due instant, elapsed and
/// paused business time and status, recomputed minute by minute.
/// </summary>
public sealed class ReferenceClock
{
    internal ReferenceClock(Instant start, Instant due, Duration allowed, Duration elapsed, Duration paused, SlaClockStatus status, bool checksStatus)
    {
        Start = start;
        Due = due;
        Allowed = allowed;
        Elapsed = elapsed;
        PausedBusinessTime = paused;
        Status = status;
        ChecksStatus = checksStatus;
    }

    /// <summary>The instant counting started (taken from the clock under test).</summary>
    public Instant Start { get; }

    /// <summary>The due instant.</summary>
    public Instant Due { get; }

    /// <summary>The business time allowed.</summary>
    public Duration Allowed { get; }

    /// <summary>The business time counted from the start to the stop (or now), pauses excluded.</summary>
    public Duration Elapsed { get; }

    /// <summary>The business time inside pauses between the start and the stop (or now).</summary>
    public Duration PausedBusinessTime { get; }

    /// <summary>
    /// The status: met, met late, breached, paused or running. Waivers are not modelled, so a clock
    /// with a waiver is compared on its instants and durations only.
    /// </summary>
    public SlaClockStatus Status { get; }

    /// <summary>Whether <see cref="Status"/> is meaningful for the clock (false for targets with a waiver).</summary>
    public bool ChecksStatus { get; }

    /// <summary>The ways <paramref name="clock"/> differs from this reference; empty when it agrees.</summary>
    /// <returns>One readable line per difference.</returns>
    public IReadOnlyList<string> DifferencesFrom(SlaClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var differences = new List<string>();
        if (clock.StartedAt != Start)
        {
            differences.Add($"{clock.Metric}: started {clock.StartedAt}, reference {Start}");
        }

        if (clock.Allowed != Allowed)
        {
            differences.Add($"{clock.Metric}: allowed {clock.Allowed}, reference {Allowed}");
        }

        if (clock.DueAt != Due)
        {
            differences.Add($"{clock.Metric}: due {clock.DueAt}, reference {Due}");
        }

        if (clock.Elapsed != Elapsed)
        {
            differences.Add($"{clock.Metric}: elapsed {clock.Elapsed}, reference {Elapsed}");
        }

        if (clock.PausedBusinessTime != PausedBusinessTime)
        {
            differences.Add($"{clock.Metric}: paused {clock.PausedBusinessTime}, reference {PausedBusinessTime}");
        }

        if (ChecksStatus && clock.Status != Status)
        {
            differences.Add($"{clock.Metric}: status {clock.Status}, reference {Status}");
        }

        return differences;
    }

    /// <inheritdoc />
    public override string ToString() => $"[{Status}] start {Start}, due {Due}, allowed {Allowed}, elapsed {Elapsed}, paused {PausedBusinessTime}";
}
