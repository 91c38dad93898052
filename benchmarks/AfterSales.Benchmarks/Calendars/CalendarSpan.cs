namespace AfterSales.Benchmarks.Calendars;

/// <summary>The business-time spans the calendar benchmarks add or measure, on a 9-hour working day.</summary>
public enum CalendarSpan
{
    /// <summary>One hour.</summary>
    OneHour,

    /// <summary>Eight hours, usually crossing a closing time.</summary>
    EightHours,

    /// <summary>Five working days (45 h).</summary>
    FiveWorkingDays,

    /// <summary>Sixty working days (540 h), across holidays and make-up workdays.</summary>
    SixtyWorkingDays,
}
