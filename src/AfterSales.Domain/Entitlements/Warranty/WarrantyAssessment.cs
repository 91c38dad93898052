namespace AfterSales.Entitlements.Warranty;

/// <summary>
/// The answer of <see cref="WarrantyPolicy.Evaluate(DeviceRecord, LocalDate, IEnumerable{WarrantyExclusion}?)"/>
/// for one device on one day: its status, whether a repair is covered, the covering term and its
/// dates, and the reasons, one per line, that a person can check. Immutable.
/// </summary>
public sealed class WarrantyAssessment
{
    internal WarrantyAssessment(
        string serialNumber, LocalDate on, WarrantyStatus status, WarrantyTerm term, LocalDate startsOn, LocalDate lastCoveredDay,
        LocalDate? latentDefectLastDay, WarrantyExclusion? exclusion, DeviceReplacement? restartedBy, IReadOnlyList<string> reasons,
        IReadOnlyList<DeviceRelocation> relocations)
    {
        Relocations = relocations;
        SerialNumber = serialNumber;
        On = on;
        Status = status;
        Term = term;
        StartsOn = startsOn;
        LastCoveredDay = lastCoveredDay;
        LatentDefectLastDay = latentDefectLastDay;
        Exclusion = exclusion;
        RestartedBy = restartedBy;
        Reasons = reasons;
    }

    /// <summary>The device's serial number.</summary>
    public string SerialNumber { get; }

    /// <summary>The day evaluated.</summary>
    public LocalDate On { get; }

    /// <summary>The status on <see cref="On"/>.</summary>
    public WarrantyStatus Status { get; }

    /// <summary>
    /// Whether a repair on <see cref="On"/> is free: before the start, in warranty, or in the
    /// latent-defect window, and no exclusion of the contract applies. In the latent-defect window
    /// only design, material and workmanship defects are covered; the engineer's finding decides.
    /// </summary>
    public bool IsCovered => Status != WarrantyStatus.OutOfWarranty && Exclusion is null;

    /// <summary>The covering term (the one for the device's component class).</summary>
    public WarrantyTerm Term { get; }

    /// <summary>The first day of the current warranty (after any restart).</summary>
    public LocalDate StartsOn { get; }

    /// <summary>The last day in warranty (inclusive), after restarts and shelf suspension.</summary>
    public LocalDate LastCoveredDay { get; }

    /// <summary>The last day of the latent-defect window (inclusive), if the term has one.</summary>
    public LocalDate? LatentDefectLastDay { get; }

    /// <summary>The exclusion that makes the repair billable, if one applies.</summary>
    public WarrantyExclusion? Exclusion { get; }

    /// <summary>The replacement that restarted the warranty, if one did (R-WAR-3).</summary>
    public DeviceReplacement? RestartedBy { get; }

    /// <summary>The relocations up to <see cref="On"/> the assessment read: each kept the warranty (R-WAR-10).</summary>
    public IReadOnlyList<DeviceRelocation> Relocations { get; }

    /// <summary>How the status was reached, one step per line.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>The reasons on one line.</summary>
    public string Reason => string.Join("; ", Reasons);

    /// <inheritdoc />
    public override string ToString() => $"{SerialNumber}: {Status} on {On:uuuu-MM-dd} — {Reason}";
}
