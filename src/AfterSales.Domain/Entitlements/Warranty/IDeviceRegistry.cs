using AfterSales.WorkOrders;

namespace AfterSales.Entitlements.Warranty;

/// <summary>
/// Where warranty records of devices and parts live (设备质保档案), per tenant and serial number, saved
/// whole with optimistic concurrency: every save of a record raises its stored version by one. A
/// port: <see cref="InMemoryDeviceRegistry"/> is the default for embedding and tests; adapters
/// implement it over a database.
/// </summary>
/// <remarks>Implementations must be thread-safe; a save is atomic.</remarks>
public interface IDeviceRegistry
{
    /// <summary>The record of <paramref name="serialNumber"/> with its stored version, or <see langword="null"/> when the tenant has none.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="serialNumber">The serial number.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <exception cref="ArgumentException">A blank argument.</exception>
    Task<Versioned<DeviceRecord>?> GetAsync(string tenantId, string serialNumber, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="record"/> if its stored version is still <paramref name="expectedVersion"/>.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="record">The record as it is now.</param>
    /// <param name="expectedVersion">The version it was loaded at (<see cref="Versioned{T}.Version"/>); 0 for a new record.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The new stored version: <paramref name="expectedVersion"/> + 1.</returns>
    /// <exception cref="ConcurrencyConflictException">The stored version is not <paramref name="expectedVersion"/>; nothing was stored.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    Task<int> SaveAsync(string tenantId, DeviceRecord record, int expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// The tenant's devices under <paramref name="policy"/> — those whose component class the contract
    /// has a term for — that are in warranty on <paramref name="from"/> and whose warranty ends within
    /// <paramref name="window"/>: <see cref="WarrantyPolicy.ExpiringWithin"/> over them (R-IN-2).
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="policy">The contract's warranty policy.</param>
    /// <param name="from">The day, in the policy's zone.</param>
    /// <param name="window">How far ahead; by default <see cref="WarrantyPolicy.PreExpiryWindow"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The assessments, by last covered day, then serial number.</returns>
    /// <exception cref="ArgumentException">A blank tenant.</exception>
    Task<IReadOnlyList<WarrantyAssessment>> ListExpiringWithinAsync(
        string tenantId, WarrantyPolicy policy, LocalDate from, Period? window = null, CancellationToken cancellationToken = default);
}
