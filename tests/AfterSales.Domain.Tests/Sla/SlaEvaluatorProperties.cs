using AfterSales.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AfterSales.Tests.Sla;

/// <summary>
/// The clock invariants of SLA-ENGINES.md (7, 13, 14, 15, 17) over random starts, amounts and
/// pauses, on a 7×24 calendar, a DST zone's office hours, China's statutory calendar and random
/// calendars (DST zones, split days, 24:00, holidays, extra working days), each checked against
/// <see cref="MinuteSteppingClock"/>.
/// </summary>
public class SlaEvaluatorProperties
{
    private static readonly BusinessCalendar[] Calendars =
    [
        BusinessCalendar.TwentyFourSeven(DateTimeZone.Utc),
        BusinessCalendar.MondayToFriday(DateTimeZoneProviders.Tzdb["Europe/Berlin"], new LocalTime(9, 0), new LocalTime(17, 0)),
        ChinaCalendars.Statutory9To18,
    ];

    /// <summary>A ticket: calendar, report instant, target minutes, pauses as (offset, length) minutes after the report.</summary>
    public sealed record Case(int Calendar, Instant Reported, int TargetMinutes, (int Offset, int Length)[] Pauses)
    {
        /// <summary>Indexes past <see cref="Calendars"/> are seeds of a random <see cref="AfterSales.Tests.Calendars.CalendarSpec"/>.</summary>
        public BusinessCalendar BusinessCalendar => Calendar < Calendars.Length ? Calendars[Calendar] : RandomCalendars.Get(Calendar);

        public SlaPolicy Policy(int minutes) =>
            SlaPolicy.CreateBuilder("prop", 1, "prop", SeverityScales.SingleLevel)
                .WithCalendar(BusinessCalendar)
                .AddTarget(SlaMetric.Resolved, SlaAmount.Minutes(minutes), t => t.ForAllSeverities().WarnAt(25, 50, 100))
                .Build();

        public List<(Instant From, Instant To)> PauseIntervals()
        {
            var result = new List<(Instant, Instant)>();
            var cursor = Reported;
            foreach (var (offset, length) in Pauses)
            {
                var from = cursor + Duration.FromMinutes(offset);
                var to = from + Duration.FromMinutes(length);
                result.Add((from, to));
                cursor = to;
            }

            return result;
        }

        public TicketTimeline Timeline(IEnumerable<(Instant From, Instant To)> pauses)
        {
            var timeline = TicketTimeline.Open(Reported, "fault", ReportChannel.Phone, ServiceSite.Local);
            foreach (var (from, to) in pauses)
            {
                timeline = timeline.Paused(from).Resumed(to);
            }

            return timeline;
        }

        public SlaClock Evaluate(Instant now, int? minutes = null, IEnumerable<(Instant, Instant)>? pauses = null) =>
            Assert.Single(SlaEvaluator.Evaluate(Policy(minutes ?? TargetMinutes), Timeline(pauses ?? PauseIntervals()), now));
    }

    private static readonly Instant Base = Instant.FromUtc(2026, 1, 1, 0, 0);

