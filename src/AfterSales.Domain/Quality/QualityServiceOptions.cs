using AfterSales.Calendars;
using AfterSales.Internal;

namespace AfterSales.Quality;

/// <summary>Settings of <see cref="QualityService"/> (质量统计设置). Immutable.</summary>
public sealed class QualityServiceOptions
{
    /// <summary>Creates options.</summary>
    /// <param name="zone">The zone reports' days and months are counted in.</param>
    /// <param name="businessCalendar">The calendar the reports' "business time" columns are measured on.</param>
    public QualityServiceOptions(DateTimeZone zone, BusinessCalendar businessCalendar)
    {
        Zone = Guard.NotNull(zone);
        BusinessCalendar = Guard.NotNull(businessCalendar);
    }

    /// <summary>
    /// Beijing time (<see cref="ChinaCalendars.BeijingTime"/>) and China's 5×8 statutory calendar
    /// (<see cref="ChinaCalendars.Statutory9To18"/>: Monday–Friday 09:00–18:00, statutory holidays off).
    /// </summary>
    public static QualityServiceOptions Default { get; } = new(ChinaCalendars.BeijingTime, ChinaCalendars.Statutory9To18);

    /// <summary>The zone days and months are counted in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The calendar business times are measured on.</summary>
    public BusinessCalendar BusinessCalendar { get; }
}
