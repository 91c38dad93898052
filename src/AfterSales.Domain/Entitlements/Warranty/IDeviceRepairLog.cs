namespace AfterSales.Entitlements.Warranty;

/// <summary>
/// The repairs a device's work orders recorded (设备维修记录), R-WAR-6: every resolve of every cycle of
/// every work order on the serial number, oldest first. A read port the ticket stores implement over
/// the tickets they keep (<c>InMemoryTicketStore</c>, the EF Core store), so the repair history is fed
/// by the tickets and cannot disagree with them.
/// </summary>
public interface IDeviceRepairLog
{
    /// <summary>The repairs recorded on <paramref name="serialNumber"/>, oldest first.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="serialNumber">The device.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<DeviceRepair>> ListRepairsAsync(string tenantId, string serialNumber, CancellationToken cancellationToken = default);
}
