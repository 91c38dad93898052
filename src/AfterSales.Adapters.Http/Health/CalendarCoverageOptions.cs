using System.Globalization;

namespace AfterSales.Http.Health;

/// <summary>Settings of the calendar-coverage health check (<c>AddAfterSalesCalendarCoverage</c>).</summary>
public sealed class CalendarCoverageOptions
{
    /// <summary>
    /// How long before a year without holiday data the check turns Degraded: a year's data (China's
    /// State Council notice) usually comes in November, so the warning should come before it is needed.
    /// </summary>
    /// <value>The default value is 45 days. 1 day to 366 days.</value>
    public TimeSpan LeadTime { get; set; } = TimeSpan.FromDays(45);

    /// <summary>Checks the settings.</summary>
    /// <returns>The problems found, each naming the option; empty when valid.</returns>
    public IReadOnlyList<string> Validate() =>
        LeadTime < TimeSpan.FromDays(1) || LeadTime > TimeSpan.FromDays(366)
            ? [string.Create(CultureInfo.InvariantCulture, $"LeadTime must be 1 to 366 days, was {LeadTime}.")]
            : [];
}
