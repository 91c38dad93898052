using AfterSales.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AfterSales.Host.Hosting;

/// <summary>
/// OpenTelemetry for the host, off unless <c>AfterSales:Telemetry:Exporter</c> names an exporter:
/// <c>console</c> (metrics and spans printed) or <c>otlp</c> (to <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>,
/// by default http://localhost:4317). Subscribes to AfterSales.Kit's meter and activity source, ASP.NET
/// Core's and EF Core's.
/// </summary>
internal static class Telemetry
{
    public static string Exporter(IConfiguration configuration) => (configuration["AfterSales:Telemetry:Exporter"] ?? "none").ToLowerInvariant();

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        var exporter = Exporter(builder.Configuration);
        if (exporter == "none")
        {
            return;
        }

        if (exporter is not ("console" or "otlp"))
        {
            throw new InvalidOperationException($"AfterSales:Telemetry:Exporter must be none, console or otlp, was '{exporter}'.");
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(static r => r.AddService("AfterSales.Host"))
            .WithMetrics(m =>
            {
                m.AddMeter(AfterSalesDiagnostics.MeterName).AddAspNetCoreInstrumentation();
                _ = exporter == "console" ? m.AddConsoleExporter() : m.AddOtlpExporter();
            })
            .WithTracing(t =>
            {
                t.AddSource(AfterSalesDiagnostics.ActivitySourceName).AddAspNetCoreInstrumentation().AddEntityFrameworkCoreInstrumentation();
                _ = exporter == "console" ? t.AddConsoleExporter() : t.AddOtlpExporter();
            });
    }
}
