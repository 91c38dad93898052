using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AfterSales.Testing.Tests;

/// <summary>The generators make valid inputs: calendars whose rules match the built calendar, policies that build, timelines in order.</summary>
public class GeneratorTests
{
    /// <summary>Policies on generated calendars, and timelines of one preset policy.</summary>
    public static class Arbitraries
    {
        public static SlaPolicy Policy { get; } = SlaPresets.EnterpriseSystems003;

        public static Arbitrary<SlaPolicy> Policies() =>
            AfterSalesGen.Calendars().SelectMany(c => AfterSalesGen.Policies(c.Calendar)).ToArbitrary();

        public static Arbitrary<TicketTimeline> Timelines() => AfterSalesArb.Timelines(Policy);
    }

    [Property(Arbitrary = new[] { typeof(AfterSalesArb) }, MaxTest = 60)]
    public bool Calendars_RulesAndBuiltCalendarAgreeOnEveryMinuteSampled(GeneratedCalendar c)
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
    }

    [Fact]
    public void Calendars_CoverTheDaylightSavingZonesAndChina()
    {
        var zones = AfterSalesGen.Calendars().Sample(300).Select(c => c.Zone.Id).ToHashSet();
        Assert.Superset(new HashSet<string> { "UTC", "Asia/Shanghai", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe" }, zones);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 100)]
    public bool Policies_Build_WithTargetsOnTheScale(SlaPolicy p) =>
        p.Targets.Count is >= 1 and <= 5 && p.Targets.All(t => t.SeverityCodes.All(p.SeverityScale.Contains));

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 200)]
    public bool Timelines_AreInTimeOrder_OnTheScale_AndReplayable(TicketTimeline t)
    {
        var policy = Arbitraries.Policy;
        var ordered = t.Entries.Zip(t.Entries.Skip(1)).All(p => p.First.At <= p.Second.At);
        var onScale = t.Entries.Where(e => e.Kind == TimelineEntryKind.SeverityChanged).All(e => policy.SeverityScale.Contains(e.SeverityCode!));
        var replayed = t.TakeFacts(t.Entries.Count).Describe() == t.Describe();
        var whole = t.Entries.All(e => e.At.ToUnixTimeTicks() % NodaConstants.TicksPerMinute == 0);
        _ = SlaEvaluator.Evaluate(policy, t, t.LastAt);
        return ordered && onScale && replayed && whole && t.ReportedAt >= Instant.FromUtc(2025, 1, 1, 0, 0);
    }

    [Fact]
    public void Timelines_ContainEveryKindOfFact()
    {
        var kinds = AfterSalesGen.Timelines(SlaPresets.EnterpriseSystems003).Sample(200)
            .SelectMany(t => t.Entries.Select(e => e.Kind)).ToHashSet();
        Assert.Equal(Enum.GetValues<TimelineEntryKind>().Where(static k => k != TimelineEntryKind.DueDateNegotiated).ToHashSet(), kinds);
    }

    [Fact]
    public void ConversationTimelines_ContainEveryKindOfFact_MessagesAnswersAndEveryPauseReason()
    {
        var facts = AfterSalesGen.ConversationTimelines(SlaPresets.EnterpriseSystems003).Sample(200).SelectMany(static t => t.Entries).ToList();

        Assert.Equal(Enum.GetValues<TimelineEntryKind>().ToHashSet(), facts.Select(static e => e.Kind).ToHashSet());
        Assert.Contains(facts, static e => Milestone.CustomerMessage.Equals(e.Milestone));
        Assert.Contains(facts, static e => Milestone.AgentAnswered.Equals(e.Milestone));
        Assert.Equal(PauseReason.WellKnown.ToHashSet(), facts.Where(static e => e.PauseReason is not null).Select(static e => e.PauseReason!).ToHashSet());
        Assert.All(facts.Where(static e => e.Kind == TimelineEntryKind.DueDateNegotiated), static e => Assert.True(e.DueAt > e.At));
    }

    [Fact]
    public void ShrinkTimeline_YieldsShorterPrefixes()
    {
        TicketTimeline t = TicketTimelineBuilder.ReportedAt(Instant.FromUtc(2026, 3, 2, 9, 0))
            .RespondedAfter(Duration.FromMinutes(5)).PausedFor(Duration.FromMinutes(5)).ResolvedAfter(Duration.FromMinutes(5));
        Assert.Equal([0, 2, 3], AfterSalesArb.ShrinkTimeline(t).Select(s => s.Entries.Count));
    }
}
