using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime.Text;

namespace AfterSales.Internal;

/// <summary>Collects the lines of an SLA clock's explanation in one language, writing instants as
/// local times of the calendar's zone ("2026-03-05 11:10"), as people read deadlines.</summary>
/// <remarks>A line is given in both languages, as interpolated strings that only the writer's language
/// formats (<see cref="Zh"/>, <see cref="En"/>): the other is never built, and neither is when the
/// writer does not <paramref name="explain"/> (a report or a save needs the clocks, not their words).</remarks>
internal sealed class ExplanationWriter(DateTimeZone zone, ExplanationLanguage language, bool explain = true)
{
    private static readonly LocalDateTimePattern Minutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm");
    private static readonly LocalDateTimePattern Seconds = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss");
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines => lines;

    public ExplanationLanguage Language => language;

    /// <summary>Whether lines are kept at all.</summary>
    public bool Explains => explain;

    public void Line(string line)
    {
        if (explain)
        {
            lines.Add(line);
        }
    }

    /// <summary>Adds the line in the writer's language.</summary>
    public void Line(string zh, string en) => Line(language.Text(zh, en));

    /// <summary>Adds the line in the writer's language; only that language's text is formatted.</summary>
    public void Line([InterpolatedStringHandlerArgument("")] ref Zh zh, [InterpolatedStringHandlerArgument("")] ref En en)
    {
        if (explain)
        {
            lines.Add(language.IsChinese ? zh.Text() : en.Text());
        }
    }

    public string T(string zh, string en) => language.Text(zh, en);

    /// <summary>The text in the writer's language (empty when it does not explain); only that language's text is formatted.</summary>
    public string T([InterpolatedStringHandlerArgument("")] ref Zh zh, [InterpolatedStringHandlerArgument("")] ref En en) =>
        !explain ? string.Empty : language.IsChinese ? zh.Text() : en.Text();

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

    /// <summary>The Chinese text of a line, formatted only by a writer that explains in Chinese.</summary>
    [InterpolatedStringHandler]
    public ref struct Zh
    {
        private Formatter text;

        public Zh(int literalLength, int formattedCount, ExplanationWriter writer, out bool format) =>
            text = new Formatter(literalLength, formattedCount, format = writer.Explains && writer.Language.IsChinese);

        public void AppendLiteral(string value) => text.Inner.AppendLiteral(value);

        public void AppendFormatted<T>(T value) => text.Inner.AppendFormatted(value);

        public void AppendFormatted<T>(T value, string? format) => text.Inner.AppendFormatted(value, format);

        internal string Text() => text.Inner.ToStringAndClear();
    }

    /// <summary>The English text of a line, formatted only by a writer that explains in English.</summary>
    [InterpolatedStringHandler]
    public ref struct En
    {
        private Formatter text;

        public En(int literalLength, int formattedCount, ExplanationWriter writer, out bool format) =>
            text = new Formatter(literalLength, formattedCount, format = writer.Explains && !writer.Language.IsChinese);

        public void AppendLiteral(string value) => text.Inner.AppendLiteral(value);

        public void AppendFormatted<T>(T value) => text.Inner.AppendFormatted(value);

        public void AppendFormatted<T>(T value, string? format) => text.Inner.AppendFormatted(value, format);

        internal string Text() => text.Inner.ToStringAndClear();
    }

    /// <summary>The formatting both handlers share; a handler that does not format never rents a buffer.</summary>
    private ref struct Formatter(int literalLength, int formattedCount, bool format)
    {
        public DefaultInterpolatedStringHandler Inner = format ? new(literalLength, formattedCount) : default;
    }
}
