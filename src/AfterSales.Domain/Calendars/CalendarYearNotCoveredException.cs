using NodaTime;
using System.Globalization;

namespace AfterSales.Calendars;

/// <summary>
/// Thrown when a calendar whose holiday data covers only some years is asked about a date in
/// another year, and its <see cref="UnknownYearPolicy"/> is <see cref="UnknownYearPolicy.Throw"/>.
/// A deadline that silently ignored that year's holidays could be days early.
/// </summary>
/// <remarks>
/// To opt in to treating uncovered years as plain weekdays, pass
/// <see cref="UnknownYearPolicy.TreatAsPlainWeekdays"/> (for example to
/// <see cref="ChinaCalendars.Statutory(LocalTime, LocalTime, UnknownYearPolicy)"/>) or call
/// <see cref="BusinessCalendarBuilder.TreatUnknownYearsAsPlainWeekdays"/>.
/// </remarks>
public sealed class CalendarYearNotCoveredException : AfterSalesException
{
    /// <summary>Creates the exception for the calendar, the year asked about and the covered years.</summary>
    /// <param name="calendarName">The name of the calendar.</param>
    /// <param name="year">The year asked about.</param>
    /// <param name="firstCoveredYear">The first year the calendar has holiday data for.</param>
    /// <param name="lastCoveredYear">The last year the calendar has holiday data for.</param>
    public CalendarYearNotCoveredException(string calendarName, int year, int firstCoveredYear, int lastCoveredYear)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"The calendar '{calendarName}' has holiday data for {firstCoveredYear}–{lastCoveredYear} only, so it cannot tell working days in {year}. Update the data, or opt in to plain weeks (the weekly hours, no holidays) for uncovered years with UnknownYearPolicy.TreatAsPlainWeekdays (BusinessCalendarBuilder.TreatUnknownYearsAsPlainWeekdays())."))
    {
        CalendarName = calendarName;
        Year = year;
        FirstCoveredYear = firstCoveredYear;
        LastCoveredYear = lastCoveredYear;
    }

    /// <summary>The name of the calendar that was asked.</summary>
    public string CalendarName { get; }

    /// <summary>The year asked about, outside the covered range.</summary>
    public int Year { get; }

    /// <summary>The first year the calendar has holiday data for.</summary>
    public int FirstCoveredYear { get; }

    /// <summary>The last year the calendar has holiday data for.</summary>
    public int LastCoveredYear { get; }
}
