using NodaTime;
namespace AfterSales.Calendars;

/// <summary>
/// What a calendar whose holiday data covers only some years does when asked about a date in
/// another year (for example a Chinese statutory calendar asked about a year whose State Council
/// notice is not in its data yet).
/// </summary>
public enum UnknownYearPolicy
{
    /// <summary>
    /// Throw <see cref="CalendarYearNotCoveredException"/>: a deadline computed without the year's
    /// holidays would silently be wrong. This is the default.
    /// </summary>
    Throw = 0,

    /// <summary>Treat uncovered years as plain weeks: the weekly hours apply, with no holidays and no extra working days.</summary>
    TreatAsPlainWeekdays = 1,
}
