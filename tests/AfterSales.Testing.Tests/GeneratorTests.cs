using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using FsCheck;
using FsCheck.Fluent;

namespace AfterSales.Testing.Tests;

/// <summary>The generators make valid inputs: calendars whose rules match the built calendar, policies that build, timelines in order.</summary>
public class GeneratorTests
{
    private static void Holds<T>(Arbitrary<T> arbitrary, Func<T, bool> property, int count = 100) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(count), Prop.ForAll(arbitrary, property));

    [Fact]
    public void Calendars_RulesAndBuiltCalendarAgreeOnEveryMinuteSampled() => Holds(AfterSalesArb.Calendars(), c =>
    {
        var minutes = (int)(c.WindowEnd - c.WindowStart).TotalMinutes;
        for (var m = 0; m < minutes; m += 7)
        {
            var instant = c.WindowStart + Duration.FromMinutes(m);
            if (c.Calendar.IsBusinessTime(instant) != c.Rules.IsBusinessMinute(instant))
            {
                return false;
            }
        }

        return c.Rules.WeeklyMinutes >= 60;
    }, count: 60);

    [Fact]
    public void Calendars_CoverTheDaylightSavingZonesAndChina()
    {
        var zones = AfterSalesGen.Calendars().Sample(300).Select(c => c.Zone.Id).ToHashSet();
        Assert.Superset(new HashSet<string> { "UTC", "Asia/Shanghai", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe" }, zones);
    }

    [Fact]
    public void Policies_Build_WithTargetsOnTheScale() => Holds(
        AfterSalesGen.Calendars().SelectMany(c => AfterSalesGen.Policies(c.Calendar)).ToArbitrary(),
        p => p.Targets.Count is >= 1 and <= 5 && p.Targets.All(t => t.SeverityCodes.All(p.SeverityScale.Contains)));

    [Fact]
    public void Timelines_AreInTimeOrder_OnTheScale_AndReplayable()
    {
        var policy = SlaPresets.EnterpriseSystems003;
        Holds(AfterSalesArb.Timelines(policy), t =>
        {
            var ordered = t.Entries.Zip(t.Entries.Skip(1)).All(p => p.First.At <= p.Second.At);
            var onScale = t.Entries.Where(e => e.Kind == TimelineEntryKind.SeverityChanged).All(e => policy.SeverityScale.Contains(e.SeverityCode!));
            var replayed = t.TakeFacts(t.Entries.Count).Describe() == t.Describe();
            var whole = t.Entries.All(e => e.At.ToUnixTimeTicks() % NodaConstants.TicksPerMinute == 0);
            _ = SlaEvaluator.Evaluate(policy, t, t.LastAt);
            return ordered && onScale && replayed && whole && t.ReportedAt >= Instant.FromUtc(2025, 1, 1, 0, 0);
        }, count: 200);
    }

    [Fact]
    public void Timelines_ContainEveryKindOfFact()
    {
        var kinds = AfterSalesGen.Timelines(SlaPresets.EnterpriseSystems003).Sample(200)
            .SelectMany(t => t.Entries.Select(e => e.Kind)).ToHashSet();
        Assert.Equal(Enum.GetValues<TimelineEntryKind>().ToHashSet(), kinds);
    }

    [Fact]
    public void ShrinkTimeline_YieldsShorterPrefixes()
    {
        TicketTimeline t = TicketTimelineBuilder.ReportedAt(Instant.FromUtc(2026, 3, 2, 9, 0))
            .RespondedAfter(Duration.FromMinutes(5)).PausedFor(Duration.FromMinutes(5)).ResolvedAfter(Duration.FromMinutes(5));
        Assert.Equal([0, 2, 3], AfterSalesArb.ShrinkTimeline(t).Select(s => s.Entries.Count));
    }
}
