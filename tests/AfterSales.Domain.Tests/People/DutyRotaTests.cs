using AfterSales.Calendars;
using AfterSales.People;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AfterSales.Tests.People;

/// <summary>Who is on duty when (R-ORG-2): worked examples in Beijing time, and a property against minute-by-minute membership.</summary>
public sealed class DutyRotaTests
{
    private static readonly DateTimeZone Beijing = ChinaCalendars.BeijingTime;

    private static DutyShift Shift(string engineer, LocalDateTime start, LocalDateTime end) => new() { EngineerId = engineer, Start = start, End = end };

    private static Instant At(int day, int hour, int minute = 0, int second = 0) =>
        new LocalDateTime(2026, 3, day, hour, minute, second).InZoneStrictly(Beijing).ToInstant();

    /// <summary>A 5×8 contract (R-ORG-2, seed 002): one engineer 09:00–17:00 on the working days of the week of Monday 2 March 2026.</summary>
    private static DutyRota FiveByEight() => DutyRota.Create("SH-01", Beijing,
        Enumerable.Range(2, 5).Select(d => Shift("E-1", new LocalDateTime(2026, 3, d, 9, 0), new LocalDateTime(2026, 3, d, 17, 0))));

    [Fact]
    public void IsOnDuty_FiveByEight_WorkingHoursOnly_EndExcluded_R_ORG_2()
    {
        var rota = FiveByEight();

        Assert.True(rota.IsOnDuty("E-1", At(2, 9)));          // Monday 09:00: the shift starts
        Assert.True(rota.IsOnDuty("E-1", At(6, 16, 59, 59))); // Friday 16:59:59
        Assert.False(rota.IsOnDuty("E-1", At(2, 8, 59, 59))); // before the shift
        Assert.False(rota.IsOnDuty("E-1", At(2, 17)));        // 17:00: the shift has ended (half-open)
        Assert.False(rota.IsOnDuty("E-1", At(7, 10)));        // Saturday: no shift
        Assert.False(rota.IsOnDuty("E-2", At(2, 10)));        // not on the rota
    }

    [Fact]
    public void OnDutyAt_SevenByTwentyFour_ThreeShiftsADay_ExactlyOneAtEveryHour_HandoverGoesToTheNext_R_ORG_2()
    {
        var shifts = new List<DutyShift>();
        for (var d = 2; d <= 8; d++)
        {
            var midnight = new LocalDateTime(2026, 3, d, 0, 0);
            shifts.Add(Shift("E-1", midnight, midnight.PlusHours(8)));
            shifts.Add(Shift("E-2", midnight.PlusHours(8), midnight.PlusHours(16)));
            shifts.Add(Shift("E-3", midnight.PlusHours(16), midnight.PlusHours(24)));
        }

        var rota = DutyRota.Create("SH-01", Beijing, shifts);

        for (var h = 0; h < 7 * 24; h++)
        {
            Assert.Single(rota.OnDutyAt(At(2, 0) + Duration.FromHours(h)));
        }

        Assert.Equal(["E-2"], rota.OnDutyAt(At(3, 8)));  // 08:00: E-1 handed over to E-2
        Assert.Equal(["E-3"], rota.OnDutyAt(At(8, 23, 59)));
        Assert.Empty(rota.OnDutyAt(At(9, 0)));          // the rota ends with Sunday
    }

    [Fact]
    public void OnDutyAt_OverlappingAndOvernightShifts_EachEngineerOnceInRotaOrder()
    {
        var rota = DutyRota.Create("SH-01", Beijing,
        [
            Shift("E-2", new LocalDateTime(2026, 3, 2, 22, 0), new LocalDateTime(2026, 3, 3, 6, 0)), // overnight
            Shift("E-1", new LocalDateTime(2026, 3, 3, 5, 0), new LocalDateTime(2026, 3, 3, 13, 0)),
            Shift("E-2", new LocalDateTime(2026, 3, 3, 5, 30), new LocalDateTime(2026, 3, 3, 7, 0)),  // E-2 again, overlapping
        ]);

        Assert.Equal(["E-2"], rota.OnDutyAt(At(3, 1)));
        Assert.Equal(["E-2", "E-1"], rota.OnDutyAt(At(3, 5, 45)));
        Assert.Equal(["E-1"], rota.OnDutyAt(At(3, 7)));
    }

    [Fact]
    public void Create_ShiftsInTheCentresZone_BeijingNineIsOneUtc()
    {
        var rota = DutyRota.Create("SH-01", Beijing, [Shift("E-1", new LocalDateTime(2026, 3, 2, 9, 0), new LocalDateTime(2026, 3, 2, 17, 0))]);

        Assert.True(rota.IsOnDuty("E-1", Instant.FromUtc(2026, 3, 2, 1, 0)));
        Assert.False(rota.IsOnDuty("E-1", Instant.FromUtc(2026, 3, 2, 9, 0)));
        Assert.Equal("SH-01 rota, 1 shifts (Asia/Shanghai)", rota.ToString());
    }

    [Theory]
    [InlineData("E-1", 2, 10, 2, 10, "shifts[1].end")]      // empty
    [InlineData("E-1", 2, 10, 2, 9, "shifts[1].end")]       // ends before it starts
    [InlineData("E-1", 2, 10, 10, 10, "shifts[1].end")]     // eight days
    [InlineData("a/b", 2, 10, 2, 11, "shifts[1].engineerId")]
    [InlineData("", 2, 10, 2, 11, "shifts[1].engineerId")]
    public void Create_BadShift_ThrowsNamingTheField(string engineer, int startDay, int startHour, int endDay, int endHour, string field)
    {
        var good = Shift("E-1", new LocalDateTime(2026, 3, 2, 9, 0), new LocalDateTime(2026, 3, 2, 17, 0));
        var bad = Shift(engineer, new LocalDateTime(2026, 3, startDay, startHour, 0), new LocalDateTime(2026, 3, endDay, endHour, 0));

        var ex = Assert.ThrowsAny<ArgumentException>(() => DutyRota.Create("SH-01", Beijing, [good, bad]));

        Assert.Equal(field, ex.ParamName);
    }

