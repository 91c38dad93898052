using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AfterSales.Diagnostics;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>The AfterSales meter and activity source report what the service did (issue 16 §3). Alone: the meter is process-wide.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests
{
    [Fact]
    public async Task ReportsRefusalsLateStopsAndStoreSpans_AreMeasured()
    {
        var measurements = new ConcurrentQueue<(string Name, long Value, Dictionary<string, object?> Tags)>();
        var durations = new ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = static (instrument, l) =>
        {
            if (instrument.Meter.Name == AfterSalesDiagnostics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(static t => t.Key, static t => t.Value))));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) =>
            durations.Enqueue(instrument.Name + " " + tags.ToArray().First(static t => t.Key == "aftersales.operation").Value));
        listener.Start();
        var spans = new ConcurrentQueue<string>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = static s => s.Name == AfterSalesDiagnostics.ActivitySourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a => spans.Enqueue(a.DisplayName),
        };
        ActivitySource.AddActivityListener(activities);

        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("telemetry");
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        (await client.CommandAsync("WO-1", "close")).Dispose();
        factory.Clock.Advance(Duration.FromHours(1));
        (await client.CommandAsync("WO-1", "acknowledge")).EnsureSuccessStatusCode();

        Assert.Contains(measurements, static m => m.Name == AfterSalesDiagnostics.TicketsReported && (string?)m.Tags["aftersales.severity"] == "A");
        Assert.Contains(measurements, static m => m.Name == AfterSalesDiagnostics.CommandsRefused && (string?)m.Tags["aftersales.reason"] == "not_permitted");
        Assert.Contains(measurements, static m => m.Name == AfterSalesDiagnostics.ClocksMetLate && (string?)m.Tags["aftersales.metric"] == "first-response");
        Assert.Contains(measurements, static m => m.Name == AfterSalesDiagnostics.ClocksWarned);
        Assert.Contains(durations, static d => d == AfterSalesDiagnostics.StoreOperationDuration + " save");
        Assert.Contains(spans, static s => s == "aftersales.tickets save");
        Assert.Contains(spans, static s => s == "aftersales.tickets load");
    }
}
