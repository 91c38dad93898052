using System.Globalization;
using NodaTime.Text;

namespace AfterSales.Internal;

/// <summary>Collects the lines of an SLA clock's explanation, writing instants as local times of
/// the calendar's zone ("2026-03-05 11:10"), as people read deadlines.</summary>
internal sealed class ExplanationWriter(DateTimeZone zone)
{
    private static readonly LocalDateTimePattern Minutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm");
    private static readonly LocalDateTimePattern Seconds = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss");
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines => lines;

    public void Line(string line) => lines.Add(line);

    public string Local(Instant instant)
    {
        var local = instant.InZone(zone).LocalDateTime;
        return (local.Second == 0 && local.NanosecondOfSecond == 0 ? Minutes : Seconds).Format(local);
    }

    public static string Date(LocalDate date) => date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);
}
