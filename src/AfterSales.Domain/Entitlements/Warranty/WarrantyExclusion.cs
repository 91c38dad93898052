using AfterSales.Internal;

namespace AfterSales.Entitlements.Warranty;

/// <summary>
/// A cause of damage the contract does not warrant (不属保修范围), R-WAR-7, recorded on the work order
/// when the engineer finds it. An exclusion the contract lists makes an otherwise covered repair
/// billable.
/// </summary>
/// <remarks>
/// The well-known exclusions of seeds 001 and 002 are static properties; create your own for a
/// contract's special wording. Two exclusions are equal when their codes are equal (ordinal).
/// </remarks>
public sealed class WarrantyExclusion : IEquatable<WarrantyExclusion>
{
    /// <summary>Creates an exclusion.</summary>
    /// <param name="code">A stable code, e.g. <c>"own-disassembly"</c>.</param>
    /// <param name="nameZh">The Chinese wording, e.g. <c>用户自我拆动造成损坏</c>.</param>
    /// <param name="nameEn">The English wording.</param>
    /// <exception cref="ArgumentException">An argument is blank.</exception>
    public WarrantyExclusion(string code, string nameZh, string nameEn)
    {
        Code = Guard.NotBlank(code);
        NameZh = Guard.NotBlank(nameZh);
        NameEn = Guard.NotBlank(nameEn);
    }

    /// <summary>Damage from the user's own disassembly (用户自我拆动造成损坏, seed 001).</summary>
    public static WarrantyExclusion OwnDisassembly { get; } = new("own-disassembly", "用户自我拆动造成损坏", "damage from the user's own disassembly");

    /// <summary>Damage from service by an unauthorised party (经非特约服务单位拆动造成的损坏, seed 001).</summary>
    public static WarrantyExclusion UnauthorisedService { get; } = new("unauthorised-service", "经非特约服务单位拆动造成的损坏", "damage from unauthorised service");

    /// <summary>Damage from improper transport by the user (用户自行运输不当, seed 001).</summary>
    public static WarrantyExclusion ImproperTransport { get; } = new("improper-transport", "用户自行运输不当造成的损坏", "damage from improper transport");

    /// <summary>Damage from improper storage or upkeep (保管不当, seeds 001, 002).</summary>
    public static WarrantyExclusion ImproperStorage { get; } = new("improper-storage", "保管不当造成的损坏", "damage from improper storage");

    /// <summary>Damage from use against the manual or other improper use or maintenance (未按说明书要求使用, 使用、维护不当; seeds 001, 002).</summary>
    public static WarrantyExclusion ImproperUse { get; } = new("improper-use", "未按说明书要求使用造成的损坏", "damage from improper use");

    /// <summary>A main part past its own warranty (主要部件超过相应的保修期, seed 001).</summary>
    public static WarrantyExclusion PartPastOwnWarranty { get; } = new("part-past-own-warranty", "主要部件超过相应的保修期", "part past its own warranty");

    /// <summary>Force majeure (不可抗力), e.g. natural disasters (seeds 001, 002).</summary>
    public static WarrantyExclusion ForceMajeure { get; } = new("force-majeure", "因不可抗力造成损坏", "force majeure");

    /// <summary>The seven exclusions above: the list of seed 001's solar water heater plan.</summary>
    public static IReadOnlyList<WarrantyExclusion> Standard { get; } =
        [OwnDisassembly, UnauthorisedService, ImproperTransport, ImproperStorage, ImproperUse, PartPastOwnWarranty, ForceMajeure];

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>The Chinese wording.</summary>
    public string NameZh { get; }

    /// <summary>The English wording.</summary>
    public string NameEn { get; }

    /// <inheritdoc />
    public bool Equals(WarrantyExclusion? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as WarrantyExclusion);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <inheritdoc />
    public override string ToString() => $"{NameEn} ({NameZh})";
}
