using AfterSales.Entitlements.Warranty;
using AfterSales.Events;
using AfterSales.Internal;

namespace AfterSales.Entitlements.Spares;

/// <summary>
/// An <see cref="IReplenishmentStore"/> over the in-memory ledger store and device registry (内存备件补充存储),
/// for embedding and tests: it reads their contents and keeps the runs. Thread-safe with one lock. Given an event log and
/// a formatter, a centre's run stored now with orders appends its <see cref="AfterSalesEventTypes.ReplenishmentOrdered"/>
/// (<see cref="AggregateDomainEvents.ForReplenishmentRun"/>) under the same lock.
/// </summary>
public sealed class InMemoryReplenishmentStore : IReplenishmentStore
{
    private readonly Lock gate = new();
    private readonly InMemoryStockLedgerStore ledgers;
    private readonly InMemoryDeviceRegistry devices;
    private readonly InMemoryEventLog? log;
    private readonly IEventFormatter? formatter;
    private readonly EventSignals? signals;
    private readonly Dictionary<(string Tenant, YearMonth Month, string Centre), ReplenishmentCentreRun> runs = [];

    /// <summary>Creates the store over the in-memory ledgers and registry.</summary>
    /// <param name="ledgers">The stock ledgers the runs read.</param>
    /// <param name="devices">The registry the installed base is counted from.</param>
    /// <param name="log">Where stored runs append their domain events; none when <see langword="null"/>.</param>
    /// <param name="formatter">Formats the appended events; none are appended without it.</param>
    /// <param name="signals">Wakes this process's dispatcher after a save; optional.</param>
    public InMemoryReplenishmentStore(
        InMemoryStockLedgerStore ledgers, InMemoryDeviceRegistry devices, InMemoryEventLog? log = null, IEventFormatter? formatter = null, EventSignals? signals = null)
    {
        this.ledgers = Guard.NotNull(ledgers);
        this.devices = Guard.NotNull(devices);
        this.log = log;
        this.formatter = formatter;
        this.signals = signals;
    }

    /// <inheritdoc />
    public Task<StockPositions> LoadPositionsAsync(string tenantId, Instant asOf, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        var stock = ledgers.Snapshot(tenantId);
        var installed = devices.Snapshot(tenantId)
            .Where(static d => d.ServiceCentreId is not null && d.Model is not null)
            .GroupBy(static d => (Centre: d.ServiceCentreId!, Model: d.Model!))
            .ToDictionary(static g => g.Key, static g => g.Count());
        var centres = stock.Select(static l => l.CentreId).Concat(installed.Keys.Select(static k => k.Centre)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var parts = stock.Select(static l => l.PartNumber).Concat(installed.Keys.Select(static k => k.Model)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var builder = StockPositions.CreateBuilder(centres, parts);
        foreach (var ledger in stock)
        {
            builder.SetOnHand(ledger, asOf);
        }

        foreach (var ((centre, model), units) in installed)
        {
            builder.SetInstalledBase(centre, model, units);
        }

        return Task.FromResult(builder.Build());
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReplenishmentCentreRun>> ListRunsAsync(string tenantId, YearMonth month, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<ReplenishmentCentreRun> list =
            [
                .. runs.Where(p => string.Equals(p.Key.Tenant, tenantId, StringComparison.Ordinal) && p.Key.Month == month)
                    .Select(static p => ReplenishmentCentreRun.Summary(p.Value.Month, p.Value.CentreId, p.Value.RanAt, p.Value.CellsChecked, p.Value.OrderCount, p.Value.TotalUnits))
                    .OrderBy(static r => r.CentreId, StringComparer.Ordinal),
            ];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<ReplenishmentCentreRun?> FindRunAsync(string tenantId, YearMonth month, string centreId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(runs.GetValueOrDefault((tenantId, month, centreId)));
        }
    }

    /// <inheritdoc />
    public Task<int> SaveRunsAsync(string tenantId, IReadOnlyList<ReplenishmentCentreRun> runs, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(runs);
        var stored = 0;
        var appended = 0;
        lock (gate)
        {
            foreach (var run in runs)
            {
                if (this.runs.TryAdd((tenantId, run.Month, run.CentreId), run))
                {
                    stored++;
                    if (log is not null && formatter is not null)
                    {
                        appended += log.Append(AggregateDomainEvents.ForReplenishmentRun(tenantId, run), formatter);
                    }
                }
            }
        }

        if (appended > 0)
        {
            signals?.EventsStored();
        }

        return Task.FromResult(stored);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StockReportLine>> ReportAsync(string tenantId, string centreId, Interval month, int offset, int limit, CancellationToken cancellationToken = default)
    {
        var centre = ledgers.Snapshot(tenantId).Where(l => string.Equals(l.CentreId, centreId, StringComparison.Ordinal)).ToList();
        IReadOnlyList<StockReportLine> lines =
        [
            .. centre.OrderBy(static l => l.PartNumber, StringComparer.Ordinal).Skip(offset).Take(limit).Select(l => StockReportLine.Of(l, month)),
        ];
        return Task.FromResult(lines);
    }
}
