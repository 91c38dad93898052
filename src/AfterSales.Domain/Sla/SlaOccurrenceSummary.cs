namespace AfterSales.Sla;

/// <summary>
/// The occurrences of one recurring metric on one work order (周期性时限汇总): how many, how many were
/// met in time, overdue (breached or met late) or still open, and the worst one — the occurrence with
/// the least time to spare (most overdue). Zammad's update time and Jira's time to next response report
/// the same figures.
/// </summary>
public sealed class SlaOccurrenceSummary
{
    private SlaOccurrenceSummary(SlaMetric metric, IReadOnlyList<SlaClock> occurrences)
    {
        Metric = metric;
        Occurrences = occurrences;
        Worst = occurrences.Where(static c => c.StartedAt is not null).MinBy(static c => c.Remaining);
    }

    /// <summary>The recurring metric.</summary>
    public SlaMetric Metric { get; }

    /// <summary>The occurrences' clocks, in order.</summary>
    public IReadOnlyList<SlaClock> Occurrences { get; }

    /// <summary>How many occurrences there were.</summary>
    public int Count => Occurrences.Count;

    /// <summary>How many were answered in time.</summary>
    public int Met => Occurrences.Count(static c => c.Status == SlaClockStatus.Met);

    /// <summary>How many were breached or answered late.</summary>
    public int Overdue => Occurrences.Count(static c => c.IsOverdue);

    /// <summary>How many are still waiting for an answer (running or paused).</summary>
    public int Open => Occurrences.Count(static c => c.Status is SlaClockStatus.Running or SlaClockStatus.Paused);

    /// <summary>The occurrence with the least business time to spare (the most overdue); <see langword="null"/> when none started.</summary>
    public SlaClock? Worst { get; }

    /// <summary>One summary per recurring metric among <paramref name="clocks"/> (e.g. a ticket's <see cref="SlaEvaluator.Evaluate(SlaPolicy, Timeline.TicketTimeline, Instant)"/>), in the order the metrics appear.</summary>
    /// <param name="clocks">The clocks.</param>
    /// <returns>The summaries; empty when no clock is recurring.</returns>
    public static IReadOnlyList<SlaOccurrenceSummary> Of(IEnumerable<SlaClock> clocks)
    {
        ArgumentNullException.ThrowIfNull(clocks);
        return [.. clocks.Where(static c => c.Occurrence is not null)
            .GroupBy(static c => c.Metric)
            .Select(static g => new SlaOccurrenceSummary(g.Key, [.. g.OrderBy(static c => c.Occurrence)]))];
    }

    /// <inheritdoc />
    public override string ToString() => $"{Metric}: {Count} occurrences, {Met} met, {Overdue} overdue, {Open} open";
}
