using AfterSales.Internal;

namespace AfterSales.Quality.Inspections;

/// <summary>
/// The inspection checklist of one device type (巡检内容), R-IN-3. Immutable; presets in
/// <see cref="Checklists"/>.
/// </summary>
public sealed class Checklist
{
    private readonly ChecklistItem[] items;

    /// <summary>Creates a checklist.</summary>
    /// <param name="deviceType">The device type code, e.g. <c>"kiosk"</c>.</param>
    /// <param name="nameZh">The Chinese name.</param>
    /// <param name="nameEn">The English name.</param>
    /// <param name="items">At least one item, distinct codes.</param>
    /// <exception cref="ArgumentException">A name is blank, no items, or a repeated code.</exception>
    public Checklist(string deviceType, string nameZh, string nameEn, IEnumerable<ChecklistItem> items)
    {
        DeviceType = Guard.NotBlank(deviceType);
        NameZh = Guard.NotBlank(nameZh);
        NameEn = Guard.NotBlank(nameEn);
        this.items = [.. Guard.NotNull(items)];
        if (this.items.Length == 0)
        {
            throw new ArgumentException("items must hold at least one item.", nameof(items));
        }

        if (this.items.Distinct().Count() != this.items.Length)
        {
            throw new ArgumentException("items must have distinct codes.", nameof(items));
        }
    }

    /// <summary>The device type the checklist is for.</summary>
    public string DeviceType { get; }

    /// <summary>The Chinese name.</summary>
    public string NameZh { get; }

    /// <summary>The English name.</summary>
    public string NameEn { get; }

    /// <summary>The items, in checking order.</summary>
    public IReadOnlyList<ChecklistItem> Items => items;

    /// <summary>Whether the checklist has an item with <paramref name="code"/>.</summary>
    public bool Contains(string code) => items.Any(i => string.Equals(i.Code, code, StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString() => $"{NameZh} ({NameEn})";
}
