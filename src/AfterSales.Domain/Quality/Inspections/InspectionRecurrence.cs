using AfterSales.Internal;

namespace AfterSales.Quality.Inspections;

/// <summary>
/// How often a recurring inspection is due (巡检周期), R-IN-1: monthly (004), quarterly and
/// half-yearly (001), yearly (000). Equal by number of months.
/// </summary>
public sealed class InspectionRecurrence : IEquatable<InspectionRecurrence>
{
    private InspectionRecurrence(int months, string nameZh, string nameEn)
    {
        Months = months;
        NameZh = nameZh;
        NameEn = nameEn;
    }

    /// <summary>Every month (每月).</summary>
    public static InspectionRecurrence Monthly { get; } = new(1, "每月", "monthly");

    /// <summary>Every quarter (每季度).</summary>
    public static InspectionRecurrence Quarterly { get; } = new(3, "每季度", "quarterly");

    /// <summary>Every half year (每半年).</summary>
    public static InspectionRecurrence HalfYearly { get; } = new(6, "每半年", "half-yearly");

    /// <summary>Every year (每年).</summary>
    public static InspectionRecurrence Yearly { get; } = new(12, "每年", "yearly");

    /// <summary>Every <paramref name="months"/> months.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="months"/> is less than 1.</exception>
    public static InspectionRecurrence EveryMonths(int months) => Guard.Positive(months) switch
    {
        1 => Monthly,
        3 => Quarterly,
        6 => HalfYearly,
        12 => Yearly,
        _ => new InspectionRecurrence(months, $"每{months}个月", $"every {months} months"),
    };

    /// <summary>The length of one inspection window in months.</summary>
    public int Months { get; }

    /// <summary>The Chinese name.</summary>
    public string NameZh { get; }

    /// <summary>The English name.</summary>
    public string NameEn { get; }

    /// <inheritdoc />
    public bool Equals(InspectionRecurrence? other) => other is not null && Months == other.Months;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as InspectionRecurrence);

    /// <inheritdoc />
    public override int GetHashCode() => Months;

    /// <inheritdoc />
    public override string ToString() => NameEn;
}
