using System.Globalization;
using System.Text;
using AfterSales.Internal;

namespace AfterSales.Quality.Reporting;

/// <summary>Number and text formatting shared by the renderers: invariant culture, fixed decimals.</summary>
internal static class ReportText
{
    public static string Percent(decimal? ratio) =>
        ratio is { } r ? (r * 100m).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—";

    public static string Percent4(decimal? ratio) =>
        ratio is { } r ? (r * 100m).ToString("0.00", CultureInfo.InvariantCulture) + " %" : "—";

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Score(int total, int count) =>
        count == 0 ? "—" : ((decimal)total / count).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Time(Duration? duration) => duration is { } d ? DurationText.Format(d) : "—";

    public static string Day(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    public static string Verdict(bool? met, ExplanationLanguage? language) => (met switch
    {
        true => ("达标", "met"),
        false => ("未达标", "not met"),
        null => ("无数据", "no data"),
    }) is var (zh, en) && language is not null ? language.Text(zh, en) : zh + " " + en;

    /// <summary>Escapes text for HTML and XML content and attribute values.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>Keeps Markdown text from being read as HTML: angle brackets are backslash-escaped, line breaks become spaces.</summary>
    public static string Inline(string text) => text.Replace("<", "\\<", StringComparison.Ordinal).Replace(">", "\\>", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>Escapes Markdown table cell text: pipes and line breaks.</summary>
    public static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);
}
