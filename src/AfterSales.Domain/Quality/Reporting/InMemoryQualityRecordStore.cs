using AfterSales.Internal;
using AfterSales.WorkOrders;

namespace AfterSales.Quality.Reporting;

/// <summary>An <see cref="IQualityRecordStore"/> in memory, for embedding and tests. Thread-safe with one lock.</summary>
public sealed class InMemoryQualityRecordStore : IQualityRecordStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Tenant, string WorkOrder), SatisfactionSurvey> surveys = [];
    private readonly Dictionary<(string Tenant, string Id), CustomerCallback> callbacks = [];
    private readonly Dictionary<(string Tenant, string Id), PartsShipment> shipments = [];

    /// <inheritdoc />
    public Task AddSurveyAsync(string tenantId, SatisfactionSurvey survey, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(survey);
        lock (gate)
        {
            if (!surveys.TryAdd((tenantId, survey.WorkOrderId), survey))
            {
                throw new ConcurrencyConflictException("survey", survey.WorkOrderId, 0, 1);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AddCallbackAsync(string tenantId, CustomerCallback callback, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(callback);
        lock (gate)
        {
            if (!callbacks.TryAdd((tenantId, callback.Id), callback))
            {
                throw new ConcurrencyConflictException("callback", callback.Id, 0, 1);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AddShipmentAsync(string tenantId, PartsShipment shipment, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(shipment);
        lock (gate)
        {
            if (!shipments.TryAdd((tenantId, shipment.ShipmentId), shipment))
            {
                throw new ConcurrencyConflictException("parts shipment", shipment.ShipmentId, 0, 1);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<WorkOrderRecords> ListForWorkOrderAsync(string tenantId, string workOrderId, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotBlank(workOrderId);
        lock (gate)
        {
            return Task.FromResult(new WorkOrderRecords(
                surveys.GetValueOrDefault((tenantId, workOrderId)),
                callbacks.Where(p => p.Key.Tenant == tenantId && p.Value.WorkOrderId == workOrderId).Select(static p => p.Value)
                    .OrderBy(static c => c.CalledAt).ThenBy(static c => c.Id, StringComparer.Ordinal),
                shipments.Where(p => p.Key.Tenant == tenantId && p.Value.WorkOrderId == workOrderId).Select(static p => p.Value)
                    .OrderBy(static s => s.ShippedOn).ThenBy(static s => s.ShipmentId, StringComparer.Ordinal)));
        }
    }

    /// <summary>Every record of the tenant, for the in-memory snapshot.</summary>
    internal (List<SatisfactionSurvey> Surveys, List<CustomerCallback> Callbacks, List<PartsShipment> Shipments) Snapshot(string tenantId)
    {
        lock (gate)
        {
            return (
                [.. surveys.Where(p => p.Key.Tenant == tenantId).Select(static p => p.Value)],
                [.. callbacks.Where(p => p.Key.Tenant == tenantId).Select(static p => p.Value)],
                [.. shipments.Where(p => p.Key.Tenant == tenantId).Select(static p => p.Value)]);
        }
    }
}
