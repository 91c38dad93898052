using System.Text;
using AfterSales.Internal;
using static AfterSales.Quality.Reporting.ReportLayout;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// Renders a <see cref="QuarterlyReport"/> as one self-contained HTML page: inline CSS and inline
/// SVG charts (on-time rate by month with the target line, faults by severity, top failing part
/// types); targets met in green and missed in red; no scripts, no external resources; all text
/// HTML-escaped. Prints to PDF on A4 with sections, tables and charts kept whole on a page where
/// they fit and table headers repeated. Pure and thread-safe.
/// </summary>
public static class HtmlReportRenderer
{
    private const string Style =
        "body{font-family:system-ui,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC',sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#1f2937;line-height:1.45}"
        + "h1{border-bottom:3px solid #2b6cb0;padding-bottom:.2em;font-size:1.7em}h2{margin-top:1.6em;color:#2b6cb0;border-bottom:1px solid #cbd5e0}h3{margin:1.2em 0 .4em}"
        + "table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #cbd5e0;padding:.3em .6em;text-align:left;vertical-align:top}"
        + "th{background:#edf2f7}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
        + "tr.good td{background:#e6f4ea;color:#0f5132}tr.bad td{background:#fde8e8;color:#9b1c1c;font-weight:600}tr.muted td{color:#6b7280;background:#f7f7f8}"
        + ".notice{border-left:5px solid #a0aec0;background:#f7fafc;padding:.5em .9em;margin:.6em 0}.notice.good{border-color:#2f855a;background:#e6f4ea}"
        + ".notice.bad{border-color:#c53030;background:#fde8e8;font-weight:600}.notice.muted{color:#4a5568}figure{margin:.8em 0}"
        + "@page{size:A4;margin:14mm}"
        + "@media print{body{max-width:none;margin:0;padding:0;font-size:10.5pt}h2{break-after:avoid;page-break-after:avoid}h3{break-after:avoid;page-break-after:avoid}"
        + "table,figure,svg,.notice,ul{break-inside:avoid;page-break-inside:avoid}thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}"
        + "tr.good td,tr.bad td,tr.muted td,.notice{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

    /// <summary>The report as an HTML document, lines ending in <c>\n</c>, Chinese and English side by side.</summary>
    /// <param name="report">The report.</param>
    public static string Render(QuarterlyReport report) => Render(report, null);

    /// <summary>The report as an HTML document, lines ending in <c>\n</c>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="language">The language of the report's own text; Chinese and English side by side when <see langword="null"/>.</param>
    public static string Render(QuarterlyReport report, ExplanationLanguage? language)
    {
        Guard.NotNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(language?.Code ?? "zh-CN").Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(ReportText.Escape(report.Title)).Append("</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        foreach (var block in Build(report, language))
        {
            switch (block)
            {
                case Heading h:
                    html.Append("<h").Append(h.Level).Append('>').Append(ReportText.Escape(h.Text)).Append("</h").Append(h.Level).Append(">\n");
                    break;
                case Paragraph p:
                    html.Append("<p>").Append(ReportText.Escape(p.Text)).Append("</p>\n");
                    break;
                case Notice n:
                    html.Append("<p class=\"notice").Append(Class(n.Tone)).Append("\">").Append(ReportText.Escape(n.Text)).Append("</p>\n");
                    break;
                case Bullets b:
                    html.Append("<ul>\n");
                    foreach (var item in b.Items)
                    {
                        html.Append("<li>").Append(ReportText.Escape(item)).Append("</li>\n");
                    }

                    html.Append("</ul>\n");
                    break;
                case Table t:
                    html.Append("<table>\n<thead><tr>");
                    foreach (var header in t.Headers)
                    {
                        html.Append("<th>").Append(ReportText.Escape(header)).Append("</th>");
                    }

                    html.Append("</tr></thead>\n<tbody>\n");
                    foreach (var row in t.Rows)
                    {
                        html.Append(row.Tone == Tone.None ? "<tr>" : "<tr class=\"" + Class(row.Tone).TrimStart() + "\">");
                        foreach (var cell in row.Cells)
                        {
                            html.Append(IsNumber(cell) ? "<td class=\"n\">" : "<td>").Append(ReportText.Escape(cell)).Append("</td>");
                        }

                        html.Append("</tr>\n");
                    }

                    html.Append("</tbody>\n</table>\n");
                    break;
                case Chart c:
                    html.Append("<figure>").Append(c.Svg).Append("</figure>\n");
                    break;
            }
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string Class(Tone tone) => tone switch
    {
        Tone.Good => " good",
        Tone.Bad => " bad",
        Tone.Muted => " muted",
        _ => "",
    };

    /// <summary>Counts, ratios and targets (<c>12</c>, <c>85.7 %</c>, <c>6 / 7</c>, <c>≥ 98.0 %</c>, <c>—</c>) are right-aligned and never wrapped.</summary>
    private static bool IsNumber(string cell)
    {
        var text = cell.StartsWith("≥ ", StringComparison.Ordinal) ? cell[2..] : cell;
        return text == "—" || (text.Length > 0 && char.IsAsciiDigit(text[0]) && text.All(static c => char.IsAsciiDigit(c) || c is '.' or ' ' or '%' or '/'));
    }
}
