using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AfterSales.Host.Hosting;

/// <summary>Writes <c>/health</c> as JSON: the overall status and one entry per registered check.</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            totalDuration = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(
                static e => e.Key,
                static e => new { status = e.Value.Status.ToString(), description = e.Value.Description, durationMs = e.Value.Duration.TotalMilliseconds, tags = e.Value.Tags }),
        }, cancellationToken: context.RequestAborted);
    }
}
