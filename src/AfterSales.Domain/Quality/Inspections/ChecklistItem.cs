using AfterSales.Internal;

namespace AfterSales.Quality.Inspections;

/// <summary>One point of an inspection checklist (巡检项目), e.g. 触摸屏 (touch screen). Equal by code.</summary>
public sealed class ChecklistItem : IEquatable<ChecklistItem>
{
    /// <summary>Creates an item.</summary>
    /// <exception cref="ArgumentException">A value is blank.</exception>
    public ChecklistItem(string code, string nameZh, string nameEn)
    {
        Code = Guard.NotBlank(code);
        NameZh = Guard.NotBlank(nameZh);
        NameEn = Guard.NotBlank(nameEn);
    }

    /// <summary>A stable code, e.g. <c>"touch-screen"</c>.</summary>
    public string Code { get; }

    /// <summary>The Chinese name.</summary>
    public string NameZh { get; }

    /// <summary>The English name.</summary>
    public string NameEn { get; }

    /// <inheritdoc />
    public bool Equals(ChecklistItem? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ChecklistItem);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <inheritdoc />
    public override string ToString() => $"{NameZh} ({NameEn})";
}
