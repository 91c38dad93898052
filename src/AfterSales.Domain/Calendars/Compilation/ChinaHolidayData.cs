using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Calendars.Compilation;

/// <summary>
/// The embedded data of China's statutory holidays (offDays) and make-up workdays
/// (makeUpWorkdays, 调休) per year, parsed from <c>Calendars/Data/cn-holidays.json</c>.
/// </summary>
internal sealed class ChinaHolidayData
{
    private const string ResourceName = "AfterSales.Calendars.Data.cn-holidays.json";

    private ChinaHolidayData(string source, int firstYear, int lastYear, CalendarDay[] holidays, (LocalDate Date, string Name, string NameEn)[] makeUpWorkdays)
    {
        Source = source;
        FirstYear = firstYear;
        LastYear = lastYear;
        Holidays = holidays;
        MakeUpWorkdays = makeUpWorkdays;
    }

    public string Source { get; }

    /// <summary>The lines of <see cref="Source"/> that name no year (the cross-checks).</summary>
    public string GeneralSource => string.Join("\n", Source.Split('\n').Where(static l => !StartsWithYear(l)));

    /// <summary>The line of <see cref="Source"/> about <paramref name="year"/>, without the year prefix; null when none.</summary>
    public string? SourceOf(int year)
    {
        var prefix = year.ToString(CultureInfo.InvariantCulture) + ": ";
        return Source.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
    }

    private static bool StartsWithYear(string line) => line.Length > 6 && char.IsAsciiDigit(line[0]) && line[4] == ':' && line[5] == ' ';

    public int FirstYear { get; }

    public int LastYear { get; }

    public CalendarDay[] Holidays { get; }

    public (LocalDate Date, string Name, string NameEn)[] MakeUpWorkdays { get; }

    public static ChinaHolidayData Load()
    {
        using var stream = typeof(ChinaHolidayData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the assembly.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var source = root.GetProperty("source").GetString() ?? string.Empty;
        var holidays = new List<CalendarDay>();
        var makeUp = new List<(LocalDate, string, string)>();
        var years = new List<int>();
        foreach (var year in root.GetProperty("years").EnumerateObject())
        {
            var yearNumber = int.Parse(year.Name, NumberStyles.None, CultureInfo.InvariantCulture);
            years.Add(yearNumber);
            foreach (var day in year.Value.GetProperty("offDays").EnumerateArray())
            {
                var (date, name, nameEn) = ReadDay(day, yearNumber);
                holidays.Add(CalendarDay.Holiday(date, name, nameEn));
            }

            foreach (var day in year.Value.GetProperty("makeUpWorkdays").EnumerateArray())
            {
                makeUp.Add(ReadDay(day, yearNumber));
            }
        }

        years.Sort();
        for (var i = 1; i < years.Count; i++)
        {
            if (years[i] != years[i - 1] + 1)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{ResourceName}: the years must be consecutive, {years[i - 1]} is followed by {years[i]}."));
            }
        }

        return new ChinaHolidayData(source, years[0], years[^1], [.. holidays], [.. makeUp]);
    }

    private static (LocalDate Date, string Name, string NameEn) ReadDay(JsonElement day, int year)
    {
        var text = day.GetProperty("date").GetString();
        var date = LocalDatePattern.Iso.Parse(text ?? string.Empty).GetValueOrThrow();
        if (date.Year != year)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{ResourceName}: {text} is listed under {year}."));
        }

        return (date, day.GetProperty("name").GetString() ?? string.Empty, day.GetProperty("nameEn").GetString() ?? string.Empty);
    }
}
