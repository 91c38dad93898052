using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using AfterSales.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AfterSales.Tests.Sla;

/// <summary>No clock of a resolved (or cancelled) work order is ever running or paused, however long after.</summary>
public class ClockEndingProperties
{
    private static readonly SlaPolicy[] Policies = [.. SlaPresets.All];

    public static Arbitrary<(int Policy, TicketTimeline Timeline, int EndMinutes, int LaterMinutes, bool Cancel)> Cases() =>
        (from policy in Gen.Choose(0, Policies.Length - 1)
         from timeline in AfterSalesGen.Timelines(Policies[policy])
         from end in Gen.Choose(0, 3000)
         from later in Gen.Choose(0, 60 * 24 * 30)
         from cancel in Gen.Elements(false, true)
         select (policy, timeline, end, later, cancel)).ToArbitrary();

    [Property(Arbitrary = new[] { typeof(ClockEndingProperties) }, MaxTest = 500)]
    public bool Evaluate_ResolvedOrCancelledTicket_NoClockOfItsLastCycleIsRunningOrPaused((int Policy, TicketTimeline Timeline, int EndMinutes, int LaterMinutes, bool Cancel) c)
    {
        var at = c.Timeline.LastAt + Duration.FromMinutes(c.EndMinutes);
        var timeline = c.Timeline.IsPaused ? c.Timeline.Resumed(at) : c.Timeline;
        timeline = c.Cancel
            ? timeline.Reached(Milestone.Cancelled, at)
            : timeline.Reached(Milestone.ServiceRestored, at).Reached(Milestone.Resolved, at);
        var now = at + Duration.FromMinutes(c.LaterMinutes);
        var lastCycle = 1 + timeline.Entries.Count(static e => e.Kind == TimelineEntryKind.Reopened);

        return SlaEvaluator.Evaluate(Policies[c.Policy], timeline, now)
            .Where(clock => clock.Cycle == lastCycle || !clock.Metric.RestartsOnReopen)
            .All(static clock => clock.Status is not (SlaClockStatus.Running or SlaClockStatus.Paused) && clock.NextDeadlineAfter(clock.StoppedAt ?? Instant.MinValue) is null);
    }
}
