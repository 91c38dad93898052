using System.Diagnostics;
using System.Diagnostics.Metrics;
using AfterSales.Sla;
using AfterSales.WorkOrders;

namespace AfterSales.Diagnostics;

/// <summary>
/// The domain's instruments (<see cref="AfterSalesDiagnostics"/>). Measuring is pure bookkeeping: the
/// clock transitions are computed only while a listener is subscribed, from instants the service
/// already has, never from the system clock.
/// </summary>
internal static class DomainTelemetry
{
    private static readonly Meter Meter = new(AfterSalesDiagnostics.MeterName, typeof(DomainTelemetry).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> Reported = Meter.CreateCounter<long>(AfterSalesDiagnostics.TicketsReported, "{ticket}", "Work orders reported.");

    private static readonly Counter<long> Refused = Meter.CreateCounter<long>(AfterSalesDiagnostics.CommandsRefused, "{command}", "Work-order commands refused, by reason.");

    private static readonly Counter<long> Warned = Meter.CreateCounter<long>(AfterSalesDiagnostics.ClocksWarned, "{warning}", "SLA warning thresholds crossed.");

    private static readonly Counter<long> Breached = Meter.CreateCounter<long>(AfterSalesDiagnostics.ClocksBreached, "{clock}", "SLA clocks found breached.");

    private static readonly Counter<long> MetLate = Meter.CreateCounter<long>(AfterSalesDiagnostics.ClocksMetLate, "{clock}", "SLA clocks stopped after their due instant.");

    /// <summary>Whether any clock instrument has a listener, so transitions are worth computing.</summary>
    public static bool ClocksObserved => Warned.Enabled || Breached.Enabled || MetLate.Enabled;

    public static void TicketReported(Ticket ticket)
    {
        if (Reported.Enabled)
        {
            Reported.Add(1, new TagList
            {
                { "aftersales.policy", ticket.Policy.Id },
                { "aftersales.severity", ticket.SeverityCode },
                { "aftersales.channel", ticket.ReportDetails.Channel.ToString() },
            });
        }
    }

    public static void CommandRefused(string command, string reason) =>
        Refused.Add(1, new KeyValuePair<string, object?>("aftersales.command", command), new KeyValuePair<string, object?>("aftersales.reason", reason));

    /// <summary>
    /// Counts what a command reveals: the warnings and breaches that fell after <paramref name="previous"/>
    /// (the ticket's last event before the command) and by <paramref name="now"/> in <paramref name="before"/>
    /// (the clocks at <paramref name="now"/> without the command's events), and the clocks the command,
    /// recorded at <paramref name="stoppedAt"/>, stopped late in <paramref name="after"/>.
    /// </summary>
    public static void ClockTransitions(IReadOnlyList<SlaClock> before, Instant now, IReadOnlyList<SlaClock> after, Instant previous, Instant stoppedAt)
    {
        foreach (var clock in before)
        {
            var metric = new KeyValuePair<string, object?>("aftersales.metric", clock.Metric.Code);
            foreach (var warning in clock.Warnings)
            {
                if (warning.At > previous && warning.At <= now && clock.StoppedAt is null)
                {
                    Warned.Add(1, metric, new KeyValuePair<string, object?>("aftersales.warning_percent", warning.Percent));
                }
            }

            if (clock.Status == SlaClockStatus.Breached && clock.DueAt is { } due && due > previous && due <= now)
            {
                Breached.Add(1, metric);
            }
        }

        foreach (var clock in after)
        {
            if (clock.Status == SlaClockStatus.MetLate && clock.StoppedAt == stoppedAt)
            {
                MetLate.Add(1, new KeyValuePair<string, object?>("aftersales.metric", clock.Metric.Code));
            }
        }
    }
}
