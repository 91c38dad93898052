using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using NodaTime.Testing;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Sla;

/// <summary>The seed plans' promises 0.1 left out (issue 12 §3), as presets; every instant worked out by hand.</summary>
public class SeedGapPresetTests
{
    private static SlaClock Clock(IEnumerable<SlaClock> clocks, SlaMetric metric) => Assert.Single(clocks, c => c.Metric.Equals(metric));

    [Theory]
    [InlineData("Local", "2026-03-02 12:00")]
    [InlineData("NonLocal", "2026-03-02 14:00")]
    public void CityRepair001_R_SLA_6_CityTwoHoursOutsideFourRepairedInEight(string locality, string onSiteDue)
    {
        var site = locality == "Local" ? ServiceSite.Local : ServiceSite.NonLocal;
        var timeline = TicketTimeline.Open(Bj("2026-03-02 10:00"), "fault", ReportChannel.Phone, site);

        var clocks = SlaEvaluator.Evaluate(SlaPresets.CityRepair001, timeline, Bj("2026-03-02 10:30"), ExplanationLanguage.English);

        Assert.Equal(onSiteDue, Local(Clock(clocks, SlaMetric.OnSiteArrival).DueAt));
        Assert.Equal("2026-03-02 18:00", Local(Clock(clocks, SlaMetric.Resolved).DueAt));
    }

    [Fact]
    public void CityRepair001_R_SLA_6_LoanerOwedWhenNotRepairedWithinTwelveHours()
    {
        // 特殊情况在12个小时内无法修复的,我司将提供备用设备: reported 10:00, not repaired by 22:00.
        var timeline = TicketTimeline.Open(Bj("2026-03-02 10:00"), "fault", ReportChannel.Phone, ServiceSite.Local);

        var loaner = Clock(SlaEvaluator.Evaluate(SlaPresets.CityRepair001, timeline, Bj("2026-03-02 22:01"), ExplanationLanguage.English), SlaMetric.LoanerProvided);

        Assert.Equal("2026-03-02 22:00", Local(loaner.DueAt));
        Assert.Equal(SlaClockStatus.Breached, loaner.Status);
        Assert.Contains(loaner.Explanation, l => l.Contains("owed unless resolution by 2026-03-02 22:00", StringComparison.Ordinal));
    }

    [Fact]
    public void CityRepair001_R_SLA_6_NoLoanerWhenRepairedWithinTwelveHours()
    {
        var timeline = TicketTimeline.Open(Bj("2026-03-02 10:00"), "fault", ReportChannel.Phone, ServiceSite.Local)
            .Reached(Milestone.ArrivedOnSite, Bj("2026-03-02 11:00"))
            .Reached(Milestone.Resolved, Bj("2026-03-02 21:00"));

        var clocks = SlaEvaluator.Evaluate(SlaPresets.CityRepair001, timeline, Bj("2026-03-03 10:00"), ExplanationLanguage.English);

        Assert.Equal(SlaClockStatus.Waived, Clock(clocks, SlaMetric.LoanerProvided).Status);
        Assert.Equal(SlaClockStatus.MetLate, Clock(clocks, SlaMetric.Resolved).Status);
    }

    [Fact]
    public void Remote2hOnSite4h001_R_SLA_6_ResponseTwoHoursOnSiteFour()
    {
        var timeline = TicketTimeline.Open(Bj("2026-03-02 23:00"), "fault", ReportChannel.Email, ServiceSite.Local);

        var clocks = SlaEvaluator.Evaluate(SlaPresets.Remote2hOnSite4h001, timeline, Bj("2026-03-02 23:00"), ExplanationLanguage.English);

        Assert.Equal("2026-03-03 01:00", Local(Clock(clocks, SlaMetric.FirstResponse).DueAt));
        Assert.Equal("2026-03-03 03:00", Local(Clock(clocks, SlaMetric.OnSiteArrival).DueAt));
    }

    [Fact]
    public void Solution2h001_R_SLA_6_SolutionWithinTwoHoursAndNoClockForAtOnce()
    {
        var timeline = TicketTimeline.Open(Bj("2026-03-02 09:15"), "fault", ReportChannel.Phone, ServiceSite.Local);

        var clocks = SlaEvaluator.Evaluate(SlaPresets.Solution2h001, timeline, Bj("2026-03-02 09:15"), ExplanationLanguage.English);

        Assert.Equal("2026-03-02 11:15", Local(Assert.Single(clocks).DueAt));
        Assert.Equal(SlaMetric.RepairPlan, clocks[0].Metric);
    }

