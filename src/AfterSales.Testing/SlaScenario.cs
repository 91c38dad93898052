using AfterSales.Sla;
using AfterSales.Sla.Timeline;

namespace AfterSales.Testing;

/// <summary>
/// One generated case for an SLA property: a calendar with its rules, a policy on that calendar,
/// a ticket's timeline inside the calendar's window, and the instant to evaluate at.
/// </summary>
public sealed class SlaScenario
{
    /// <summary>Puts a case together.</summary>
    public SlaScenario(GeneratedCalendar calendar, SlaPolicy policy, TicketTimeline timeline, Instant now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(timeline);
        Calendar = calendar;
        Policy = policy;
        Timeline = timeline;
        Now = now;
    }

    /// <summary>The calendar every target of <see cref="Policy"/> uses, with its rules.</summary>
    public GeneratedCalendar Calendar { get; }

    /// <summary>The policy.</summary>
    public SlaPolicy Policy { get; }

    /// <summary>The ticket's facts.</summary>
    public TicketTimeline Timeline { get; }

    /// <summary>The evaluation instant.</summary>
    public Instant Now { get; }

    /// <summary>The clocks <see cref="SlaEvaluator"/> computes for this case.</summary>
    /// <returns>The clocks.</returns>
    public IReadOnlyList<SlaClock> Evaluate() => SlaEvaluator.Evaluate(Policy, Timeline, Now);

    /// <summary>Where <see cref="SlaEvaluator"/> and <see cref="ReferenceSla"/> disagree on this case; empty when they agree.</summary>
    /// <returns>One line per difference.</returns>
    public IReadOnlyList<string> Disagreements() => ReferenceSla.Disagreements(Policy, Timeline, Now, Calendar);

    /// <inheritdoc />
    public override string ToString() =>
        $"calendar {Calendar}{Environment.NewLine}policy {Policy.Name}{Environment.NewLine}timeline {Timeline.Describe()}{Environment.NewLine}now {Now}";
}
