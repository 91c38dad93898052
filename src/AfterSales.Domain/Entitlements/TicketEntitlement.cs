using AfterSales.Entitlements.Warranty;

namespace AfterSales.Entitlements;

/// <summary>
/// The entitlement check a work order records at report (报障时的保修判定), R-WO-1: whether the device
/// is registered, which warranty policy judged it, its warranty status on the day of the fault, whether
/// the work is billable, and what the contract asks of the work (a data backup before on-site changes,
/// R-WO-7) — with the reasons, one per line, that a person can check. Kept in the report event, so the
/// ticket shows what was decided then, whatever the registry says later.
/// </summary>
/// <remarks>Immutable; value equality (the reasons compare element by element).</remarks>
public sealed record TicketEntitlement
{
    /// <summary>The decision.</summary>
    public required EntitlementStatus Status { get; init; }

    /// <summary>The code of the warranty policy that judged the device, if one did.</summary>
    public string? WarrantyPolicyCode { get; init; }

    /// <summary>The device's warranty status on <see cref="AssessedOn"/>, if assessed.</summary>
    public WarrantyStatus? WarrantyStatus { get; init; }

    /// <summary>The contract day the warranty was assessed on: the day the fault occurred (or was reported), in the policy's zone.</summary>
    public LocalDate? AssessedOn { get; init; }

    /// <summary>The device's last day in warranty (inclusive), if assessed.</summary>
    public LocalDate? LastCoveredDay { get; init; }

    /// <summary>The contract the device was delivered under: the id of the price list its paid work is quoted from (R-WAR-8).</summary>
    public string? ContractId { get; init; }

    /// <summary>The service centre that serves the device, if registered.</summary>
    public string? ServiceCentreId { get; init; }

    /// <summary>The device's model (a part number), if registered.</summary>
    public string? Model { get; init; }

    /// <summary>The device's grade, if registered: a loaner must be of the same or a better grade (R-SP-5).</summary>
    public int? Grade { get; init; }

    /// <summary>Whether the contract asks for the customer's data to be backed up before on-site changes (R-WO-7).</summary>
    public bool DataBackupRequired { get; init; }

    /// <summary>How the decision was reached, one step per line.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>Whether the customer pays: <see cref="EntitlementStatus.Billable"/>.</summary>
    public bool IsBillable => Status == EntitlementStatus.Billable;

    /// <summary>Whether the serial number was found in the registry.</summary>
    public bool IsDeviceKnown => Status != EntitlementStatus.UnknownDevice;

    /// <inheritdoc />
    public bool Equals(TicketEntitlement? other) =>
        other is not null
        && Status == other.Status
        && string.Equals(WarrantyPolicyCode, other.WarrantyPolicyCode, StringComparison.Ordinal)
        && WarrantyStatus == other.WarrantyStatus
        && AssessedOn == other.AssessedOn
        && LastCoveredDay == other.LastCoveredDay
        && string.Equals(ContractId, other.ContractId, StringComparison.Ordinal)
        && string.Equals(ServiceCentreId, other.ServiceCentreId, StringComparison.Ordinal)
        && string.Equals(Model, other.Model, StringComparison.Ordinal)
        && Grade == other.Grade
        && DataBackupRequired == other.DataBackupRequired
        && Reasons.SequenceEqual(other.Reasons, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Status, WarrantyPolicyCode, WarrantyStatus, AssessedOn, ContractId, Reasons.Count);

    /// <inheritdoc />
    public override string ToString() => $"{Status}: {string.Join("; ", Reasons)}";
}
