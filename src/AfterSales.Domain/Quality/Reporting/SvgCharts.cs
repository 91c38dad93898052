using System.Globalization;
using System.Text;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// Small, dependency-free inline SVG charts for the HTML report: well-formed XML, escaped text,
/// no scripts, no external resources, fixed sizes, invariant numbers. Labels never overlap: points
/// sit in the middle of their slots (clear of the axis labels), the target's label is in a legend
/// under the title, and bar labels are shortened to their column with the full text in a tooltip.
/// </summary>
internal static class SvgCharts
{
    private const int Width = 640;
    private const int Height = 260;
    private const int Left = 52;
    private const int Right = 24;
    private const int Top = 44;
    private const int Bottom = 30;
    private const string Ink = "#1f2937";
    private const string Grid = "#e5e7eb";
    private const string Series = "#2b6cb0";
    private const string TargetInk = "#c53030";
    private const string GoodInk = "#2f855a";

    /// <summary>
    /// A line chart of percentages 0–100 with one point per label and an optional target line; null
    /// values leave a gap. Each value is printed under its label, in green when it meets the target
    /// and red when it misses it, so no value label ever crosses the line or the target.
    /// </summary>
    public static string PercentLine(string title, IReadOnlyList<(string Label, decimal? Percent)> points, decimal? targetPercent, string targetLabel)
    {
        const int height = Height + 16;
        var svg = Open(title, height);
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double Y(double percent) => Top + plotH - (plotH * percent / 100.0);
        for (var p = 0; p <= 100; p += 25)
        {
            svg.Append(F($"<line x1=\"{Left}\" y1=\"{Y(p):0.#}\" x2=\"{Width - Right}\" y2=\"{Y(p):0.#}\" stroke=\"{Grid}\"/>"));
            svg.Append(F($"<text x=\"{Left - 8}\" y=\"{Y(p) + 4:0.#}\" text-anchor=\"end\" font-size=\"11\" fill=\"{Ink}\">{p} %</text>"));
        }

        if (targetPercent is { } target)
        {
            var y = Y((double)target);
            svg.Append(F($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"{TargetInk}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>"));
            Legend(svg, TargetInk, true, targetLabel);
        }

        var slot = plotW / (double)Math.Max(1, points.Count);
        var coordinates = new List<string>();
        for (var i = 0; i < points.Count; i++)
        {
            var x = Left + (slot * (i + 0.5));
            var label = ReportText.Escape(points[i].Label);
            svg.Append(F($"<text x=\"{x:0.#}\" y=\"{Height - 12}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{Ink}\">{label}</text>"));
            if (points[i].Percent is { } value)
            {
                var y = Y((double)value);
                var colour = targetPercent is { } t ? (value >= t ? GoodInk : TargetInk) : Series;
                coordinates.Add(F($"{x:0.#},{y:0.#}"));
                svg.Append(F($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"4.5\" fill=\"{colour}\"><title>{label}: {value:0.0} %</title></circle>"));
                svg.Append(F($"<text x=\"{x:0.#}\" y=\"{Height + 4}\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\" fill=\"{colour}\">{value:0.0} %</text>"));
            }
            else
            {
                svg.Append(F($"<text x=\"{x:0.#}\" y=\"{Height + 4}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#6b7280\">—</text>"));
            }
        }

        if (coordinates.Count > 1)
        {
            svg.Append("<polyline fill=\"none\" stroke=\"").Append(Series).Append("\" stroke-width=\"2\" points=\"").Append(string.Join(' ', coordinates)).Append("\"/>");
        }

        return Close(svg);
    }

    /// <summary>
    /// Horizontal bars of counts, one row per item in the order given. Each label is two lines — a main
    /// line and a smaller second one (e.g. the Chinese and the English name) — shortened to the label
    /// column with the full text in a tooltip.
    /// </summary>
    public static string HorizontalBars(string title, IReadOnlyList<(string Label, string Detail, int Value)> bars, string colour)
    {
        const int row = 36;
        const int labelWidth = 300;
        var height = Top + (Math.Max(1, bars.Count) * row) + 4;
        var svg = Open(title, height);
        var plotW = Width - labelWidth - Right - 40;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        for (var i = 0; i < bars.Count; i++)
        {
            var y = Top + (i * row);
            var w = plotW * bars[i].Value / (double)max;
            var full = ReportText.Escape(bars[i].Label + (bars[i].Detail.Length > 0 ? " " + bars[i].Detail : ""));
            var main = ReportText.Escape(Fit(bars[i].Label, labelWidth - 12, 12));
            var detail = ReportText.Escape(Fit(bars[i].Detail, labelWidth - 12, 10.5));
            var mainY = bars[i].Detail.Length > 0 ? y + 13 : y + 19;
            svg.Append(F($"<g><title>{full}</title><text x=\"{labelWidth - 8}\" y=\"{mainY}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Ink}\">{main}</text>"));
            if (bars[i].Detail.Length > 0)
            {
                svg.Append(F($"<text x=\"{labelWidth - 8}\" y=\"{y + 27}\" text-anchor=\"end\" font-size=\"10.5\" fill=\"#4b5563\">{detail}</text>"));
            }

            svg.Append("</g>");
            svg.Append(F($"<rect x=\"{labelWidth}\" y=\"{y + 6}\" width=\"{w:0.#}\" height=\"{row - 14}\" fill=\"{colour}\"><title>{full}: {bars[i].Value}</title></rect>"));
            svg.Append(F($"<text x=\"{labelWidth + w + 6:0.#}\" y=\"{y + 22}\" font-size=\"12\" font-weight=\"bold\" fill=\"{Ink}\">{bars[i].Value}</text>"));
        }

        return Close(svg);
    }

    /// <summary><paramref name="text"/> cut with an ellipsis to about <paramref name="width"/> pixels at <paramref name="fontSize"/>: CJK and other wide characters count a full em, the rest about 0.6.</summary>
    internal static string Fit(string text, double width, double fontSize)
    {
        static double Em(char c) => c >= '\u2E80' ? 1.0 : 0.6;
        if (text.Sum(c => Em(c) * fontSize) <= width)
        {
            return text;
        }

        var room = width - fontSize; // the ellipsis
        var used = 0.0;
        var cut = 0;
        while (cut < text.Length && used + (Em(text[cut]) * fontSize) <= room)
        {
            used += Em(text[cut]) * fontSize;
            cut++;
        }

        return text[..cut].TrimEnd() + "…";
    }

    private static void Legend(StringBuilder svg, string colour, bool dashed, string label)
    {
        var y = 30;
        var dash = dashed ? " stroke-dasharray=\"6 4\"" : "";
        svg.Append(F($"<line x1=\"{Left}\" y1=\"{y - 4}\" x2=\"{Left + 28}\" y2=\"{y - 4}\" stroke=\"{colour}\" stroke-width=\"1.5\"{dash}/>"));
        svg.Append(F($"<text x=\"{Left + 34}\" y=\"{y}\" font-size=\"11\" fill=\"{colour}\">{ReportText.Escape(label)}</text>"));
    }

    private static StringBuilder Open(string title, int height)
    {
        var escaped = ReportText.Escape(title);
        var svg = new StringBuilder();
        svg.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{escaped}\">"));
        svg.Append(F($"<title>{escaped}</title>"));
        svg.Append(F($"<text x=\"{Width / 2}\" y=\"14\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\" fill=\"{Ink}\">{escaped}</text>"));
        return svg;
    }

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
