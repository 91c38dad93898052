using AfterSales.Http.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds AfterSales.Kit's health checks.</summary>
public static class AfterSalesHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="CalendarCoverageHealthCheck"/> as <c>aftersales-calendars</c>: Degraded from
    /// <see cref="CalendarCoverageOptions.LeadTime"/> (45 days by default) before a year that a
    /// calendar in use has no holiday data for. Options are validated at start.
    /// </summary>
    /// <param name="builder">The host's health checks.</param>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The same builder.</returns>
    public static IHealthChecksBuilder AddAfterSalesCalendarCoverage(this IHealthChecksBuilder builder, Action<CalendarCoverageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<CalendarCoverageOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(static o => o.Validate().Count == 0, "CalendarCoverageOptions.LeadTime must be 1 to 366 days.").ValidateOnStart();
        builder.Services.AddSingleton<CalendarCoverageHealthCheck>();
        return builder.Add(new HealthCheckRegistration(
            "aftersales-calendars", static sp => sp.GetRequiredService<CalendarCoverageHealthCheck>(), HealthStatus.Degraded, ["aftersales", "calendars"]));
    }
}
