using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using AfterSales.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace AfterSales.Samples.ContractTests;

/// <summary>What the hospital was promised, checked over generated ticket timelines.</summary>
public class HospitalContractProperties
{
    private static readonly SlaPolicy Policy = HospitalContract.Policy;

    private static IReadOnlyList<NodaTime.Interval> Pauses(TicketTimeline t, Instant until) =>
        ReferenceSla.Pauses(t, t.ReportedAt, until, until);

    [Fact]
    public void OnSiteClock_IsNeverLaterThanFourBusinessHoursAfterTheReport() =>
        Prop.ForAll(AfterSalesArb.Timelines(Policy), t =>
        {
            var onSite = SlaEvaluator.Evaluate(Policy, t, t.LastAt).Single(c => c.Metric == SlaMetric.OnSiteArrival);
            var fourHours = ReferenceSla.Due(HospitalContract.Hours, t.ReportedAt, Pauses(t, t.LastAt), Duration.FromHours(4));
            return onSite.Allowed <= Duration.FromHours(4) && onSite.DueAt <= fourHours;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void PhoneReport_IsAlwaysAnsweredWithinThirtyMinutesOfBusinessTime() =>
        Prop.ForAll(AfterSalesArb.Timelines(Policy), t =>
        {
            var response = SlaEvaluator.Evaluate(Policy, t, t.LastAt).Single(c => c.Metric == SlaMetric.FirstResponse);
            if (t.Channel != ReportChannel.Phone)
            {
                return response.Allowed == Duration.FromHours(2);
            }

            var answeredWithin = response.StoppedAt is { } answered
                ? ReferenceSla.Elapsed(HospitalContract.Hours, t.ReportedAt, Pauses(t, answered), answered)
                : (Duration?)null;
            return response.Allowed == Duration.FromMinutes(30)
                && (answeredWithin is null || (answeredWithin <= Duration.FromMinutes(30)) == (response.Status == SlaClockStatus.Met));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Pausing_NeverShortensADeadline() =>
        Prop.ForAll(AfterSalesArb.Timelines(Policy), t =>
        {
            var withPauses = SlaEvaluator.Evaluate(Policy, t, t.LastAt);
            var without = SlaEvaluator.Evaluate(Policy, t.WithoutPauses(), t.LastAt);
            return withPauses.All(c => without.Single(w => w.Metric == c.Metric && w.Cycle == c.Cycle).DueAt <= c.DueAt);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void EveryClock_AgreesWithTheMinuteSteppingReference() =>
        Prop.ForAll(AfterSalesArb.Timelines(Policy), t => ReferenceSla.Disagreements(Policy, t, t.LastAt).Count == 0)
            .QuickCheckThrowOnFailure();
}
