using System.Diagnostics.Metrics;
using AfterSales.Diagnostics;

namespace AfterSales.Http.Delivery;

/// <summary>
/// The watcher's and the dispatcher's instruments on the <see cref="AfterSalesDiagnostics.MeterName"/> meter:
/// outbox depth, delivery latency and outcomes, claim lag. Nothing is measured while no listener is subscribed.
/// </summary>
internal static class DeliveryTelemetry
{
    private static readonly Meter Meter = new(AfterSalesDiagnostics.MeterName, typeof(DeliveryTelemetry).Assembly.GetName().Version?.ToString());

    private static readonly Gauge<long> Depth = Meter.CreateGauge<long>(AfterSalesDiagnostics.OutboxDepth, "{event}", "Events waiting to be fanned out, and deliveries waiting to be sent.");

    private static readonly Histogram<double> Latency = Meter.CreateHistogram(
        AfterSalesDiagnostics.DeliveryLatency, "s", "From an event's instant to its webhook's 2xx answer.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });

    private static readonly Counter<long> Outcomes = Meter.CreateCounter<long>(AfterSalesDiagnostics.Deliveries, "{delivery}", "Webhook deliveries finished, by outcome.");

    private static readonly Histogram<double> Lag = Meter.CreateHistogram(
        AfterSalesDiagnostics.ClaimLag, "s", "From a work order's deadline to the watcher's claim of it.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });

    public static bool DepthObserved => Depth.Enabled;

    public static void RecordDepth(long undispatched, long pendingDeliveries)
    {
        Depth.Record(undispatched, new KeyValuePair<string, object?>("aftersales.stage", "dispatch"));
        Depth.Record(pendingDeliveries, new KeyValuePair<string, object?>("aftersales.stage", "delivery"));
    }

    public static void Delivered(string type, Instant occurredAt, Instant at, AfterSales.Events.WebhookDeliveryState state)
    {
        var outcome = state == AfterSales.Events.WebhookDeliveryState.Delivered ? "delivered" : "dead_lettered";
        Outcomes.Add(1, new KeyValuePair<string, object?>("aftersales.outcome", outcome));
        if (state == AfterSales.Events.WebhookDeliveryState.Delivered && Latency.Enabled)
        {
            Latency.Record((at - occurredAt).TotalSeconds, new KeyValuePair<string, object?>("aftersales.event_type", type));
        }
    }

    public static void Claimed(Instant deadline, Instant now)
    {
        if (Lag.Enabled)
        {
            Lag.Record((now - deadline).TotalSeconds);
        }
    }
}
