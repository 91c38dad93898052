using AfterSales.Entitlements.Warranty;
using AfterSales.Internal;

namespace AfterSales.Entitlements.Quotes;

/// <summary>
/// Whether a repair is paid work (有偿维修): billable if and only if the warranty does not cover it —
/// out of warranty, or an exclusion of the contract applies (R-WAR-7, R-WAR-8). Immutable.
/// </summary>
public sealed class OutOfWarrantyRepair
{
    private OutOfWarrantyRepair(bool isBillable, string reason, WarrantyAssessment assessment)
    {
        IsBillable = isBillable;
        Reason = reason;
        Assessment = assessment;
    }

    /// <summary>Decides from a warranty assessment.</summary>
    public static OutOfWarrantyRepair Decide(WarrantyAssessment assessment)
    {
        Guard.NotNull(assessment);
        var reason = assessment.IsCovered
            ? $"covered ({assessment.Status}): free repair"
            : assessment.Exclusion is { } exclusion
                ? $"billable: {exclusion.NameEn} ({exclusion.NameZh}) is excluded from the warranty"
                : $"billable: out of warranty since {WarrantyPolicy.D((assessment.LatentDefectLastDay ?? assessment.LastCoveredDay).PlusDays(1))}";
        return new OutOfWarrantyRepair(!assessment.IsCovered, reason, assessment);
    }

    /// <summary>Whether the customer pays; a quote must then be accepted before parts are replaced.</summary>
    public bool IsBillable { get; }

    /// <summary>Why, in one line.</summary>
    public string Reason { get; }

    /// <summary>The assessment decided from.</summary>
    public WarrantyAssessment Assessment { get; }

    /// <inheritdoc />
    public override string ToString() => Reason;
}
