using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using FsCheck;
using FsCheck.Fluent;

namespace AfterSales.Testing;

/// <summary>
/// The generators of <see cref="AfterSalesGen"/> as FsCheck arbitraries, to name on an FsCheck.Xunit
/// property: with <c>[Property(Arbitrary = new[] { typeof(AfterSalesArb) })]</c> the property's
/// <see cref="GeneratedCalendar"/> parameters come from <see cref="Calendars"/> and its
/// <see cref="SlaScenario"/> parameters from <see cref="Scenarios"/>. Timelines belong to a policy, so
/// name a class of your own whose static method returns <see cref="Timelines(SlaPolicy)"/> for your
/// policy. Timelines shrink to shorter prefixes of themselves (every prefix is a valid timeline), so a
/// failing case is reported with as few facts as still fail, with the seed to replay it by
/// (<c>Replay = "…"</c> on the attribute).
/// </summary>
/// <example>
/// <code>
/// public static class MyTickets
/// {
///     public static Arbitrary&lt;TicketTimeline&gt; Timelines() =&gt; AfterSalesArb.Timelines(MyContract.Policy);
/// }
///
/// [Property(Arbitrary = new[] { typeof(MyTickets) }, MaxTest = 200)]
/// public bool OnSiteClock_IsNeverLongerThanFourHours(TicketTimeline t) =&gt;
///     SlaEvaluator.Evaluate(MyContract.Policy, t, t.LastAt).All(c =&gt; c.Allowed &lt;= Duration.FromHours(4));
/// </code>
/// </example>
/// <remarks>
/// FsCheck registers every static method of a named class that returns an <see cref="Arbitrary{T}"/>
/// and takes no argument; the methods here that take a calendar or a policy are for calling.
/// </remarks>
public static class AfterSalesArb
{
    /// <summary>Calendars (a property's <see cref="GeneratedCalendar"/> parameters when this class is named); see <see cref="AfterSalesGen.Calendars"/>.</summary>
    /// <returns>The arbitrary (no shrinking).</returns>
    public static Arbitrary<GeneratedCalendar> Calendars() => AfterSalesGen.Calendars().ToArbitrary();

    /// <summary>Policies on <paramref name="calendar"/>; see <see cref="AfterSalesGen.Policies"/>.</summary>
    /// <returns>The arbitrary (no shrinking).</returns>
    public static Arbitrary<SlaPolicy> Policies(Calendars.BusinessCalendar calendar, SeverityScale? scale = null, Duration? maxTarget = null) =>
        AfterSalesGen.Policies(calendar, scale, maxTarget).ToArbitrary();

    /// <summary>Valid timelines for <paramref name="policy"/>; see <see cref="AfterSalesGen.Timelines(SlaPolicy)"/>.</summary>
    /// <returns>The arbitrary, shrinking to prefixes.</returns>
    public static Arbitrary<TicketTimeline> Timelines(SlaPolicy policy) => Arb.From(AfterSalesGen.Timelines(policy), ShrinkTimeline);

    /// <summary>Timelines with customer messages, agent answers, typed pauses and negotiated due dates for <paramref name="policy"/>; see <see cref="AfterSalesGen.ConversationTimelines"/>.</summary>
    /// <returns>The arbitrary, shrinking to prefixes.</returns>
    public static Arbitrary<TicketTimeline> ConversationTimelines(SlaPolicy policy) => Arb.From(AfterSalesGen.ConversationTimelines(policy), ShrinkTimeline);

    /// <summary>Valid timelines for <paramref name="policy"/> reported in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <returns>The arbitrary, shrinking to prefixes.</returns>
    public static Arbitrary<TicketTimeline> Timelines(SlaPolicy policy, Instant from, Instant to) =>
        Arb.From(AfterSalesGen.Timelines(policy, from, to), ShrinkTimeline);

    /// <summary>Whole SLA cases (a property's <see cref="SlaScenario"/> parameters when this class is named); see <see cref="AfterSalesGen.Scenarios"/>.</summary>
    /// <returns>The arbitrary, shrinking the timeline to prefixes.</returns>
    public static Arbitrary<SlaScenario> Scenarios() => Arb.From(AfterSalesGen.Scenarios(), s =>
        ShrinkTimeline(s.Timeline).Select(t => new SlaScenario(s.Calendar, s.Policy, t, s.Now)));

    /// <summary>Shorter prefixes of <paramref name="timeline"/>: none, half, all but the last fact.</summary>
    /// <returns>Candidate smaller timelines, smallest first.</returns>
    public static IEnumerable<TicketTimeline> ShrinkTimeline(TicketTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var count = timeline.Entries.Count;
        foreach (var n in new[] { 0, count / 2, count - 1 }.Where(n => n >= 0 && n < count).Distinct())
        {
            yield return timeline.TakeFacts(n);
        }
    }
}
