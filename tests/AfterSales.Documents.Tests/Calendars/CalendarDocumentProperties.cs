using AfterSales.Calendars;
using AfterSales.Documents.Calendars;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AfterSales.Documents.Tests.Calendars;

/// <summary>Any valid definition survives a trip through its JSON document: same document, same calendar.</summary>
public class CalendarDocumentProperties
{
    [Property(Arbitrary = new[] { typeof(CalendarDocumentProperties) }, MaxTest = 200)]
    public bool Write_ThenRead_RandomDefinitions_RoundTrip(CalendarDefinition definition)
    {
        var read = CalendarDocuments.ReadDefinition(CalendarDocuments.Write(definition));
        if (!read.Success)
        {
            return false;
        }

        var same = CalendarDocuments.Write(read.Value) == CalendarDocuments.Write(definition);
        for (var date = new LocalDate(2027, 1, 1); date <= new LocalDate(2027, 1, 31); date = date.PlusDays(1))
        {
            same &= read.Value.Calendar.WorkingIntervalsOn(date).SequenceEqual(definition.Calendar.WorkingIntervalsOn(date));
        }

        return same;
    }

    /// <summary>The definitions the property draws.</summary>
    public static Arbitrary<CalendarDefinition> Random() => Definitions().ToArbitrary();

    /// <summary>Definitions with random non-overlapping quarter-hour ranges per weekday and random January holidays and extra days.</summary>
    private static Gen<CalendarDefinition> Definitions() =>
        from days in Gen.Choose(0, 95).ListOf(7).Select(static l => l.ToArray())
        from widths in Gen.Choose(1, 40).ListOf(7).Select(static l => l.ToArray())
        from specials in Gen.Choose(1, 31).ListOf().Select(static l => l.Distinct().ToArray())
        from kinds in Gen.Elements(true, false).ListOf(31).Select(static l => l.ToArray())
        select Build(days, widths, specials, kinds);

    private static CalendarDefinition Build(int[] starts, int[] widths, int[] specials, bool[] holiday)
    {
        var builder = CalendarDefinition.CreateBuilder("random", "random calendar", "Europe/Berlin");
        for (var i = 0; i < 7; i++)
        {
            var start = starts[i] * 15;
            var end = Math.Min(1440, start + (widths[i] * 15));
            builder.WithHours((IsoDayOfWeek)(i + 1), WorkingHours.FromMinutesOfDay(start, end));
            if (end <= 1380)
            {
                builder.WithHours((IsoDayOfWeek)(i + 1), WorkingHours.FromMinutesOfDay(end + 30, Math.Min(1440, end + 60)));
            }
        }

        var dates = specials.Select(static d => new LocalDate(2027, 1, d)).ToArray();
        var holidays = dates.Where((_, i) => holiday[i]).Select(static d => CalendarDay.Holiday(d, "假日", "holiday"));
        var extra = dates.Where((_, i) => !holiday[i]).Select(static d => CalendarDay.ExtraWorkingDay(d, "调休", null, WorkingHours.FromMinutesOfDay(540, 1080)));
        return builder.WithYear(HolidayYear.Create(2027, holidays, extra, "generated")).Build();
    }
}
