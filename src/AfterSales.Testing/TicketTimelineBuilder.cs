using AfterSales.Sla;
using AfterSales.Sla.Timeline;

namespace AfterSales.Testing;

/// <summary>
/// Writes a <see cref="TicketTimeline"/> as a story told forwards: reported at an instant, then
/// responded after 10 minutes, paused for an hour, arrived after 2 hours… Each <c>…After</c> and
/// <c>…For</c> step is measured from the previous fact (the <see cref="Cursor"/>), so steps never go
/// back in time.
/// </summary>
/// <example>
/// <code>
/// var timeline = TicketTimelineBuilder.ReportedAt(Instant.FromUtc(2026, 3, 2, 9, 0), "1")
///     .RespondedAfter(Duration.FromMinutes(10))
///     .PausedFor(Duration.FromHours(1))
///     .ArrivedAfter(Duration.FromHours(2))
///     .Build();
/// </code>
/// </example>
/// <remarks>Immutable: every step returns a new builder, so a common beginning can be shared by several stories.</remarks>
public sealed class TicketTimelineBuilder
{
    private TicketTimelineBuilder(TicketTimeline timeline, Instant cursor)
    {
        Timeline = timeline;
        Cursor = cursor;
    }

    /// <summary>The timeline so far.</summary>
    public TicketTimeline Timeline { get; }

    /// <summary>The instant of the last step; the next step is measured from here.</summary>
    public Instant Cursor { get; }

    /// <summary>Starts a story: a fault reported at <paramref name="reportedAt"/>.</summary>
    /// <param name="reportedAt">The report instant.</param>
    /// <param name="severityCode">The severity code; the default value is <c>"fault"</c>, the code of <see cref="Severity.SeverityScales.SingleLevel"/>.</param>
    /// <param name="channel">The report channel; the default value is <see cref="ReportChannel.Phone"/>.</param>
    /// <param name="site">The site; the default value is <see cref="ServiceSite.Local"/>.</param>
    /// <param name="faultOccurredBefore">If known, how long before the report the fault occurred.</param>
    /// <returns>A new builder.</returns>
    public static TicketTimelineBuilder ReportedAt(
        Instant reportedAt,
        string severityCode = "fault",
        ReportChannel channel = ReportChannel.Phone,
        ServiceSite? site = null,
        Duration? faultOccurredBefore = null) =>
        new(TicketTimeline.Open(reportedAt, severityCode, channel, site ?? ServiceSite.Local, reportedAt - faultOccurredBefore), reportedAt);

    /// <summary>Waits <paramref name="delay"/> without recording anything.</summary>
    /// <returns>A new builder.</returns>
    public TicketTimelineBuilder Wait(Duration delay) => new(Timeline, Later(delay));

    /// <summary><paramref name="milestone"/> reached <paramref name="delay"/> after the previous step.</summary>
    /// <returns>A new builder.</returns>
    public TicketTimelineBuilder Reached(Milestone milestone, Duration delay)
    {
        var at = Later(delay);
        return new(Timeline.Reached(milestone, at), at);
    }

    /// <summary>First response <paramref name="delay"/> after the previous step.</summary>
    /// <returns>A new builder.</returns>
    public TicketTimelineBuilder RespondedAfter(Duration delay) => Reached(Milestone.Responded, delay);

    /// <summary>Arrival on site <paramref name="delay"/> after the previous step.</summary>
    /// <returns>A new builder.</returns>
    public TicketTimelineBuilder ArrivedAfter(Duration delay) => Reached(Milestone.ArrivedOnSite, delay);

    /// <summary>Repair plan delivered <paramref name="delay"/> after the previous step.</summary>
    /// <returns>A new builder.</returns>
    public TicketTimelineBuilder RepairPlanAfter(Duration delay) => Reached(Milestone.RepairPlanDelivered, delay);

    /// <summary>Loaner provided <paramref name="delay"/> after the previous step.</summary>
    /// <returns>A new builder.</returns>
    public TicketTimelineBuilder LoanerAfter(Duration delay) => Reached(Milestone.LoanerProvided, delay);

    /// <summary>Service restored <paramref name="delay"/> after the previous step.</summary>
    /// <returns>A new builder.</returns>
    public TicketTimelineBuilder RestoredAfter(Duration delay) => Reached(Milestone.ServiceRestored, delay);

    /// <summary>Resolved <paramref name="delay"/> after the previous step.</summary>
    /// <returns>A new builder.</returns>
    public TicketTimelineBuilder ResolvedAfter(Duration delay) => Reached(Milestone.Resolved, delay);

    /// <summary>Paused at the previous step and resumed <paramref name="length"/> later.</summary>
    /// <param name="length">How long the pause lasts.</param>
    /// <param name="reason">Why; the default value is "waiting for customer".</param>
    /// <returns>A new builder whose cursor is the resume.</returns>
    public TicketTimelineBuilder PausedFor(Duration length, string reason = "waiting for customer")
    {
        var resumed = Later(length);
        return new(Timeline.Paused(Cursor, reason).Resumed(resumed), resumed);
    }

    /// <summary>Paused <paramref name="delay"/> after the previous step, left open.</summary>
    /// <returns>A new builder.</returns>
    public TicketTimelineBuilder PausedAfter(Duration delay, string reason = "waiting for customer")
    {
        var at = Later(delay);
        return new(Timeline.Paused(at, reason), at);
    }

    /// <summary>Resumed <paramref name="delay"/> after the previous step.</summary>
    /// <returns>A new builder.</returns>
    public TicketTimelineBuilder ResumedAfter(Duration delay)
    {
        var at = Later(delay);
        return new(Timeline.Resumed(at), at);
    }

    /// <summary>Reclassified to <paramref name="severityCode"/> <paramref name="delay"/> after the previous step.</summary>
    /// <returns>A new builder.</returns>
    public TicketTimelineBuilder ReclassifiedAfter(Duration delay, string severityCode)
    {
        var at = Later(delay);
        return new(Timeline.Reclassified(severityCode, at), at);
    }

    /// <summary>Re-opened <paramref name="delay"/> after the previous step.</summary>
    /// <returns>A new builder.</returns>
    public TicketTimelineBuilder ReopenedAfter(Duration delay)
    {
        var at = Later(delay);
        return new(Timeline.Reopened(at), at);
    }

    /// <summary>The timeline.</summary>
    /// <returns>The same as <see cref="Timeline"/>.</returns>
    public TicketTimeline Build() => Timeline;

    /// <summary>The timeline.</summary>
    public static implicit operator TicketTimeline(TicketTimelineBuilder builder) => builder?.Timeline!;

    private Instant Later(Duration delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, Duration.Zero);
        return Cursor + delay;
    }
}
