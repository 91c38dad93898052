using AfterSales.Calendars;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AfterSales.Tests.Calendars;

/// <summary>
/// The invariants of SLA-ENGINES.md (1–12) over random calendars: random weekly ranges (with
/// 24:00, breaks and adjacent ranges), random holidays and extra working days, zones with
/// daylight saving (Europe/Berlin, America/New_York, Australia/Lord_Howe's 30-minute shift), plus
/// Asia/Shanghai and UTC; instants and ranges are whole minutes so the minute-stepping reference is
/// exact. Each case is generated from a seed; a failure reports the seed and the calendar.
/// </summary>
public class BusinessCalendarPropertyTests
{
    /// <summary>Every case is a seed; the calendar and the instants are drawn from it, so no shrinking.</summary>
    public static class Seeds
    {
        public static Arbitrary<int> Any() => Arb.From(Gen.Choose(0, int.MaxValue));
    }

    [Property(Arbitrary = new[] { typeof(Seeds) }, MaxTest = 300)]
    public void Add_RandomCalendars_MatchesMinuteSteppingReference(int seed)
    {
        var (spec, calendar, random) = Case(seed);
        var reference = new MinuteSteppingReference(spec);
        for (var i = 0; i < 3; i++)
        {
            var t = spec.RandomInstant(random);
            var minutes = random.Next(5) == 0 ? 0 : random.Next(1, Math.Min(spec.WeeklyMinutes, 3000) + 1);
            Assert.True(
                reference.Add(t, minutes) == calendar.Add(t, Duration.FromMinutes(minutes)),
                $"Add({t}, {minutes} min): reference {reference.Add(t, minutes)}, calendar {calendar.Add(t, Duration.FromMinutes(minutes))}; {spec}");
        }
    }

    [Property(Arbitrary = new[] { typeof(Seeds) }, MaxTest = 200)]
    public void NextBusinessTimeAndIsBusinessTime_RandomCalendars_MatchMinuteSteppingReference(int seed)
    {
        var (spec, calendar, random) = Case(seed);
        var reference = new MinuteSteppingReference(spec);
        for (var i = 0; i < 30; i++)
        {
            var t = spec.RandomInstant(random);
            Assert.True(reference.IsBusinessMinute(t) == calendar.IsBusinessTime(t), $"IsBusinessTime({t}); {spec}");
            Assert.True(calendar.IsBusinessTime(t) == calendar.IsBusinessTime(t + Duration.FromSeconds(59)), $"IsBusinessTime within the minute of {t}; {spec}");
        }

        var u = spec.RandomInstant(random);
        Assert.True(reference.Add(u, 0) == calendar.NextBusinessTime(u), $"NextBusinessTime({u}); {spec}");
    }

    [Property(Arbitrary = new[] { typeof(Seeds) }, MaxTest = 300)]
    public void BusinessTimeBetween_RandomCalendars_MatchesMinuteSteppingReference(int seed)
    {
        var (spec, calendar, random) = Case(seed);
        var reference = new MinuteSteppingReference(spec);
        var a = spec.RandomInstant(random);
        var b = random.Next(4) == 0 ? a + Duration.FromMinutes(random.Next(120)) : spec.RandomInstant(random);
        var expected = a <= b ? reference.MinutesBetween(a, b) : -reference.MinutesBetween(b, a);
        Assert.True(Duration.FromMinutes(expected) == calendar.BusinessTimeBetween(a, b), $"BusinessTimeBetween({a}, {b}): reference {expected} min, calendar {calendar.BusinessTimeBetween(a, b)}; {spec}");
    }

    [Property(Arbitrary = new[] { typeof(Seeds) }, MaxTest = 150)]
    public void AddWorkingDays_RandomCalendars_MatchesMinuteSteppingReference(int seed)
    {
        var (spec, calendar, random) = Case(seed);
        var reference = new MinuteSteppingReference(spec);
        var t = spec.RandomInstant(random);
        var n = random.Next(5);
        Assert.True(reference.AddWorkingDays(t, n) == calendar.AddWorkingDays(t, n), $"AddWorkingDays({t}, {n}): reference {reference.AddWorkingDays(t, n)}, calendar {calendar.AddWorkingDays(t, n)}; {spec}");
    }

