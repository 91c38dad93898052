using NodaTime;
namespace AfterSales.Calendars;

/// <summary>Why a date departs from a calendar's weekly hours.</summary>
public enum CalendarDayKind
{
    /// <summary>A holiday: no working time that day, whatever the weekday.</summary>
    Holiday = 1,

    /// <summary>
    /// An extra working day with its own hours, replacing the weekday's hours, for example a
    /// Chinese make-up workday (调休) on a Saturday.
    /// </summary>
    ExtraWorkingDay = 2,
}
