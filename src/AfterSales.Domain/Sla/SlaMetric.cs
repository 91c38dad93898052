using AfterSales.Internal;

namespace AfterSales.Sla;

/// <summary>
/// What an SLA target measures (时限指标): the time until a milestone is reached, e.g. first
/// response (响应), on-site arrival (到达现场), service restored (服务恢复), resolved (修复).
/// </summary>
/// <remarks>
/// A metric's clock stops when its <see cref="StoppedBy"/> milestone is recorded. Metrics about
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
    public SlaMetric(string code, string nameZh, string nameEn, Milestone stoppedBy, bool restartsOnReopen)
    {
        Code = Guard.NotBlank(code);
        NameZh = Guard.NotBlank(nameZh);
        NameEn = Guard.NotBlank(nameEn);
        StoppedBy = Guard.NotNull(stoppedBy);
        RestartsOnReopen = restartsOnReopen;
    }

    /// <summary>First response (响应时间): stopped by <see cref="Milestone.Responded"/>.</summary>
    public static SlaMetric FirstResponse { get; } = new("first-response", "响应时间", "first response", Milestone.Responded, restartsOnReopen: false);

    /// <summary>On-site arrival (到达现场时间): stopped by <see cref="Milestone.ArrivedOnSite"/>.</summary>
    public static SlaMetric OnSiteArrival { get; } = new("on-site-arrival", "到达现场时间", "on-site arrival", Milestone.ArrivedOnSite, restartsOnReopen: false);

    /// <summary>Repair plan delivered (作出修复方案): stopped by <see cref="Milestone.RepairPlanDelivered"/>.</summary>
    public static SlaMetric RepairPlan { get; } = new("repair-plan", "修复方案时限", "repair plan", Milestone.RepairPlanDelivered, restartsOnReopen: true);

    /// <summary>Loaner provided (备机时限): stopped by <see cref="Milestone.LoanerProvided"/>.</summary>
    public static SlaMetric LoanerProvided { get; } = new("loaner", "备机时限", "loaner provided", Milestone.LoanerProvided, restartsOnReopen: true);

    /// <summary>Service restored (服务恢复时限): stopped by <see cref="Milestone.ServiceRestored"/>.</summary>
    public static SlaMetric ServiceRestored { get; } = new("service-restored", "服务恢复时限", "service restored", Milestone.ServiceRestored, restartsOnReopen: true);

    /// <summary>Resolved, all indicators normal (修复时限): stopped by <see cref="Milestone.Resolved"/>.</summary>
    public static SlaMetric Resolved { get; } = new("resolved", "修复时限", "resolution", Milestone.Resolved, restartsOnReopen: true);

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>The Chinese name.</summary>
    public string NameZh { get; }

    /// <summary>The English name, as used in clock explanations.</summary>
    public string NameEn { get; }

    /// <summary>The milestone that stops this metric's clock.</summary>
    public Milestone StoppedBy { get; }

    /// <summary>Whether a re-opened work order starts a new clock of this metric (a new cycle).</summary>
    public bool RestartsOnReopen { get; }

    /// <inheritdoc />
    public bool Equals(SlaMetric? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SlaMetric);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <inheritdoc />
    public override string ToString() => NameEn;
}
