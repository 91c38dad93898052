using AfterSales.Calendars;
using AfterSales.Quality.Complaints;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Health;

/// <summary>
/// Degraded when a calendar in use — one the configured SLA policies or the complaint desk count on,
/// in its latest shared version — has no holiday data for a year that starts within
/// <see cref="CalendarCoverageOptions.LeadTime"/> (or has started): its clocks will be provisional
/// from then until the year is loaded (<c>PUT /calendars/{id}/years/{year}</c>). Healthy otherwise.
/// </summary>
/// <remarks>Reads the shared default set, what a tenant sees before loading anything itself.</remarks>
public sealed class CalendarCoverageHealthCheck : IHealthCheck
{
    private readonly AfterSalesOptions options;
    private readonly IClock clock;
    private readonly IOptions<CalendarCoverageOptions> coverage;

    /// <summary>Creates the check.</summary>
    /// <param name="options">The domain options: the policies and the shared calendars.</param>
    /// <param name="clock">The clock "now" is read from.</param>
    /// <param name="coverage">The lead time.</param>
    public CalendarCoverageHealthCheck(AfterSalesOptions options, IClock clock, IOptions<CalendarCoverageOptions> coverage)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(coverage);
        this.options = options;
        this.clock = clock;
        this.coverage = coverage;
    }

    /// <summary>The missing years of the calendars in use, one line each, e.g. <c>calendar cn-statutory-9-18@1 has no holiday data for 2027 …</c>.</summary>
    /// <returns>Empty when every calendar in use covers the coming <see cref="CalendarCoverageOptions.LeadTime"/>.</returns>
    public IReadOnlyList<(string CalendarKey, int Year, string Message)> MissingYears()
    {
        var now = clock.GetCurrentInstant();
        var horizon = now + Duration.FromTimeSpan(coverage.Value.LeadTime);
        var shared = new SharedCalendars(options.Calendars.Distinct());
        var inUse = options.Policies.Append(ComplaintPolicies.Desk003)
            .SelectMany(static p => p.Targets)
            .Select(t => shared.Latest(t.Calendar.Id)?.Calendar ?? t.Calendar)
            .DistinctBy(static c => c.Key)
            .OrderBy(static c => c.Id, StringComparer.Ordinal);
        var missing = new List<(string, int, string)>();
        foreach (var calendar in inUse)
        {
            foreach (var year in calendar.UncoveredYearsBetween(now, horizon))
            {
                var starts = calendar.Zone.AtStartOfDay(new LocalDate(year, 1, 1)).ToInstant();
                var when = starts <= now ? "has begun" : $"begins in {(int)Math.Ceiling((starts - now).TotalDays)} days";
                missing.Add((calendar.Key, year,
                    $"calendar {calendar.Key} has no holiday data for {year}, which {when}: clocks reaching {year} are provisional (counted as plain weekdays) until the year is loaded with PUT /calendars/{calendar.Id}/years/{year}."));
            }
        }

        return missing;
    }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var missing = MissingYears();
        if (missing.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Every calendar in use has holiday data for the coming lead time."));
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var group in missing.GroupBy(static m => m.CalendarKey, StringComparer.Ordinal))
        {
            data[group.Key] = group.Select(static m => m.Year).ToArray();
        }

        return Task.FromResult(new HealthCheckResult(
            context?.Registration.FailureStatus ?? HealthStatus.Degraded, string.Join(" ", missing.Select(static m => m.Message)), data: data));
    }
}