    [Fact]
    public void Create_BadCentreOrUnsupportedDate_ThrowsNamingTheField()
    {
        Assert.Equal("centreId", Assert.ThrowsAny<ArgumentException>(() => DutyRota.Create("a\u202Eb", Beijing, [])).ParamName);
        var far = Shift("E-1", new LocalDateTime(9999, 12, 30, 9, 0), new LocalDateTime(9999, 12, 30, 17, 0));
        Assert.Equal("shifts[0].start", Assert.ThrowsAny<ArgumentException>(() => DutyRota.Create("SH-01", Beijing, [far])).ParamName);
        Assert.Equal("shifts", Assert.ThrowsAny<ArgumentException>(() => DutyRota.Create("SH-01", Beijing,
            Enumerable.Repeat(Shift("E-1", new LocalDateTime(2026, 3, 2, 9, 0), new LocalDateTime(2026, 3, 2, 10, 0)), DutyRota.MaxShifts + 1))).ParamName);
    }

    [Fact]
    public void EnsureEngineersOf_AShiftOfSomeoneNotKeptAtTheCentre_ThrowsNamingTheShift_R_ORG_1()
    {
        var rota = DutyRota.Create("SH-01", Beijing,
        [
            Shift("E-1", new LocalDateTime(2026, 3, 2, 9, 0), new LocalDateTime(2026, 3, 2, 17, 0)),
            Shift("E-3", new LocalDateTime(2026, 3, 2, 17, 0), new LocalDateTime(2026, 3, 3, 1, 0)),
        ]);
        var e1 = Engineer.Create("E-1", "李雷", "SH-01", "138");
        var e3Elsewhere = Engineer.Create("E-3", "王工", "BJ-01", "139");

        rota.EnsureEngineersOf([e1, e3Elsewhere.With(centreId: "SH-01")]);
        Assert.Equal("shifts[1].engineerId", Assert.ThrowsAny<ArgumentException>(() => rota.EnsureEngineersOf([e1, e3Elsewhere])).ParamName);
        Assert.Equal("shifts[0].engineerId", Assert.ThrowsAny<ArgumentException>(() => rota.EnsureEngineersOf([])).ParamName);
    }

    /// <summary>
    /// The rota against the slowest obvious reference: every local minute each shift covers, stepped one
    /// by one, is a (engineer, minute) member; an instant is on duty when its local minute is a member.
    /// Shifts start and end on whole minutes, so the minute decides. Zones without daylight saving
    /// (Beijing, Kathmandu's +05:45), where local time maps one to one.
    /// </summary>
    [Property(Arbitrary = new[] { typeof(Rotas) }, MaxTest = 500)]
    public bool OnDutyAt_RandomRotas_EqualsMinuteByMinuteMembership((string Zone, (string Engineer, int Start, int Length)[] Shifts, int[] Probes) c)
    {
        var origin = Rotas.Origin;
        var zone = DateTimeZoneProviders.Tzdb[c.Zone];
        var rota = DutyRota.Create("SH-01", zone, c.Shifts.Select(s => Shift(s.Engineer, origin.PlusMinutes(s.Start), origin.PlusMinutes(s.Start + s.Length))));
        var members = new HashSet<(string, LocalDateTime)>();
        foreach (var s in c.Shifts)
        {
            for (var m = origin.PlusMinutes(s.Start); m < origin.PlusMinutes(s.Start + s.Length); m = m.PlusMinutes(1))
            {
                members.Add((s.Engineer, m));
            }
        }

        foreach (var seconds in c.Probes)
        {
            var at = origin.InZoneStrictly(zone).ToInstant() + Duration.FromSeconds(seconds);
            var local = at.InZone(zone).LocalDateTime;
            var minute = local.Date + new LocalTime(local.Hour, local.Minute);
            var expected = Enumerable.Range(0, 4).Select(e => "E-" + e).Where(e => members.Contains((e, minute))).ToHashSet();
            if (!expected.SetEquals(rota.OnDutyAt(at)) || expected.Any(e => !rota.IsOnDuty(e, at)) || expected.Count != rota.OnDutyAt(at).Count)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Up to 12 shifts of four engineers over three days from <see cref="Origin"/>, in a zone, with 40 instants to probe.</summary>
    public static class Rotas
    {
        public static readonly LocalDateTime Origin = new(2026, 3, 2, 0, 0);

        public static Arbitrary<(string, (string, int, int)[], int[])> Cases()
        {
            var shiftGen =
                from engineer in Gen.Choose(0, 3)
                from start in Gen.Choose(0, 3 * 24 * 60)
                from length in Gen.Choose(1, 16 * 60)
                select ("E-" + engineer, start, length);
            return (from zone in Gen.Elements("Asia/Shanghai", "Asia/Kathmandu")
                    from count in Gen.Choose(0, 12)
                    from shifts in Gen.ArrayOf(shiftGen, count)
                    from probes in Gen.ArrayOf(Gen.Choose(-60, 4 * 24 * 60 * 60), 40)
                    select (zone, shifts, probes)).ToArbitrary();
        }
    }
}
