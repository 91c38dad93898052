using System.Globalization;
using AfterSales.Calendars;
using AfterSales.Internal;
using AfterSales.Severity;

namespace AfterSales.Sla;

/// <summary>
/// A contract's service-level promises (服务级别): its severity scale, its targets and the length
/// of the observation period after a fix (运行观察期, R-WO-4). Policies are versioned: a work order
/// keeps the version it was opened under, so editing a policy never rewrites the history of open
/// tickets; a new version is a new <see cref="SlaPolicy"/> with the same <see cref="Id"/>.
/// </summary>
/// <remarks>Immutable and thread-safe. Build with <see cref="CreateBuilder"/> or take a preset from
/// <see cref="SlaPresets"/>.</remarks>
public sealed class SlaPolicy
{
    // Built once: every clock and every loaded ticket asks for them.
    private string? key;
    private IEnumerable<SlaMetric>? metrics;

    internal SlaPolicy(string id, int version, string name, SeverityScale scale, IReadOnlyList<SlaTarget> targets, Duration observationPeriod, ReclassificationRule reclassification, ExplanationLanguage language, SlaConventions conventions, SlaPolicyOptions? options = null)
    {
        Options = options ?? SlaPolicyOptions.Default;
        Language = language;
        Conventions = conventions;
        Id = id;
        Version = version;
        Name = name;
        SeverityScale = scale;
        Targets = targets;
        ObservationPeriod = observationPeriod;
        Reclassification = reclassification;
    }

    /// <summary>Starts building a policy.</summary>
    /// <param name="id">A stable id, e.g. <c>"cn-003-enterprise"</c>.</param>
    /// <param name="version">The version, 1 or more; a changed policy gets a higher one.</param>
    /// <param name="name">A readable name.</param>
    /// <param name="scale">The contract's severity scale; targets name its level codes.</param>
    public static SlaPolicyBuilder CreateBuilder(string id, int version, string name, SeverityScale scale) =>
        new(id, version, name, scale);

    /// <summary>The stable id shared by every version of the policy.</summary>
    public string Id { get; }

    /// <summary>The version; tickets pin the version they were opened under.</summary>
    public int Version { get; }

    /// <summary><c>id@version</c>, e.g. <c>cn-003-enterprise@1</c>.</summary>
    public string Key => key ??= string.Create(CultureInfo.InvariantCulture, $"{Id}@{Version}");

    /// <summary>A readable name.</summary>
    public string Name { get; }

    /// <summary>The contract's severity scale.</summary>
    public SeverityScale SeverityScale { get; }

    /// <summary>The targets, in the order they were added.</summary>
    public IReadOnlyList<SlaTarget> Targets { get; }

    /// <summary>How long a fixed work order is watched for recurrence before it may close (运行观察期).</summary>
    public Duration ObservationPeriod { get; }

    /// <summary>What a change of severity does to open clocks (R-SEV-2).</summary>
    /// <value>The default value is <see cref="ReclassificationRule.KeepElapsed"/>.</value>
    public ReclassificationRule Reclassification { get; }

    /// <summary>The language clocks under this policy are explained in unless the caller asks for another (an HTTP client by <c>Accept-Language</c>).</summary>
    /// <value>The default value is <see cref="ExplanationLanguage.English"/>; the China presets use <see cref="ExplanationLanguage.Chinese"/>.</value>
    public ExplanationLanguage Language { get; }

    /// <summary>The conventions the contract chose where engines disagree, stated in every explanation.</summary>
    /// <value>The default value is <see cref="SlaConventions.Default"/>.</value>
    public SlaConventions Conventions { get; }

    /// <summary>The pause reasons a ticket under this policy may give: the well-known ones, then the contract's own.</summary>
    public IReadOnlyList<PauseReason> PauseReasons => Options.PauseReasons;

    /// <summary>Whether a due date agreed with the customer may be earlier than the policy's own deadline.</summary>
    /// <value>The default value is <see cref="Sla.NegotiatedDueDates.NeverEarlierThanPolicy"/>.</value>
    public NegotiatedDueDates NegotiatedDueDates => Options.NegotiatedDueDates;

    /// <summary>What re-opening does to the clocks of restarting metrics.</summary>
    /// <value>The default value is <see cref="ReopeningRule.NewCycle"/>.</value>
    public ReopeningRule Reopening => Options.Reopening;

    internal SlaPolicyOptions Options { get; }

    /// <summary>The pause reason of <paramref name="code"/>, or <see langword="null"/> when the policy has none.</summary>
    /// <param name="code">The reason's code.</param>
    public PauseReason? FindPauseReason(string code) => PauseReasons.FirstOrDefault(r => r.Code == code);

    /// <summary>The same policy as version <paramref name="version"/> (a catalog numbers the versions it saves).</summary>
    /// <param name="version">The version, 1 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public SlaPolicy WithVersion(int version) =>
        version == Version ? this : new(Id, Guard.Positive(version), Name, SeverityScale, Targets, ObservationPeriod, Reclassification, Language, Conventions, Options);

    /// <summary>The distinct metrics this policy has targets for, in the order of first appearance.</summary>
    public IEnumerable<SlaMetric> Metrics => metrics ??= Array.AsReadOnly(Targets.Select(t => t.Metric).Distinct().ToArray());

    /// <summary>The targets that apply to a ticket of this metric, severity, channel and site.</summary>
    public IEnumerable<SlaTarget> TargetsFor(SlaMetric metric, string severityCode, ReportChannel channel, ServiceSite site)
    {
        Guard.NotNull(metric);
        return Targets.Where(t => t.Metric.Equals(metric) && t.AppliesTo(severityCode, channel, site));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Key} {Name}";
}
