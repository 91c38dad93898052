using System.Globalization;
using System.Text;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// Small, dependency-free inline SVG charts for the HTML report: well-formed XML, escaped text,
/// no scripts, no external resources, fixed sizes, invariant numbers.
/// </summary>
internal static class SvgCharts
{
    private const int Width = 560;
    private const int Height = 240;
    private const int Left = 48;
    private const int Right = 36; // room for half of the last x label, which is centred on its point
    private const int Top = 28;
    private const int Bottom = 36;

    /// <summary>A line chart of percentages 0–100 with one point per label; null values leave a gap.</summary>
    public static string PercentLine(string title, IReadOnlyList<(string Label, decimal? Percent)> points)
    {
        var svg = Open(title, Height);
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        for (var p = 0; p <= 100; p += 25)
        {
            var y = Top + plotH - (plotH * p / 100.0);
            svg.Append(F($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/>"));
            svg.Append(F($"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\">{p} %</text>"));
        }

        var step = points.Count > 1 ? plotW / (double)(points.Count - 1) : 0;
        var coordinates = new List<string>();
        for (var i = 0; i < points.Count; i++)
        {
            var x = points.Count > 1 ? Left + (step * i) : Left + (plotW / 2.0);
            svg.Append(F($"<text x=\"{x:0.#}\" y=\"{Height - 12}\" text-anchor=\"middle\" font-size=\"11\">{ReportText.Escape(points[i].Label)}</text>"));
            if (points[i].Percent is { } value)
            {
                var y = Top + plotH - (plotH * (double)value / 100.0);
                coordinates.Add(F($"{x:0.#},{y:0.#}"));
                svg.Append(F($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"4\" fill=\"#2b6cb0\"><title>{ReportText.Escape(points[i].Label)}: {value:0.0} %</title></circle>"));
                svg.Append(F($"<text x=\"{x:0.#}\" y=\"{y - 8:0.#}\" text-anchor=\"middle\" font-size=\"11\">{value:0.0} %</text>"));
            }
        }

        if (coordinates.Count > 1)
        {
            svg.Append("<polyline fill=\"none\" stroke=\"#2b6cb0\" stroke-width=\"2\" points=\"").Append(string.Join(' ', coordinates)).Append("\"/>");
        }

        return Close(svg);
    }

    /// <summary>Vertical bars of counts.</summary>
    public static string Bars(string title, IReadOnlyList<(string Label, int Value)> bars)
    {
        var svg = Open(title, Height);
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        svg.Append(F($"<line x1=\"{Left}\" y1=\"{Top + plotH}\" x2=\"{Width - Right}\" y2=\"{Top + plotH}\" stroke=\"#999\"/>"));
        var slot = bars.Count == 0 ? plotW : plotW / (double)bars.Count;
        for (var i = 0; i < bars.Count; i++)
        {
            var h = plotH * bars[i].Value / (double)max;
            var x = Left + (slot * i) + (slot * 0.2);
            var w = slot * 0.6;
            var label = ReportText.Escape(bars[i].Label);
            svg.Append(F($"<rect x=\"{x:0.#}\" y=\"{Top + plotH - h:0.#}\" width=\"{w:0.#}\" height=\"{h:0.#}\" fill=\"#dd6b20\"><title>{label}: {bars[i].Value}</title></rect>"));
            svg.Append(F($"<text x=\"{x + (w / 2):0.#}\" y=\"{Top + plotH - h - 4:0.#}\" text-anchor=\"middle\" font-size=\"11\">{bars[i].Value}</text>"));
            svg.Append(F($"<text x=\"{x + (w / 2):0.#}\" y=\"{Height - 12}\" text-anchor=\"middle\" font-size=\"11\">{label}</text>"));
        }

        return Close(svg);
    }

    /// <summary>Horizontal bars of counts, one row per label, in the order given.</summary>
    public static string HorizontalBars(string title, IReadOnlyList<(string Label, int Value)> bars)
    {
        const int row = 26;
        const int labelWidth = 160;
        var height = Top + (Math.Max(1, bars.Count) * row) + 12;
        var svg = Open(title, height);
        var plotW = Width - labelWidth - Right - 30;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        for (var i = 0; i < bars.Count; i++)
        {
            var y = Top + (i * row);
            var w = plotW * bars[i].Value / (double)max;
            var label = ReportText.Escape(bars[i].Label);
            svg.Append(F($"<text x=\"{labelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\" font-size=\"12\">{label}</text>"));
            svg.Append(F($"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{row - 8}\" fill=\"#38a169\"><title>{label}: {bars[i].Value}</title></rect>"));
            svg.Append(F($"<text x=\"{labelWidth + w + 6:0.#}\" y=\"{y + 15}\" font-size=\"12\">{bars[i].Value}</text>"));
        }

        return Close(svg);
    }

    private static StringBuilder Open(string title, int height)
    {
        var escaped = ReportText.Escape(title);
        var svg = new StringBuilder();
        svg.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{escaped}\">"));
        svg.Append(F($"<title>{escaped}</title>"));
        svg.Append(F($"<text x=\"{Width / 2}\" y=\"16\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">{escaped}</text>"));
        return svg;
    }

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
