using AfterSales.Events;
using AfterSales.Internal;
using AfterSales.WorkOrders;

namespace AfterSales.Entitlements.Spares;

/// <summary>
/// An <see cref="IStockLedgerStore"/> in memory (内存备件台账存储), for embedding and tests. Thread-safe
/// with one lock; the version check and the append happen under it, so of two writers saving from
/// the same version exactly one wins and the other gets a <see cref="ConcurrencyConflictException"/>.
/// Ledgers are immutable, so callers cannot change what is stored. Given an event log and a formatter, a
/// save appends its events (<see cref="AggregateDomainEvents.ForStockSave"/> and, given a <see cref="StockTarget"/>,
/// <see cref="AggregateDomainEvents.ForStockTarget"/>) under the same lock.
/// </summary>
/// <param name="log">Where saves append their domain events; none when <see langword="null"/>.</param>
/// <param name="formatter">Formats the appended events; none are appended without it.</param>
/// <param name="signals">Wakes this process's dispatcher after a save; optional.</param>
public sealed class InMemoryStockLedgerStore(InMemoryEventLog? log = null, IEventFormatter? formatter = null, EventSignals? signals = null) : IStockLedgerStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Tenant, string Centre, string Part), StockLedger> ledgers = [];

    /// <summary>
    /// The target (R-SP-1) each save's movements are checked against, with the installed base <see cref="Devices"/> counts:
    /// a movement that takes the stock from at or above it to below it appends an <see cref="AfterSalesEventTypes.StockBelowTarget"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: no such events (<c>AddAfterSales</c> sets <c>AfterSalesOptions.StockTarget</c>).</value>
    public ReplenishmentPolicy? StockTarget { get; init; }

    /// <summary>The registry the installed base is counted from (devices of the centre whose model is the part number); none counted when <see langword="null"/>.</summary>
    /// <value>The default value is <see langword="null"/>: an installed base of 0, so only a target's minimum applies.</value>
    public Warranty.InMemoryDeviceRegistry? Devices { get; init; }

    /// <inheritdoc />
    public Task<StockLedger> LoadAsync(string tenantId, string centreId, string partNumber, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotBlank(centreId);
        Guard.NotBlank(partNumber);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return Task.FromResult(ledgers.TryGetValue((tenantId, centreId, partNumber), out var ledger) ? ledger : StockLedger.Open(centreId, partNumber));
        }
    }

    /// <summary>The tenant's ledgers as they are now, for <see cref="InMemoryReplenishmentStore"/>.</summary>
    internal IReadOnlyList<StockLedger> Snapshot(string tenantId)
    {
        lock (gate)
        {
            return [.. ledgers.Where(p => string.Equals(p.Key.Tenant, tenantId, StringComparison.Ordinal)).Select(static p => p.Value)];
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(string tenantId, StockLedger ledger, int expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(ledger);
        if (expectedVersion < 0 || expectedVersion > ledger.Version)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion,
                $"expectedVersion must be 0 to the ledger's version {ledger.Version}, was {expectedVersion}.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (expectedVersion == ledger.Version)
        {
            // Nothing to append: as the EF Core store, nothing is stored (an empty ledger stays unknown).
            return Task.CompletedTask;
        }

        var key = (tenantId, ledger.CentreId, ledger.PartNumber);
        lock (gate)
        {
            var actual = ledgers.TryGetValue(key, out var stored) ? stored.Version : 0;
            if (actual != expectedVersion)
            {
                throw new ConcurrencyConflictException("stock ledger", $"{ledger.CentreId}/{ledger.PartNumber}", expectedVersion, actual);
            }

            ledgers[key] = ledger;
            if (log is not null && formatter is not null && log.Append(Events(tenantId, ledger, expectedVersion), formatter) > 0)
            {
                signals?.EventsStored();
            }
        }

        return Task.CompletedTask;
    }

    private IReadOnlyList<DomainEvent> Events(string tenantId, StockLedger ledger, int expectedVersion)
    {
        var moved = AggregateDomainEvents.ForStockSave(tenantId, ledger, expectedVersion);
        if (StockTarget is null)
        {
            return moved;
        }

        var installed = Devices?.InstalledBase(tenantId, ledger.CentreId, ledger.PartNumber) ?? 0;
        var below = AggregateDomainEvents.ForStockTarget(tenantId, ledger, expectedVersion, installed, StockTarget);
        return below.Count == 0 ? moved : [.. moved, .. below];
    }
}
