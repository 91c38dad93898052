using System.Buffers;
using System.Text;
using System.Text.Json;
using AfterSales.Events;
using AfterSales.Http.Contracts;
using AfterSales.Http.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;

namespace AfterSales.Http.Delivery;

/// <summary>
/// Formats domain events as CloudEvents 1.0 in structured JSON, as the CNCF SDK's <see cref="JsonEventFormatter"/> writes them:
/// <c>id</c>, <c>type</c>, <c>source</c> (<c>/after-sales/tenants/{tenant}</c>), <c>subject</c>, <c>time</c>,
/// <c>datacontenttype</c> <c>application/json</c>, the extensions <c>tenantid</c> and (when known)
/// <c>actor</c>, and the <c>data</c> in the API's JSON vocabulary (<see cref="ApiJson"/>). The stores write this
/// text into the outbox; webhooks and the feed deliver it byte for byte.
/// </summary>
/// <remarks>
/// <see cref="ToCloudEvent"/> is the envelope as the SDK models it. <see cref="Format"/> writes the same bytes as
/// the SDK's <c>EncodeStructuredModeMessage</c> (a test holds it to that), but into a buffer this thread reuses:
/// the SDK writes every event through a fresh, growing <see cref="MemoryStream"/> and copies it out, and that was
/// about a sixth of a report's allocations (benchmarks/README.md). The SDK has no writer-based API to use instead.
/// </remarks>
internal sealed class CloudEventFormatter : IEventFormatter
{
    /// <summary>The <c>tenantid</c> extension attribute.</summary>
    public static CloudEventAttribute TenantAttribute { get; } = CloudEventAttribute.CreateExtension("tenantid", CloudEventAttributeType.String);

    /// <summary>The <c>actor</c> extension attribute: who made the change, when the host knows.</summary>
    public static CloudEventAttribute ActorAttribute { get; } = CloudEventAttribute.CreateExtension("actor", CloudEventAttributeType.String);

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ApiJson.Options.Encoder, Indented = false };

    // Larger buffers (an unusually big event) are not kept for the next event on the thread.
    private const int KeptBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    public string Format(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);

        // The SDK's own checks of what it would refuse (a control character in a string attribute, say).
        var spec = CloudEventsSpecVersion.V1_0;
        spec.IdAttribute.Validate(domainEvent.Id);
        spec.TypeAttribute.Validate(domainEvent.Type);
        spec.SubjectAttribute.Validate(domainEvent.Subject);
        TenantAttribute.Validate(domainEvent.TenantId);
        if (domainEvent.Actor is { } named)
        {
            ActorAttribute.Validate(named);
        }

        var output = buffer ??= new ArrayBufferWriter<byte>(4096);
        var json = writer ??= new Utf8JsonWriter(output, WriterOptions);
        output.ResetWrittenCount();
        json.Reset(output);
        try
        {
            // The SDK's structured mode: specversion, then the attributes in the order ToCloudEvent sets them, then data.
            json.WriteStartObject();
            json.WriteString("specversion", "1.0");
            json.WriteString("id", domainEvent.Id);
            json.WriteString("type", domainEvent.Type);
            json.WriteString("source", SourceOf(domainEvent).OriginalString);
            json.WriteString("subject", domainEvent.Subject);
            json.WriteString("time", CloudEventAttributeType.Timestamp.Format(domainEvent.OccurredAt.ToDateTimeOffset()));
            json.WriteString("datacontenttype", "application/json");
            json.WriteString(TenantAttribute.Name, domainEvent.TenantId);
            if (domainEvent.Actor is { } actor)
            {
                json.WriteString(ActorAttribute.Name, actor);
            }

            var data = DataOf(domainEvent.Data);
            json.WritePropertyName("data");
            JsonSerializer.Serialize(json, data, data.GetType(), ApiJson.Options);
            json.WriteEndObject();
            json.Flush();
            return Encoding.UTF8.GetString(output.WrittenSpan);
        }
        finally
        {
            if (output.Capacity > KeptBufferBytes)
            {
                buffer = null;
                writer = null;
            }
        }
    }

    /// <summary>The event as the SDK's <see cref="CloudEvent"/>: the envelope <see cref="Format"/> writes.</summary>
    internal static CloudEvent ToCloudEvent(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = domainEvent.Id,
            Type = domainEvent.Type,
            Source = SourceOf(domainEvent),
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

        return cloudEvent;
    }

    private static Uri SourceOf(DomainEvent domainEvent) =>
        new("/after-sales/tenants/" + Uri.EscapeDataString(domainEvent.TenantId), UriKind.Relative);

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
