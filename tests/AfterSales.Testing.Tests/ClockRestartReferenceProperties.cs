using AfterSales.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AfterSales.Testing.Tests;

/// <summary>
/// Issue 17 §3–§4 against the independent reference: next-response occurrences, pauses that pause only some
/// targets, and negotiated due dates (never earlier than the policy's own), on random conversations.
/// </summary>
public class ConversationReferenceProperties
{
    internal static readonly PauseReason Freeze = new("change-freeze", "客户封网期", "the customer's change freeze");

    private static readonly SlaPolicy Policy =
        SlaPolicy.CreateBuilder("conversation", 1, "conversation", SeverityScales.LevelsOneToFour)
            .WithCalendar(ChinaCalendars.Statutory9To18)
            .WithPauseReasons(Freeze)
            .AddTarget(SlaMetric.NextResponse, SlaAmount.Hours(2), static t => t.ForSeverities("1", "2"))
            .AddTarget(SlaMetric.NextResponse, SlaAmount.Hours(4), static t => t.ForSeverities("3", "4").PausedOnlyBy(PauseReason.CustomerRequestedDelay))
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Minutes(30), static t => t.ForAllSeverities().PausedOnlyBy(PauseReason.WaitingForCustomer))
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(9), static t => t.ForAllSeverities().PausedOnlyBy(PauseReason.ManufacturerParts, PauseReason.WaitingForCustomer, Freeze))
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.UntilCloseOfWorkingDay(1), static t => t.ForAllSeverities().NotPausedWhileWaitingForCustomer())
            .AddTarget(SlaMetric.RepairPlan, SlaAmount.OfWorkingDays(1), static t => t.ForAllSeverities())
            .AddTarget(SlaMetric.LoanerProvided, SlaAmount.ByAgreement, static t => t.ForAllSeverities())
            .Build();

    public static Arbitrary<TicketTimeline> Timelines() => AfterSalesArb.ConversationTimelines(Policy);

    [Property(Arbitrary = new[] { typeof(ConversationReferenceProperties) }, MaxTest = 80)]
    public Property Evaluator_AgreesWithTheReference_OnOccurrencesTypedPausesAndNegotiatedDates(TicketTimeline timeline)
    {
        var differences = ReferenceSla.Disagreements(Policy, timeline, timeline.LastAt + Duration.FromHours(4));
        return differences.Count == 0 ? true.ToProperty() : false.Label(string.Join("; ", differences) + " | " + timeline.Describe());
    }

    [Property(Arbitrary = new[] { typeof(ConversationReferenceProperties) }, MaxTest = 80)]
    public Property NegotiatedDates_NeverEarlierThanThePolicysOwn_AndPausedTimeSumsByReason(TicketTimeline timeline)
    {
        var clocks = SlaEvaluator.Evaluate(Policy, timeline, timeline.LastAt + Duration.FromHours(4));
        var notEarlier = clocks.All(static c => c.DueAt is null || c.DueAt >= c.PolicyDueAt);
        var sums = clocks.All(static c => c.PausedByReason.Aggregate(Duration.Zero, static (s, p) => s + p.BusinessTime) == c.PausedBusinessTime);
        return (notEarlier && sums).Label(timeline.Describe());
    }
}

