using AfterSales.Quality.Complaints;
using AfterSales.Sla;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Quality;

public class ComplaintTests
{
    private static Complaint Filed(string at = "2026-02-13 16:30") =>
        Complaint.File("C-1", "WO-7", "eng-zhang", Bj(at), "工程师未按约定时间到场");

    private static SlaClock Clock(IEnumerable<SlaClock> clocks, SlaMetric metric) => clocks.Single(c => c.Metric.Equals(metric));

    /// <summary>
    /// R-CP-4 / R-CP-1, filed on Friday 2026-02-13 16:30, the Friday before the Spring Festival
    /// block (Sun 15 – Mon 23 Feb off) with make-up Saturdays 14 and 28 Feb, on the 09:00–18:00 desk:
    /// - first reply 2 business hours: Fri 16:30–18:00 = 1 h 30, then Sat 14 (make-up) 09:00 + 30 min → Sat 2026-02-14 09:30;
    /// - verification 2 working days: working day 1 = Sat 14 (make-up), day 2 = Tue 24 (the first after the block),
    ///   same position in the day (7 h 30 after opening) → Tue 2026-02-24 16:30 (18 business hours);
    /// - formal answer 5 working days: Sat 14, Tue 24, Wed 25, Thu 26, Fri 27 → Fri 2026-02-27 16:30.
    /// </summary>
    [Fact]
    public void Clocks_FiledFridayBeforeSpringFestivalWithMakeUpSaturday_DueInstantsSkipTheBlock_RCP4()
    {
        var clocks = Filed().Clocks(ComplaintPolicies.Desk003, Bj("2026-02-13 17:00"));

        Assert.Equal("2026-02-14 09:30", Local(Clock(clocks, ComplaintMetrics.FirstReply).DueAt));
        Assert.Equal("2026-02-24 16:30", Local(Clock(clocks, ComplaintMetrics.Verification).DueAt));
        Assert.Equal(Duration.FromHours(18), Clock(clocks, ComplaintMetrics.Verification).Allowed);
        Assert.Equal("2026-02-27 16:30", Local(Clock(clocks, ComplaintMetrics.FormalAnswer).DueAt));
        Assert.All(clocks, c => Assert.Equal(SlaClockStatus.Running, c.Status));
    }

    [Fact]
    public void Clocks_RepliedOnMakeUpSaturdayAfterDue_IsMetLateAndEscalatesToProjectManager_RCP5()
    {
        var complaint = Filed().RecordFirstReply(Bj("2026-02-14 10:00"));

        var clocks = complaint.Clocks(ComplaintPolicies.Desk003, Bj("2026-02-14 10:00"));
        var decision = complaint.Escalation(ComplaintPolicies.Desk003, EscalationPath.Seed003, Bj("2026-02-14 10:00"));

        Assert.Equal(SlaClockStatus.MetLate, Clock(clocks, ComplaintMetrics.FirstReply).Status);
        Assert.Equal("project-manager", decision.Level.Code);
        Assert.Single(decision.Reasons);
    }

    [Fact]
    public void Escalation_AllOnTime_StaysWithQualityAssurance_RCP5()
    {
        var complaint = Filed("2026-03-02 10:00")
            .RecordFirstReply(Bj("2026-03-02 11:00"))
            .RecordVerification(Bj("2026-03-03 15:00"), engineerResponsible: true)
            .RecordFormalAnswer(Bj("2026-03-05 10:00"))
            .RecordSolved(Bj("2026-03-06 10:00"))
            .RecordCustomerVerdict(Bj("2026-03-06 11:00"), satisfied: true)
            .Close(Bj("2026-03-06 12:00"));

        var decision = complaint.Escalation(ComplaintPolicies.Desk003, EscalationPath.Seed003, Bj("2026-03-10 10:00"));

        Assert.Equal("qa", decision.Level.Code);
        Assert.False(decision.IsEscalated);
    }

    /// <summary>Filed Mon 2026-03-02 10:00, nothing done by Mon 2026-03-16 10:00: reply overdue 62 h (6 steps + 1), capped at the top; all four clocks breached.</summary>
    [Fact]
    public void Escalation_EverythingBreachedForDays_ReachesBothSidesDecisionMakers_RCP5()
    {
        var decision = Filed("2026-03-02 10:00").Escalation(ComplaintPolicies.Desk003, EscalationPath.Seed003, Bj("2026-03-16 10:00"));

        Assert.Equal("decision-makers", decision.Level.Code);
        Assert.Equal(4, decision.Reasons.Count);
    }

