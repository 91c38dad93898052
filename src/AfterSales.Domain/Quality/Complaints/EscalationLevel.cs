using AfterSales.Internal;

namespace AfterSales.Quality.Complaints;

/// <summary>
/// One step of an escalation path (逐级上报), e.g. 项目经理 (project manager). Rank 0 is the first
/// handler. Two levels are equal when their codes and ranks are equal.
/// </summary>
public sealed class EscalationLevel : IEquatable<EscalationLevel>
{
    internal EscalationLevel(int rank, string code, string nameZh, string nameEn)
    {
        Rank = rank;
        Code = Guard.NotBlank(code);
        NameZh = Guard.NotBlank(nameZh);
        NameEn = Guard.NotBlank(nameEn);
    }

    /// <summary>The position on the path: 0 for the first handler.</summary>
    public int Rank { get; }

    /// <summary>A stable code, e.g. <c>"project-manager"</c>.</summary>
    public string Code { get; }

    /// <summary>The Chinese name, e.g. <c>项目经理</c>.</summary>
    public string NameZh { get; }

    /// <summary>The English name.</summary>
    public string NameEn { get; }

    /// <inheritdoc />
    public bool Equals(EscalationLevel? other) =>
        other is not null && Rank == other.Rank && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EscalationLevel);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Rank, StringComparer.Ordinal.GetHashCode(Code));

    /// <summary>E.g. <c>项目经理 (project manager)</c>.</summary>
    public override string ToString() => $"{NameZh} ({NameEn})";
}
