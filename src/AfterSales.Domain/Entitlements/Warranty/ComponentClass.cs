using AfterSales.Internal;

namespace AfterSales.Entitlements.Warranty;

/// <summary>
/// A class of components that a contract gives its own warranty term (质保部件类别): hardware
/// (硬件), back-end software (后台软件), a main unit (主机), pipes and electrics (管路配件及电器) …
/// </summary>
/// <remarks>
/// Warranty terms differ by component within one contract (R-WAR-1): a solar water heater's main
/// unit is warranted for 3 years, its pipes and electrics for 1 year (seed 001). The well-known
/// classes are static properties; create your own for a contract's special items. Two classes are
/// equal when their codes are equal (ordinal).
/// </remarks>
public sealed class ComponentClass : IEquatable<ComponentClass>
{
    /// <summary>Creates a component class.</summary>
    /// <param name="code">A stable code, e.g. <c>"hardware"</c>.</param>
    /// <param name="nameZh">The Chinese name, e.g. <c>硬件</c>.</param>
    /// <param name="nameEn">The English name, e.g. <c>hardware</c>.</param>
    /// <exception cref="ArgumentException">An argument is blank.</exception>
    public ComponentClass(string code, string nameZh, string nameEn)
    {
        Code = Guard.NotBlank(code);
        NameZh = Guard.NotBlank(nameZh);
        NameEn = Guard.NotBlank(nameEn);
    }

    /// <summary>Hardware (硬件): devices and their parts.</summary>
    public static ComponentClass Hardware { get; } = new("hardware", "硬件", "hardware");

    /// <summary>Software (软件), e.g. back-end software (后台软件, seed 000).</summary>
    public static ComponentClass Software { get; } = new("software", "软件", "software");

    /// <summary>A whole delivered system (系统), e.g. a CCTV installation accepted as one (seed 004).</summary>
    public static ComponentClass System { get; } = new("system", "系统", "system");

    /// <summary>A main unit (主机), e.g. a solar water heater's tank, collector tubes and frame (seed 001).</summary>
    public static ComponentClass MainUnit { get; } = new("main-unit", "主机", "main unit");

    /// <summary>Pipes, fittings and electrics (管路配件及电器部分, seed 001).</summary>
    public static ComponentClass PipesAndElectrics { get; } = new("pipes-electrics", "管路配件及电器", "pipes and electrics");

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>The Chinese name.</summary>
    public string NameZh { get; }

    /// <summary>The English name.</summary>
    public string NameEn { get; }

    /// <inheritdoc />
    public bool Equals(ComponentClass? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ComponentClass);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <inheritdoc />
    public override string ToString() => $"{NameEn} ({NameZh})";
}
