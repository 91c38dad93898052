using AfterSales.Calendars;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Sla;

/// <summary>The worked examples of REQUIREMENTS.md §2, run through the seed presets; every due
/// instant below was worked out by hand from the plan's words.</summary>
public class SlaPresetTests
{
    private static SlaClock Clock(IEnumerable<SlaClock> clocks, SlaMetric metric, int cycle = 1) =>
        Assert.Single(clocks, c => c.Metric.Equals(metric) && c.Cycle == cycle);

    [Fact]
    public void KioskHardware_SystemDown_R_SLA_1_OnSiteWithinOneHourThenRestoreAndResolveCountFromArrival()
    {
        var timeline = TicketTimeline.Open(Bj("2026-03-02 10:00"), "down", ReportChannel.Phone, ServiceSite.Local)
            .Reached(Milestone.ArrivedOnSite, Bj("2026-03-02 10:50"));

        var clocks = SlaEvaluator.Evaluate(SlaPresets.KioskHardware000, timeline, Bj("2026-03-02 11:00"), ExplanationLanguage.English);

        var onSite = Clock(clocks, SlaMetric.OnSiteArrival);
        Assert.Equal(SlaClockStatus.Met, onSite.Status);
        Assert.Equal("2026-03-02 11:00", Local(onSite.DueAt));
        var restored = Clock(clocks, SlaMetric.ServiceRestored);
        Assert.Equal(SlaClockStatus.Running, restored.Status);
        Assert.Equal("2026-03-02 12:50", Local(restored.DueAt));
        Assert.Equal("2026-03-02 16:50", Local(Clock(clocks, SlaMetric.Resolved).DueAt));
    }

    [Fact]
    public void KioskHardware_SevereBeforeArrival_R_SLA_1_RestoreClockWaitsForArrival()
    {
        var timeline = TicketTimeline.Open(Bj("2026-03-02 22:00"), "severe", ReportChannel.Phone, ServiceSite.Local);

        var clocks = SlaEvaluator.Evaluate(SlaPresets.KioskHardware000, timeline, Bj("2026-03-02 23:00"), ExplanationLanguage.English);

        Assert.Equal("2026-03-03 00:00", Local(Clock(clocks, SlaMetric.OnSiteArrival).DueAt));
        var restored = Clock(clocks, SlaMetric.ServiceRestored);
        Assert.Equal(SlaClockStatus.NotStarted, restored.Status);
        Assert.Null(restored.DueAt);
        Assert.Contains("waits for arrival on site", restored.Explanation[^2]);
    }

    [Fact]
    public void KioskHardware_TerminalFault_R_SLA_1_TwoWorkingDaysSkipNationalDay()
    {
        // Reported on Wednesday 2026-09-30 at 16:00; 1–7 October 2026 are the National Day holidays
        // and Saturday 10 October is a make-up working day (State Council notice of 2025-11-04).
        // The second working day after 30 Sep is Friday 9 Oct; same position in the day: 16:00.
        // Business time: 2 h on 30 Sep + 9 h on 8 Oct + 7 h on 9 Oct = 18 h.
        var timeline = TicketTimeline.Open(Bj("2026-09-30 16:00"), "single", ReportChannel.Phone, ServiceSite.Local);

        var clocks = SlaEvaluator.Evaluate(SlaPresets.KioskHardware000, timeline, Bj("2026-09-30 16:30"), ExplanationLanguage.English);

        var resolved = Clock(clocks, SlaMetric.Resolved);
        Assert.Equal("2026-10-09 16:00", Local(resolved.DueAt));
        Assert.Equal(Duration.FromHours(18), resolved.Allowed);
        Assert.Contains("2026-10-01 to 2026-10-07 are holidays (国庆节 National Day)", resolved.Explanation);
        Assert.Equal("2026-09-30 22:00", Local(Clock(clocks, SlaMetric.RepairPlan).DueAt));
    }

