using System.Globalization;
using System.Text;

namespace AfterSales.Internal;

/// <summary>Formats durations the way people write them in SLA explanations: "2 h 10 min".</summary>
internal static class DurationText
{
    public static string Format(Duration duration)
    {
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
            if (text.Length > (negative ? 1 : 0))
            {
                text.Append(' ');
            }

            text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(unit);
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
            text.Append("0 min");
        }

        return text.ToString();
    }
}
