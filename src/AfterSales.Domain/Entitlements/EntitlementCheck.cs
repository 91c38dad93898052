using AfterSales.Entitlements.Quotes;
using AfterSales.Entitlements.Warranty;
using AfterSales.Internal;

namespace AfterSales.Entitlements;

/// <summary>
/// The entitlement check at report (报障保修判定), R-WO-1 ("whether it is in warranty, checked first"):
/// the registered device judged by its warranty policy on the day the fault occurred. A pure function;
/// <see cref="EntitlementService"/> looks the device and the policy up.
/// </summary>
public static class EntitlementCheck
{
    /// <summary>Assesses the device <paramref name="serialNumber"/> for a fault that occurred at <paramref name="faultAt"/>.</summary>
    /// <param name="serialNumber">The serial number reported.</param>
    /// <param name="device">The registered record, or <see langword="null"/> when the registry has none: accepted and marked <see cref="EntitlementStatus.UnknownDevice"/>.</param>
    /// <param name="policy">The warranty policy that judges the device, or <see langword="null"/> when none is known: <see cref="EntitlementStatus.NotAssessed"/>.</param>
    /// <param name="faultAt">When the fault occurred (or was reported, when that is not known).</param>
    /// <returns>The decision with its reasons.</returns>
    public static TicketEntitlement Assess(string serialNumber, DeviceRecord? device, WarrantyPolicy? policy, Instant faultAt)
    {
        Guard.NotBlank(serialNumber);
        if (device is null)
        {
            return new TicketEntitlement
            {
                Status = EntitlementStatus.UnknownDevice,
                Reasons = [$"device {serialNumber} is not in the device registry: the report is accepted without a warranty check (R-WO-1); register the device to have its warranty assessed, or quote the work"],
            };
        }

        var registered = new TicketEntitlement
        {
            Status = EntitlementStatus.NotAssessed,
            ContractId = device.ContractId,
            ServiceCentreId = device.ServiceCentreId,
            Model = device.Model,
            Grade = device.Grade,
        };
        if (policy is null)
        {
            return registered with
            {
                Reasons = [device.WarrantyPolicyCode is { } code
                    ? $"device {serialNumber} names warranty policy '{code}', which is not known: not assessed"
                    : $"device {serialNumber} names no warranty policy, and there is no default: not assessed"],
            };
        }

        if (policy.TermFor(device.Component) is null)
        {
            return registered with
            {
                WarrantyPolicyCode = policy.Code,
                DataBackupRequired = policy.RequiresDataBackup,
                Reasons = [$"warranty policy '{policy.Code}' has no term for {device.Component}: not assessed"],
            };
        }

        var on = policy.DateOf(faultAt);
        var assessment = policy.Evaluate(device, on);
        var decision = OutOfWarrantyRepair.Decide(assessment);
        return registered with
        {
            Status = decision.IsBillable ? EntitlementStatus.Billable : EntitlementStatus.Covered,
            WarrantyPolicyCode = policy.Code,
            WarrantyStatus = assessment.Status,
            AssessedOn = on,
            LastCoveredDay = assessment.LastCoveredDay,
            DataBackupRequired = policy.RequiresDataBackup,
            Reasons = [.. assessment.Reasons, decision.Reason, .. policy.RequiresDataBackup
                ? ["contract asks for the customer's data to be backed up before on-site changes (R-WO-7)"]
                : Array.Empty<string>()],
        };
    }
}
