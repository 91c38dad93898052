using AfterSales.Internal;

namespace AfterSales.Sla;

/// <summary>
/// What an SLA target measures (时限指标): the time until a milestone is reached, e.g. first
/// response (响应), on-site arrival (到达现场), service restored (服务恢复), resolved (修复).
/// </summary>
/// <remarks>
/// A metric's clock stops when its <see cref="StoppedBy"/> milestone is recorded, or ends when one
/// of its <see cref="EndedBy"/> milestones makes the promise moot first (a resolved fault needs no
/// repair plan; a restored service needs no loaner and no visit): ended before its due instant it is
/// <see cref="SlaClockStatus.Waived"/>, after it <see cref="SlaClockStatus.Breached"/> and frozen.
/// So no clock of a resolved, closed or cancelled work order keeps running. Metrics about
/// the repair itself <see cref="RestartsOnReopen">restart</see> when a work order is re-opened after
/// a recurrence; metrics about the first reaction do not. The list is extensible: create your own
/// metric for a contract's special promise. Two metrics are equal when their codes are equal.
/// </remarks>
public sealed class SlaMetric : IEquatable<SlaMetric>
{
    /// <summary>Creates a metric.</summary>
    /// <param name="code">A stable code, e.g. <c>"on-site"</c>.</param>
    /// <param name="nameZh">The Chinese name, e.g. <c>到达现场时限</c>.</param>
    /// <param name="nameEn">The English name, e.g. <c>on-site arrival</c>.</param>
    /// <param name="stoppedBy">The milestone that stops the clock.</param>
    /// <param name="restartsOnReopen">Whether a re-opened work order gets a new clock of this metric.</param>
    /// <remarks>The clock also ends at <see cref="Milestone.Resolved"/> and <see cref="Milestone.Cancelled"/>
    /// (unless one of them stops it); use the overload with <c>endedBy</c> to choose.</remarks>
    public SlaMetric(string code, string nameZh, string nameEn, Milestone stoppedBy, bool restartsOnReopen)
        : this(code, nameZh, nameEn, stoppedBy, restartsOnReopen, [Milestone.Resolved, Milestone.Cancelled])
    {
    }

    /// <summary>Creates a metric whose clock also ends at <paramref name="endedBy"/>.</summary>
    /// <param name="code">A stable code, e.g. <c>"on-site"</c>.</param>
    /// <param name="nameZh">The Chinese name.</param>
    /// <param name="nameEn">The English name.</param>
    /// <param name="stoppedBy">The milestone that stops (meets) the clock.</param>
    /// <param name="restartsOnReopen">Whether a re-opened work order gets a new clock of this metric.</param>
    /// <param name="endedBy">Milestones that make the promise moot, ending the clock without meeting it; <paramref name="stoppedBy"/> among them is ignored.</param>
    public SlaMetric(string code, string nameZh, string nameEn, Milestone stoppedBy, bool restartsOnReopen, IEnumerable<Milestone> endedBy)
    {
        Code = Guard.NotBlank(code);
        NameZh = Guard.NotBlank(nameZh);
        NameEn = Guard.NotBlank(nameEn);
        StoppedBy = Guard.NotNull(stoppedBy);
        RestartsOnReopen = restartsOnReopen;
        EndedBy = [.. Guard.NotNull(endedBy).Where(m => !m.Equals(stoppedBy)).Distinct()];
    }

    private SlaMetric(string code, string nameZh, string nameEn, Milestone recursOn, Milestone stoppedBy, IEnumerable<Milestone> endedBy)
        : this(code, nameZh, nameEn, stoppedBy, restartsOnReopen: false, endedBy)
    {
        RecursOn = Guard.NotNull(recursOn);
        if (recursOn.Equals(stoppedBy))
        {
            throw new ArgumentException($"recursOn: a recurring clock cannot start at {recursOn}, the milestone that stops it.", nameof(recursOn));
        }
    }

    /// <summary>
    /// Creates a recurring metric (周期性时限): a clock starts at each <paramref name="recursOn"/> milestone
    /// that is not already being answered and stops at the next <paramref name="stoppedBy"/> — "answer every
    /// customer message within 2 business hours" (Zammad's update time, Jira's time to next response).
    /// Each occurrence is a clock of its own (<see cref="SlaClock.Occurrence"/>), met or breached alone;
    /// <see cref="SlaOccurrenceSummary"/> gives the count and the worst.
    /// </summary>
    /// <param name="code">A stable code.</param>
    /// <param name="nameZh">The Chinese name.</param>
    /// <param name="nameEn">The English name.</param>
    /// <param name="recursOn">The milestone that starts an occurrence.</param>
    /// <param name="stoppedBy">The milestone that meets it.</param>
    /// <param name="endedBy">Milestones that end an occurrence without meeting it; resolution and cancellation when <see langword="null"/>.</param>
    /// <returns>The metric.</returns>
    /// <exception cref="ArgumentException">A blank name or code, or <paramref name="recursOn"/> equals <paramref name="stoppedBy"/>.</exception>
    public static SlaMetric Recurring(string code, string nameZh, string nameEn, Milestone recursOn, Milestone stoppedBy, IEnumerable<Milestone>? endedBy = null) =>
        new(code, nameZh, nameEn, recursOn, stoppedBy, endedBy ?? [Milestone.Resolved, Milestone.Cancelled]);

