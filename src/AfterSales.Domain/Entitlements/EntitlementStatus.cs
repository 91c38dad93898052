namespace AfterSales.Entitlements;

/// <summary>What the entitlement check at report decided for a work order (保修判定结果), R-WO-1.</summary>
public enum EntitlementStatus
{
    /// <summary>The device is registered and its warranty covers the fault: free repair (保修范围内).</summary>
    Covered,

    /// <summary>The device is registered and out of warranty, or an exclusion applies: paid work (有偿维修, R-WAR-8).</summary>
    Billable,

    /// <summary>The serial number is not in the device registry: the report is accepted and marked, not assessed (设备未登记).</summary>
    UnknownDevice,

    /// <summary>The device is registered, but no warranty policy judges it (none recorded or none for its component class): not assessed.</summary>
    NotAssessed,
}
