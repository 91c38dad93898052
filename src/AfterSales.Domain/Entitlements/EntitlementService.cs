using AfterSales.Entitlements.Warranty;
using AfterSales.Internal;

namespace AfterSales.Entitlements;

/// <summary>
/// The entitlement use cases a work order needs (保修服务): the check at report, from the device
/// registry and the warranty policies. Registered by <c>AddAfterSales</c>; <c>TicketService</c> calls it
/// when <c>AfterSalesOptions.CheckEntitlementAtReport</c> is on.
/// </summary>
/// <remarks>Thread-safe when its registry is. One registry read per report (a key lookup).</remarks>
public sealed class EntitlementService
{
    private readonly IDeviceRegistry devices;
    private readonly WarrantyPolicyCatalog policies;
    private readonly string? defaultWarrantyPolicyCode;

    /// <summary>Creates the service.</summary>
    /// <param name="devices">The device registry.</param>
    /// <param name="policies">The warranty policies by code.</param>
    /// <param name="defaultWarrantyPolicyCode">The policy for devices that name none, if any.</param>
    public EntitlementService(IDeviceRegistry devices, WarrantyPolicyCatalog policies, string? defaultWarrantyPolicyCode = null)
    {
        this.devices = Guard.NotNull(devices);
        this.policies = Guard.NotNull(policies);
        this.defaultWarrantyPolicyCode = defaultWarrantyPolicyCode;
    }

    /// <summary>The warranty policies this service judges by.</summary>
    public WarrantyPolicyCatalog Policies => policies;

    /// <summary>The registry devices are looked up in.</summary>
    public IDeviceRegistry Devices => devices;

    /// <summary>The warranty policy that judges <paramref name="device"/>: its own, else the default; <see langword="null"/> when none is known.</summary>
    public WarrantyPolicy? PolicyFor(DeviceRecord device) =>
        policies.Find(Guard.NotNull(device).WarrantyPolicyCode ?? defaultWarrantyPolicyCode);

    /// <summary>
    /// The entitlement of a fault on <paramref name="serialNumber"/> that occurred at
    /// <paramref name="faultAt"/>: <see cref="EntitlementCheck.Assess"/> of the registered device under its policy.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="serialNumber">The serial number reported.</param>
    /// <param name="faultAt">When the fault occurred (or was reported).</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    public async Task<TicketEntitlement> AssessAsync(string tenantId, string serialNumber, Instant faultAt, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        var found = Identifier.IsValid(serialNumber)
            ? await devices.GetAsync(tenantId, serialNumber, cancellationToken).ConfigureAwait(false)
            : null;
        var device = found?.Value;
        return EntitlementCheck.Assess(serialNumber, device, device is null ? null : PolicyFor(device), faultAt);
    }
}
