using AfterSales.Internal;
using AfterSales.WorkOrders;

namespace AfterSales.Entitlements.Warranty;

/// <summary>
/// An <see cref="IDeviceRegistry"/> in memory (内存设备质保档案), for embedding and tests. Thread-safe
/// with one lock; the version check and the store happen under it, so of two writers saving from the
/// same version exactly one wins and the other gets a <see cref="ConcurrencyConflictException"/>.
/// Records are immutable, so callers cannot change what is stored.
/// </summary>
public sealed class InMemoryDeviceRegistry : IDeviceRegistry
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Tenant, string Serial), Versioned<DeviceRecord>> devices = [];

    /// <inheritdoc />
    public Task<Versioned<DeviceRecord>?> GetAsync(string tenantId, string serialNumber, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotBlank(serialNumber);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return Task.FromResult(devices.GetValueOrDefault((tenantId, serialNumber)));
        }
    }

    /// <summary>The tenant's records as they are now, for the in-memory replenishment store.</summary>
    internal IReadOnlyList<DeviceRecord> Snapshot(string tenantId)
    {
        lock (gate)
        {
            return [.. devices.Where(p => string.Equals(p.Key.Tenant, tenantId, StringComparison.Ordinal)).Select(static p => p.Value.Value)];
        }
    }

    /// <summary>The installed base of a centre for a model: the tenant's devices registered there, for the stock target (R-SP-1).</summary>
    internal int InstalledBase(string tenantId, string centreId, string model)
    {
        lock (gate)
        {
            return devices.Count(p => string.Equals(p.Key.Tenant, tenantId, StringComparison.Ordinal)
                && string.Equals(p.Value.Value.ServiceCentreId, centreId, StringComparison.Ordinal)
                && string.Equals(p.Value.Value.Model, model, StringComparison.Ordinal));
        }
    }

    /// <inheritdoc />
    public Task<int> SaveAsync(string tenantId, DeviceRecord record, int expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(record);
        Guard.NotNegative(expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();
        var key = (tenantId, record.SerialNumber);
        lock (gate)
        {
            var actual = devices.TryGetValue(key, out var stored) ? stored.Version : 0;
            if (actual != expectedVersion)
            {
                throw new ConcurrencyConflictException("device record", record.SerialNumber, expectedVersion, actual);
            }

            devices[key] = new Versioned<DeviceRecord>(record, expectedVersion + 1);
            return Task.FromResult(expectedVersion + 1);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WarrantyAssessment>> ListExpiringWithinAsync(
        string tenantId, WarrantyPolicy policy, LocalDate from, Period? window = null, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(policy);
        cancellationToken.ThrowIfCancellationRequested();
        List<DeviceRecord> records;
        lock (gate)
        {
            records =
            [
                .. devices
                    .Where(p => string.Equals(p.Key.Tenant, tenantId, StringComparison.Ordinal) && policy.TermFor(p.Value.Value.Component) is not null)
                    .Select(static p => p.Value.Value),
            ];
        }

        return Task.FromResult(policy.ExpiringWithin(records, from, window));
    }

    /// <summary>The tenant's serial numbers, for the in-memory quality snapshot.</summary>
    internal List<string> Serials(string tenantId)
    {
        lock (gate)
        {
            return [.. devices.Keys.Where(k => k.Tenant == tenantId).Select(static k => k.Serial)];
        }
    }
}
