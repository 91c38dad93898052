using System.Text;
using AfterSales.Events;
using AfterSales.Http.Contracts;
using AfterSales.Http.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;

namespace AfterSales.Http.Delivery;

/// <summary>
/// Formats domain events as CloudEvents 1.0 in structured JSON (the CNCF SDK's <see cref="JsonEventFormatter"/>):
/// <c>id</c>, <c>type</c>, <c>source</c> (<c>/after-sales/tenants/{tenant}</c>), <c>subject</c>, <c>time</c>,
/// <c>datacontenttype</c> <c>application/json</c>, the extensions <c>tenantid</c> and (when known)
/// <c>actor</c>, and the <c>data</c> in the API's JSON vocabulary (<see cref="ApiJson"/>). The stores write this
/// text into the outbox; webhooks and the feed deliver it byte for byte.
/// </summary>
internal sealed class CloudEventFormatter : IEventFormatter
{
    /// <summary>The <c>tenantid</c> extension attribute.</summary>
    public static CloudEventAttribute TenantAttribute { get; } = CloudEventAttribute.CreateExtension("tenantid", CloudEventAttributeType.String);

    /// <summary>The <c>actor</c> extension attribute: who made the change, when the host knows.</summary>
    public static CloudEventAttribute ActorAttribute { get; } = CloudEventAttribute.CreateExtension("actor", CloudEventAttributeType.String);

    private static readonly JsonEventFormatter Formatter = new(ApiJson.Options, default);

    public string Format(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = domainEvent.Id,
            Type = domainEvent.Type,
            Source = new Uri("/after-sales/tenants/" + Uri.EscapeDataString(domainEvent.TenantId), UriKind.Relative),
            Subject = domainEvent.Subject,
            Time = domainEvent.OccurredAt.ToDateTimeOffset(),
            DataContentType = "application/json",
            Data = DataOf(domainEvent.Data),
        };
        cloudEvent[TenantAttribute] = domainEvent.TenantId;
        if (domainEvent.Actor is { } actor)
        {
            cloudEvent[ActorAttribute] = actor;
        }

        return Encoding.UTF8.GetString(Formatter.EncodeStructuredModeMessage(cloudEvent, out _).Span);
    }

    /// <summary>The wire shape of each payload family; a payload the adapter does not know is a programming error.</summary>
    private static object DataOf(DomainEventData data) => data switch
    {
        TicketChanged t => TicketChangedData.From(t),
        ClockAlert a => ClockAlertData.From(a),
        ComplaintChanged c => ComplaintChangedData.From(c),
        StockMoved m => StockMovedData.From(m),
        StockBelowTarget b => StockBelowTargetData.From(b),
        ReplenishmentOrdered r => ReplenishmentOrderedData.From(r),
        LoanerOverdue l => LoanerOverdueData.From(l),
        WarrantyExpiring w => WarrantyExpiringData.From(w),
        InspectionWindowDue i => InspectionDueData.From(i),
        _ => throw new NotSupportedException($"The HTTP adapter has no wire shape for event data {data.GetType().Name}."),
    };
}
