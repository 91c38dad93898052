using AfterSales.Calendars;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NodaTime;

namespace AfterSales.Benchmarks.Calendars;

/// <summary>
/// Adding and measuring business time on China's 5×8 statutory calendar (09:00–18:00 Beijing
/// time, holidays and make-up workdays of 2025/2026): the compiled calendar against a day-by-day
/// walk. The years involved are compiled in the global setup, so the compiled numbers are the
/// steady state. Run: dotnet run -c Release --project benchmarks/AfterSales.Benchmarks -- --filter '*Calendar*' --job short
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class CalendarBenchmarks
{
    private const int StartCount = 16;

    private readonly Instant[] _starts = new Instant[StartCount];
    private readonly Instant[] _ends = new Instant[StartCount];
    private BusinessCalendar _compiled = null!;
    private DayWalkingCalendar _walking = null!;
    private Duration _businessTime;
    private int _next;

    /// <summary>The business time added or measured.</summary>
    [ParamsAllValues]
    public CalendarSpan Span { get; set; }

    /// <summary>Compiles the calendar for the years involved and prepares the start and end instants.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _compiled = ChinaCalendars.Statutory9To18;
        _walking = new DayWalkingCalendar(_compiled, new LocalTime(9, 0), new LocalTime(18, 0));
        _businessTime = Span switch
        {
            CalendarSpan.OneHour => Duration.FromHours(1),
            CalendarSpan.EightHours => Duration.FromHours(8),
            CalendarSpan.FiveWorkingDays => Duration.FromHours(5 * 9),
            _ => Duration.FromHours(60 * 9),
        };

        var zone = _compiled.Zone;
        for (var i = 0; i < StartCount; i++)
        {
            // Spread over 2025, at all times of day, in and out of business hours.
            var local = new LocalDateTime(2025, 1, 2, 0, 0).PlusDays(i * 21).PlusMinutes((i * 97) % (24 * 60));
            _starts[i] = local.InZoneLeniently(zone).ToInstant();
            _ends[i] = _compiled.Add(_starts[i], _businessTime);
            if (_walking.Add(_starts[i], _businessTime) != _ends[i] || _walking.BusinessTimeBetween(_starts[i], _ends[i]) != _businessTime)
            {
                throw new InvalidOperationException($"The walking and compiled calendars disagree for {_starts[i]} + {_businessTime}.");
            }
        }
    }

    /// <summary>Adds business time by walking day by day.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Add")]
    public Instant Add_DayWalking()
    {
        var i = _next++ & (StartCount - 1);
        return _walking.Add(_starts[i], _businessTime);
    }

    /// <summary>Adds business time with the compiled calendar.</summary>
    [Benchmark]
    [BenchmarkCategory("Add")]
    public Instant Add_Compiled()
    {
        var i = _next++ & (StartCount - 1);
        return _compiled.Add(_starts[i], _businessTime);
    }

    /// <summary>Measures business time by walking day by day.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("BusinessTimeBetween")]
    public Duration Between_DayWalking()
    {
        var i = _next++ & (StartCount - 1);
        return _walking.BusinessTimeBetween(_starts[i], _ends[i]);
    }

    /// <summary>Measures business time with the compiled calendar.</summary>
    [Benchmark]
    [BenchmarkCategory("BusinessTimeBetween")]
    public Duration Between_Compiled()
    {
        var i = _next++ & (StartCount - 1);
        return _compiled.BusinessTimeBetween(_starts[i], _ends[i]);
    }
}
