using System.Text;
using AfterSales.Internal;
using static AfterSales.Quality.Reporting.ReportLayout;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// Renders a <see cref="QuarterlyReport"/> as Markdown (GitHub-flavoured tables). Charts are left
/// to the HTML rendering; the Markdown holds the same numbers as tables, and boxed notices as
/// quotes. Pure and thread-safe.
/// </summary>
public static class MarkdownReportRenderer
{
    /// <summary>The report as Markdown, lines ending in <c>\n</c>, Chinese and English side by side.</summary>
    /// <param name="report">The report.</param>
    public static string Render(QuarterlyReport report) => Render(report, null);

    /// <summary>The report as Markdown, lines ending in <c>\n</c>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="language">The language of the report's own text; Chinese and English side by side when <see langword="null"/>.</param>
    public static string Render(QuarterlyReport report, ExplanationLanguage? language)
    {
        Guard.NotNull(report);
        var md = new StringBuilder();
        foreach (var block in Build(report, language))
        {
            switch (block)
            {
                case Heading h:
                    md.Append('#', h.Level).Append(' ').Append(ReportText.Inline(h.Text)).Append("\n\n");
                    break;
                case Paragraph p:
                    md.Append(ReportText.Inline(p.Text)).Append("\n\n");
                    break;
                case Notice n:
                    md.Append("> ").Append(Mark(n.Tone)).Append(ReportText.Inline(n.Text)).Append("\n\n");
                    break;
                case Bullets b:
                    foreach (var item in b.Items)
                    {
                        md.Append("- ").Append(ReportText.Inline(item)).Append('\n');
                    }

                    md.Append('\n');
                    break;
                case Table t:
                    md.Append("| ").Append(string.Join(" | ", t.Headers.Select(ReportText.Cell))).Append(" |\n");
                    md.Append('|').Append(string.Concat(t.Headers.Select(_ => " --- |"))).Append('\n');
                    foreach (var row in t.Rows)
                    {
                        md.Append("| ").Append(Mark(row.Tone)).Append(string.Join(" | ", row.Cells.Select(ReportText.Cell))).Append(" |\n");
                    }

                    md.Append('\n');
                    break;
            }
        }

        return md.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>Markdown has no colour: a met or missed line starts with a mark instead.</summary>
    private static string Mark(Tone tone) => tone switch
    {
        Tone.Good => "✅ ",
        Tone.Bad => "❌ ",
        _ => "",
    };
}