    /// <summary>
    /// Next response (跟进响应时间): a recurring clock from each customer message (<see cref="Milestone.CustomerMessage"/>)
    /// not yet answered to the next agent answer (<see cref="Milestone.AgentAnswered"/>).
    /// </summary>
    /// <remarks>Ends at resolution or cancellation. Further messages before the answer belong to the same occurrence.</remarks>
    public static SlaMetric NextResponse { get; } = Recurring("next-response", "跟进响应时间", "next response", Milestone.CustomerMessage, Milestone.AgentAnswered);

    /// <summary>First response (响应时间): stopped by <see cref="Milestone.Responded"/>.</summary>
    /// <remarks>Ends at resolution or cancellation.</remarks>
    public static SlaMetric FirstResponse { get; } = new("first-response", "响应时间", "first response", Milestone.Responded, restartsOnReopen: false);

    /// <summary>On-site arrival (到达现场时间): stopped by <see cref="Milestone.ArrivedOnSite"/>.</summary>
    /// <remarks>Ends when service is restored (remotely: no visit needed), at resolution or cancellation.</remarks>
    public static SlaMetric OnSiteArrival { get; } = new("on-site-arrival", "到达现场时间", "on-site arrival", Milestone.ArrivedOnSite, restartsOnReopen: false, [Milestone.ServiceRestored, Milestone.Resolved, Milestone.Cancelled]);

    /// <summary>Repair plan delivered (作出修复方案): stopped by <see cref="Milestone.RepairPlanDelivered"/>.</summary>
    /// <remarks>Ends at resolution (a resolved fault needs no plan) or cancellation; a restored service may still need one.</remarks>
    public static SlaMetric RepairPlan { get; } = new("repair-plan", "修复方案时限", "repair plan", Milestone.RepairPlanDelivered, restartsOnReopen: true);

    /// <summary>Loaner provided (备机时限): stopped by <see cref="Milestone.LoanerProvided"/>.</summary>
    /// <remarks>Ends when service is restored (a running service needs no loaner), at resolution or cancellation.</remarks>
    public static SlaMetric LoanerProvided { get; } = new("loaner", "备机时限", "loaner provided", Milestone.LoanerProvided, restartsOnReopen: true, [Milestone.ServiceRestored, Milestone.Resolved, Milestone.Cancelled]);

    /// <summary>Spare parts on site (备品备件到场时限, R-SLA-5): stopped by <see cref="Milestone.SparePartsOnSite"/>.</summary>
    /// <remarks>Ends when service is restored (no parts needed), at resolution or cancellation.</remarks>
    public static SlaMetric SparePartsOnSite { get; } = new("spare-parts-on-site", "备品备件到场时限", "spare parts on site", Milestone.SparePartsOnSite, restartsOnReopen: true, [Milestone.ServiceRestored, Milestone.Resolved, Milestone.Cancelled]);

    /// <summary>Service restored (服务恢复时限): stopped by <see cref="Milestone.ServiceRestored"/>.</summary>
    /// <remarks>Ends at cancellation (resolution records the restoration too).</remarks>
    public static SlaMetric ServiceRestored { get; } = new("service-restored", "服务恢复时限", "service restored", Milestone.ServiceRestored, restartsOnReopen: true);

    /// <summary>Resolved, all indicators normal (修复时限): stopped by <see cref="Milestone.Resolved"/>.</summary>
    /// <remarks>Ends at cancellation.</remarks>
    public static SlaMetric Resolved { get; } = new("resolved", "修复时限", "resolution", Milestone.Resolved, restartsOnReopen: true);

    /// <summary>The well-known metrics, which policy documents name by code alone.</summary>
    public static IReadOnlyList<SlaMetric> WellKnown { get; } = [FirstResponse, OnSiteArrival, RepairPlan, LoanerProvided, SparePartsOnSite, ServiceRestored, Resolved, NextResponse];

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>The Chinese name.</summary>
    public string NameZh { get; }

    /// <summary>The English name, as used in clock explanations.</summary>
    public string NameEn { get; }

    /// <summary>The milestone that stops this metric's clock.</summary>
    public Milestone StoppedBy { get; }

    /// <summary>Milestones besides <see cref="StoppedBy"/> that end the clock because its promise no longer matters.</summary>
    public IReadOnlyList<Milestone> EndedBy { get; }

    /// <summary>Whether a re-opened work order starts a new clock of this metric (a new cycle).</summary>
    public bool RestartsOnReopen { get; }

    /// <summary>For a recurring metric (<see cref="Recurring"/>), the milestone that starts each occurrence; <see langword="null"/> otherwise.</summary>
    public Milestone? RecursOn { get; }

    /// <summary>Whether the metric recurs: one clock per occurrence of <see cref="RecursOn"/>.</summary>
    public bool IsRecurring => RecursOn is not null;

    /// <inheritdoc />
    public bool Equals(SlaMetric? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SlaMetric);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <inheritdoc />
    public override string ToString() => NameEn;
}