    /// <summary>
    /// R-CP-4 worked example: filed Thu 2026-04-02 15:00, the closing target of 5 working days ends Fri
    /// 2026-04-10 15:00 — Fri 3, then Tue 7, Wed 8, Thu 9, Fri 10 April, Qingming (Sat 4 – Mon 6) being
    /// off. Closed Fri 10 April 14:00 it is met; still open at 15:01 it is breached.
    /// </summary>
    [Fact]
    public void Clocks_ClosingTarget_FiveWorkingDaysOverQingming_RCP4()
    {
        var filed = Filed("2026-04-02 15:00");
        var solved = filed.RecordSolved(Bj("2026-04-09 10:00")).RecordCustomerVerdict(Bj("2026-04-10 11:00"), satisfied: true);

        var open = Clock(filed.Clocks(ComplaintPolicies.Desk003, Bj("2026-04-10 15:01")), ComplaintMetrics.Closing);
        var closed = Clock(solved.Close(Bj("2026-04-10 14:00")).Clocks(ComplaintPolicies.Desk003, Bj("2026-04-20 10:00")), ComplaintMetrics.Closing);

        Assert.Equal(Bj("2026-04-10 15:00"), open.DueAt);
        Assert.Equal(SlaClockStatus.Breached, open.Status);
        Assert.Equal(SlaClockStatus.Met, closed.Status);
        Assert.Equal(Bj("2026-04-10 14:00"), closed.StoppedAt);
        Assert.Equal(2, ComplaintPolicies.Desk003.Version);
    }

    [Fact]
    public void EscalationPath_Seed003_HasFourLevelsInOrder_RCP5()
    {
        Assert.Equal(["qa", "project-manager", "project-leadership", "decision-makers"], EscalationPath.Seed003.Levels.Select(l => l.Code));
        Assert.Equal("双方决策层", EscalationPath.Seed003.Levels[3].NameZh);
    }

    [Fact]
    public void Close_SolvedButCustomerDissatisfied_ThrowsWithGuard_RCP4()
    {
        var complaint = Filed().RecordSolved(Bj("2026-02-24 10:00")).RecordCustomerVerdict(Bj("2026-02-24 11:00"), satisfied: false);

        var error = Assert.Throws<ComplaintTransitionException>(() => complaint.Close(Bj("2026-02-24 12:00")));

        Assert.Equal("close", error.Command);
        Assert.Equal(["first-reply", "verification", "formal-answer", "verdict"], error.PermittedCommands);
        Assert.Equal(ComplaintStatus.Open, error.Status);
        Assert.Contains("dissatisfied", error.Message, StringComparison.Ordinal);
        Assert.False(complaint.CanClose);
    }

    [Fact]
    public void Close_NotSolved_Throws_RCP4()
    {
        var error = Assert.Throws<ComplaintTransitionException>(() => Filed().Close(Bj("2026-02-24 12:00")));
        Assert.Contains("not solved", error.UnmetGuard, StringComparison.Ordinal);
    }

    [Fact]
    public void Close_SolvedAndSatisfied_ClosesAndThenRefusesChanges_RCP4()
    {
        var closed = Filed()
            .RecordSolved(Bj("2026-02-24 10:00"))
            .RecordCustomerVerdict(Bj("2026-02-24 11:00"), satisfied: false)
            .RecordCustomerVerdict(Bj("2026-02-25 11:00"), satisfied: true)
            .Close(Bj("2026-02-25 12:00"));

        Assert.Equal(ComplaintStatus.Closed, closed.Status);
        Assert.Throws<ComplaintTransitionException>(() => closed.RecordFormalAnswer(Bj("2026-02-26 10:00")));
    }

    [Fact]
    public void RecordVerification_EngineerResponsible_ConfirmsAndDatesOnVerificationDay_RCP2()
    {
        var complaint = Filed().RecordVerification(Bj("2026-02-24 09:30"), engineerResponsible: true);

        var confirmed = complaint.ToConfirmed(Shanghai);

        Assert.True(complaint.IsConfirmed);
        Assert.Equal(new LocalDate(2026, 2, 24), confirmed.ConfirmedOn);
        Assert.Equal("eng-zhang", confirmed.EngineerId);
    }

    [Fact]
    public void RecordFirstReply_BeforeFiling_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => Filed().RecordFirstReply(Bj("2026-02-13 16:00")));
    }
}