    [Fact]
    public void OnSite4hSolved24h001_R_SLA_6_OnSiteFourHoursSolvedInADay()
    {
        var timeline = TicketTimeline.Open(Bj("2026-03-02 09:00"), "fault", ReportChannel.Phone, ServiceSite.Local);

        var clocks = SlaEvaluator.Evaluate(SlaPresets.OnSite4hSolved24h001, timeline, Bj("2026-03-02 09:00"), ExplanationLanguage.English);

        Assert.Equal("2026-03-02 13:00", Local(Clock(clocks, SlaMetric.OnSiteArrival).DueAt));
        Assert.Equal("2026-03-03 09:00", Local(Clock(clocks, SlaMetric.Resolved).DueAt));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("2", true)]
    [InlineData("3", false)]
    public void MajorFaultAnyWarranty003_R_SLA_2_MajorFaultsOnSiteWithin24Hours(string level, bool hasOnSiteClock)
    {
        var timeline = TicketTimeline.Open(Bj("2026-03-06 17:00"), level, ReportChannel.Phone, ServiceSite.Travel(1500));

        var clocks = SlaEvaluator.Evaluate(SlaPresets.MajorFaultAnyWarranty003, timeline, Bj("2026-03-06 17:00"), ExplanationLanguage.English);

        Assert.Equal("2026-03-06 18:00", Local(Clock(clocks, SlaMetric.FirstResponse).DueAt));
        Assert.Equal(hasOnSiteClock, clocks.Any(c => c.Metric.Equals(SlaMetric.OnSiteArrival)));
        if (hasOnSiteClock)
        {
            Assert.Equal("2026-03-07 17:00", Local(Clock(clocks, SlaMetric.OnSiteArrival).DueAt));
        }
    }

    [Fact]
    public void Cctv004_R_SLA_5_SparePartsOnSiteWithinEightHoursOfNotice()
    {
        var timeline = TicketTimeline.Open(Bj("2026-03-02 09:00"), "fault", ReportChannel.Phone, ServiceSite.Local)
            .Reached(Milestone.ArrivedOnSite, Bj("2026-03-02 11:00"))
            .Reached(Milestone.SparePartsOnSite, Bj("2026-03-02 16:30"));

        var parts = Clock(SlaEvaluator.Evaluate(SlaPresets.Cctv004, timeline, Bj("2026-03-02 18:00"), ExplanationLanguage.English), SlaMetric.SparePartsOnSite);

        Assert.Equal("2026-03-02 17:00", Local(parts.DueAt));
        Assert.Equal(SlaClockStatus.Met, parts.Status);
        Assert.Equal("cn-004-cctv@2", parts.PolicyKey);
    }

    [Fact]
    public void Cctv004Version1_KeepsItsTerms_NoSparePartsClock()
    {
        var timeline = TicketTimeline.Open(Bj("2026-03-02 09:00"), "fault", ReportChannel.Phone, ServiceSite.Local);

        var clocks = SlaEvaluator.Evaluate(SlaPresets.Cctv004Version1, timeline, Bj("2026-03-02 09:00"), ExplanationLanguage.English);

        Assert.DoesNotContain(clocks, c => c.Metric.Equals(SlaMetric.SparePartsOnSite));
    }

    [Fact]
    public void PartsExchangedOnSite_R_SLA_5_StopsTheSparePartsClock()
    {
        var clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
        var ticket = Ticket.Report(Tickets.Report(severity: "fault"), SlaPresets.Cctv004, clock);
        clock.Advance(Duration.FromHours(3));

        ticket.ReplaceParts(new TicketPartsExchange { OldPartNumber = "CAM-1", OldSerialNumber = "O1", NewPartNumber = "CAM-1", NewSerialNumber = "N1", SignedBy = "王工" });

        var parts = Assert.Single(ticket.Clocks(clock.GetCurrentInstant()), c => c.Metric.Equals(SlaMetric.SparePartsOnSite));
        Assert.Equal(SlaClockStatus.Met, parts.Status);
        Assert.Equal(Milestone.SparePartsOnSite, parts.StoppedBy);
    }

    [Fact]
    public void RestartAtChange_R_SEV_2_OpenClockCountsFromTheReclassification()
    {
        var policy = SlaPolicy.CreateBuilder("restart", 1, "restart", AfterSales.Severity.SeverityScales.LevelsOneToFour)
            .WithCalendar(SlaPresets.TwentyFourSevenBeijing)
            .WithReclassification(ReclassificationRule.RestartAtChange)
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(8), t => t.ForSeverities("3"))
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(4), t => t.ForSeverities("1"))
            .Build();
        var timeline = TicketTimeline.Open(Bj("2026-03-02 09:00"), "3", ReportChannel.Phone, ServiceSite.Local)
            .Reclassified("1", Bj("2026-03-02 12:00"));

        var restarted = Clock(SlaEvaluator.Evaluate(policy, timeline, Bj("2026-03-02 13:00"), ExplanationLanguage.English), SlaMetric.Resolved);
        var kept = Clock(SlaEvaluator.Evaluate(Rebuild(policy, ReclassificationRule.KeepElapsed), timeline, Bj("2026-03-02 13:00"), ExplanationLanguage.English), SlaMetric.Resolved);

        Assert.Equal("2026-03-02 16:00", Local(restarted.DueAt));
        Assert.Contains(restarted.Explanation, l => l.Contains("starts again at the change", StringComparison.Ordinal));
        Assert.Equal("2026-03-02 13:00", Local(kept.DueAt));
    }

    private static SlaPolicy Rebuild(SlaPolicy policy, ReclassificationRule rule) =>
        SlaPolicy.CreateBuilder(policy.Id, policy.Version, policy.Name, policy.SeverityScale)
            .WithCalendar(SlaPresets.TwentyFourSevenBeijing)
            .WithReclassification(rule)
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(8), t => t.ForSeverities("3"))
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(4), t => t.ForSeverities("1"))
            .Build();
}
