using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Sla;

public class SlaPolicyValidationTests
{
    private static SlaPolicyBuilder Builder() => SlaPolicy.CreateBuilder("p", 1, "p", SeverityScales.LevelsOneToFour);

    [Fact]
    public void Build_TargetWithoutCalendar_NamesTheTargetsCalendar()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Builder().AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(1), t => t.ForAllSeverities()).Build());

        Assert.Equal("Targets[0].Calendar", error.ParamName);
        Assert.Contains("needs a calendar", error.Message);
    }

    [Fact]
    public void Build_UnknownSeverity_NamesTheSeveritiesAndListsTheScale()
    {
        var error = Assert.Throws<ArgumentException>(() => Builder().WithCalendar(SlaPresets.TwentyFourSevenBeijing)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(1), t => t.ForAllSeverities())
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(1), t => t.ForSeverities("A"))
            .Build());

        Assert.Equal("Targets[1].Severities", error.ParamName);
        Assert.Contains("1, 2, 3, 4", error.Message);
    }

    [Fact]
    public void Build_TargetWithoutSeverities_IsRejected() =>
        Assert.Equal("Targets[0].Severities", Assert.Throws<ArgumentException>(() => Builder().WithCalendar(SlaPresets.TwentyFourSevenBeijing)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(1), _ => { }).Build()).ParamName);

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Build_WarningOutsideOneToHundredPercent_IsRejected(int percent) =>
        Assert.Equal("Targets[0].WarningPercents", Assert.Throws<ArgumentException>(() => Builder().WithCalendar(SlaPresets.TwentyFourSevenBeijing)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(1), t => t.ForAllSeverities().WarnAt(50, percent)).Build()).ParamName);

    [Fact]
    public void Build_ReversedDistanceBand_IsRejected() =>
        Assert.Equal("Targets[0].Distance", Assert.Throws<ArgumentException>(() => Builder().WithCalendar(SlaPresets.TwentyFourSevenBeijing)
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(8), t => t.ForAllSeverities().ForDistance(1000, 500)).Build()).ParamName);

    [Fact]
    public void Build_AnchorEqualToTheStoppingMilestone_IsRejected() =>
        Assert.Equal("Targets[0].StartAnchor", Assert.Throws<ArgumentException>(() => Builder().WithCalendar(SlaPresets.TwentyFourSevenBeijing)
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(8), t => t.ForAllSeverities().From(Milestone.ArrivedOnSite)).Build()).ParamName);

    [Fact]
    public void Amounts_Negative_AreRejectedNamingTheArgument()
    {
        Assert.Equal("hours", Assert.Throws<ArgumentOutOfRangeException>(() => SlaAmount.Hours(-1)).ParamName);
        Assert.Equal("workingDays", Assert.Throws<ArgumentOutOfRangeException>(() => SlaAmount.OfWorkingDays(-2)).ParamName);
        Assert.Equal("businessTime", Assert.Throws<ArgumentOutOfRangeException>(() => SlaAmount.OfBusinessTime(Duration.FromSeconds(-1))).ParamName);
    }

    [Fact]
    public void Build_NegativeObservationPeriod_IsRejected() =>
        Assert.Equal("ObservationPeriod", Assert.Throws<ArgumentException>(() => Builder().WithObservationPeriod(Duration.FromHours(-1)).Build()).ParamName);

    [Fact]
    public void Timeline_FactsOutOfOrderOrContradictory_AreRejectedAndLeaveTheTimelineAsItWas()
    {
        var timeline = TicketTimeline.Open(Bj("2026-03-02 10:00"), "1", ReportChannel.Phone, ServiceSite.Local).Paused(Bj("2026-03-02 11:00"));

        Assert.Equal("at", Assert.Throws<ArgumentException>(() => timeline.Reached(Milestone.Responded, Bj("2026-03-02 10:59"))).ParamName);
        Assert.Equal("at", Assert.Throws<ArgumentException>(() => timeline.Paused(Bj("2026-03-02 12:00"))).ParamName);
        Assert.Equal("at", Assert.Throws<ArgumentException>(() => timeline.Resumed(Bj("2026-03-02 12:00")).Resumed(Bj("2026-03-02 13:00"))).ParamName);
        Assert.Equal("milestone", Assert.Throws<ArgumentException>(() => timeline.Reached(Milestone.Reported, Bj("2026-03-02 12:00"))).ParamName);
        Assert.Equal("faultOccurredAt", Assert.Throws<ArgumentException>(() =>
            TicketTimeline.Open(Bj("2026-03-02 10:00"), "1", ReportChannel.Phone, ServiceSite.Local, Bj("2026-03-02 10:01"))).ParamName);
        Assert.Single(timeline.Entries);
        Assert.True(timeline.IsPaused);
    }

    [Fact]
    public void SeverityScale_RanksWithGapsOrRepeatedCodes_AreRejected()
    {
        Assert.Contains("without gaps", Assert.Throws<ArgumentException>(() =>
            new SeverityScale("s", "s", [new SeverityLevel("a", 1, "甲", "A"), new SeverityLevel("b", 3, "乙", "B")])).Message);
        Assert.Contains("unique codes", Assert.Throws<ArgumentException>(() =>
            new SeverityScale("s", "s", [new SeverityLevel("a", 1, "甲", "A"), new SeverityLevel("a", 2, "乙", "B")])).Message);
    }

    [Fact]
    public void SeverityScale_OneLevelUp_R_SEV_2_ReclassifiesUpwardUntilTheTop()
    {
        var scale = SeverityScales.UrgentToNormal;

        Assert.Equal("major", scale.OneLevelUp(scale["normal"])!.Code);
        Assert.Null(scale.OneLevelUp(scale["urgent"]));
        Assert.True(scale["urgent"].IsMoreSevereThan(scale["serious"]));
    }
}
