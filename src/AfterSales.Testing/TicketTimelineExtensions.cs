using System.Globalization;
using System.Text;
using AfterSales.Sla.Timeline;

namespace AfterSales.Testing;

/// <summary>Rewrites and prints timelines for property tests.</summary>
public static class TicketTimelineExtensions
{
    /// <summary>The same facts without any pause or resume: "what if nobody had waited for the customer".</summary>
    /// <returns>A new timeline.</returns>
    public static TicketTimeline WithoutPauses(this TicketTimeline timeline) =>
        Replay(timeline, timeline?.Entries.Where(e => e.Kind is not (TimelineEntryKind.PauseStarted or TimelineEntryKind.PauseEnded)) ?? []);

    /// <summary>The timeline as it stood after its first <paramref name="count"/> facts (a prefix is always a valid timeline).</summary>
    /// <returns>A new timeline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static TicketTimeline TakeFacts(this TicketTimeline timeline, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Replay(timeline, timeline?.Entries.Take(count) ?? []);
    }

    private static TicketTimeline Replay(TicketTimeline timeline, IEnumerable<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var result = TicketTimeline.Open(timeline.ReportedAt, timeline.InitialSeverityCode, timeline.Channel, timeline.Site, timeline.FaultOccurredAt);
        foreach (var entry in entries)
        {
            result = entry.Kind switch
            {
                TimelineEntryKind.MilestoneReached => result.Reached(entry.Milestone!, entry.At),
                TimelineEntryKind.SeverityChanged => result.CurrentSeverityCode == entry.SeverityCode ? result : result.Reclassified(entry.SeverityCode!, entry.At),
                TimelineEntryKind.PauseStarted => result.Paused(entry.At, entry.PauseReason ?? Sla.PauseReason.WaitingForCustomer, entry.Reason ?? "waiting for customer"),
                TimelineEntryKind.DueDateNegotiated => result.DueDateNegotiated(entry.Metric!, entry.DueAt!.Value, entry.At, entry.Reason!, entry.AgreedBy!),
                TimelineEntryKind.PauseEnded => result.Resumed(entry.At),
                TimelineEntryKind.Reopened => result.Reopened(entry.At),
                _ => result,
            };
        }

        return result;
    }

    /// <summary>Every fact on one line, for a property's failure message.</summary>
    /// <returns>A readable account.</returns>
    public static string Describe(this TicketTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"reported {timeline.ReportedAt} severity {timeline.InitialSeverityCode} by {timeline.Channel} at {timeline.Site}");
        if (timeline.FaultOccurredAt is { } fault)
        {
            text.Append(CultureInfo.InvariantCulture, $", fault at {fault}");
        }

        foreach (var entry in timeline.Entries)
        {
            text.Append("; ").Append(entry);
        }

        return text.ToString();
    }
}
