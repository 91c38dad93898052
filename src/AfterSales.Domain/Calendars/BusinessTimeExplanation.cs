using System.Globalization;
using AfterSales.Internal;
using NodaTime.Text;

namespace AfterSales.Calendars;

/// <summary>
/// Explains, a day per line, how a calendar counts the business time between two instants: which
/// days count how much, which are skipped, and the holidays and make-up working days (调休) on the
/// way — the answer to "why is the due date this value?".
/// </summary>
public static class BusinessTimeExplanation
{
    /// <summary>Spans longer than this many days get a summary instead of a line per day.</summary>
    public const int MaxDetailedDays = 62;

    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd ddd HH':'mm");
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd ddd");

    /// <summary>
    /// Lines that explain the business time <paramref name="calendar"/> counts from
    /// <paramref name="start"/> to <paramref name="end"/>, in the calendar's zone.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public static IReadOnlyList<string> Explain(this BusinessCalendar calendar, Instant start, Instant end)
    {
        Guard.NotNull(calendar);
        if (end < start)
        {
            throw new ArgumentException($"end ({end}) must not be before start ({start}).", nameof(end));
        }

        var zone = calendar.Zone;
        var next = calendar.NextBusinessTime(start);
        var lines = new List<string>
        {
            $"Calendar '{calendar.Name}' in {zone.Id}.",
            $"Start {Local(start, zone)} local" + (next == start ? "." : $", outside business time: counting begins {Local(next, zone)}."),
        };

        var first = start.InZone(zone).Date;
        var last = end.InZone(zone).Date;
        var dayCount = Period.Between(first, last, PeriodUnits.Days).Days;
        if (dayCount <= MaxDetailedDays)
        {
            for (var date = first; date <= last; date = date.PlusDays(1))
            {
                var counted = Duration.Zero;
                foreach (var interval in calendar.WorkingIntervalsOn(date))
                {
                    var from = Instant.Max(interval.Start, start);
                    var to = Instant.Min(interval.End, end);
                    if (to > from)
                    {
                        counted += to - from;
                    }
                }

                if (counted > Duration.Zero)
                {
                    lines.Add($"{DatePattern.Format(date)}: counts {DurationText.Format(counted)}.");
                }
                else if (!calendar.IsWorkingDay(date))
                {
                    lines.Add($"{DatePattern.Format(date)}: not a working day, skipped.");
                }
            }

            foreach (var special in calendar.SpecialDaysBetween(first, last))
            {
                var what = special.Kind == CalendarDayKind.Holiday ? "holiday" : "make-up working day";
                lines.Add($"{DatePattern.Format(special.Date)}: {what} {special.Name}{(special.NameEn is { Length: > 0 } en ? " (" + en + ")" : string.Empty)}.");
            }
        }
        else
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"The span covers {dayCount} days; per-day detail is given for spans up to {MaxDetailedDays} days."));
        }

        lines.Add($"Business time counted: {DurationText.Format(calendar.BusinessTimeBetween(start, end))}; end {Local(end, zone)} local.");
        return lines;
    }

    private static string Local(Instant instant, DateTimeZone zone) => LocalPattern.Format(instant.InZone(zone).LocalDateTime);
}
