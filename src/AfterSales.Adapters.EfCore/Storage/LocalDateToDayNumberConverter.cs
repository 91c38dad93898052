using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// Stores a <see cref="LocalDate"/> as the number of days since 1970-01-01 (日期按天数存储): an
/// <c>integer</c> column on PostgreSQL and SQLite.
/// </summary>
/// <remarks>
/// An integer round-trips every ISO date exactly (NodaTime's whole range, years −9998 to 9999), compares
/// and indexes in date order, and needs no date parsing on either provider. Dates are stored in the
/// ISO calendar: a date in another calendar loads back as the same day in ISO.
/// </remarks>
public sealed class LocalDateToDayNumberConverter : ValueConverter<LocalDate, int>
{
    /// <summary>Creates the converter.</summary>
    public LocalDateToDayNumberConverter()
        : base(static d => ToDayNumber(d), static n => FromDayNumber(n))
    {
    }

    /// <summary>Days since 1970-01-01 (negative before it).</summary>
    public static int ToDayNumber(LocalDate date) => Period.DaysBetween(Epoch, date.WithCalendar(CalendarSystem.Iso));

    /// <summary>The ISO date <paramref name="dayNumber"/> days after 1970-01-01.</summary>
    public static LocalDate FromDayNumber(int dayNumber) => Epoch.PlusDays(dayNumber);

    private static LocalDate Epoch => new(1970, 1, 1);
}