/// <summary>SLA-ENGINES invariant 7 for typed pauses: a pause for a reason a target does not list changes nothing for it.</summary>
public class TypedPauseProperties
{
    private static readonly SlaPolicy Policy =
        SlaPolicy.CreateBuilder("typed", 1, "typed", SeverityScales.SingleLevel)
            .WithCalendar(ChinaCalendars.Statutory9To18)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(2), static t => t.ForAllSeverities().PausedOnlyBy(PauseReason.WaitingForCustomer))
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(9), static t => t.ForAllSeverities().PausedOnlyBy(PauseReason.ManufacturerParts))
            .Build();

    public static Arbitrary<TicketTimeline> Timelines() => AfterSalesArb.ConversationTimelines(Policy);

    [Property(Arbitrary = new[] { typeof(TypedPauseProperties) }, MaxTest = 100)]
    public Property APauseForAReasonATargetDoesNotList_ChangesNothingForIt(TicketTimeline timeline)
    {
        var now = timeline.LastAt + Duration.FromHours(4);
        var withoutParts = Without(timeline, PauseReason.ManufacturerParts);
        var withoutWaiting = Without(timeline, PauseReason.WaitingForCustomer);

        var same = Same(timeline, withoutParts, now, SlaMetric.FirstResponse) && Same(timeline, withoutWaiting, now, SlaMetric.Resolved);
        return same.Label(timeline.Describe());
    }

    private static bool Same(TicketTimeline a, TicketTimeline b, Instant now, SlaMetric metric)
    {
        static string Of(TicketTimeline t, Instant now, SlaMetric metric) => string.Join("|",
            SlaEvaluator.Evaluate(Policy, t, now).Where(c => c.Metric.Equals(metric)).Select(static c => $"{c.Cycle} {c.Status} {c.DueAt} {c.Elapsed} {c.PausedBusinessTime}"));
        return Of(a, now, metric) == Of(b, now, metric);
    }

    /// <summary>The timeline without the pauses for <paramref name="reason"/> (their start and resume).</summary>
    private static TicketTimeline Without(TicketTimeline timeline, PauseReason reason)
    {
        var result = TicketTimeline.Open(timeline.ReportedAt, timeline.InitialSeverityCode, timeline.Channel, timeline.Site, timeline.FaultOccurredAt);
        var skipping = false;
        foreach (var e in timeline.Entries)
        {
            switch (e.Kind)
            {
                case TimelineEntryKind.PauseStarted when reason.Equals(e.PauseReason):
                    skipping = true;
                    break;
                case TimelineEntryKind.PauseEnded when skipping:
                    skipping = false;
                    break;
                case TimelineEntryKind.PauseStarted:
                    result = result.Paused(e.At, e.PauseReason!, e.Reason!);
                    break;
                case TimelineEntryKind.PauseEnded:
                    result = result.Resumed(e.At);
                    break;
                case TimelineEntryKind.MilestoneReached:
                    result = result.Reached(e.Milestone!, e.At);
                    break;
                case TimelineEntryKind.SeverityChanged:
                    result = result.Reclassified(e.SeverityCode!, e.At);
                    break;
                case TimelineEntryKind.Reopened:
                    result = result.Reopened(e.At);
                    break;
                case TimelineEntryKind.DueDateNegotiated:
                    result = result.DueDateNegotiated(e.Metric!, e.DueAt!.Value, e.At, e.Reason!, e.AgreedBy!);
                    break;
            }
        }

        return result;
    }
}

/// <summary>Issue 17 §3–§4 against the reference under the other choices: earlier agreed dates allowed, and re-opening that continues the clock.</summary>
public class ContinuedClockReferenceProperties
{
    private static readonly SlaPolicy Policy =
        SlaPolicy.CreateBuilder("continued", 1, "continued", SeverityScales.SingleLevel)
            .WithCalendar(ChinaCalendars.Statutory9To18)
            .WithReopening(ReopeningRule.ContinueClock)
            .WithNegotiatedDueDates(NegotiatedDueDates.MayBeEarlier)
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(9), static t => t.ForAllSeverities().PausedOnlyBy(PauseReason.ManufacturerParts))
            .AddTarget(SlaMetric.ServiceRestored, SlaAmount.Hours(4), static t => t.ForAllSeverities().From(Milestone.ArrivedOnSite))
            .AddTarget(SlaMetric.RepairPlan, SlaAmount.UntilCloseOfWorkingDay(0), static t => t.ForAllSeverities())
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(1), static t => t.ForAllSeverities())
            .AddTarget(SlaMetric.NextResponse, SlaAmount.Hours(2), static t => t.ForAllSeverities().On(SlaPresets.TwentyFourSevenBeijing))
            .Build();

    public static Arbitrary<TicketTimeline> Timelines() => AfterSalesArb.ConversationTimelines(Policy);

    [Property(Arbitrary = new[] { typeof(ContinuedClockReferenceProperties) }, MaxTest = 80)]
    public Property Evaluator_AgreesWithTheReference_WhenClocksContinueAndEarlierDatesMayBeAgreed(TicketTimeline timeline)
    {
        var differences = ReferenceSla.Disagreements(Policy, timeline, timeline.LastAt + Duration.FromHours(4));
        return differences.Count == 0 ? true.ToProperty() : false.Label(string.Join("; ", differences) + " | " + timeline.Describe());
    }
}
