using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using AfterSales.Testing;
using FsCheck.Xunit;

namespace AfterSales.Samples.ContractTests;

/// <summary>
/// What the hospital was promised, checked over generated ticket timelines. A failing property prints
/// the seed it started from, e.g. <c>(14299140471168428708,8915112648835424625)</c>; put it on the attribute
/// as <c>Replay = "14299140471168428708,8915112648835424625"</c> to run the same cases again while you fix it.
/// </summary>
public class HospitalContractProperties
{
    private static readonly SlaPolicy Policy = HospitalContract.Policy;

    private static IReadOnlyList<NodaTime.Interval> Pauses(TicketTimeline t, Instant until) =>
        ReferenceSla.Pauses(t, t.ReportedAt, until, until);

    [Property(Arbitrary = new[] { typeof(HospitalTickets) }, MaxTest = 100)]
    public bool OnSiteClock_IsNeverLaterThanFourBusinessHoursAfterTheReport(TicketTimeline t)
    {
        var onSite = SlaEvaluator.Evaluate(Policy, t, t.LastAt).Single(c => c.Metric == SlaMetric.OnSiteArrival);
        var fourHours = ReferenceSla.Due(HospitalContract.Hours, t.ReportedAt, Pauses(t, t.LastAt), Duration.FromHours(4));
        return onSite.Allowed <= Duration.FromHours(4) && onSite.DueAt <= fourHours;
    }

    [Property(Arbitrary = new[] { typeof(HospitalTickets) }, MaxTest = 100)]
    public bool PhoneReport_IsAlwaysAnsweredWithinThirtyMinutesOfBusinessTime(TicketTimeline t)
    {
        var response = SlaEvaluator.Evaluate(Policy, t, t.LastAt).Single(c => c.Metric == SlaMetric.FirstResponse);
        if (t.Channel != ReportChannel.Phone)
        {
            return response.Allowed == Duration.FromHours(2);
        }

        // Only an answer meets the clock; a resolution or cancellation first ends it without one.
        var answeredWithin = response.StoppedAt is { } answered && Milestone.Responded.Equals(response.StoppedBy)
            ? ReferenceSla.Elapsed(HospitalContract.Hours, t.ReportedAt, Pauses(t, answered), answered)
            : (Duration?)null;
        return response.Allowed == Duration.FromMinutes(30)
            && (answeredWithin is null || (answeredWithin <= Duration.FromMinutes(30)) == (response.Status == SlaClockStatus.Met));
    }

    [Property(Arbitrary = new[] { typeof(HospitalTickets) }, MaxTest = 100)]
    public bool Pausing_NeverShortensADeadline(TicketTimeline t)
    {
        var withPauses = SlaEvaluator.Evaluate(Policy, t, t.LastAt);
        var without = SlaEvaluator.Evaluate(Policy, t.WithoutPauses(), t.LastAt);
        return withPauses.All(c => without.Single(w => w.Metric == c.Metric && w.Cycle == c.Cycle).DueAt <= c.DueAt);
    }

    [Property(Arbitrary = new[] { typeof(HospitalTickets) }, MaxTest = 100)]
    public bool EveryClock_AgreesWithTheMinuteSteppingReference(TicketTimeline t) =>
        ReferenceSla.Disagreements(Policy, t, t.LastAt).Count == 0;
}
