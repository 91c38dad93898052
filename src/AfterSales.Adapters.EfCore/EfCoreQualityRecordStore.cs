using System.Linq.Expressions;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Quality.Reporting;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// An <see cref="IQualityRecordStore"/> over EF Core (EF Core 工单质量记录存储), generic over the host's
/// context: one row per survey (keyed by work order), callback and shipment (keyed by id).
/// </summary>
/// <remarks>
/// <para><b>Appends only.</b> A record is inserted once; a second survey of a work order, or a callback
/// or shipment with an id already used, hits the key and is a <see cref="ConcurrencyConflictException"/>.</para>
/// <para><b>Thread safety.</b> Thread-safe: every call uses its own context.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context.</typeparam>
public sealed class EfCoreQualityRecordStore<TContext> : IQualityRecordStore
    where TContext : DbContext
{
    private readonly ContextSource<TContext> contexts;

    /// <summary>Creates a store that takes a new context from <paramref name="contextFactory"/> for every call.</summary>
    /// <param name="contextFactory">Creates the host's contexts.</param>
    public EfCoreQualityRecordStore(IDbContextFactory<TContext> contextFactory) => contexts = ContextSource<TContext>.From(contextFactory);

    /// <summary>Creates a store that resolves the context from a new DI scope for every call (for <c>AddDbContext</c> registrations).</summary>
    /// <param name="scopeFactory">Creates the scopes.</param>
    public EfCoreQualityRecordStore(IServiceScopeFactory scopeFactory) => contexts = ContextSource<TContext>.From(scopeFactory);

    /// <inheritdoc />
    public Task AddSurveyAsync(string tenantId, SatisfactionSurvey survey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var id = survey.WorkOrderId;
        return InsertAsync(tenantId, "survey", id, QualityRows.From(tenantId, survey), r => r.TenantId == tenantId && r.WorkOrderId == id, cancellationToken);
    }

    /// <inheritdoc />
    public Task AddCallbackAsync(string tenantId, CustomerCallback callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ContextSource<TContext>.Key(callback.WorkOrderId, nameof(callback));
        var id = callback.Id;
        return InsertAsync(tenantId, "callback", id, QualityRows.From(tenantId, callback), r => r.TenantId == tenantId && r.Id == id, cancellationToken);
    }

    /// <inheritdoc />
    public Task AddShipmentAsync(string tenantId, PartsShipment shipment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        ContextSource<TContext>.Key(shipment.WorkOrderId, nameof(shipment));
        var id = shipment.ShipmentId;
        return InsertAsync(tenantId, "parts shipment", id, QualityRows.From(tenantId, shipment), r => r.TenantId == tenantId && r.Id == id, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<WorkOrderRecords> ListForWorkOrderAsync(string tenantId, string workOrderId, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ContextSource<TContext>.Key(workOrderId, nameof(workOrderId));
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var survey = await context.Set<QualitySurveyRow>().AsNoTracking()
                .SingleOrDefaultAsync(s => s.TenantId == tenantId && s.WorkOrderId == workOrderId, cancellationToken).ConfigureAwait(false);
            var callbacks = await context.Set<QualityCallbackRow>().AsNoTracking()
                .Where(c => c.TenantId == tenantId && c.WorkOrderId == workOrderId).ToListAsync(cancellationToken).ConfigureAwait(false);
            var shipments = await context.Set<QualityShipmentRow>().AsNoTracking()
                .Where(s => s.TenantId == tenantId && s.WorkOrderId == workOrderId).ToListAsync(cancellationToken).ConfigureAwait(false);
            return new WorkOrderRecords(
                survey is null ? null : QualityRows.ToSurvey(survey),
                callbacks.Select(QualityRows.ToCallback).OrderBy(static c => c.CalledAt).ThenBy(static c => c.Id, StringComparer.Ordinal),
                shipments.Select(QualityRows.ToShipment).OrderBy(static s => s.ShippedOn).ThenBy(static s => s.ShipmentId, StringComparer.Ordinal));
        }
    }

    private async Task InsertAsync<TRow>(string tenantId, string what, string id, TRow row, Expression<Func<TRow, bool>> sameKey, CancellationToken cancellationToken)
        where TRow : class
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ContextSource<TContext>.Key(id, nameof(id));
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            context.Add(row);
            try
            {
                await SqliteWriter.RunAsync(context, ct => context.SaveChangesAsync(ct), cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                context.ChangeTracker.Clear();
                if (await context.Set<TRow>().AsNoTracking().AnyAsync(sameKey, cancellationToken).ConfigureAwait(false))
                {
                    throw new ConcurrencyConflictException(what, id, 0, 1);
                }

                throw;
            }
        }
    }
}
