using AfterSales.Internal;

namespace AfterSales.Severity;

/// <summary>
/// One level of a contract's fault severity scale (故障级别): a stable code, its rank on the
/// scale and its names in Chinese and English.
/// </summary>
/// <remarks>
/// <para>Levels are immutable. Two levels are equal when their codes and ranks are equal; the
/// names are presentation only, so a translated scale still compares equal.</para>
/// <para>Rank 1 is the most severe level of its scale; ranks grow as severity falls.</para>
/// </remarks>
public sealed class SeverityLevel : IEquatable<SeverityLevel>
{
    /// <summary>Creates a severity level.</summary>
    /// <param name="code">The stable code stored on tickets and used in policies, e.g. <c>"1"</c> or <c>"A"</c>.</param>
    /// <param name="rank">The position on the scale; 1 is the most severe.</param>
    /// <param name="nameZh">The Chinese name, e.g. <c>一级故障</c>.</param>
    /// <param name="nameEn">The English name, e.g. <c>Level 1 — system down</c>.</param>
    /// <param name="description">What faults of this level look like, in the contract's words; may be empty.</param>
    /// <exception cref="ArgumentException">A code or name is blank, or the rank is below 1.</exception>
    public SeverityLevel(string code, int rank, string nameZh, string nameEn, string description = "")
    {
        Code = Guard.NotBlank(code);
        Rank = Guard.Positive(rank);
        NameZh = Guard.NotBlank(nameZh);
        NameEn = Guard.NotBlank(nameEn);
        Description = Guard.NotNull(description);
    }

    /// <summary>The stable code stored on tickets and referenced by SLA targets.</summary>
    public string Code { get; }

    /// <summary>The position on the scale: 1 is the most severe level.</summary>
    public int Rank { get; }

    /// <summary>The Chinese name (中文名称).</summary>
    public string NameZh { get; }

    /// <summary>The English name.</summary>
    public string NameEn { get; }

    /// <summary>What faults of this level look like, in the contract's words.</summary>
    public string Description { get; }

    /// <summary>Whether this level is more severe than <paramref name="other"/> (has a lower rank).</summary>
    public bool IsMoreSevereThan(SeverityLevel other) => Rank < Guard.NotNull(other).Rank;

    /// <inheritdoc />
    public bool Equals(SeverityLevel? other) =>
        other is not null && Rank == other.Rank && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SeverityLevel);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Rank);

    /// <summary>The code and both names, e.g. <c>1 一级故障 (Level 1 — system down)</c>.</summary>
    public override string ToString() => $"{Code} {NameZh} ({NameEn})";
}
