using AfterSales.WorkOrders;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// Where the quality records kept against work orders live (工单质量记录): the satisfaction survey
/// (one per work order), the callbacks made and the parts shipments. Appended, never changed. A
/// port: <see cref="InMemoryQualityRecordStore"/> for embedding and tests; adapters store them.
/// </summary>
/// <remarks>Implementations must be thread-safe; each add is atomic.</remarks>
public interface IQualityRecordStore
{
    /// <summary>Records the work order's survey.</summary>
    /// <exception cref="ConcurrencyConflictException">The work order already has a survey; nothing was stored.</exception>
    Task AddSurveyAsync(string tenantId, SatisfactionSurvey survey, CancellationToken cancellationToken = default);

    /// <summary>Records a callback.</summary>
    /// <exception cref="ConcurrencyConflictException">The tenant has a callback with this id; nothing was stored.</exception>
    Task AddCallbackAsync(string tenantId, CustomerCallback callback, CancellationToken cancellationToken = default);

    /// <summary>Records a parts shipment.</summary>
    /// <exception cref="ConcurrencyConflictException">The tenant has a shipment with this id; nothing was stored.</exception>
    Task AddShipmentAsync(string tenantId, PartsShipment shipment, CancellationToken cancellationToken = default);

    /// <summary>What is recorded against one work order.</summary>
    Task<WorkOrderRecords> ListForWorkOrderAsync(string tenantId, string workOrderId, CancellationToken cancellationToken = default);
}

/// <summary>The quality records of one work order. Immutable.</summary>
public sealed class WorkOrderRecords
{
    /// <summary>Creates the list.</summary>
    public WorkOrderRecords(SatisfactionSurvey? survey, IEnumerable<CustomerCallback> callbacks, IEnumerable<PartsShipment> shipments)
    {
        Survey = survey;
        Callbacks = [.. callbacks ?? throw new ArgumentNullException(nameof(callbacks))];
        Shipments = [.. shipments ?? throw new ArgumentNullException(nameof(shipments))];
    }

    /// <summary>The survey, if answered.</summary>
    public SatisfactionSurvey? Survey { get; }

    /// <summary>The callbacks, by time then id.</summary>
    public IReadOnlyList<CustomerCallback> Callbacks { get; }

    /// <summary>The shipments, by day then id.</summary>
    public IReadOnlyList<PartsShipment> Shipments { get; }
}
