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
    public static IReadOnlyList<string> Explain(this BusinessCalendar calendar, Instant start, Instant end) =>
        Explain(calendar, start, end, ExplanationLanguage.English);

    /// <summary>
    /// Lines that explain the business time <paramref name="calendar"/> counts from
    /// <paramref name="start"/> to <paramref name="end"/>, in the calendar's zone, in <paramref name="language"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public static IReadOnlyList<string> Explain(this BusinessCalendar calendar, Instant start, Instant end, ExplanationLanguage language)
    {
        Guard.NotNull(calendar);
        Guard.NotNull(language);
        var zh = language.IsChinese;
        if (end < start)
        {
            throw new ArgumentException($"end ({end}) must not be before start ({start}).", nameof(end));
        }

        var zone = calendar.Zone;
        var next = calendar.NextBusinessTime(start);
        var lines = new List<string>
        {
            language.Text($"日历“{calendar.Name}”,时区 {zone.Id}。", $"Calendar '{calendar.Name}' in {zone.Id}."),
            language.Text(
                $"开始于当地时间 {Local(start, zone)}" + (next == start ? "。" : $",不在工作时间内:自 {Local(next, zone)} 起计。"),
                $"Start {Local(start, zone)} local" + (next == start ? "." : $", outside business time: counting begins {Local(next, zone)}.")),
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
                    var what = zh ? "节假日" + NamedZh(day) : "holiday" + Named(day);
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
                var makeUp = day is { Kind: CalendarDayKind.ExtraWorkingDay }
                    ? zh ? "(调休工作日" + NamedZh(day) + ")" : " (make-up working day" + Named(day) + ")"
                    : string.Empty;
                if (counted > Duration.Zero)
                {
                    lines.Add(language.Text($"{DatePattern.Format(date)}{makeUp}:计 {language.Duration(counted)}。", $"{DatePattern.Format(date)}{makeUp}: counts {DurationText.Format(counted)}."));
                }
                else if (!calendar.IsWorkingDay(date))
                {
                    lines.Add(language.Text($"{DatePattern.Format(date)}:非工作日,跳过。", $"{DatePattern.Format(date)}: not a working day, skipped."));
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
                    ? language.Text($"{DatePattern.Format(blockStart)}:{skippedBlock},跳过。", $"{DatePattern.Format(blockStart)}: {skippedBlock}, skipped.")
                    : language.Text($"{DatePattern.Format(blockStart)} 至 {DatePattern.Format(blockEnd)}:{skippedBlock},跳过。", $"{DatePattern.Format(blockStart)} to {DatePattern.Format(blockEnd)}: {skippedBlock}, skipped."));
                skippedBlock = null;
            }
        }
        else
        {
            lines.Add(language.Text(
                string.Create(CultureInfo.InvariantCulture, $"跨度 {dayCount} 天;{MaxDetailedDays} 天以内才逐日说明。"),
                string.Create(CultureInfo.InvariantCulture, $"The span covers {dayCount} days; per-day detail is given for spans up to {MaxDetailedDays} days.")));
        }

        lines.AddRange(ProvisionalLines(calendar, start, end, language));
        var total = calendar.BusinessTimeBetween(start, end);
        lines.Add(language.Text($"共计工作时间 {language.Duration(total)};结束于当地时间 {Local(end, zone)}。", $"Business time counted: {DurationText.Format(total)}; end {Local(end, zone)} local."));
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
    public static IReadOnlyList<string> ProvisionalLines(this BusinessCalendar calendar, Instant start, Instant end) =>
        ProvisionalLines(calendar, start, end, ExplanationLanguage.English);

    /// <summary>The lines of <see cref="ProvisionalLines(BusinessCalendar, Instant, Instant)"/> in <paramref name="language"/>.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="start">The start of the span.</param>
    /// <param name="end">The end of the span.</param>
    /// <param name="language">The language.</param>
    public static IReadOnlyList<string> ProvisionalLines(this BusinessCalendar calendar, Instant start, Instant end, ExplanationLanguage language)
    {
        Guard.NotNull(calendar);
        Guard.NotNull(language);
        return [.. calendar.UncoveredYearsBetween(start, end).Select(year => language.Text(
            string.Create(CultureInfo.InvariantCulture, $"{year}年:{calendar.Id} 未加载节假日数据;按普通工作周计算——暂定。"),
            string.Create(CultureInfo.InvariantCulture, $"{year}: no holiday data loaded for {calendar.Id}; counted as plain weekdays — provisional.")))];
    }

    /// <summary>" 国庆节 (National Day)", " 国庆节", or nothing for an unnamed day.</summary>
    private static string Named(CalendarDay day) =>
        (day.Name.Length > 0 ? " " + day.Name : string.Empty) + (day.NameEn is { Length: > 0 } en ? " (" + en + ")" : string.Empty);

    /// <summary>"(国庆节)", or nothing for an unnamed day.</summary>
    private static string NamedZh(CalendarDay day) => day.Name.Length > 0 ? "(" + day.Name + ")" : string.Empty;

    private static string Local(Instant instant, DateTimeZone zone) => LocalPattern.Format(instant.InZone(zone).LocalDateTime);
}
