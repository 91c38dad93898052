using System.Globalization;
using AfterSales.Calendars;
using AfterSales.Internal;

namespace AfterSales.Sla;

/// <summary>
/// How much time an SLA target allows: a business duration ("4 hours"), a number of working days
/// ("2 working days", 工作日), the close of the Nth working day, all counted on the target's calendar,
/// or calendar days, weeks and months (elapsed time in the calendar's zone).
/// </summary>
/// <remarks>
/// <para>A working-day amount is turned into business time once, at the clock's start, with
/// <see cref="BusinessCalendar.AddWorkingDays"/>: n working days from a start are the business
/// time between that start and the same position in the day n working days later. From then on
/// both kinds of amount behave the same way (pauses, warnings, reclassification), so a clock never
/// needs a second mechanism. Because a business duration that runs out exactly at closing time
/// ends at the closing instant, "2 working days" from an opening ends at the close of the second
/// working day.</para>
/// <para>Immutable value type; the default value is zero business time.</para>
/// </remarks>
public readonly struct SlaAmount : IEquatable<SlaAmount>
{
    private SlaAmount(SlaAmountUnit unit, Duration businessTime, int workingDays, Period? period = null)
    {
        Unit = unit;
        BusinessTime = businessTime;
        WorkingDays = workingDays;
        CalendarPeriod = period;
    }

    /// <summary>Whether the amount is business time or working days.</summary>
    public SlaAmountUnit Unit { get; }

    /// <summary>The business duration, when <see cref="Unit"/> is <see cref="SlaAmountUnit.BusinessTime"/>.</summary>
    public Duration BusinessTime { get; }

    /// <summary>The number of working days, when <see cref="Unit"/> is <see cref="SlaAmountUnit.WorkingDays"/> or <see cref="SlaAmountUnit.CloseOfWorkingDay"/>.</summary>
    public int WorkingDays { get; }

    /// <summary>The days, weeks and months, when <see cref="Unit"/> is <see cref="SlaAmountUnit.CalendarPeriod"/>.</summary>
    public Period? CalendarPeriod { get; }

    /// <summary>Whether the clock counts elapsed time in the calendar's zone (a calendar period) rather than business time.</summary>
    public bool CountsElapsedTime => Unit == SlaAmountUnit.CalendarPeriod;

    /// <summary>An amount of business time.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessTime"/> is negative.</exception>
    public static SlaAmount OfBusinessTime(Duration businessTime) =>
        new(SlaAmountUnit.BusinessTime, Guard.NotNegative(businessTime), 0);

    /// <summary>An amount of whole business hours.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hours"/> is negative.</exception>
    public static SlaAmount Hours(int hours) => OfBusinessTime(Duration.FromHours(Guard.NotNegative(hours)));

    /// <summary>An amount of whole business minutes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minutes"/> is negative.</exception>
    public static SlaAmount Minutes(int minutes) => OfBusinessTime(Duration.FromMinutes(Guard.NotNegative(minutes)));

    /// <summary>An amount of whole working days (工作日).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is negative.</exception>
    public static SlaAmount OfWorkingDays(int workingDays) =>
        new(SlaAmountUnit.WorkingDays, Duration.Zero, Guard.NotNegative(workingDays));

    /// <summary>
    /// Until the close of the <paramref name="workingDays"/>-th working day after the one the clock
    /// starts on (0: that day's close; a clock that starts after hours starts on the next working day).
    /// Holidays are skipped and make-up working days count, as for <see cref="OfWorkingDays"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is negative.</exception>
    public static SlaAmount UntilCloseOfWorkingDay(int workingDays) =>
        new(SlaAmountUnit.CloseOfWorkingDay, Duration.Zero, Guard.NotNegative(workingDays));

    /// <summary>An amount of calendar days, weeks and months in the calendar's zone, counted as elapsed time.</summary>
    /// <param name="period">Days, weeks and months only, none negative, not all zero.</param>
    /// <exception cref="ArgumentOutOfRangeException">The period has other units, a negative one, or is zero.</exception>
    public static SlaAmount OfCalendarPeriod(Period period)
    {
        Guard.NotNull(period);
        var normalized = period;
        if (period.Years != 0 || period.HasTimeComponent || period.Months < 0 || period.Weeks < 0 || period.Days < 0 || period.Equals(Period.Zero))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"period must be whole days, weeks or months, none negative and not all zero, was {period}.");
        }

        return new(SlaAmountUnit.CalendarPeriod, Duration.Zero, 0, normalized);
    }

    /// <summary>A date agreed with the customer (协商确定, R-SLA-3): the clock has no due instant until one is negotiated.</summary>
    public static SlaAmount ByAgreement { get; } = new(SlaAmountUnit.ByAgreement, Duration.Zero, 0);

    /// <summary>
    /// The time this amount allows for a clock that starts at <paramref name="start"/> on
    /// <paramref name="calendar"/>: business time, except for a <see cref="SlaAmountUnit.CalendarPeriod"/>,
    /// whose time is elapsed time (the clock counts it on a 7×24 view of the calendar's zone).
    /// </summary>
    public Duration ToBusinessTime(BusinessCalendar calendar, Instant start)
    {
        Guard.NotNull(calendar);
        return Unit switch
        {
            SlaAmountUnit.BusinessTime => BusinessTime,
            SlaAmountUnit.WorkingDays => calendar.BusinessTimeBetween(start, calendar.AddWorkingDays(start, WorkingDays)),
            SlaAmountUnit.CloseOfWorkingDay => calendar.BusinessTimeBetween(start, CloseOfWorkingDay(calendar, start, WorkingDays)),
            SlaAmountUnit.ByAgreement => Duration.Zero, // the agreed date sets it (SlaEvaluator)
            _ => PeriodEnd(calendar.Zone, start) - start,
        };
    }

    /// <summary>The close of the <paramref name="workingDays"/>-th working day after the one <paramref name="start"/> counts on.</summary>
    internal static Instant CloseOfWorkingDay(BusinessCalendar calendar, Instant start, int workingDays)
    {
        var day = calendar.NextBusinessTime(start).InZone(calendar.Zone).Date;
        for (var left = workingDays; left > 0;)
        {
            day = day.PlusDays(1);
            left -= calendar.IsWorkingDay(day) ? 1 : 0;
        }

        return calendar.WorkingIntervalsOn(day)[^1].End;
    }

    /// <summary>The local date-time of <paramref name="start"/> plus the period (months clamped), back on the instant line (a skipped local time moves forward).</summary>
    internal Instant PeriodEnd(DateTimeZone zone, Instant start) =>
        (start.InZone(zone).LocalDateTime + CalendarPeriod!).InZoneLeniently(zone).ToInstant();

    /// <inheritdoc />
    public bool Equals(SlaAmount other) =>
        Unit == other.Unit && BusinessTime == other.BusinessTime && WorkingDays == other.WorkingDays && Equals(CalendarPeriod, other.CalendarPeriod);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SlaAmount other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Unit, BusinessTime, WorkingDays, CalendarPeriod);

    /// <summary>Equality.</summary>
    public static bool operator ==(SlaAmount left, SlaAmount right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(SlaAmount left, SlaAmount right) => !left.Equals(right);

    /// <summary>E.g. <c>4 h</c>, <c>30 min</c>, <c>2 working days</c>.</summary>
    public override string ToString() => Describe(ExplanationLanguage.English);

    /// <summary>The amount in words: <c>2 working days</c>, or <c>2个工作日</c>.</summary>
    /// <param name="language">The language.</param>
    public string Describe(ExplanationLanguage language)
    {
        Guard.NotNull(language);
        var n = WorkingDays;
        return Unit switch
        {
            SlaAmountUnit.WorkingDays => language.Text(
                string.Create(CultureInfo.InvariantCulture, $"{n}个工作日"),
                string.Create(CultureInfo.InvariantCulture, $"{n} working day{(n == 1 ? "" : "s")}")),
            SlaAmountUnit.CloseOfWorkingDay => n == 0
                ? language.Text("当天工作日结束前", "the close of the working day")
                : language.Text(
                    string.Create(CultureInfo.InvariantCulture, $"第{n}个工作日下班前"),
                    string.Create(CultureInfo.InvariantCulture, $"the close of working day {n}")),
            SlaAmountUnit.CalendarPeriod => PeriodText(language),
            SlaAmountUnit.ByAgreement => language.Text("与客户协商确定的时间", "a date agreed with the customer"),
            _ => language.Duration(BusinessTime),
        };
    }

    private string PeriodText(ExplanationLanguage language)
    {
        var p = CalendarPeriod!;
        var parts = new List<string>();
        void Part(int value, string zh, string en)
        {
            if (value != 0)
            {
                parts.Add(language.Text(
                    string.Create(CultureInfo.InvariantCulture, $"{value}{zh}"),
                    string.Create(CultureInfo.InvariantCulture, $"{value} {en}{(value == 1 ? "" : "s")}")));
            }
        }

        Part(p.Months, "个月", "calendar month");
        Part(p.Weeks, "周", "calendar week");
        Part(p.Days, "个自然日", "calendar day");
        return string.Join(language.Text("", " "), parts);
    }
}
