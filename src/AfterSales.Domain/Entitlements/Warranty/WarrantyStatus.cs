namespace AfterSales.Entitlements.Warranty;

/// <summary>Where a device stands against its warranty on a given day.</summary>
public enum WarrantyStatus
{
    /// <summary>
    /// Before the warranty starts (e.g. before acceptance): the works are still the contractor's
    /// responsibility under the delivery contract, so repairs are not billable.
    /// </summary>
    NotStarted,

    /// <summary>Within the warranty (质保期内): repairs are free unless an exclusion applies.</summary>
    InWarranty,

    /// <summary>
    /// After the warranty, within the latent-defect window (潜在缺陷保证期, R-WAR-4): design, material
    /// and workmanship defects not found before are still replaced free.
    /// </summary>
    LatentDefectPeriod,

    /// <summary>Past every window (保修期外): repairs are paid (R-WAR-8).</summary>
    OutOfWarranty,
}
