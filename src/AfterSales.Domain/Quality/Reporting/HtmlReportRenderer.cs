using System.Text;
using AfterSales.Internal;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// Renders a <see cref="QuarterlyReport"/> as one self-contained HTML page: inline CSS and inline
/// SVG charts (on-time rate by month, faults by severity, top failing part types); no scripts, no
/// external resources; all text HTML-escaped. Pure and thread-safe.
/// </summary>
public static class HtmlReportRenderer
{
    private const string Style =
        "body{font-family:system-ui,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC',sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222}" +
        "table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}" +
        "th{background:#f3f3f3}h1{border-bottom:2px solid #2b6cb0}h2{margin-top:1.6em;color:#2b6cb0}figure{margin:1em 0}";

    /// <summary>The report as an HTML document, lines ending in <c>\n</c>.</summary>
    public static string Render(QuarterlyReport report) => Render(report, null);

    /// <summary>The report as an HTML document, lines ending in <c>\n</c>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="language">The language of the report's own text; Chinese and English side by side when <see langword="null"/>.</param>
    public static string Render(QuarterlyReport report, ExplanationLanguage? language)
    {
        Guard.NotNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(language?.Code ?? "zh-CN").Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>").Append(ReportText.Escape(report.Title)).Append("</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        foreach (var block in ReportLayout.Build(report, language))
        {
            switch (block)
            {
                case ReportLayout.Heading h:
                    html.Append("<h").Append(h.Level).Append('>').Append(ReportText.Escape(h.Text)).Append("</h").Append(h.Level).Append(">\n");
                    break;
                case ReportLayout.Paragraph p:
                    html.Append("<p>").Append(ReportText.Escape(p.Text)).Append("</p>\n");
                    break;
                case ReportLayout.Bullets b:
                    html.Append("<ul>\n");
                    foreach (var item in b.Items)
                    {
                        html.Append("<li>").Append(ReportText.Escape(item)).Append("</li>\n");
                    }

                    html.Append("</ul>\n");
                    break;
                case ReportLayout.Table t:
                    html.Append("<table>\n<thead><tr>");
                    foreach (var header in t.Headers)
                    {
                        html.Append("<th>").Append(ReportText.Escape(header)).Append("</th>");
                    }

                    html.Append("</tr></thead>\n<tbody>\n");
                    foreach (var row in t.Rows)
                    {
                        html.Append("<tr>");
                        foreach (var cell in row)
                        {
                            html.Append("<td>").Append(ReportText.Escape(cell)).Append("</td>");
                        }

                        html.Append("</tr>\n");
                    }

                    html.Append("</tbody>\n</table>\n");
                    break;
                case ReportLayout.Chart c:
                    html.Append("<figure>").Append(c.Svg).Append("</figure>\n");
                    break;
            }
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}