    [Property(Arbitrary = new[] { typeof(Seeds) }, MaxTest = 400)]
    public void AddAndBusinessTimeBetween_RandomCalendars_KeepTheAlgebraicInvariants(int seed)
    {
        var (spec, calendar, random) = Case(seed);
        var t = spec.RandomInstant(random) + Duration.FromNanoseconds(random.NextInt64(60_000_000_000L));
        var d1 = RandomSpan(spec, random);
        var d2 = RandomSpan(spec, random);
        var end = calendar.Add(t, d1);

        // 1: add(t,0) is the first business instant >= t.
        var zero = calendar.Add(t, Duration.Zero);
        Assert.True(zero >= t && calendar.IsBusinessTime(zero) && calendar.BusinessTimeBetween(t, zero) == Duration.Zero, $"add(t,0); {spec}");

        // 3: work(t, add(t,d)) = d; add(add(t,d1),d2) = add(t,d1+d2).
        Assert.True(calendar.BusinessTimeBetween(t, end) == d1, $"work(t, add(t,d)) = d; {spec}");
        Assert.True(calendar.Add(end, d2) == calendar.Add(t, d1 + d2), $"add(add(t,d1),d2); {spec}");

        // 3: additivity of work for a <= b <= c.
        var instants = new[] { t, spec.RandomInstant(random), spec.RandomInstant(random) }.Order().ToArray();
        Assert.True(
            calendar.BusinessTimeBetween(instants[0], instants[2]) == calendar.BusinessTimeBetween(instants[0], instants[1]) + calendar.BusinessTimeBetween(instants[1], instants[2]),
            $"work additivity; {spec}");

        // 4: work(a,b) <= b - a; add(t,d) - t >= d.
        Assert.True(calendar.BusinessTimeBetween(instants[0], instants[2]) <= instants[2] - instants[0], $"work <= elapsed; {spec}");
        Assert.True(end - t >= d1, $"add(t,d) - t >= d; {spec}");

        // 5: for d > 0 the result is never strictly inside closed time (it is business time or a closing instant).
        if (d1 > Duration.Zero)
        {
            Assert.True(calendar.IsBusinessTime(end - Duration.Epsilon), $"result inside closed time; {spec}");
        }

        // 2: monotonicity in t and in d.
        var later = t + Duration.FromMinutes(random.Next(3000));
        Assert.True(calendar.Add(later, d1) >= end, $"monotone in t; {spec}");
        if (d2 > Duration.Zero)
        {
            Assert.True(calendar.Add(t, d1 + d2) > end, $"strictly monotone in d; {spec}");
        }
    }

    [Property(Arbitrary = new[] { typeof(Seeds) }, MaxTest = 300)]
    public void Add_RemovingWorkingTime_NeverMakesTheDeadlineEarlier(int seed)
    {
        var (spec, calendar, random) = Case(seed);
        var date = spec.WindowStart.InZone(spec.Zone).Date.PlusDays(random.Next(28));
        var weekly = spec.Weekly.Select(day => day.ToArray()).ToArray();
        var weekday = random.Next(1, 8);
        if (weekly[weekday].Length > 0 && weekly.Skip(1).Count(day => day.Length > 0) > 1)
        {
            weekly[weekday] = weekly[weekday][..^1];
        }

        var reduced = new CalendarSpec
        {
            Seed = spec.Seed,
            Zone = spec.Zone,
            Weekly = weekly,
            ExtraDays = spec.ExtraDays,
            Holidays = spec.ExtraDays.ContainsKey(date) || spec.Holidays.Contains(date) ? spec.Holidays : [.. spec.Holidays, date],
            WindowStart = spec.WindowStart,
            WindowEnd = spec.WindowEnd,
        }.Build();

        for (var i = 0; i < 3; i++)
        {
            var t = spec.RandomInstant(random);
            var d = RandomSpan(spec, random);
            Assert.True(reduced.Add(t, d) >= calendar.Add(t, d), $"removing {date} / a range on {(IsoDayOfWeek)weekday} made add({t}, {d}) earlier; {spec}");
        }
    }

    [Property(Arbitrary = new[] { typeof(Seeds) }, MaxTest = 200)]
    public void WithHoliday_RandomCalendars_RemovesExactlyThatDatesHours(int seed)
    {
        var (spec, calendar, random) = Case(seed);
        var date = spec.WindowStart.InZone(spec.Zone).Date.PlusDays(1 + random.Next(26));
        if (spec.ExtraDays.ContainsKey(date) || spec.Holidays.Contains(date))
        {
            return;
        }

        var withHoliday = new CalendarSpec
        {
            Seed = spec.Seed,
            Zone = spec.Zone,
            Weekly = spec.Weekly,
            ExtraDays = spec.ExtraDays,
            Holidays = [.. spec.Holidays, date],
            WindowStart = spec.WindowStart,
            WindowEnd = spec.WindowEnd,
        }.Build();
        var removed = calendar.BusinessTimeBetween(spec.WindowStart, spec.WindowEnd) - withHoliday.BusinessTimeBetween(spec.WindowStart, spec.WindowEnd);
        Assert.True(removed == calendar.WorkingIntervalsOn(date).Total(), $"holiday {date} removed {removed}; {spec}");
        Assert.Empty(withHoliday.WorkingIntervalsOn(date));
    }

