using System.Globalization;
using NodaTime.Text;

namespace AfterSales.Internal;

/// <summary>Collects the lines of an SLA clock's explanation in one language, writing instants as
/// local times of the calendar's zone ("2026-03-05 11:10"), as people read deadlines.</summary>
internal sealed class ExplanationWriter(DateTimeZone zone, ExplanationLanguage language)
{
    private static readonly LocalDateTimePattern Minutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm");
    private static readonly LocalDateTimePattern Seconds = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss");
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines => lines;

    public ExplanationLanguage Language => language;

    public void Line(string line) => lines.Add(line);

    /// <summary>Adds the line in the writer's language.</summary>
    public void Line(string zh, string en) => lines.Add(language.Text(zh, en));

    public string T(string zh, string en) => language.Text(zh, en);

    public string D(Duration duration) => language.Duration(duration);

    public string Name(Sla.Milestone milestone) => language.IsChinese ? milestone.NameZh : milestone.NameEn;

    public string Name(Sla.SlaMetric metric) => language.IsChinese ? metric.NameZh : metric.NameEn;

    public string Amount(Sla.SlaAmount amount) => amount.Describe(language);

    public string Local(Instant instant)
    {
        var local = instant.InZone(zone).LocalDateTime;
        return (local.Second == 0 && local.NanosecondOfSecond == 0 ? Minutes : Seconds).Format(local);
    }

    public static string Date(LocalDate date) => date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);
}
