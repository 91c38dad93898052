using System.Globalization;
using System.Text;
using AfterSales.Calendars;

namespace AfterSales.Tests.Calendars;

/// <summary>
/// A plain description of a calendar's rules in whole minutes, from which both the calendar under
/// test and the minute-stepping reference are made. Generated from a seed so a failing case can be
/// replayed from the seed in the failure message.
/// </summary>
internal sealed class CalendarSpec
{
    public static readonly DateTimeZone[] Zones =
    [
        DateTimeZone.Utc,
        DateTimeZoneProviders.Tzdb["Asia/Shanghai"],
        DateTimeZoneProviders.Tzdb["Europe/Berlin"],
        DateTimeZoneProviders.Tzdb["America/New_York"],
        DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"],
    ];

    /// <summary>Dates near daylight-saving transitions of the zones above in 2026, and a few plain ones.</summary>
    private static readonly LocalDate[] Anchors =
    [
        new(2026, 3, 8), new(2026, 3, 29), new(2026, 4, 5), new(2026, 10, 4), new(2026, 10, 25), new(2026, 11, 1),
        new(2026, 1, 1), new(2026, 6, 15), new(2025, 12, 31),
    ];

    public required int Seed { get; init; }

    public required DateTimeZone Zone { get; init; }

    /// <summary>Weekly ranges in minutes of the day, index 1 (Monday) to 7 (Sunday).</summary>
    public required (int Start, int End)[][] Weekly { get; init; }

    public required Dictionary<LocalDate, (int Start, int End)[]> ExtraDays { get; init; }

    public required List<LocalDate> Holidays { get; init; }

    /// <summary>The window that generated instants fall in.</summary>
    public required Instant WindowStart { get; init; }

    public required Instant WindowEnd { get; init; }

    public int WeeklyMinutes => Weekly.Skip(1).Sum(day => day.Sum(r => r.End - r.Start));

    public static CalendarSpec Generate(int seed, bool utcOnly = false, bool withSpecialDays = true)
    {
        var random = new Random(seed);
        var zone = utcOnly ? DateTimeZone.Utc : Zones[random.Next(Zones.Length)];
        var weekly = new (int, int)[8][];
        weekly[0] = [];
        for (var day = 1; day <= 7; day++)
        {
            weekly[day] = random.Next(4) == 0 ? [] : RandomRanges(random);
        }

        if (weekly.Skip(1).All(day => day.Length == 0))
        {
            weekly[random.Next(1, 8)] = RandomRanges(random);
        }

        var anchor = Anchors[random.Next(Anchors.Length)].PlusDays(random.Next(-5, 6));
        var first = anchor.PlusDays(-14);
        var holidays = new List<LocalDate>();
        var extra = new Dictionary<LocalDate, (int, int)[]>();
        if (withSpecialDays)
        {
            for (var i = random.Next(5); i > 0; i--)
            {
                var date = first.PlusDays(random.Next(40));
                if (!holidays.Contains(date))
                {
                    holidays.Add(date);
                }
            }

            for (var i = random.Next(4); i > 0; i--)
            {
                var date = first.PlusDays(random.Next(40));
                if (!holidays.Contains(date))
                {
                    extra[date] = RandomRanges(random);
                }
            }
        }

        return new CalendarSpec
        {
            Seed = seed,
            Zone = zone,
            Weekly = weekly,
            ExtraDays = extra,
            Holidays = holidays,
            WindowStart = first.AtStartOfDayInZone(zone).ToInstant(),
            WindowEnd = first.PlusDays(28).AtStartOfDayInZone(zone).ToInstant(),
        };
    }

    /// <summary>A whole-minute instant in the window.</summary>
    public Instant RandomInstant(Random random)
    {
        var minutes = (int)((WindowEnd - WindowStart).TotalMinutes);
        return WindowStart + Duration.FromMinutes(random.Next(minutes));
    }

    /// <summary>
    /// Builds the calendar. <paramref name="variant"/> is a seed for an equivalent spelling of the
    /// same rules: holidays and ranges in another order, ranges split into adjacent pieces.
    /// </summary>
    public BusinessCalendar Build(int? variant = null)
    {
        var random = variant is { } v ? new Random(v) : null;
        var builder = BusinessCalendar.CreateBuilder("spec " + Seed.ToString(CultureInfo.InvariantCulture), Zone);
        for (var day = 1; day <= 7; day++)
        {
            builder.WithHours((IsoDayOfWeek)day, ToHours(Weekly[day], random));
        }

        var holidays = random is null ? Holidays : [.. Holidays.OrderBy(_ => random.Next())];
        foreach (var date in holidays)
        {
            builder.WithHoliday(date, "holiday");
        }

        foreach (var (date, ranges) in random is null ? ExtraDays.ToList() : [.. ExtraDays.OrderBy(_ => random.Next())])
        {
            builder.WithExtraWorkingDay(date, "extra", ToHours(ranges, random));
        }

        return builder.Build();
    }

    public (int Start, int End)[] RangesFor(LocalDate date)
    {
        if (ExtraDays.TryGetValue(date, out var ranges))
        {
            return ranges;
        }

        return Holidays.Contains(date) ? [] : Weekly[(int)date.DayOfWeek];
    }

    public override string ToString()
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"seed {Seed}, zone {Zone.Id}, window {WindowStart}..{WindowEnd}; ");
        for (var day = 1; day <= 7; day++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(IsoDayOfWeek)day}: {string.Join(" ", Weekly[day].Select(Format))}; ");
        }

        text.Append("holidays: ").AppendJoin(", ", Holidays.Select(d => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
        text.Append("; extra: ").AppendJoin(", ", ExtraDays.Select(e => e.Key.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) + " " + string.Join(" ", e.Value.Select(Format))));
        return text.ToString();
    }

    private static string Format((int Start, int End) range) => string.Create(CultureInfo.InvariantCulture, $"{range.Start / 60:00}:{range.Start % 60:00}-{range.End / 60:00}:{range.End % 60:00}");

    private static (int, int)[] RandomRanges(Random random) => [.. AfterSales.Testing.AfterSalesGen.RandomRanges(random)];

    private static WorkingHours[] ToHours((int Start, int End)[] ranges, Random? random)
    {
        var hours = new List<WorkingHours>();
        foreach (var (start, end) in ranges)
        {
            if (random is not null && end - start > 1 && random.Next(2) == 0)
            {
                var cut = random.Next(start + 1, end);
                hours.Add(WorkingHours.FromMinutesOfDay(start, cut));
                hours.Add(WorkingHours.FromMinutesOfDay(cut, end));
            }
            else
            {
                hours.Add(WorkingHours.FromMinutesOfDay(start, end));
            }
        }

        return random is null ? [.. hours] : [.. hours.OrderBy(_ => random.Next())];
    }
}
