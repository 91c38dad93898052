using System.Reflection;
using AfterSales.WorkOrders;

namespace AfterSales.Tests.Support;

public static class TicketAssert
{
    /// <summary>Every public property of the two tickets is equal (events by value, the timeline entry by entry).</summary>
    public static void Identical(Ticket expected, Ticket actual)
    {
        Assert.Equal(expected.Events, actual.Events);
        Assert.Equal(Describe(expected.Timeline), Describe(actual.Timeline));
        foreach (var property in typeof(Ticket).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name is nameof(Ticket.Events) or nameof(Ticket.Timeline))
            {
                continue;
            }

            var (left, right) = (property.GetValue(expected), property.GetValue(actual));
            if (left is System.Collections.IEnumerable sequence and not string && right is System.Collections.IEnumerable other)
            {
                Assert.Equal(sequence.Cast<object>(), other.Cast<object>());
                continue;
            }

            Assert.True(
                Equals(left, right),
                $"{property.Name}: expected {property.GetValue(expected)}, was {property.GetValue(actual)}");
        }
    }

    public static string Describe(AfterSales.Sla.Timeline.TicketTimeline timeline) =>
        $"{timeline.ReportedAt} {timeline.InitialSeverityCode} {timeline.Channel} {timeline.Site} {timeline.FaultOccurredAt} | "
        + string.Join(" | ", timeline.Entries.Select(static e => e.ToString()));
}
