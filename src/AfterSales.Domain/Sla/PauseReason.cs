using AfterSales.Internal;

namespace AfterSales.Sla;

/// <summary>
/// Why work paused (暂停原因): waiting for the customer, for access to the customer's site, for the
/// manufacturer's parts, a delay the customer asked for … Reasons are data: each target says which
/// of them pause it (<see cref="SlaTarget.PausedBy"/>) — a parts wait may pause resolution but not
/// the response — explanations name the reason, and clocks sum paused time by reason.
/// </summary>
/// <remarks>
/// The well-known reasons are static properties; a contract may define its own with the constructor
/// (and list them with <see cref="SlaPolicyBuilder.WithPauseReasons"/>). Two reasons are equal when
/// their codes are equal. A pause recorded without a reason is <see cref="WaitingForCustomer"/>.
/// </remarks>
public sealed class PauseReason : IEquatable<PauseReason>
{
    /// <summary>Creates a pause reason.</summary>
    /// <param name="code">A stable code, e.g. <c>"manufacturer-parts"</c>.</param>
    /// <param name="nameZh">The Chinese name, e.g. <c>等待厂商备件</c>.</param>
    /// <param name="nameEn">The English name used in explanations, e.g. <c>waiting for manufacturer parts</c>.</param>
    public PauseReason(string code, string nameZh, string nameEn)
    {
        Code = Guard.NotBlank(code);
        NameZh = Guard.NotBlank(nameZh);
        NameEn = Guard.NotBlank(nameEn);
    }

    /// <summary>Waiting for the customer (等待客户): an answer, a decision, a test. The default reason.</summary>
    public static PauseReason WaitingForCustomer { get; } = new("waiting-for-customer", "等待客户", "waiting for the customer");

    /// <summary>Waiting for access to the customer's site (等待客户现场准入): the machine room is closed, no escort.</summary>
    public static PauseReason CustomerSiteAccess { get; } = new("customer-site-access", "等待客户现场准入", "waiting for access to the customer's site");

    /// <summary>Waiting for the manufacturer's parts (等待厂商备件), e.g. after escalating to the manufacturer (R-WO-5).</summary>
    public static PauseReason ManufacturerParts { get; } = new("manufacturer-parts", "等待厂商备件", "waiting for manufacturer parts");

    /// <summary>A delay the customer asked for (客户要求延期), e.g. no work during the customer's business peak.</summary>
    public static PauseReason CustomerRequestedDelay { get; } = new("customer-requested-delay", "客户要求延期", "a delay the customer asked for");

    /// <summary>The well-known reasons, which every policy knows and documents name by code alone.</summary>
    public static IReadOnlyList<PauseReason> WellKnown { get; } = [WaitingForCustomer, CustomerSiteAccess, ManufacturerParts, CustomerRequestedDelay];

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>The Chinese name.</summary>
    public string NameZh { get; }

    /// <summary>The English name, as used in clock explanations.</summary>
    public string NameEn { get; }

    /// <inheritdoc />
    public bool Equals(PauseReason? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PauseReason);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <inheritdoc />
    public override string ToString() => NameEn;
}
