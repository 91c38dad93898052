using System.Diagnostics;
using System.Diagnostics.Metrics;
using AfterSales.Diagnostics;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>
/// A span (<see cref="AfterSalesDiagnostics.ActivitySourceName"/>) and a duration measurement
/// (<see cref="AfterSalesDiagnostics.StoreOperationDuration"/>) around each store operation. Nothing is
/// allocated or timed while no listener is subscribed.
/// </summary>
internal static class StoreTelemetry
{
    private static readonly string? Version = typeof(StoreTelemetry).Assembly.GetName().Version?.ToString();
    private static readonly ActivitySource Source = new(AfterSalesDiagnostics.ActivitySourceName, Version);
    private static readonly Meter Meter = new(AfterSalesDiagnostics.MeterName, Version);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        AfterSalesDiagnostics.StoreOperationDuration, "s", "The duration of AfterSales store operations.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });

    /// <summary>Runs <paramref name="operation"/> of <paramref name="store"/> for <paramref name="tenantId"/> inside a span, timing it.</summary>
    public static async Task<T> RunAsync<T>(string store, string operation, string? tenantId, Func<Task<T>> body)
    {
        if (!Duration.Enabled && !Source.HasListeners())
        {
            return await body().ConfigureAwait(false);
        }

        using var activity = Source.StartActivity("aftersales." + store + " " + operation, ActivityKind.Client);
        activity?.SetTag("aftersales.store", store);
        activity?.SetTag("aftersales.operation", operation);
        activity?.SetTag("aftersales.tenant", tenantId);
        var started = Stopwatch.GetTimestamp();
        string? error = null;
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ex.GetType().Name;
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity?.SetTag("error.type", ex.GetType().FullName);
            throw;
        }
        finally
        {
            var tags = new TagList { { "aftersales.store", store }, { "aftersales.operation", operation } };
            if (error is not null)
            {
                tags.Add("error.type", error);
            }

            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
