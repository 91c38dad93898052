using System.Globalization;
using AfterSales.Internal;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// The days a report covers (统计周期), in a time zone: a month, a quarter, or any run of whole
/// days. Instants belong to the period when they fall in <c>[StartInstant, EndInstant)</c>. Immutable.
/// </summary>
public sealed class ReportPeriod
{
    private ReportPeriod(LocalDate start, LocalDate end, DateTimeZone zone, string label)
    {
        Start = start;
        End = end;
        Zone = zone;
        Label = label;
    }

    /// <summary>A run of whole days from <paramref name="start"/> to <paramref name="endInclusive"/>.</summary>
    /// <exception cref="ArgumentException">The end is before the start.</exception>
    public static ReportPeriod Days(LocalDate start, LocalDate endInclusive, DateTimeZone zone)
    {
        Guard.NotNull(zone);
        if (endInclusive < start)
        {
            throw new ArgumentException($"endInclusive ({endInclusive:uuuu-MM-dd}) must not be before start ({start:uuuu-MM-dd}).", nameof(endInclusive));
        }

        return new ReportPeriod(start, endInclusive, zone, string.Create(CultureInfo.InvariantCulture, $"{start:uuuu-MM-dd}..{endInclusive:uuuu-MM-dd}"));
    }

    /// <summary>A calendar month.</summary>
    public static ReportPeriod Month(YearMonth month, DateTimeZone zone) =>
        new(month.OnDayOfMonth(1), month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month)), Guard.NotNull(zone), month.ToString("uuuu-MM", CultureInfo.InvariantCulture));

    /// <summary>A calendar quarter (季度), 1–4.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quarter"/> is not 1–4.</exception>
    public static ReportPeriod Quarter(int year, int quarter, DateTimeZone zone)
    {
        if (quarter is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quarter), quarter, $"quarter must be between 1 and 4, was {quarter}.");
        }

        var start = new LocalDate(year, ((quarter - 1) * 3) + 1, 1);
        return new ReportPeriod(start, start.PlusMonths(3).PlusDays(-1), Guard.NotNull(zone), string.Create(CultureInfo.InvariantCulture, $"{year} Q{quarter}"));
    }

    /// <summary>The first day.</summary>
    public LocalDate Start { get; }

    /// <summary>The last day.</summary>
    public LocalDate End { get; }

    /// <summary>The time zone the days are in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>A short label, e.g. <c>2026 Q1</c> or <c>2026-02</c>.</summary>
    public string Label { get; }

    /// <summary>The first instant of the period.</summary>
    public Instant StartInstant => Zone.AtStartOfDay(Start).ToInstant();

    /// <summary>The first instant after the period.</summary>
    public Instant EndInstant => Zone.AtStartOfDay(End.PlusDays(1)).ToInstant();

    /// <summary>The elapsed length of the period.</summary>
    public Duration Length => EndInstant - StartInstant;

    /// <summary>Whether the instant is in the period.</summary>
    public bool Contains(Instant instant) => instant >= StartInstant && instant < EndInstant;

    /// <summary>Whether the day is in the period.</summary>
    public bool Contains(LocalDate date) => date >= Start && date <= End;

    /// <summary>The calendar months the period touches, each cut to the period.</summary>
    public IReadOnlyList<ReportPeriod> Months()
    {
        var result = new List<ReportPeriod>();
        for (var month = Start.ToYearMonth(); month.OnDayOfMonth(1) <= End; month = month.PlusMonths(1))
        {
            var full = Month(month, Zone);
            result.Add(full.Start >= Start && full.End <= End
                ? full
                : Days(full.Start < Start ? Start : full.Start, full.End > End ? End : full.End, Zone));
        }

        return result;
    }

    /// <inheritdoc />
    public override string ToString() => Label;
}
