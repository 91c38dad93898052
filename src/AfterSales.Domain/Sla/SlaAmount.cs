using System.Globalization;
using AfterSales.Calendars;
using AfterSales.Internal;

namespace AfterSales.Sla;

/// <summary>
/// How much time an SLA target allows: a business duration ("4 hours") or a number of working
/// days ("2 working days", 工作日), both counted on the target's calendar.
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
    private SlaAmount(SlaAmountUnit unit, Duration businessTime, int workingDays)
    {
        Unit = unit;
        BusinessTime = businessTime;
        WorkingDays = workingDays;
    }

    /// <summary>Whether the amount is business time or working days.</summary>
    public SlaAmountUnit Unit { get; }

    /// <summary>The business duration, when <see cref="Unit"/> is <see cref="SlaAmountUnit.BusinessTime"/>.</summary>
    public Duration BusinessTime { get; }

    /// <summary>The number of working days, when <see cref="Unit"/> is <see cref="SlaAmountUnit.WorkingDays"/>.</summary>
    public int WorkingDays { get; }

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
    /// The business time this amount allows for a clock that starts at <paramref name="start"/>
    /// on <paramref name="calendar"/>.
    /// </summary>
    public Duration ToBusinessTime(BusinessCalendar calendar, Instant start)
    {
        Guard.NotNull(calendar);
        return Unit == SlaAmountUnit.BusinessTime
            ? BusinessTime
            : calendar.BusinessTimeBetween(start, calendar.AddWorkingDays(start, WorkingDays));
    }

    /// <inheritdoc />
    public bool Equals(SlaAmount other) =>
        Unit == other.Unit && BusinessTime == other.BusinessTime && WorkingDays == other.WorkingDays;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SlaAmount other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Unit, BusinessTime, WorkingDays);

    /// <summary>Equality.</summary>
    public static bool operator ==(SlaAmount left, SlaAmount right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(SlaAmount left, SlaAmount right) => !left.Equals(right);

    /// <summary>E.g. <c>4 h</c>, <c>30 min</c>, <c>2 working days</c>.</summary>
    public override string ToString() => Describe(ExplanationLanguage.English);

    /// <summary>The amount in words: <c>2 working days</c>, or <c>2个工作日</c>.</summary>
    /// <param name="language">The language.</param>
    public string Describe(ExplanationLanguage language) =>
        Guard.NotNull(language).IsChinese
            ? Unit == SlaAmountUnit.WorkingDays
                ? string.Create(CultureInfo.InvariantCulture, $"{WorkingDays}个工作日")
                : language.Duration(BusinessTime)
            : Unit == SlaAmountUnit.WorkingDays
                ? string.Create(CultureInfo.InvariantCulture, $"{WorkingDays} working day{(WorkingDays == 1 ? "" : "s")}")
                : DurationText.Format(BusinessTime);
}
