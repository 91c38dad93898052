using System.Globalization;
using AfterSales.Internal;
using AfterSales.Sla;

namespace AfterSales.Quality.Complaints;

/// <summary>
/// Who a complaint goes to as its clocks breach (投诉升级路径), lowest first, and the rule that
/// turns breaches into a level.
/// </summary>
/// <remarks>
/// <para><b>The rule.</b> A complaint starts at rank 0. Every overdue clock (breached, or met
/// late) raises it by one rank, and by one more for every full <see cref="OverdueStep"/> of
/// business time it is (or was) overdue. The rank is capped at the top of the path. With the
/// default step of 9 business hours (one working day of the 09:00–18:00 desk) a first reply
/// 30 minutes late sends the complaint to the project manager; a formal answer more than two
/// working days late goes to the top on its own.</para>
/// <para>The overdue business time of a clock is <see cref="SlaClock.Elapsed"/> −
/// <see cref="SlaClock.Allowed"/>, never negative. Immutable and thread-safe.</para>
/// </remarks>
public sealed class EscalationPath
{
    private readonly EscalationLevel[] levels;

    private EscalationPath(string code, EscalationLevel[] levels, Duration overdueStep)
    {
        Code = code;
        this.levels = levels;
        OverdueStep = overdueStep;
    }

    /// <summary>Creates a path.</summary>
    /// <param name="code">A stable code.</param>
    /// <param name="levels">The levels, lowest first, as (code, Chinese name, English name); at least one.</param>
    /// <param name="overdueStep">Each full step of overdue business time raises the level once more; positive.</param>
    /// <exception cref="ArgumentException">No levels, a blank name, a duplicate code, or a step that is not positive.</exception>
    public static EscalationPath Create(string code, IEnumerable<(string Code, string NameZh, string NameEn)> levels, Duration overdueStep)
    {
        Guard.NotBlank(code);
        Guard.NotNull(levels);
        var built = levels.Select((l, i) => new EscalationLevel(i, l.Code, l.NameZh, l.NameEn)).ToArray();
        if (built.Length == 0)
        {
            throw new ArgumentException("levels must name at least one level.", nameof(levels));
        }

        if (built.Select(l => l.Code).Distinct(StringComparer.Ordinal).Count() != built.Length)
        {
            throw new ArgumentException("levels must have distinct codes.", nameof(levels));
        }

        if (overdueStep <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(overdueStep), overdueStep, $"overdueStep must be positive, was {overdueStep}.");
        }

        return new EscalationPath(code, built, overdueStep);
    }

    /// <summary>
    /// Seed 003's path (R-CP-5): 质量保证人员 (QA) → 项目经理 (project manager) → 项目领导小组
    /// (project leadership) → 双方决策层 (both sides' decision makers); step 9 business hours.
    /// </summary>
    public static EscalationPath Seed003 { get; } = Create(
        "cn-003-escalation",
        [
            ("qa", "质量保证人员", "quality assurance"),
            ("project-manager", "项目经理", "project manager"),
            ("project-leadership", "项目领导小组", "project leadership"),
            ("decision-makers", "双方决策层", "both sides' decision makers"),
        ],
        Duration.FromHours(9));

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>The levels, lowest first.</summary>
    public IReadOnlyList<EscalationLevel> Levels => levels;

    /// <summary>The overdue business time that raises the level once more.</summary>
    public Duration OverdueStep { get; }

    /// <summary>The level for these clocks by the rule in the remarks, with one reason per raising clock.</summary>
    public EscalationDecision Decide(IEnumerable<SlaClock> clocks)
    {
        Guard.NotNull(clocks);
        long rank = 0;
        var reasons = new List<string>();
        foreach (var clock in clocks.Where(c => c.IsOverdue))
        {
            var overdue = Overdue(clock);
            var steps = 1 + (long)(overdue.TotalTicks / OverdueStep.TotalTicks);
            rank += steps;
            reasons.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{clock.Metric.NameZh} ({clock.Metric.NameEn}) {clock.Status}, overdue {DurationText.Format(overdue)} of business time: +{steps}"));
        }

        var level = levels[(int)Math.Min(rank, levels.Length - 1)];
        return new EscalationDecision(level, reasons);
    }

    internal static Duration Overdue(SlaClock clock)
    {
        var overdue = clock.Elapsed - clock.Allowed;
        return overdue > Duration.Zero ? overdue : Duration.Zero;
    }
}
