using AfterSales.Internal;

namespace AfterSales.Sla;

/// <summary>
/// A moment in a work order's life that SLA clocks start or stop on (R-WO-3, R-SLA-8): reported,
/// fault occurred, responded, arrived on site, service restored, resolved …
/// </summary>
/// <remarks>
/// The well-known milestones are static properties; a contract may define its own with the
/// constructor (e.g. "parts on site"). Two milestones are equal when their codes are equal.
/// </remarks>
public sealed class Milestone : IEquatable<Milestone>
{
    /// <summary>Creates a milestone.</summary>
    /// <param name="code">A stable code, e.g. <c>"arrived-on-site"</c>.</param>
    /// <param name="nameZh">The Chinese name, e.g. <c>到达现场</c>.</param>
    /// <param name="nameEn">The English name used in explanations, e.g. <c>arrival on site</c>.</param>
    public Milestone(string code, string nameZh, string nameEn)
    {
        Code = Guard.NotBlank(code);
        NameZh = Guard.NotBlank(nameZh);
        NameEn = Guard.NotBlank(nameEn);
    }

    /// <summary>The customer reported the fault (报障): the work order opens.</summary>
    public static Milestone Reported { get; } = new("reported", "报障", "report");

    /// <summary>The fault occurred (故障发生), when known; may be before the report (R-SLA-5).</summary>
    public static Milestone FaultOccurred { get; } = new("fault-occurred", "故障发生", "fault occurrence");

    /// <summary>The service desk gave its first substantive response (响应).</summary>
    public static Milestone Responded { get; } = new("responded", "响应", "first response");

    /// <summary>An engineer arrived on site (到达现场).</summary>
    public static Milestone ArrivedOnSite { get; } = new("arrived-on-site", "到达现场", "arrival on site");

    /// <summary>A repair plan or detailed solution was delivered (作出修复方案 / 给出解决方案).</summary>
    public static Milestone RepairPlanDelivered { get; } = new("repair-plan-delivered", "作出修复方案", "repair plan delivered");

    /// <summary>A loaner of the same or better grade was provided (备机).</summary>
    public static Milestone LoanerProvided { get; } = new("loaner-provided", "提供备机", "loaner provided");

    /// <summary>Spare parts were brought to the site (携带备品备件到场, R-SLA-5); a parts exchange on site reaches it too.</summary>
    public static Milestone SparePartsOnSite { get; } = new("spare-parts-on-site", "备品备件到场", "spare parts on site");

    /// <summary>The service runs again, possibly on a workaround (服务恢复运行).</summary>
    public static Milestone ServiceRestored { get; } = new("service-restored", "服务恢复运行", "service restored");

    /// <summary>The fault is fully repaired: all indicators normal (修复 / 服务指标全部恢复正常).</summary>
    public static Milestone Resolved { get; } = new("resolved", "修复", "resolution");

    /// <summary>The work order was cancelled as a duplicate or invalid report (撤销): nothing more is owed.</summary>
    public static Milestone Cancelled { get; } = new("cancelled", "撤销", "cancellation");

    /// <summary>The customer wrote (客户来信): a message that asks for an answer; it starts a <see cref="SlaMetric.NextResponse"/> clock.</summary>
    public static Milestone CustomerMessage { get; } = new("customer-message", "客户来信", "customer message");

    /// <summary>An agent answered the customer (坐席答复); it stops the <see cref="SlaMetric.NextResponse"/> clock.</summary>
    public static Milestone AgentAnswered { get; } = new("agent-answered", "坐席答复", "agent answer");

    /// <summary>The well-known milestones, in the usual order of a work order's life.</summary>
    public static IReadOnlyList<Milestone> WellKnown { get; } =
        [Reported, FaultOccurred, Responded, ArrivedOnSite, RepairPlanDelivered, LoanerProvided, SparePartsOnSite, ServiceRestored, Resolved, Cancelled, CustomerMessage, AgentAnswered];

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>The Chinese name.</summary>
    public string NameZh { get; }

    /// <summary>The English name, as used in clock explanations.</summary>
    public string NameEn { get; }

    /// <inheritdoc />
    public bool Equals(Milestone? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Milestone);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <inheritdoc />
    public override string ToString() => NameEn;
}
