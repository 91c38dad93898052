using System.Globalization;
using System.Text;

namespace AfterSales.Internal;

/// <summary>Formats durations the way people write them in SLA explanations: "2 h 10 min", "2小时10分钟".</summary>
internal static class DurationText
{
    public static string Format(Duration duration) => Format(duration, ExplanationLanguage.English);

    public static string Format(Duration duration, ExplanationLanguage language)
    {
        var zh = language.IsChinese;
        var negative = duration < Duration.Zero;
        if (negative)
        {
            duration = -duration;
        }

        var totalMinutes = (long)Math.Floor(duration.TotalMinutes);
        var seconds = (long)Math.Floor(duration.TotalSeconds) - (totalMinutes * 60);
        var days = totalMinutes / (24 * 60);
        var hours = totalMinutes / 60 % 24;
        var minutes = totalMinutes % 60;

        var text = new StringBuilder();
        if (negative)
        {
            text.Append('-');
        }

        void Part(long value, string unit)
        {
            if (!zh && text.Length > (negative ? 1 : 0))
            {
                text.Append(' ');
            }

            text.Append(value.ToString(CultureInfo.InvariantCulture));
            if (zh)
            {
                text.Append(unit switch { "h" => "小时", "min" => "分钟", _ => "秒" });
            }
            else
            {
                text.Append(' ').Append(unit);
            }
        }

        if (days > 0)
        {
            Part(days * 24 + hours, "h");
        }
        else if (hours > 0)
        {
            Part(hours, "h");
        }

        if (minutes > 0)
        {
            Part(minutes, "min");
        }

        if (seconds > 0 && days == 0 && hours == 0)
        {
            Part(seconds, "s");
        }

        if (text.Length == (negative ? 1 : 0))
        {
            text.Append(zh ? "0分钟" : "0 min");
        }

        return text.ToString();
    }
}
