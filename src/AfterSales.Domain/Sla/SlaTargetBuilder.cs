using AfterSales.Calendars;
using AfterSales.Internal;

namespace AfterSales.Sla;

/// <summary>
/// Describes one target while its policy is being built; see <see cref="SlaPolicyBuilder.AddTarget"/>.
/// Nothing is checked until <see cref="SlaPolicyBuilder.Build"/>, which validates every target
/// against the policy and names the offending target and field.
/// </summary>
public sealed class SlaTargetBuilder
{
    private readonly List<string> severityCodes = [];
    private readonly List<ReportChannel> channels = [];
    private readonly List<SiteLocality> localities = [];
    private readonly List<int> warningPercents = [];
    private readonly List<SlaEscalationLevel> escalations = [];
    private List<PauseReason>? pausedBy;
    private int? minDistanceKm;
    private int? maxDistanceKm;
    private bool allSeverities;
    private bool warningsSet;

    internal SlaTargetBuilder(SlaMetric metric, SlaAmount amount)
    {
        Metric = metric;
        Amount = amount;
    }

    internal SlaMetric Metric { get; }

    internal SlaAmount Amount { get; }

    internal BusinessCalendar? Calendar { get; private set; }

    internal Milestone Anchor { get; private set; } = Milestone.Reported;

    internal bool Pauses { get; private set; } = true;

    internal Milestone? WaivedBy { get; private set; }

    internal Duration WaiverWindow { get; private set; }

    internal string Description { get; private set; } = "";

    /// <summary>The target applies to these severity codes of the policy's scale.</summary>
    public SlaTargetBuilder ForSeverities(params string[] codes)
    {
        severityCodes.AddRange(Guard.NotNull(codes));
        return this;
    }

    /// <summary>The target applies to every severity of the policy's scale.</summary>
    public SlaTargetBuilder ForAllSeverities()
    {
        allSeverities = true;
        return this;
    }

    /// <summary>The target applies only to reports through these channels (R-SLA-2, R-SLA-4).</summary>
    public SlaTargetBuilder ForChannels(params ReportChannel[] reportChannels)
    {
        channels.AddRange(Guard.NotNull(reportChannels));
        return this;
    }

    /// <summary>The target applies only to sites of these localities (R-SLA-9).</summary>
    public SlaTargetBuilder ForSites(params SiteLocality[] siteLocalities)
    {
        localities.AddRange(Guard.NotNull(siteLocalities));
        return this;
    }

    /// <summary>The target applies only to sites at least <paramref name="minKm"/> and less than
    /// <paramref name="maxKmExclusive"/> (when given) km away (R-SLA-2's travel bands).</summary>
    public SlaTargetBuilder ForDistance(int minKm, int? maxKmExclusive = null)
    {
        minDistanceKm = minKm;
        maxDistanceKm = maxKmExclusive;
        return this;
    }

    /// <summary>The clock starts at this milestone (R-SLA-8).</summary>
    /// <value>The default is <see cref="Milestone.Reported"/>.</value>
    public SlaTargetBuilder From(Milestone anchor)
    {
        Anchor = Guard.NotNull(anchor);
        return this;
    }

    /// <summary>Time is counted on this calendar (the coverage); without it the policy's default calendar is used.</summary>
    public SlaTargetBuilder On(BusinessCalendar calendar)
    {
        Calendar = Guard.NotNull(calendar);
        return this;
    }

    /// <summary>Warnings are due at these percentages of the allowed time (each 1–100); replaces the policy's default.</summary>
    public SlaTargetBuilder WarnAt(params int[] percents)
    {
        warningsSet = true;
        warningPercents.Clear();
        warningPercents.AddRange(Guard.NotNull(percents));
        return this;
    }

    /// <summary>Time spent waiting for the customer counts against this target (it is not paused).</summary>
    public SlaTargetBuilder NotPausedWhileWaitingForCustomer()
    {
        Pauses = false;
        return this;
    }

    /// <summary>
    /// Only pauses for these reasons stop this target's clock (e.g. <see cref="PauseReason.ManufacturerParts"/>
    /// pauses resolution but not the response); without it every reason does. Reasons must be the policy's
    /// (<see cref="PauseReason.WellKnown"/> or <see cref="SlaPolicyBuilder.WithPauseReasons"/>).
    /// </summary>
    public SlaTargetBuilder PausedOnlyBy(params PauseReason[] reasons)
    {
        pausedBy ??= [];
        foreach (var reason in Guard.NotNull(reasons))
        {
            pausedBy.Add(Guard.NotNull(reason, nameof(reasons)));
        }

        return this;
    }

    /// <summary>
    /// The target is waived when <paramref name="milestone"/> is reached within
    /// <paramref name="within"/> business time of the start — e.g. a loaner is owed only if
    /// service is not restored within 5 h of the fault (R-SLA-5).
    /// </summary>
    public SlaTargetBuilder WaivedWhen(Milestone milestone, Duration within)
    {
        WaivedBy = Guard.NotNull(milestone);
        WaiverWindow = within;
        return this;
    }

