using System.Globalization;
using System.Text;
using AfterSales.Internal;
using AfterSales.Severity;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// Every word and number format of the rendered report, in one place (报告文字): labels are
/// in the <see cref="ExplanationLanguage"/> asked for, or Chinese and English side by side when none
/// is (<see cref="L"/>); numbers use the invariant culture with fixed decimals.
/// </summary>
internal static class ReportText
{
    /// <summary>A label in the language asked for; both languages, Chinese first, when none is.</summary>
    public static string L(string zh, string en, ExplanationLanguage? language) => language?.Text(zh, en) ?? zh + " " + en;

    public static string Percent(decimal? ratio) => Percent(ratio, 1);

    public static string Percent2(decimal? ratio) => Percent(ratio, 2);

    /// <summary>
    /// A ratio in percent with <paramref name="decimals"/> decimals. A ratio short of 100 % never shows as
    /// 100 % (one second of downtime in a quarter is not full availability), nor one above 0 as 0 %: those
    /// show as "&gt; 99.99 %" and "&lt; 0.01 %".
    /// </summary>
    private static string Percent(decimal? ratio, int decimals)
    {
        if (ratio is not { } r)
        {
            return "—";
        }

        var format = "0." + new string('0', decimals);
        var percent = Math.Round(r * 100m, decimals, MidpointRounding.AwayFromZero);
        var step = 1m / (decimal)Math.Pow(10, decimals);
        return percent switch
        {
            100m when r < 1m => "> " + (100m - step).ToString(format, CultureInfo.InvariantCulture) + " %",
            0m when r > 0m => "< " + step.ToString(format, CultureInfo.InvariantCulture) + " %",
            _ => percent.ToString(format, CultureInfo.InvariantCulture) + " %",
        };
    }

    /// <summary>A gap in percentage points with its sign, e.g. <c>−3.4 pts</c>.</summary>
    public static string Points(decimal gap, ExplanationLanguage? language)
    {
        var points = Math.Round(gap * 100m, 1, MidpointRounding.AwayFromZero);
        var sign = points > 0 ? "+" : points < 0 ? "−" : "±";
        return sign + Math.Abs(points).ToString("0.0", CultureInfo.InvariantCulture) + " " + L("个百分点", "pts", language);
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Mean(decimal? mean) => mean is { } m ? m.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    public static string Time(Duration? duration) => duration is { } d ? DurationText.Format(d) : "—";

    public static string Day(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    public static string Moment(Instant instant, DateTimeZone zone) => instant.InZone(zone).ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string SeverityName(SeverityLevel level, ExplanationLanguage? language) => L(level.NameZh, level.NameEn, language);

    public static string Verdict(TargetComparison c, ExplanationLanguage? language) => c.IsMet switch
    {
        true => L("达标", "met", language) + " (" + Points(c.Gap!.Value, language) + ")",
        false => L("未达标", "missed", language) + " (" + Points(c.Gap!.Value, language) + ")",
        null => L("无数据", "no data", language),
    };

    public static string NoData(NoDataReason reason, ExplanationLanguage? language) => L("无数据", "No data", language) + ": " + reason switch
    {
        NoDataReason.PeriodNotStarted => L("统计周期尚未开始", "the period had not started at the report's \"as of\" instant", language),
        NoDataReason.NoWorkOrders => L("本期无故障工单", "no work order was reported in the period", language),
        NoDataReason.NoClockDecided => L("本期工单的时限均未到期或完成", "no SLA clock of the period's work orders has stopped or breached yet", language),
        NoDataReason.NoDevices => L("无登记设备且无故障设备", "no device is registered and none had a fault", language),
        NoDataReason.NoRatings => L("本期无客户签字评价", "no service report was signed with a rating in the period", language),
        NoDataReason.NoSurveyAnswers => L("本期满意度调查未回答此项", "no survey answered this item in the period", language),
        NoDataReason.NoCallbacksDue => L("本期无保修期内已修复工单，无需回访", "no in-warranty work order was resolved in the period, so no callback was due", language),
        NoDataReason.NoShipments => L("本期无备件发货记录", "no parts shipment was recorded in the period", language),
        NoDataReason.NoPartsReplaced => L("本期工单未更换备件", "no part was replaced on the period's work orders", language),
        _ => L("服务未记录此项内容", "the service holds no record of this section", language),
    };

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
    public static string Inline(string text) => text.Replace("<", "\\<", StringComparison.Ordinal).Replace(">", "\\>", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>Escapes Markdown table cell text: pipes and line breaks.</summary>
    public static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);
}
