using AfterSales.EntityFrameworkCore.Deadlines;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.Events;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Entitlements.Warranty;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// An <see cref="IDeviceRegistry"/> over EF Core (EF Core 设备质保档案), generic over the host's
/// context: one <see cref="DeviceRow"/> per serial number with the component class, the start days
/// (day numbers), the history as JSON and a version.
/// </summary>
/// <remarks>
/// <para><b>Loading</b> rebuilds the record through its own methods (create, then each replacement,
/// shelf period and relocation in recorded order), so it equals the saved one field for field.</para>
/// <para><b>Expiring warranties.</b> <see cref="ListExpiringWithinAsync"/> loads the tenant's devices of
/// the component classes the policy has terms for — the (tenant, component code) index narrows the
/// scan — and lets <see cref="WarrantyPolicy.ExpiringWithin"/> decide: the end of a warranty depends on
/// the day asked about (restarts by replacement), so it is not stored.</para>
/// <para><b>Concurrency.</b> The row's version is EF Core's concurrency token: a save from version
/// <c>n</c> updates the row only <c>WHERE version = n</c> (to <c>n + 1</c>) and a new record inserts it;
/// a stale writer gets a <see cref="ConcurrencyConflictException"/>.</para>
/// <para><b>Thread safety.</b> Thread-safe: every call uses its own context.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context.</typeparam>
public sealed class EfCoreDeviceRegistry<TContext> : IDeviceRegistry
    where TContext : DbContext
{
    // Every report reads its device (the entitlement check): compiled once, so a read skips EF Core's parameter
    // extraction and query-cache lookup. Per store, not static: EF Core runs a compiled query against one model only,
    // and one context type may be mapped for several providers.
    private readonly Func<TContext, string, string, CancellationToken, Task<DeviceRow?>> find = EF.CompileAsyncQuery(
        (TContext context, string tenantId, string serialNumber, CancellationToken _) =>
            context.Set<DeviceRow>().AsNoTracking().SingleOrDefault(d => d.TenantId == tenantId && d.SerialNumber == serialNumber));

    private readonly ContextSource<TContext> contexts;

    /// <summary>
    /// Schedules each saved device's <see cref="AfterSalesEventTypes.WarrantyExpiring"/> notice in the save's transaction;
    /// set by <c>UseEntityFrameworkCore</c> when events are formatted and a lead is configured, otherwise none.
    /// </summary>
    internal WarrantyNoticeSettings? WarrantyNotices { get; init; }

    /// <summary>Creates a registry that takes a new context from <paramref name="contextFactory"/> for every call.</summary>
    /// <param name="contextFactory">Creates the host's contexts.</param>
    public EfCoreDeviceRegistry(IDbContextFactory<TContext> contextFactory) => contexts = ContextSource<TContext>.From(contextFactory);

    /// <summary>Creates a registry that resolves the context from a new DI scope for every call (for <c>AddDbContext</c> registrations).</summary>
    /// <param name="scopeFactory">Creates the scopes.</param>
    public EfCoreDeviceRegistry(IServiceScopeFactory scopeFactory) => contexts = ContextSource<TContext>.From(scopeFactory);

    /// <inheritdoc />
    public async Task<Versioned<DeviceRecord>?> GetAsync(string tenantId, string serialNumber, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ContextSource<TContext>.Key(serialNumber, nameof(serialNumber));
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var row = await find(context, tenantId, serialNumber, cancellationToken).ConfigureAwait(false);
            return row is null ? null : new Versioned<DeviceRecord>(Rebuild(row), row.Version);
        }
    }

    /// <inheritdoc />
    public async Task<int> SaveAsync(string tenantId, DeviceRecord record, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(record);
        ContextSource<TContext>.Key(record.SerialNumber, nameof(record));
        ContextSource<TContext>.Key(record.Component.Code, nameof(record));
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        var row = new DeviceRow
        {
            TenantId = tenantId,
            SerialNumber = record.SerialNumber,
            ComponentCode = record.Component.Code,
            ComponentNameZh = record.Component.NameZh,
            ComponentNameEn = record.Component.NameEn,
            AcceptedOn = record.AcceptedOn,
            HandedOverOn = record.HandedOverOn,
            CompletedOn = record.CompletedOn,
            History = DeviceHistory.ToJson(record),
            Version = expectedVersion + 1,
            WarrantyPolicyCode = record.WarrantyPolicyCode,
            ContractId = record.ContractId,
            ServiceCentreId = record.ServiceCentreId,
            Model = record.Model,
            Grade = record.Grade,
        };
        // The warranty's notice moves with the device (R-IN-2), in the same transaction.
        var notice = WarrantyNotices is { } w
            ? DueNotices.ForDevice(tenantId, record, w.Policies.Find(record.WarrantyPolicyCode ?? w.DefaultPolicyCode), w.Lead, w.Clock.GetCurrentInstant())
            : null;
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            // The device and the installed base it counts in change together (R-SP-1).
            // Behind every other write on SQLite (see SqliteWriter).
            var version = await SqliteWriter.InTransactionAsync(
                context,
                async (transaction, ct) =>
                {
                    var serial = record.SerialNumber;
                    var previous = expectedVersion == 0
                        ? null
                        : await context.Set<DeviceRow>().AsNoTracking()
                            .Where(d => d.TenantId == tenantId && d.SerialNumber == serial)
                            .Select(static d => new { d.ServiceCentreId, d.Model })
                            .FirstOrDefaultAsync(ct)
                            .ConfigureAwait(false);
                    VersionedRows.Stage(context, row, expectedVersion);

                    try
                    {
                        await context.SaveChangesAsync(ct).ConfigureAwait(false);
                        if (previous?.ServiceCentreId != row.ServiceCentreId || previous?.Model != row.Model)
                        {
                            await StockPositionRows.CountDeviceAsync(context, tenantId, previous?.ServiceCentreId, previous?.Model, -1, ct).ConfigureAwait(false);
                            await StockPositionRows.CountDeviceAsync(context, tenantId, row.ServiceCentreId, row.Model, +1, ct).ConfigureAwait(false);
                        }

                        if (notice is not null)
                        {
                            await DueNoticeWrites.WriteAsync(context, [notice], WarrantyNotices!.Formatter, ct).ConfigureAwait(false);
                        }

                        await transaction.CommitAsync(ct).ConfigureAwait(false);
                        return row.Version;
                    }
                    catch (DbUpdateException ex)
                    {
                        context.ChangeTracker.Clear();
                        await transaction.RollbackAsync(ct).ConfigureAwait(false);
                        var actual = await context.Set<DeviceRow>()
                            .AsNoTracking()
                            .Where(d => d.TenantId == tenantId && d.SerialNumber == serial)
                            .Select(static d => d.Version)
                            .FirstOrDefaultAsync(ct)
                            .ConfigureAwait(false);
                        if (ex is DbUpdateConcurrencyException || actual != expectedVersion)
                        {
                            throw new ConcurrencyConflictException("device record", record.SerialNumber, expectedVersion, actual);
                        }

                        throw;
                    }
                },
                cancellationToken).ConfigureAwait(false);
            WarrantyNotices?.Signals?.DeadlineStored(notice?.Event?.OccurredAt);
            return version;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WarrantyAssessment>> ListExpiringWithinAsync(
        string tenantId, WarrantyPolicy policy, LocalDate from, Period? window = null, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(policy);
        var codes = policy.Terms.Select(static t => t.Component.Code).Distinct(StringComparer.Ordinal).ToList();
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var rows = await context.Set<DeviceRow>()
                .AsNoTracking()
                .Where(d => d.TenantId == tenantId && codes.Contains(d.ComponentCode))
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return policy.ExpiringWithin(rows.Select(Rebuild), from, window);
        }
    }

    private static DeviceRecord Rebuild(DeviceRow row)
    {
        var record = DeviceRecord.Create(
            row.SerialNumber,
            new ComponentClass(row.ComponentCode, row.ComponentNameZh, row.ComponentNameEn),
            row.AcceptedOn,
            row.HandedOverOn,
            row.CompletedOn)
            .WithContract(row.WarrantyPolicyCode, row.ContractId)
            .WithServiceCentre(row.ServiceCentreId)
            .WithModel(row.Model, row.Grade);
        return DeviceHistory.Apply(record, row.History);
    }
}

/// <summary>What a device registry needs to schedule warranty notices: the policies that assess devices, the lead, the clock and the formatter.</summary>
internal sealed record WarrantyNoticeSettings(WarrantyPolicyCatalog Policies, string? DefaultPolicyCode, Period Lead, IClock Clock, IEventFormatter Formatter, EventSignals? Signals);
