namespace AfterSales.Entitlements.Warranty;

/// <summary>An <see cref="IDeviceRepairLog"/> that knows no repairs: for a ticket store that keeps no repair log, so no obligation is raised.</summary>
internal sealed class NoDeviceRepairs : IDeviceRepairLog
{
    public static NoDeviceRepairs Instance { get; } = new();

    public Task<IReadOnlyList<DeviceRepair>> ListRepairsAsync(string tenantId, string serialNumber, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DeviceRepair>>([]);
}