    /// <summary>The generator of the properties below.</summary>
    public static class Arbitraries
    {
        public static Arbitrary<Case> Cases() =>
            (from calendar in Gen.Frequency((3, Gen.Choose(0, Calendars.Length - 1)), (2, Gen.Choose(Calendars.Length, 1_000_000)))
             from minute in Gen.Choose(0, 300 * 24 * 60)
             from target in Gen.Choose(1, 3 * 8 * 60)
             from pauseCount in Gen.Choose(0, 3)
             from pauses in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 600), Gen.Choose(1, 900)), pauseCount)
             select Shape(new Case(calendar, Base + Duration.FromMinutes(minute), target, pauses))).ToArbitrary();
    }

    /// <summary>A random calendar's case starts in its window and asks for at most two weeks of its
    /// working time, so the minute-stepping reference stays quick on sparse calendars.</summary>
    private static Case Shape(Case c)
    {
        if (c.Calendar < Calendars.Length)
        {
            return c;
        }

        var spec = RandomCalendars.Spec(c.Calendar);
        var window = (int)(spec.WindowEnd - spec.WindowStart).TotalMinutes;
        var start = spec.WindowStart + Duration.FromMinutes((long)(c.Reported - Base).TotalMinutes % Math.Max(1, window));
        return c with { Reported = start, TargetMinutes = 1 + (c.TargetMinutes % Math.Max(1, spec.WeeklyMinutes * 2)) };
    }

    /// <summary>Random calendars by seed, built once.</summary>
    private static class RandomCalendars
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, (AfterSales.Tests.Calendars.CalendarSpec Spec, BusinessCalendar Calendar)> Cache = new();

        public static AfterSales.Tests.Calendars.CalendarSpec Spec(int seed) => Entry(seed).Spec;

        public static BusinessCalendar Get(int seed) => Entry(seed).Calendar;

        private static (AfterSales.Tests.Calendars.CalendarSpec Spec, BusinessCalendar Calendar) Entry(int seed) =>
            Cache.GetOrAdd(seed, static s => { var spec = AfterSales.Tests.Calendars.CalendarSpec.Generate(s); return (spec, spec.Build()); });
    }

    private static Instant Far(Case c) => c.Reported + Duration.FromDays(30);

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 150)]
    public bool DueInstant_EqualsTheMinuteSteppingReference(Case c)
    {
        var pauses = c.PauseIntervals();
        var clock = c.Evaluate(Far(c));
        var expectedDue = MinuteSteppingClock.Due(c.BusinessCalendar, c.Reported, pauses, c.TargetMinutes);
        return clock.DueAt == expectedDue;
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 150)]
    public bool Elapsed_EqualsTheMinuteSteppingReference_AtAnyInstant(Case c)
    {
        var pauses = c.PauseIntervals();
        var now = c.Reported + Duration.FromMinutes((c.TargetMinutes * 7) % 4000);
        var clock = c.Evaluate(now);
        return clock.Elapsed == MinuteSteppingClock.Elapsed(c.BusinessCalendar, c.Reported, pauses, now);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 150)]
    public bool LongerPause_NeverMakesTheDeadlineEarlier(Case c)
    {
        var pauses = c.PauseIntervals();
        if (pauses.Count == 0)
        {
            return true;
        }

        var longer = pauses.ToList();
        longer[^1] = (longer[^1].From, longer[^1].To + Duration.FromMinutes(c.TargetMinutes % 300 + 1));
        return c.Evaluate(Far(c), pauses: longer).DueAt >= c.Evaluate(Far(c), pauses: pauses).DueAt;
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 150)]
    public bool Elapsed_NeverDecreasesWithTime_AndIsConstantWhilePaused(Case c)
    {
        var pauses = c.PauseIntervals();
        var previous = Duration.Zero;
        for (var step = 0; step <= 20; step++)
        {
            var elapsed = c.Evaluate(c.Reported + Duration.FromMinutes(step * 97)).Elapsed;
            if (elapsed < previous)
            {
                return false;
            }

            previous = elapsed;
        }

        var (from, to) = pauses.Count > 0 ? pauses[0] : (c.Reported, c.Reported);
        var timeline = c.Timeline([]).Paused(from);
        var policy = c.Policy(c.TargetMinutes);
        var atPause = Assert.Single(SlaEvaluator.Evaluate(policy, timeline, from)).Elapsed;
        var later = Assert.Single(SlaEvaluator.Evaluate(policy, timeline, to + Duration.FromDays(3))).Elapsed;
        return atPause == later;
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 150)]
    public bool Warnings_AreMonotoneInTheirPercentage_AndHundredPercentIsTheDeadline(Case c)
    {
        var clock = c.Evaluate(Far(c));
        return clock.Warnings[0].At <= clock.Warnings[1].At
            && clock.Warnings[1].At <= clock.Warnings[2].At
            && clock.Warnings[2].At == clock.DueAt;
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 150)]
    public bool Breached_IffNowIsAfterTheDeadline(Case c)
    {
        var due = c.Evaluate(Far(c)).DueAt!.Value;
        var lastPauseEnd = c.PauseIntervals().Select(p => p.To).DefaultIfEmpty(c.Reported).Max();
        var probe = due + Duration.FromMinutes((c.TargetMinutes % 5) - 2);
        if (probe <= lastPauseEnd)
        {
            return true; // "now" inside the pauses would open a pause; covered by the paused tests
        }

        var status = c.Evaluate(probe).Status;
        return (probe > due) == (status == SlaClockStatus.Breached);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 150)]
    public bool StricterTarget_NeverYieldsALaterDeadline(Case c)
    {
        var stricter = Math.Max(1, c.TargetMinutes / 2);
        return c.Evaluate(Far(c), minutes: stricter).DueAt <= c.Evaluate(Far(c)).DueAt;
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 150)]
    public bool AnotherCoverageWindow_NeverDelaysTheDeadline_TheStrictestWins(Case c)
    {
        var other = Calendars[(c.Calendar + 1) % Calendars.Length];
        if (c.Calendar >= Calendars.Length && other.FirstCoveredYear is not null)
        {
            other = Calendars[0]; // random calendars' windows may lie outside the statutory calendar's years
        }
        var one = c.Policy(c.TargetMinutes);
        var two = SlaPolicy.CreateBuilder("prop", 1, "prop", SeverityScales.SingleLevel)
            .WithCalendar(c.BusinessCalendar)
            .AddTarget(SlaMetric.Resolved, SlaAmount.Minutes(c.TargetMinutes), t => t.ForAllSeverities())
            .AddTarget(SlaMetric.Resolved, SlaAmount.Minutes(c.TargetMinutes), t => t.ForAllSeverities().On(other))
            .Build();
        var timeline = c.Timeline(c.PauseIntervals());
        var alone = Assert.Single(SlaEvaluator.Evaluate(one, timeline, Far(c))).DueAt!.Value;
        var alternative = Assert.Single(SlaEvaluator.Evaluate(two, timeline, Far(c)));
        var otherAlone = SlaEvaluator.Walk(other, c.Reported, c.PauseIntervals(), Duration.FromMinutes(c.TargetMinutes));
        return alternative.DueAt <= alone && alternative.DueAt == (otherAlone < alone ? otherAlone : alone);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 150)]
    public bool Reclassification_KeepsElapsedAndPausedTime(Case c)
    {
        var scale = SeverityScales.LevelsOneToFour;
        var policy = SlaPolicy.CreateBuilder("reclass", 1, "reclass", scale)
            .WithCalendar(c.BusinessCalendar)
            .AddTarget(SlaMetric.Resolved, SlaAmount.Minutes(c.TargetMinutes), t => t.ForSeverities("3", "4"))
            .AddTarget(SlaMetric.Resolved, SlaAmount.Minutes(Math.Max(1, c.TargetMinutes / 3)), t => t.ForSeverities("1", "2"))
            .Build();
        var pauses = c.PauseIntervals();
        var timeline = TicketTimeline.Open(c.Reported, "3", ReportChannel.Phone, ServiceSite.Local);
        foreach (var (from, to) in pauses)
        {
            timeline = timeline.Paused(from).Resumed(to);
        }

        var now = timeline.LastAt + Duration.FromMinutes(30);
        var before = Assert.Single(SlaEvaluator.Evaluate(policy, timeline, now));
        var after = Assert.Single(SlaEvaluator.Evaluate(policy, timeline.Reclassified("1", now), now));
        return before.Elapsed == after.Elapsed
            && before.PausedBusinessTime == after.PausedBusinessTime
            && after.DueAt <= before.DueAt;
    }
}