    /// <summary>Escalation levels (升级) at percents or offsets from the due instant, named, with who they go to (R-CP-5).</summary>
    public SlaTargetBuilder EscalateAt(params SlaEscalationLevel[] levels)
    {
        foreach (var level in Guard.NotNull(levels))
        {
            escalations.Add(Guard.NotNull(level, nameof(levels)));
        }

        return this;
    }

    /// <summary>The contract's own words for this promise, shown in explanations.</summary>
    public SlaTargetBuilder Describe(string contractText)
    {
        Description = Guard.NotNull(contractText);
        return this;
    }

    internal SlaTarget Build(string path, Severity.SeverityScale scale, BusinessCalendar? defaultCalendar, IReadOnlyList<int> defaultWarnings, IReadOnlyList<PauseReason>? pauseReasons = null)
    {
        pauseReasons ??= PauseReason.WellKnown;
        if (pausedBy is not null)
        {
            if (!Pauses)
            {
                throw new ArgumentException(
                    $"{path}.PausedBy ({Metric}): the target is not paused while waiting, so no reason can pause it; drop PausedOnlyBy or NotPausedWhileWaitingForCustomer.",
                    path + ".PausedBy");
            }

            if (pausedBy.Count == 0)
            {
                throw new ArgumentException($"{path}.PausedBy ({Metric}): name at least one pause reason.", path + ".PausedBy");
            }

            if (pausedBy.FirstOrDefault(r => !pauseReasons.Contains(r)) is { } unknown)
            {
                throw new ArgumentException(
                    $"{path}.PausedBy ({Metric}): '{unknown.Code}' is not a pause reason of the policy; known: {string.Join(", ", pauseReasons.Select(static r => r.Code))}.",
                    path + ".PausedBy");
            }
        }

        if (Metric.IsRecurring && !Anchor.Equals(Milestone.Reported))
        {
            throw new ArgumentException(
                $"{path}.StartAnchor ({Metric}): a recurring clock starts at each {Metric.RecursOn}, not at {Anchor}.",
                path + ".StartAnchor");
        }

        var calendar = Calendar ?? defaultCalendar
            ?? throw new ArgumentException(
                $"{path}.Calendar ({Metric}): a target needs a calendar (its coverage); set it with On(...) or give the policy a default with WithCalendar(...).",
                path + ".Calendar");

        string[] codes;
        if (allSeverities)
        {
            codes = [.. scale.Levels.Select(l => l.Code)];
        }
        else
        {
            if (severityCodes.Count == 0)
            {
                throw new ArgumentException(
                    $"{path}.Severities ({Metric}): a target must name the severities it applies to (ForSeverities or ForAllSeverities).",
                    path + ".Severities");
            }

            foreach (var code in severityCodes)
            {
                if (!scale.Contains(code))
                {
                    throw new ArgumentException(
                        $"{path}.Severities ({Metric}): '{code}' is not a level of severity scale '{scale.Code}'; its levels are {string.Join(", ", scale.Levels.Select(l => l.Code))}.",
                        path + ".Severities");
                }
            }

            codes = [.. severityCodes.Distinct(StringComparer.Ordinal)];
        }

        if (minDistanceKm is { } min && min < 0)
        {
            throw new ArgumentException($"{path}.Distance ({Metric}): the least distance must not be negative, was {min} km.", path + ".Distance");
        }

        if (maxDistanceKm is { } max && max <= (minDistanceKm ?? 0))
        {
            throw new ArgumentException(
                $"{path}.Distance ({Metric}): the upper bound ({max} km) must be greater than the lower bound ({minDistanceKm ?? 0} km).",
                path + ".Distance");
        }

        var warnings = warningsSet ? warningPercents : (IReadOnlyList<int>)defaultWarnings;
        foreach (var percent in warnings)
        {
            if (percent is < 1 or > 100)
            {
                throw new ArgumentException(
                    $"{path}.WarningPercents ({Metric}): each warning threshold must be between 1 and 100 %, was {percent}.",
                    path + ".WarningPercents");
            }
        }

        if (WaivedBy is not null && WaiverWindow <= Duration.Zero)
        {
            throw new ArgumentException(
                $"{path}.WaiverWindow ({Metric}): the waiver window must be positive, was {WaiverWindow}.",
                path + ".WaiverWindow");
        }

        var repeated = escalations.GroupBy(static e => e.Name, StringComparer.Ordinal).FirstOrDefault(static g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException(
                $"{path}.Escalations ({Metric}): level names must be unique within a target (they key the levels' events); '{repeated.Key}' appears twice.",
                path + ".Escalations");
        }

        if (Anchor.Equals(Metric.StoppedBy))
        {
            throw new ArgumentException(
                $"{path}.StartAnchor ({Metric}): the clock of {Metric} cannot start at {Anchor}, the milestone that stops it.",
                path + ".StartAnchor");
        }

        return new SlaTarget(
            Metric,
            Amount,
            codes,
            new SlaTargetConditions(channels, localities, minDistanceKm, maxDistanceKm),
            calendar,
            Anchor,
            [.. warnings.Distinct().Order()],
            Pauses,
            WaivedBy,
            WaiverWindow,
            Description,
            [.. escalations],
            pausedBy is null ? null : [.. pausedBy.Distinct()]);
    }
}