    [Property(Arbitrary = new[] { typeof(Seeds) }, MaxTest = 200)]
    public void Build_EquivalentSpellings_GiveTheSameAnswers(int seed)
    {
        var (spec, calendar, random) = Case(seed);
        var respelled = spec.Build(variant: random.Next());
        for (var i = 0; i < 5; i++)
        {
            var t = spec.RandomInstant(random);
            var u = spec.RandomInstant(random);
            var d = RandomSpan(spec, random);
            Assert.True(respelled.Add(t, d) == calendar.Add(t, d), $"add differs after reordering/splitting; {spec}");
            Assert.True(respelled.BusinessTimeBetween(t, u) == calendar.BusinessTimeBetween(t, u), $"work differs after reordering/splitting; {spec}");
        }
    }

    [Property(Arbitrary = new[] { typeof(Seeds) }, MaxTest = 300)]
    public void Add_UtcWithoutSpecialDays_IsWeeklyPeriodic(int seed)
    {
        var spec = CalendarSpec.Generate(seed, utcOnly: true, withSpecialDays: false);
        var calendar = spec.Build();
        var random = new Random(seed);
        var week = Duration.FromDays(7);
        var t = spec.RandomInstant(random);
        var d = RandomSpan(spec, random);
        Assert.True(calendar.Add(t + week, d) == calendar.Add(t, d) + week, $"weekly periodicity; {spec}");
        Assert.True(calendar.BusinessTimeBetween(t, t + week) == Duration.FromMinutes(spec.WeeklyMinutes), $"one week of work; {spec}");
    }

    [Property(Arbitrary = new[] { typeof(Seeds) }, MaxTest = 300)]
    public void TwentyFourSeven_AnyZone_AddIsPlainAddition(int seed)
    {
        var random = new Random(seed);
        var zone = CalendarSpec.Zones[random.Next(CalendarSpec.Zones.Length)];
        var calendar = BusinessCalendar.TwentyFourSeven(zone);
        var t = Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromNanoseconds(random.NextInt64(365L * 86_400_000_000_000L));
        var d = Duration.FromNanoseconds(random.NextInt64(60L * 86_400_000_000_000L));
        Assert.Equal(t + d, calendar.Add(t, d));
        Assert.Equal(d, calendar.BusinessTimeBetween(t, t + d));
    }

    [Property(Arbitrary = new[] { typeof(Seeds) }, MaxTest = 300)]
    public void WorkingIntervalsOn_DstZones_AllDayLastsTheDayAndNineToFiveLastsEightHours(int seed)
    {
        var random = new Random(seed);
        var zone = CalendarSpec.Zones[random.Next(CalendarSpec.Zones.Length)];
        var date = new LocalDate(2026, 1, 1).PlusDays(random.Next(365));
        var dayLength = date.PlusDays(1).AtStartOfDayInZone(zone).ToInstant() - date.AtStartOfDayInZone(zone).ToInstant();
        Assert.Equal(dayLength, BusinessCalendar.TwentyFourSeven(zone).WorkingIntervalsOn(date).Total());

        var nineToFive = BusinessCalendar.CreateBuilder("9-17", zone);
        foreach (var day in Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))
        {
            nineToFive.WithHours(day, WorkingHours.FromMinutesOfDay(9 * 60, 17 * 60));
        }

        Assert.Equal(Duration.FromHours(8), nineToFive.Build().WorkingIntervalsOn(date).Total());
    }

    [Fact]
    public void Add_InstantWrittenWithDifferentOffsets_GivesTheSameAnswer()
    {
        var pattern = NodaTime.Text.OffsetDateTimePattern.ExtendedIso;
        var beijing = pattern.Parse("2026-02-13T17:00:00+08:00").Value.ToInstant();
        var utc = pattern.Parse("2026-02-13T09:00:00Z").Value.ToInstant();
        var newYork = pattern.Parse("2026-02-13T04:00:00-05:00").Value.ToInstant();
        var calendar = ChinaCalendars.Statutory9To18;
        Assert.Equal(calendar.Add(beijing, Duration.FromHours(2)), calendar.Add(utc, Duration.FromHours(2)));
        Assert.Equal(calendar.Add(beijing, Duration.FromHours(2)), calendar.Add(newYork, Duration.FromHours(2)));
    }

    private static (CalendarSpec Spec, BusinessCalendar Calendar, Random Random) Case(int seed)
    {
        var spec = CalendarSpec.Generate(seed);
        return (spec, spec.Build(), new Random(seed ^ 0x5eed));
    }

    private static Duration RandomSpan(CalendarSpec spec, Random random)
        => random.Next(6) == 0 ? Duration.Zero : Duration.FromMinutes(random.Next(1, Math.Min(spec.WeeklyMinutes, 3000) + 1)) + Duration.FromSeconds(random.Next(60));
}
