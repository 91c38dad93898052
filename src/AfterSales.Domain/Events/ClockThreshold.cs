using AfterSales.Sla;

namespace AfterSales.Events;

/// <summary>What a clock crossed (时限节点): a warning percentage, its due instant, or a late stop.</summary>
public enum ClockThresholdKind
{
    /// <summary>A warning threshold (<see cref="SlaWarning"/>), reached when its instant is not after the clock's end.</summary>
    Warning,

    /// <summary>The due instant, passed unstopped or stopped late (the clock is overdue).</summary>
    Breach,

    /// <summary>The stopping milestone came after the due instant (<see cref="SlaClockStatus.MetLate"/>).</summary>
    MetLate,

    /// <summary>The clock counts over a calendar year without data (<see cref="SlaClock.IsProvisional"/>): its due instant may move.</summary>
    Provisional,

    /// <summary>A provisional clock is no longer provisional: the data it lacked was adopted.</summary>
    Confirmed,

    /// <summary>An escalation level (<see cref="SlaEscalation"/>, 升级), reached when its instant is not after the clock's end.</summary>
    Escalation,
}

/// <summary>
/// One threshold of one clock that has been reached (已触发的时限节点): which clock (metric and
/// cycle), which threshold, and the instant it was reached at. Identified by <see cref="Key"/>.
/// </summary>
public sealed class ClockThreshold
{
    internal ClockThreshold(SlaClock clock, ClockThresholdKind kind, int percent, Instant at)
    {
        Clock = clock;
        Kind = kind;
        Percent = percent;
        At = at;
    }

    internal ClockThreshold(SlaClock clock, SlaEscalation escalation)
        : this(clock, ClockThresholdKind.Escalation, escalation.Level.Percent ?? 100, escalation.At)
    {
        Escalation = escalation;
    }

    /// <summary>The same threshold, reached at <paramref name="at"/> instead.</summary>
    internal ClockThreshold WithAt(Instant at) => Escalation is { } e ? new(Clock, e) { At = at } : new(Clock, Kind, Percent, at);

    /// <summary>The clock, as evaluated when the threshold was found reached.</summary>
    public SlaClock Clock { get; }

    /// <summary>Which threshold.</summary>
    public ClockThresholdKind Kind { get; }

    /// <summary>The warning's share of the allowed time (1–100); an escalation level's when it is set as a percent (up to 1000); 100 otherwise.</summary>
    public int Percent { get; }

    /// <summary>When it was reached: the warning's or escalation level's instant, the due instant, the late stop; for provisional and confirmed, the due instant as now computed.</summary>
    public Instant At { get; private init; }

    /// <summary>For <see cref="ClockThresholdKind.Escalation"/>: the level reached, with who it goes to; <see langword="null"/> otherwise.</summary>
    public SlaEscalation? Escalation { get; }

    /// <summary>The threshold's identity: metric code, cycle, kind and percentage or level, e.g. <c>on-site-arrival/1/warning/80</c>, <c>resolved/1/escalation/PM</c>.</summary>
    public string Key => $"{ClockKey(Clock)}/{Name}";

    /// <summary>A clock's identity: metric code and cycle, and for a recurring metric its occurrence (<c>next-response/1/occurrence/2</c>).</summary>
    internal static string ClockKey(SlaClock clock) =>
        clock.Occurrence is { } o ? $"{clock.Metric.Code}/{clock.Cycle}/occurrence/{o}" : $"{clock.Metric.Code}/{clock.Cycle}";

    /// <summary><c>warning/80</c>, <c>breach</c>, <c>met-late</c>, <c>provisional</c>, <c>confirmed</c> or <c>escalation/{level name}</c>.</summary>
    public string Name => Kind switch
    {
        ClockThresholdKind.Escalation => "escalation/" + Escalation!.Level.Name,
        ClockThresholdKind.Warning => "warning/" + Percent.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ClockThresholdKind.Breach => "breach",
        ClockThresholdKind.MetLate => "met-late",
        ClockThresholdKind.Provisional => "provisional",
        _ => "confirmed",
    };

    /// <inheritdoc />
    public override string ToString() => $"{Key} at {At}";
}
