using AfterSales.Calendars;
using AfterSales.Internal;

namespace AfterSales.Sla;

/// <summary>
/// One promise of an SLA policy: "for these severities (and channels, sites), <see cref="Metric"/>
/// within <see cref="Amount"/> on <see cref="Calendar"/>, counted from <see cref="StartAnchor"/>"
/// — e.g. 到达现场 within 2 h of the report for a local level-1 fault (R-SLA-1 … R-SLA-9).
/// </summary>
/// <remarks>Immutable; built by <see cref="SlaPolicyBuilder.AddTarget"/> and validated with its policy.</remarks>
public sealed class SlaTarget
{
    internal SlaTarget(
        SlaMetric metric,
        SlaAmount amount,
        IReadOnlyList<string> severityCodes,
        SlaTargetConditions conditions,
        BusinessCalendar calendar,
        Milestone startAnchor,
        IReadOnlyList<int> warningPercents,
        bool pausesWhileWaitingForCustomer,
        Milestone? waivedBy,
        Duration waiverWindow,
        string description,
        IReadOnlyList<SlaEscalationLevel> escalations,
        IReadOnlyList<PauseReason>? pausedBy = null)
    {
        PausedBy = pausedBy;
        EscalationLevels = escalations;
        Metric = metric;
        Amount = amount;
        SeverityCodes = severityCodes;
        Conditions = conditions;
        Calendar = calendar;
        StartAnchor = startAnchor;
        WarningPercents = warningPercents;
        PausesWhileWaitingForCustomer = pausesWhileWaitingForCustomer;
        WaivedBy = waivedBy;
        WaiverWindow = waiverWindow;
        Description = description;
    }

    /// <summary>What the target measures.</summary>
    public SlaMetric Metric { get; }

    /// <summary>How much business time or how many working days the target allows.</summary>
    public SlaAmount Amount { get; }

    /// <summary>The severity codes the target applies to (codes of the policy's scale).</summary>
    public IReadOnlyList<string> SeverityCodes { get; }

    /// <summary>Channel, locality and distance conditions.</summary>
    public SlaTargetConditions Conditions { get; }

    /// <summary>The coverage calendar the time is counted on (7×24, 5×8 …).</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>The milestone the clock starts at (R-SLA-8): the report, the fault's occurrence,
    /// arrival on site … When the fault's time is unknown, a clock anchored on it starts at the report.</summary>
    public Milestone StartAnchor { get; }

    /// <summary>Percentages of the allowed time at which warnings are due, ascending, each 1–100.</summary>
    public IReadOnlyList<int> WarningPercents { get; }

    /// <summary>Whether time spent waiting for the customer (a pause) does not count.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool PausesWhileWaitingForCustomer { get; }

    /// <summary>
    /// The pause reasons that pause this target (e.g. a parts wait pauses resolution but not the
    /// response); <see langword="null"/> when every reason does (the default). Empty only when
    /// <see cref="PausesWhileWaitingForCustomer"/> is <see langword="false"/>.
    /// </summary>
    public IReadOnlyList<PauseReason>? PausedBy { get; }

    /// <summary>Whether a pause for <paramref name="reason"/> stops this target's clock.</summary>
    /// <param name="reason">The pause's reason.</param>
    public bool PausesFor(PauseReason reason) =>
        PausesWhileWaitingForCustomer && (PausedBy is null || PausedBy.Contains(Guard.NotNull(reason)));

    /// <summary>
    /// A milestone that makes this target unnecessary when reached within <see cref="WaiverWindow"/>
    /// of the start (e.g. a loaner is owed only if service is not restored within 5 h of the fault,
    /// R-SLA-5); <see langword="null"/> when the target always applies.
    /// </summary>
    public Milestone? WaivedBy { get; }

    /// <summary>The business time within which <see cref="WaivedBy"/> waives the target.</summary>
    public Duration WaiverWindow { get; }

    /// <summary>The escalation levels (升级), in the order given; each becomes an instant on the clock.</summary>
    public IReadOnlyList<SlaEscalationLevel> EscalationLevels { get; }

    /// <summary>The contract's own words for the promise, e.g. <c>本地客户2个小时内赶至客户现场</c>.</summary>
    public string Description { get; }

    /// <summary>Whether the target applies to a ticket of this severity, channel and site.</summary>
    public bool AppliesTo(string severityCode, ReportChannel channel, ServiceSite site) =>
        SeverityCodes.Contains(severityCode, StringComparer.Ordinal) && Conditions.Matches(channel, site);

    /// <summary>E.g. <c>on-site arrival within 2 h from report for 1, 2 (site Local) on 7×24 Asia/Shanghai</c>.</summary>
    public override string ToString() =>
        $"{Metric} within {Amount} from {StartAnchor} for {string.Join(", ", SeverityCodes)}"
        + (Conditions.IsAny ? "" : $" ({Conditions})")
        + $" on {Calendar.Name}";
}
