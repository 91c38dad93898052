using System.Text;
using AfterSales.Internal;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// Renders a <see cref="QuarterlyReport"/> as Markdown (GitHub-flavoured tables). Charts are left
/// to the HTML rendering; the Markdown holds the same numbers as tables. Pure and thread-safe.
/// </summary>
public static class MarkdownReportRenderer
{
    /// <summary>The report as Markdown, lines ending in <c>\n</c>.</summary>
    public static string Render(QuarterlyReport report) => Render(report, null);

    /// <summary>The report as Markdown, lines ending in <c>\n</c>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="language">The language of the report's own text; Chinese and English side by side when <see langword="null"/>.</param>
    public static string Render(QuarterlyReport report, ExplanationLanguage? language)
    {
        Guard.NotNull(report);
        var md = new StringBuilder();
        foreach (var block in ReportLayout.Build(report, language))
        {
            switch (block)
            {
                case ReportLayout.Heading h:
                    md.Append('#', h.Level).Append(' ').Append(ReportText.Inline(h.Text)).Append("\n\n");
                    break;
                case ReportLayout.Paragraph p:
                    md.Append(ReportText.Inline(p.Text)).Append("\n\n");
                    break;
                case ReportLayout.Bullets b:
                    foreach (var item in b.Items)
                    {
                        md.Append("- ").Append(ReportText.Inline(item)).Append('\n');
                    }

                    md.Append('\n');
                    break;
                case ReportLayout.Table t:
                    md.Append("| ").Append(string.Join(" | ", t.Headers.Select(ReportText.Cell))).Append(" |\n");
                    md.Append('|').Append(string.Concat(t.Headers.Select(_ => " --- |"))).Append('\n');
                    if (t.Rows.Count == 0)
                    {
                        md.Append("| ").Append(string.Join(" | ", t.Headers.Select(_ => "—"))).Append(" |\n");
                    }

                    foreach (var row in t.Rows)
                    {
                        md.Append("| ").Append(string.Join(" | ", row.Select(ReportText.Cell))).Append(" |\n");
                    }

                    md.Append('\n');
                    break;
            }
        }

        return md.ToString().TrimEnd('\n') + "\n";
    }
}
