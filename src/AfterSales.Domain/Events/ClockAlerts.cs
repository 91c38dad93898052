using AfterSales.Internal;
using AfterSales.Sla;

namespace AfterSales.Events;

/// <summary>
/// Which warning and breach thresholds of a work order's clocks have been crossed (时限预警判定): a pure
/// function of evaluated clocks, so the watcher and every save decide alike, on any node.
/// </summary>
/// <remarks>
/// <para><b>Reached.</b> A warning is reached once its instant is not after the clock's end (its stop,
/// or the evaluation instant); the breach once the clock is overdue (breached, or met late: a clock
/// that breached and then stopped still breached); a late stop once it is met late. A not-started or
/// waived clock has reached nothing.</para>
/// <para><b>Newly.</b> The thresholds reached in the clocks <i>after</i> a change (or a wait) that were
/// not reached <i>before</i> it, by <see cref="ClockThreshold.Key"/>. A threshold reached, unreached
/// by a reclassification downward, and reached again is still one threshold: its event id is the
/// same, and the outbox keeps one.</para>
/// <para><b>Next.</b> The next instant at which a running clock reaches something: an unreached
/// warning's instant, or its due instant (breached only strictly after it). Paused clocks reach
/// nothing until resumed (a save). Evaluated at any instant later than it, the clocks have reached it.</para>
/// </remarks>
public static class ClockAlerts
{
    /// <summary>The thresholds <paramref name="clocks"/> have reached, in clock order.</summary>
    public static IReadOnlyList<ClockThreshold> Reached(IReadOnlyList<SlaClock> clocks)
    {
        Guard.NotNull(clocks);
        List<ClockThreshold>? reached = null;
        foreach (var clock in clocks)
        {
            if (clock.Status is SlaClockStatus.NotStarted or SlaClockStatus.Waived || clock.DueAt is not { } due)
            {
                continue;
            }

            foreach (var warning in clock.Warnings)
            {
                if (warning.IsReached)
                {
                    (reached ??= []).Add(new ClockThreshold(clock, ClockThresholdKind.Warning, warning.Percent, warning.At));
                }
            }

            if (clock.IsOverdue)
            {
                (reached ??= []).Add(new ClockThreshold(clock, ClockThresholdKind.Breach, 100, due));
            }

            if (clock.Status == SlaClockStatus.MetLate)
            {
                (reached ??= []).Add(new ClockThreshold(clock, ClockThresholdKind.MetLate, 100, clock.StoppedAt!.Value));
            }
        }

        return reached ?? (IReadOnlyList<ClockThreshold>)[];
    }

    /// <summary>The thresholds <paramref name="after"/> has reached that <paramref name="before"/> had not (see the remarks).</summary>
    /// <param name="before">The clocks before: of the previous version at its last instant, or of the same history at the last evaluation; empty for a new ticket.</param>
    /// <param name="after">The clocks now.</param>
    public static IReadOnlyList<ClockThreshold> Newly(IReadOnlyList<SlaClock> before, IReadOnlyList<SlaClock> after)
    {
        Guard.NotNull(before);
        var reached = Reached(after);
        if (reached.Count == 0)
        {
            return reached;
        }

        var known = Reached(before);
        if (known.Count == 0)
        {
            return reached;
        }

        var keys = known.Select(static t => t.Key).ToHashSet(StringComparer.Ordinal);
        return [.. reached.Where(t => !keys.Contains(t.Key))];
    }

    /// <summary>The next instant at which a running clock of <paramref name="clocks"/> reaches a threshold; <see langword="null"/> when none will without a new fact.</summary>
    public static Instant? Next(IReadOnlyList<SlaClock> clocks)
    {
        Guard.NotNull(clocks);
        Instant? next = null;
        foreach (var clock in clocks)
        {
            if (clock.Status != SlaClockStatus.Running || clock.DueAt is not { } due)
            {
                continue;
            }

            var at = due;
            foreach (var warning in clock.Warnings)
            {
                if (!warning.IsReached && warning.At < at)
                {
                    at = warning.At;
                }
            }

            if (next is null || at < next)
            {
                next = at;
            }
        }

        return next;
    }
}