    [Theory]
    [InlineData(ReportChannel.Phone, "2026-03-02 10:30")]
    [InlineData(ReportChannel.Email, "2026-03-02 11:00")]
    [InlineData(ReportChannel.Fax, "2026-03-02 11:00")]
    [InlineData(ReportChannel.WalkIn, "2026-03-02 11:00")]
    public void EnterpriseSystems_R_SLA_2_ResponseDependsOnChannel(ReportChannel channel, string due)
    {
        var timeline = TicketTimeline.Open(Bj("2026-03-02 10:00"), "3", channel, ServiceSite.Local);

        var response = Clock(SlaEvaluator.Evaluate(SlaPresets.EnterpriseSystems003, timeline, Bj("2026-03-02 10:05"), ExplanationLanguage.English), SlaMetric.FirstResponse);

        Assert.Equal(due, Local(response.DueAt));
    }

    [Theory]
    [InlineData("1", SiteLocality.Local, null, "2026-03-02 12:00")]
    [InlineData("2", SiteLocality.NonLocal, null, "2026-03-02 16:00")]
    [InlineData("3", SiteLocality.Local, null, "2026-03-02 14:00")]
    [InlineData("4", SiteLocality.NonLocal, null, "2026-03-02 16:00")]
    [InlineData("1", SiteLocality.Travel, 999, "2026-03-02 18:00")]
    [InlineData("3", SiteLocality.Travel, 1000, "2026-03-02 22:00")]
    public void EnterpriseSystems_R_SLA_2_R_SLA_9_OnSiteDependsOnLevelAndSite(string level, SiteLocality locality, int? km, string due)
    {
        var timeline = TicketTimeline.Open(Bj("2026-03-02 10:00"), level, ReportChannel.Phone, new ServiceSite(locality, km));

        var onSite = Clock(SlaEvaluator.Evaluate(SlaPresets.EnterpriseSystems003, timeline, Bj("2026-03-02 10:05"), ExplanationLanguage.English), SlaMetric.OnSiteArrival);

        Assert.Equal(due, Local(onSite.DueAt));
    }

    [Fact]
    public void SystemIntegration_ClassA_R_SLA_3_CityTwoHoursElsewhereADaySolutionInTwoDays()
    {
        var reported = Bj("2026-03-02 10:00");
        var inCity = SlaEvaluator.Evaluate(SlaPresets.SystemIntegration002, TicketTimeline.Open(reported, "A", ReportChannel.Phone, ServiceSite.Local), reported, ExplanationLanguage.English);
        var elsewhere = SlaEvaluator.Evaluate(SlaPresets.SystemIntegration002, TicketTimeline.Open(reported, "A", ReportChannel.Phone, ServiceSite.NonLocal), reported, ExplanationLanguage.English);

        Assert.Equal("2026-03-02 12:00", Local(Clock(inCity, SlaMetric.OnSiteArrival).DueAt));
        Assert.Equal("2026-03-03 10:00", Local(Clock(elsewhere, SlaMetric.OnSiteArrival).DueAt));
        Assert.Equal("2026-03-04 10:00", Local(Clock(inCity, SlaMetric.RepairPlan).DueAt));
    }

    [Fact]
    public void SystemIntegration_ClassesBCD_R_SLA_3_TargetsPerClassAndNoClockForD()
    {
        var reported = Bj("2026-03-02 10:00");
        var b = SlaEvaluator.Evaluate(SlaPresets.SystemIntegration002, TicketTimeline.Open(reported, "B", ReportChannel.Email, ServiceSite.Local), reported, ExplanationLanguage.English);
        var c = SlaEvaluator.Evaluate(SlaPresets.SystemIntegration002, TicketTimeline.Open(reported, "C", ReportChannel.Email, ServiceSite.Local), reported, ExplanationLanguage.English);
        var d = SlaEvaluator.Evaluate(SlaPresets.SystemIntegration002, TicketTimeline.Open(reported, "D", ReportChannel.Email, ServiceSite.Local), reported, ExplanationLanguage.English);

        Assert.Equal("2026-03-04 10:00", Local(Clock(b, SlaMetric.OnSiteArrival).DueAt));
        Assert.Equal("2026-03-05 10:00", Local(Clock(b, SlaMetric.RepairPlan).DueAt));
        Assert.Equal("2026-03-02 22:00", Local(Clock(c, SlaMetric.FirstResponse).DueAt)); // 12 h by e-mail beats the 72 h reaction
        Assert.Contains(Clock(c, SlaMetric.FirstResponse).Explanation, l => l.Contains("strictest of 2"));
        Assert.Equal("2026-03-06 22:00", Local(Clock(c, SlaMetric.RepairPlan).DueAt));
        Assert.Equal([SlaMetric.FirstResponse], d.Select(x => x.Metric));
    }

