using AfterSales.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;

namespace AfterSales.Testing;

/// <summary>SLA policies for tests in one line.</summary>
public static class TestPolicies
{
    /// <summary>
    /// A policy with one target: <paramref name="metric"/> within <paramref name="within"/> of
    /// business time on <paramref name="calendar"/>, for every severity of <paramref name="scale"/>,
    /// counted from <paramref name="from"/>, paused while waiting for the customer unless
    /// <paramref name="pauses"/> is false.
    /// </summary>
    /// <param name="metric">The metric.</param>
    /// <param name="within">The allowed business time.</param>
    /// <param name="calendar">The coverage calendar.</param>
    /// <param name="scale">The severity scale; the default value is <see cref="SeverityScales.SingleLevel"/> (code <c>"fault"</c>).</param>
    /// <param name="from">The start anchor; the default value is <see cref="Milestone.Reported"/>.</param>
    /// <param name="pauses">Whether waiting for the customer pauses the clock; the default value is true.</param>
    /// <returns>A policy with id <c>test-{metric code}</c>, version 1.</returns>
    /// <exception cref="ArgumentException">The target is invalid (for example it starts at the milestone that stops it).</exception>
    public static SlaPolicy OneTarget(
        SlaMetric metric,
        Duration within,
        BusinessCalendar calendar,
        SeverityScale? scale = null,
        Milestone? from = null,
        bool pauses = true)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return SlaPolicy.CreateBuilder("test-" + metric.Code, 1, $"{metric} within {within}", scale ?? SeverityScales.SingleLevel)
            .WithCalendar(calendar)
            .AddTarget(metric, SlaAmount.OfBusinessTime(within), t =>
            {
                t.ForAllSeverities().From(from ?? Milestone.Reported);
                if (!pauses)
                {
                    t.NotPausedWhileWaitingForCustomer();
                }
            })
            .Build();
    }

    /// <summary>A first-response policy: answered within <paramref name="within"/> on <paramref name="calendar"/>.</summary>
    /// <returns>A one-target policy.</returns>
    public static SlaPolicy Response(Duration within, BusinessCalendar calendar) => OneTarget(SlaMetric.FirstResponse, within, calendar);

    /// <summary>An on-site arrival policy: on site within <paramref name="within"/> on <paramref name="calendar"/>.</summary>
    /// <returns>A one-target policy.</returns>
    public static SlaPolicy OnSite(Duration within, BusinessCalendar calendar) => OneTarget(SlaMetric.OnSiteArrival, within, calendar);

    /// <summary>A resolution policy: resolved within <paramref name="within"/> on <paramref name="calendar"/>.</summary>
    /// <returns>A one-target policy.</returns>
    public static SlaPolicy Resolution(Duration within, BusinessCalendar calendar) => OneTarget(SlaMetric.Resolved, within, calendar);
}
