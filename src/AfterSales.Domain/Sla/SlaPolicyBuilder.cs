using System.Globalization;
using AfterSales.Calendars;
using AfterSales.Internal;
using AfterSales.Severity;

namespace AfterSales.Sla;

/// <summary>
/// Builds an immutable <see cref="SlaPolicy"/>. <see cref="Build"/> validates everything at once
/// and throws an <see cref="ArgumentException"/> whose message and parameter name point at the
/// offending field (e.g. <c>Targets[2].Calendar</c>); nothing half-built escapes.
/// </summary>
public sealed class SlaPolicyBuilder
{
    private readonly string id;
    private readonly int version;
    private readonly string name;
    private readonly SeverityScale scale;
    private readonly List<SlaTargetBuilder> targets = [];
    private BusinessCalendar? defaultCalendar;
    private int[] defaultWarnings = [];
    private Duration observationPeriod = Duration.Zero;
    private ReclassificationRule reclassification;
    private ExplanationLanguage language = ExplanationLanguage.English;
    private SlaConventions conventions = SlaConventions.Default;
    private readonly List<PauseReason> pauseReasons = [];
    private NegotiatedDueDates negotiatedDueDates;
    private ReopeningRule reopening;

    internal SlaPolicyBuilder(string id, int version, string name, SeverityScale scale)
    {
        this.id = Guard.NotBlank(id);
        this.version = Guard.Positive(version);
        this.name = Guard.NotBlank(name);
        this.scale = Guard.NotNull(scale);
    }

    /// <summary>The calendar used by targets that do not name their own.</summary>
    public SlaPolicyBuilder WithCalendar(BusinessCalendar calendar)
    {
        defaultCalendar = Guard.NotNull(calendar);
        return this;
    }

    /// <summary>Warning thresholds (percent of the allowed time) for targets that do not set their own.</summary>
    public SlaPolicyBuilder WithWarnings(params int[] percents)
    {
        defaultWarnings = [.. Guard.NotNull(percents)];
        return this;
    }

    /// <summary>The observation period after a fix (运行观察期, R-WO-4).</summary>
    /// <value>The default value is zero: the order may close as soon as it is signed off.</value>
    public SlaPolicyBuilder WithObservationPeriod(Duration period)
    {
        observationPeriod = period;
        return this;
    }

    /// <summary>What a change of severity does to open clocks (R-SEV-2).</summary>
    /// <value>The default value is <see cref="ReclassificationRule.KeepElapsed"/>.</value>
    public SlaPolicyBuilder WithReclassification(ReclassificationRule rule)
    {
        reclassification = Guard.Defined(rule);
        return this;
    }

    /// <summary>The language clocks are explained in by default.</summary>
    /// <value>The default value is <see cref="ExplanationLanguage.English"/>.</value>
    public SlaPolicyBuilder WithLanguage(ExplanationLanguage explanationLanguage)
    {
        language = Guard.NotNull(explanationLanguage);
        return this;
    }

    /// <summary>The conventions where engines disagree (budget at closing time, waiting before the first response, rounding).</summary>
    /// <value>The default value is <see cref="SlaConventions.Default"/>.</value>
    public SlaPolicyBuilder WithConventions(SlaConventions policyConventions)
    {
        conventions = Guard.NotNull(policyConventions).Checked();
        return this;
    }

    /// <summary>The contract's own pause reasons, beside the well-known ones (<see cref="PauseReason.WellKnown"/>).</summary>
    public SlaPolicyBuilder WithPauseReasons(params PauseReason[] reasons)
    {
        foreach (var reason in Guard.NotNull(reasons))
        {
            pauseReasons.Add(Guard.NotNull(reason, nameof(reasons)));
        }

        return this;
    }

    /// <summary>Whether a due date agreed with the customer may be earlier than the policy's own deadline.</summary>
    /// <value>The default value is <see cref="NegotiatedDueDates.NeverEarlierThanPolicy"/>.</value>
    public SlaPolicyBuilder WithNegotiatedDueDates(NegotiatedDueDates rule)
    {
        negotiatedDueDates = Guard.Defined(rule);
        return this;
    }

    /// <summary>What re-opening does to the clocks of restarting metrics (R-WO-4).</summary>
    /// <value>The default value is <see cref="ReopeningRule.NewCycle"/>.</value>
    public SlaPolicyBuilder WithReopening(ReopeningRule rule)
    {
        reopening = Guard.Defined(rule);
        return this;
    }

    /// <summary>Adds a target: <paramref name="metric"/> within <paramref name="amount"/>, described further by <paramref name="configure"/>.</summary>
    public SlaPolicyBuilder AddTarget(SlaMetric metric, SlaAmount amount, Action<SlaTargetBuilder> configure)
    {
        var target = new SlaTargetBuilder(Guard.NotNull(metric), amount);
        Guard.NotNull(configure)(target);
        targets.Add(target);
        return this;
    }

    /// <summary>Validates and builds the policy.</summary>
    /// <exception cref="ArgumentException">A target or setting is invalid; the message names it and says why.</exception>
    public SlaPolicy Build()
    {
        if (observationPeriod < Duration.Zero)
        {
            throw new ArgumentException($"ObservationPeriod must not be negative, was {observationPeriod}.", "ObservationPeriod");
        }

        var repeated = pauseReasons.GroupBy(static r => r.Code, StringComparer.Ordinal).FirstOrDefault(static g => g.Count() > 1)?.Key
            ?? pauseReasons.FirstOrDefault(static r => PauseReason.WellKnown.Contains(r))?.Code;
        if (repeated is not null)
        {
            throw new ArgumentException($"PauseReasons: '{repeated}' is {(PauseReason.WellKnown.Any(r => r.Code == repeated) ? "well known; do not list it again" : "listed twice")}.", "PauseReasons");
        }

        IReadOnlyList<PauseReason> reasons = [.. PauseReason.WellKnown, .. pauseReasons];
        var built = new SlaTarget[targets.Count];
        for (var i = 0; i < targets.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"Targets[{i}]");
            built[i] = targets[i].Build(path, scale, defaultCalendar, defaultWarnings, reasons);
        }

        return new SlaPolicy(id, version, name, scale, built, observationPeriod, reclassification, language, conventions,
            new SlaPolicyOptions(reasons, negotiatedDueDates, reopening));
    }
}