    [Fact]
    public void SystemIntegration_OnFiveByEight_R_SLA_4_PhoneReportFridayEveningIsAnsweredMondayMorning()
    {
        var policy = SlaPresets.SystemIntegration002On(ChinaCalendars.Statutory9To18, "cn-002-5x8");
        var timeline = TicketTimeline.Open(Bj("2026-03-06 17:50"), "B", ReportChannel.Phone, ServiceSite.Local);

        var response = Clock(SlaEvaluator.Evaluate(policy, timeline, Bj("2026-03-07 12:00"), ExplanationLanguage.English), SlaMetric.FirstResponse);

        Assert.Equal("2026-03-09 09:05", Local(response.DueAt));
        Assert.Equal(SlaClockStatus.Running, response.Status);
        Assert.Equal(Duration.FromMinutes(10), response.Elapsed);
    }

    [Fact]
    public void Cctv_R_SLA_5_LoanerWaivedWhenRestoredWithinFiveHoursOfTheFault()
    {
        var timeline = TicketTimeline.Open(Bj("2026-03-02 09:00"), "fault", ReportChannel.Phone, ServiceSite.Local, faultOccurredAt: Bj("2026-03-02 08:00"))
            .Reached(Milestone.ArrivedOnSite, Bj("2026-03-02 11:30"))
            .Reached(Milestone.ServiceRestored, Bj("2026-03-02 12:30"));

        var clocks = SlaEvaluator.Evaluate(SlaPresets.Cctv004, timeline, Bj("2026-03-02 18:00"), ExplanationLanguage.English);

        Assert.Equal("2026-03-02 12:00", Local(Clock(clocks, SlaMetric.OnSiteArrival).DueAt));
        Assert.Equal(SlaClockStatus.Waived, Clock(clocks, SlaMetric.LoanerProvided).Status);
    }

    [Fact]
    public void Cctv_R_SLA_5_R_SLA_8_LoanerDueEightHoursAfterTheFaultWhenNotRestoredInFive()
    {
        var timeline = TicketTimeline.Open(Bj("2026-03-02 09:00"), "fault", ReportChannel.Phone, ServiceSite.Local, faultOccurredAt: Bj("2026-03-02 08:00"))
            .Reached(Milestone.ArrivedOnSite, Bj("2026-03-02 11:30"));

        var atDue = SlaEvaluator.Evaluate(SlaPresets.Cctv004, timeline, Bj("2026-03-02 16:00"), ExplanationLanguage.English);
        var after = SlaEvaluator.Evaluate(SlaPresets.Cctv004, timeline, Bj("2026-03-02 16:01"), ExplanationLanguage.English);

        var loaner = Clock(atDue, SlaMetric.LoanerProvided);
        Assert.Equal("2026-03-02 16:00", Local(loaner.DueAt));
        Assert.Equal(SlaClockStatus.Running, loaner.Status);
        Assert.Equal(SlaClockStatus.Breached, Clock(after, SlaMetric.LoanerProvided).Status);
        Assert.Contains(loaner.Explanation, l => l.Contains("started 2026-03-02 08:00 at the fault's occurrence"));
    }

    [Fact]
    public void Cctv_FaultTimeUnknown_R_SLA_8_CountsFromTheReport()
    {
        var timeline = TicketTimeline.Open(Bj("2026-03-02 09:00"), "fault", ReportChannel.Phone, ServiceSite.Local);

        var loaner = Clock(SlaEvaluator.Evaluate(SlaPresets.Cctv004, timeline, Bj("2026-03-02 09:00"), ExplanationLanguage.English), SlaMetric.LoanerProvided);

        Assert.Equal("2026-03-02 17:00", Local(loaner.DueAt));
        Assert.Contains(loaner.Explanation, l => l.Contains("fault time unknown"));
    }

    [Fact]
    public void AllPresets_HaveUniqueKeysAndEverySeverityOfTheirScaleIsKnown()
    {
        Assert.Equal(SlaPresets.All.Count, SlaPresets.All.Select(p => p.Key).Distinct().Count());
        foreach (var policy in SlaPresets.All)
        {
            Assert.All(policy.Targets, t => Assert.All(t.SeverityCodes, code => Assert.True(policy.SeverityScale.Contains(code))));
        }
    }
}
