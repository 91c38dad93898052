using AfterSales.Sla;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AfterSales.Testing.Tests;

/// <summary>The oracle agrees with hand-worked cases and with <see cref="SlaEvaluator"/> on generated ones.</summary>
public class ReferenceSlaTests
{
    private static readonly Instant Monday9 = Instant.FromUtc(2026, 3, 2, 9, 0);

    [Fact]
    public void Due_SkipsClosedTimeAndPauses()
    {
        var calendar = TestCalendars.NineToFive("UTC");
        var pause = new NodaTime.Interval(Monday9 + Duration.FromHours(1), Monday9 + Duration.FromHours(2));
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 10, 0), ReferenceSla.Due(calendar, Monday9, [pause], Duration.FromHours(8)));
        Assert.Equal(Duration.FromHours(7), ReferenceSla.Elapsed(calendar, Monday9, [pause], Monday9 + Duration.FromHours(10)));
        Assert.Equal(Monday9 + Duration.FromDays(7), ReferenceSla.Due(calendar, Instant.FromUtc(2026, 3, 7, 0, 0), [], Duration.Zero));
    }

    [Theory]
    [InlineData("2026-03-03T10:00:00Z", 2, "2026-03-05T10:00:00Z")] // Tue 10:00 + 2 = Thu 10:00
    [InlineData("2026-03-06T16:00:00Z", 2, "2026-03-10T16:00:00Z")] // Fri 16:00 + 2 = Tue 16:00
    [InlineData("2026-03-07T11:00:00Z", 2, "2026-03-11T09:00:00Z")] // Sat 11:00 + 2 = Wed 09:00 (counting starts Mon 09:00)
    [InlineData("2026-03-03T17:00:00Z", 1, "2026-03-05T09:00:00Z")] // at closing, counting starts at the next opening
    public void WorkingDaysDue_OnNineToFive_WorksTheRuleOutMinuteByMinute_WithoutTheEvaluator(string start, int days, string due)
    {
        var calendar = TestCalendars.NineToFive("UTC");

        var reference = ReferenceSla.WorkingDaysDue(calendar.IsBusinessTime, DateTimeZone.Utc, NodaTime.Text.InstantPattern.General.Parse(start).Value, days);

        Assert.Equal(NodaTime.Text.InstantPattern.General.Parse(due).Value, reference);
        Assert.Equal(reference, calendar.AddWorkingDays(NodaTime.Text.InstantPattern.General.Parse(start).Value, days));
    }

    [Fact]
    public void Clocks_WorkOutTargetStartAndAllowedFromThePolicyAlone()
    {
        var policy = SlaPresets.KioskHardware000;
        var timeline = TicketTimelineBuilder.ReportedAt(Instant.FromUtc(2026, 9, 30, 8, 0), "single").Build();

        var resolved = Assert.Single(ReferenceSla.Clocks(policy, timeline, timeline.LastAt), c => c.Metric.Equals(SlaMetric.Resolved)).Clock!;

        // 2 working days from Wed 30 Sep 16:00 Beijing over National Day: Fri 9 Oct 16:00, 18 h (R-SLA-1).
        Assert.Equal(Instant.FromUtc(2026, 10, 9, 8, 0), resolved.Due);
        Assert.Equal(Duration.FromHours(18), resolved.Allowed);
    }

    [Fact]
    public void Due_GivesUpOnSpansLongerThanMaxSpan() =>
        Assert.Throws<InvalidOperationException>(() => ReferenceSla.Due(_ => false, Monday9, [], Duration.FromMinutes(1)));

    [Fact]
    public void Recompute_AgreesWithAHandWorkedClock()
    {
        var policy = TestPolicies.OnSite(Duration.FromHours(4), TestCalendars.NineToFive("UTC"));
        var timeline = TicketTimelineBuilder.ReportedAt(Monday9).PausedFor(Duration.FromHours(1)).ArrivedAfter(Duration.FromHours(5)).Build();
        var clock = Assert.Single(SlaEvaluator.Evaluate(policy, timeline, timeline.LastAt));
        var reference = ReferenceSla.Recompute(clock, timeline, timeline.LastAt)!;
        Assert.Equal(Monday9 + Duration.FromHours(5), reference.Due);
        Assert.Equal(SlaClockStatus.MetLate, reference.Status);
        Assert.Empty(reference.DifferencesFrom(clock));
    }

    [Property(Arbitrary = new[] { typeof(AfterSalesArb) }, MaxTest = 150)]
    public Property Evaluator_AgreesWithTheReference_OnGeneratedScenarios(SlaScenario s)
    {
        var differences = s.Disagreements();
        return differences.Count == 0 ? true.ToProperty() : false.Label(string.Join("; ", differences));
    }

    [Fact]
    public void GeneratedScenarios_ExerciseStartedPausedBreachedAndReopenedClocks()
    {
        var clocks = AfterSalesGen.Scenarios().Sample(150).SelectMany(s => s.Evaluate()).ToList();
        Assert.True(clocks.Count(c => c.StartedAt is not null) > 100, $"{clocks.Count} clocks");
        Assert.Contains(clocks, c => c.PausedBusinessTime > Duration.Zero);
        Assert.Contains(clocks, c => c.Cycle > 1);
        Assert.Contains(clocks, c => c.Status == SlaClockStatus.Breached);
        Assert.Contains(clocks, c => c.Status == SlaClockStatus.Met);
        Assert.Contains(clocks, c => c.Status == SlaClockStatus.Paused);
    }
}
