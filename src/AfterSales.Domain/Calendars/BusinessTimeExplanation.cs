using System.Globalization;
using AfterSales.Internal;
using NodaTime.Text;

namespace AfterSales.Calendars;

/// <summary>
/// Explains, a day per line, how a calendar counts the business time between two instants: which
/// days count how much, which are skipped and why (a holiday by name, a block of one holiday on one
/// line), the make-up working days (调休) on the way, and the years counted as plain weeks for want
/// of holiday data (provisional) — the answer to "why is the due date this value?".
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
            var special = calendar.SpecialDaysBetween(first, last).ToDictionary(static d => d.Date);
            string? skippedBlock = null;
            LocalDate blockStart = default, blockEnd = default;
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

                special.TryGetValue(date, out var day);
                if (day is { Kind: CalendarDayKind.Holiday })
                {
                    // A block of one holiday is one line, not a line per day.
                    var what = "holiday" + Named(day);
                    if (skippedBlock == what && blockEnd.PlusDays(1) == date)
                    {
                        blockEnd = date;
                        continue;
                    }

                    Flush();
                    (skippedBlock, blockStart, blockEnd) = (what, date, date);
                    continue;
                }

                Flush();
                var makeUp = day is { Kind: CalendarDayKind.ExtraWorkingDay } ? " (make-up working day" + Named(day) + ")" : string.Empty;
                if (counted > Duration.Zero)
                {
                    lines.Add($"{DatePattern.Format(date)}{makeUp}: counts {DurationText.Format(counted)}.");
                }
                else if (!calendar.IsWorkingDay(date))
                {
                    lines.Add($"{DatePattern.Format(date)}: not a working day, skipped.");
                }
            }

            Flush();

            void Flush()
            {
                if (skippedBlock is null)
                {
                    return;
                }

                lines.Add(blockStart == blockEnd
                    ? $"{DatePattern.Format(blockStart)}: {skippedBlock}, skipped."
                    : $"{DatePattern.Format(blockStart)} to {DatePattern.Format(blockEnd)}: {skippedBlock}, skipped.");
                skippedBlock = null;
            }
        }
        else
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"The span covers {dayCount} days; per-day detail is given for spans up to {MaxDetailedDays} days."));
        }

        lines.AddRange(ProvisionalLines(calendar, start, end));
        lines.Add($"Business time counted: {DurationText.Format(calendar.BusinessTimeBetween(start, end))}; end {Local(end, zone)} local.");
        return lines;
    }

    /// <summary>
    /// One line per year of the span that the calendar has no holiday data for and counted as plain
    /// weeks: "2027: no holiday data loaded for cn-statutory-9-18; counted as plain weekdays — provisional."
    /// Empty when the answer is final. SLA clock explanations use the same lines.
    /// </summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="start">The start of the span.</param>
    /// <param name="end">The end of the span.</param>
    public static IReadOnlyList<string> ProvisionalLines(this BusinessCalendar calendar, Instant start, Instant end)
    {
        Guard.NotNull(calendar);
        return [.. calendar.UncoveredYearsBetween(start, end).Select(year =>
            string.Create(CultureInfo.InvariantCulture, $"{year}: no holiday data loaded for {calendar.Id}; counted as plain weekdays — provisional."))];
    }

    /// <summary>" 国庆节 (National Day)", " 国庆节", or nothing for an unnamed day.</summary>
    private static string Named(CalendarDay day) =>
        (day.Name.Length > 0 ? " " + day.Name : string.Empty) + (day.NameEn is { Length: > 0 } en ? " (" + en + ")" : string.Empty);

    private static string Local(Instant instant, DateTimeZone zone) => LocalPattern.Format(instant.InZone(zone).LocalDateTime);
}
