using AfterSales.Calendars;

namespace AfterSales.Testing;

/// <summary>Calendars for tests in one line: office hours in a zone with holidays, round the clock, China's 5×8.</summary>
public static class TestCalendars
{
    /// <summary>
    /// Monday to Friday from <paramref name="opens"/> to <paramref name="closes"/> in the IANA zone
    /// <paramref name="zoneId"/>, with the given <paramref name="holidays"/> off.
    /// </summary>
    /// <param name="zoneId">An IANA zone id such as <c>Europe/Berlin</c>.</param>
    /// <param name="opens">The opening time.</param>
    /// <param name="closes">The closing time, later than <paramref name="opens"/>.</param>
    /// <param name="holidays">Local dates without working time.</param>
    /// <returns>A new calendar.</returns>
    /// <exception cref="NodaTime.TimeZones.DateTimeZoneNotFoundException">The zone id is unknown.</exception>
    public static BusinessCalendar OfficeHours(string zoneId, LocalTime opens, LocalTime closes, params LocalDate[] holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        var hours = WorkingHours.Between(opens, closes);
        var builder = BusinessCalendar.CreateBuilder($"Mon–Fri {hours} {zoneId}", zoneId);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            builder.WithHours(day, hours);
        }

        foreach (var date in holidays)
        {
            builder.WithHoliday(date, "holiday");
        }

        return builder.Build();
    }

    /// <summary>Monday to Friday 09:00–17:00 in <paramref name="zoneId"/>, with the given holidays off.</summary>
    /// <returns>A new calendar.</returns>
    public static BusinessCalendar NineToFive(string zoneId, params LocalDate[] holidays) =>
        OfficeHours(zoneId, new LocalTime(9, 0), new LocalTime(17, 0), holidays);

    /// <summary>Round the clock (7×24) in the IANA zone <paramref name="zoneId"/>; the default value is UTC.</summary>
    /// <returns>A new calendar.</returns>
    public static BusinessCalendar TwentyFourSeven(string zoneId = "UTC") =>
        BusinessCalendar.TwentyFourSeven(DateTimeZoneProviders.Tzdb[zoneId]);

    /// <summary>China's statutory 5×8 calendar, 09:00–18:00 Beijing time (<see cref="ChinaCalendars.Statutory9To18"/>).</summary>
    public static BusinessCalendar ChinaStatutory => ChinaCalendars.Statutory9To18;
}
