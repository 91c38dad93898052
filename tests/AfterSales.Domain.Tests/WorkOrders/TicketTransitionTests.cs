using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Tests.WorkOrders;

public sealed class TicketTransitionTests
{
    private readonly FakeClock clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);

    private static IEnumerable<Milestone?> Milestones(Ticket t) =>
        t.Timeline.Entries.Where(static e => e.Kind == TimelineEntryKind.MilestoneReached).Select(static e => e.Milestone);

    private static InvalidTransitionException Rejected(Ticket t, Action command)
    {
        var before = t.Events.ToArray();
        var ex = Assert.Throws<InvalidTransitionException>(command);
        Assert.Equal(before, t.Events);
        return ex;
    }

    [Fact]
    public void Report_RecordsEveryFieldAtTheClocksInstant_R_WO_1()
    {
        var t = Tickets.New(clock);

        Assert.Equal(TicketState.Reported, t.State);
        Assert.Equal(1, t.Version);
        var e = Assert.Single(t.Events);
        Assert.Equal(TicketEventKind.Reported, e.Kind);
        Assert.Equal(clock.GetCurrentInstant(), e.At);
        Assert.Equal(Tickets.Report(), e.Report);
        Assert.Equal(Tickets.Policy.Key, e.PolicyKey);
        Assert.Equal("SN-0001", t.DeviceSerialNumber);
        Assert.Equal("B", t.SeverityCode);
        Assert.Equal(1, t.Cycle);
        Assert.Equal(clock.GetCurrentInstant(), t.Timeline.ReportedAt);
    }

    [Fact]
    public void Report_SeverityNotOnThePolicyScale_ThrowsNamingTheField_R_SEV_5()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ticket.Report(Tickets.Report(severity: "紧急"), Tickets.Policy, clock));
        Assert.Equal("report.SeverityCode", ex.ParamName);
    }

    [Fact]
    public void Report_BlankSerialNumber_ThrowsNamingTheField_R_WO_10()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ticket.Report(Tickets.Report() with { DeviceSerialNumber = " " }, Tickets.Policy, clock));
        Assert.Equal("report.DeviceSerialNumber", ex.ParamName);
    }

    [Fact]
    public void Report_DefaultId_ThrowsNamingTheField()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ticket.Report(Tickets.Report() with { Id = default }, Tickets.Policy, clock));
        Assert.Equal("report.Id", ex.ParamName);
    }

    [Fact]
    public void Report_FaultAfterTheReport_ThrowsNamingTheField_R_SLA_8()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ticket.Report(Tickets.Report(faultAt: clock.GetCurrentInstant() + Duration.FromMinutes(1)), Tickets.Policy, clock));
        Assert.Equal("report.FaultOccurredAt", ex.ParamName);
    }

    [Fact]
    public void Acknowledge_FromReported_MovesToAcknowledgedAndReachesResponded_R_WO_3()
    {
        var t = Tickets.New(clock);
        clock.AdvanceMinutes(10);

        t.Acknowledge();

        Assert.Equal(TicketState.Acknowledged, t.State);
        Assert.Equal(2, t.Version);
        var entry = Assert.Single(t.Timeline.Entries);
        Assert.Equal(Milestone.Responded, entry.Milestone);
        Assert.Equal(clock.GetCurrentInstant(), entry.At);
    }

    [Fact]
    public void Acknowledge_Twice_IsRejectedWithTheStateCommandAndPermittedCommands()
    {
        var t = Tickets.In(TicketState.Acknowledged, clock);

        var ex = Rejected(t, t.Acknowledge);

        Assert.Equal(TicketState.Acknowledged, ex.State);
        Assert.Equal(TicketTrigger.Acknowledge, ex.Trigger);
        Assert.Equal("acknowledge", ex.Command);
        Assert.Empty(ex.UnmetGuards);
        Assert.Equal(
            ["start-remote-diagnosis", "wait-for-customer", "reclassify", "deliver-repair-plan", "provide-loaner", "cancel", "submit-quote", "replace-parts", "receive-customer-message", "answer-customer", "negotiate-due-date", "send-for-rma", "confirm-data-backup"],
            ex.PermittedCommands);
        Assert.Equal(ex.PermittedCommands, ex.PermittedTriggers.Select(static p => p.ToCommandName()));
        Assert.Equal(
            "'acknowledge' is not permitted while the ticket is Acknowledged. Permitted commands: start-remote-diagnosis, wait-for-customer, "
            + "reclassify, deliver-repair-plan, provide-loaner, cancel, submit-quote, replace-parts, receive-customer-message, answer-customer, negotiate-due-date, send-for-rma, confirm-data-backup.",
            ex.Message);
    }

    [Fact]
    public void Close_InObservationWithNeitherGuardMet_SaysSoInTheApisWords_R_WO_8_R_WO_4()
    {
        var t = Tickets.In(TicketState.Observation, clock);

        var ex = Rejected(t, t.Close);

        Assert.Equal(["sign-off", "reopen", "send-for-rma"], ex.PermittedCommands);
        Assert.Equal(
            $"'close' is not permitted while the ticket is Observation: unmet: {TicketWorkflow.CustomerSignedOff}; {TicketWorkflow.ObservationElapsed}. "
            + "Permitted commands: sign-off, reopen, send-for-rma.",
            ex.Message);
    }

    [Fact]
    public void AnyCommand_OnAClosedTicket_SaysNoCommandIsPermitted()
    {
        var t = Tickets.In(TicketState.Closed, clock);

        var ex = Rejected(t, () => t.Reopen("复发"));

        Assert.Empty(ex.PermittedCommands);
        Assert.Equal("'reopen' is not permitted while the ticket is Closed. No command is permitted in this state.", ex.Message);
    }

    [Fact]
    public void StartRemoteDiagnosis_FromAcknowledged_MovesToRemoteDiagnosis_R_WO_2()
    {
        var t = Tickets.In(TicketState.Acknowledged, clock);

        t.StartRemoteDiagnosis();

        Assert.Equal(TicketState.RemoteDiagnosis, t.State);
        Assert.True(t.RemoteDiagnosisTried);
    }

    [Theory]
    [InlineData(TicketState.Reported)]
    [InlineData(TicketState.Acknowledged)]
    public void Dispatch_BeforeRemoteDiagnosis_IsRejectedWithReason_R_WO_2(TicketState state)
    {
        var t = Tickets.In(state, clock);

        var ex = Rejected(t, () => t.Dispatch("李工"));

        Assert.Equal([TicketWorkflow.RemoteDiagnosisFirst], ex.UnmetGuards);
        Assert.False(t.CanDispatch());
    }

    [Theory]
    [InlineData(TicketState.RemoteDiagnosis)]
    [InlineData(TicketState.EscalatedToVendor)]
    [InlineData(TicketState.Dispatched)]
    [InlineData(TicketState.OnSite)]
    public void Dispatch_AfterRemoteDiagnosis_MovesToDispatched_R_WO_2(TicketState state)
    {
        var t = Tickets.In(state, clock);

        t.Dispatch("赵工");

        Assert.Equal(TicketState.Dispatched, t.State);
        Assert.Equal("赵工", t.Engineer);
    }

    [Fact]
    public void Dispatch_BlankEngineer_ThrowsNamingTheArgument()
    {
        var t = Tickets.In(TicketState.RemoteDiagnosis, clock);
        var ex = Assert.Throws<ArgumentException>(() => t.Dispatch(""));
        Assert.Equal("engineer", ex.ParamName);
        Assert.Equal(3, t.Version);
    }

    [Fact]
    public void ArriveOnSite_FromDispatched_MovesOnSiteAndReachesArrival()
    {
        var t = Tickets.In(TicketState.Dispatched, clock);

        t.ArriveOnSite();

        Assert.Equal(TicketState.OnSite, t.State);
        Assert.Contains(Milestone.ArrivedOnSite, Milestones(t));
    }

    [Theory]
    [InlineData(TicketState.Reported)]
    [InlineData(TicketState.RemoteDiagnosis)]
    [InlineData(TicketState.OnSite)]
    public void ArriveOnSite_NotDispatched_IsRejected(TicketState state)
    {
        var t = Tickets.In(state, clock);
        Rejected(t, t.ArriveOnSite);
    }

    [Theory]
    [InlineData(TicketState.RemoteDiagnosis)]
    [InlineData(TicketState.OnSite)]
    public void EscalateToVendor_WhenRemoteOrOnSiteCannotSolveIt_MovesToEscalated_R_WO_5(TicketState state)
    {
        var t = Tickets.In(state, clock);

        t.EscalateToVendor("需厂家支援");

        Assert.Equal(TicketState.EscalatedToVendor, t.State);
        Assert.Equal("需厂家支援", t.Events[^1].Reason);
    }

    [Theory]
    [InlineData(TicketState.Acknowledged)]
    [InlineData(TicketState.Dispatched)]
    [InlineData(TicketState.EscalatedToVendor)]
    public void EscalateToVendor_FromOtherStates_IsRejected_R_WO_5(TicketState state)
    {
        var t = Tickets.In(state, clock);
        Rejected(t, () => t.EscalateToVendor("x"));
    }

    [Theory]
    [InlineData(TicketState.RemoteDiagnosis)]
    [InlineData(TicketState.OnSite)]
    [InlineData(TicketState.EscalatedToVendor)]
    public void RestoreService_FromWorkingStates_MovesToServiceRestored(TicketState state)
    {
        var t = Tickets.In(state, clock);

        t.RestoreService();

        Assert.Equal(TicketState.ServiceRestored, t.State);
        Assert.Contains(Milestone.ServiceRestored, Milestones(t));
    }

    [Theory]
    [InlineData(TicketState.Reported)]
    [InlineData(TicketState.Dispatched)]
    [InlineData(TicketState.ServiceRestored)]
    public void RestoreService_FromOtherStates_IsRejected(TicketState state)
    {
        var t = Tickets.In(state, clock);
        Rejected(t, t.RestoreService);
    }

    [Theory]
    [InlineData(TicketState.OnSite)]
    [InlineData(TicketState.EscalatedToVendor)]
    public void Resolve_WithoutRestoration_RecordsServiceRestoredThenResolved(TicketState state)
    {
        var t = Tickets.In(state, clock);

        t.Resolve("更换主板");

        Assert.Equal(TicketState.Resolved, t.State);
        Assert.Equal("更换主板", t.Resolution);
        var tail = t.Timeline.Entries.TakeLast(2).ToArray();
        Assert.Equal([Milestone.ServiceRestored, Milestone.Resolved], tail.Select(static e => e.Milestone));
        Assert.Equal(tail[0].At, tail[1].At);
    }

    [Fact]
    public void Resolve_AfterRestoration_RecordsResolvedOnly()
    {
        var t = Tickets.In(TicketState.ServiceRestored, clock);

        t.Resolve("更换主板");

        Assert.Single(Milestones(t), Milestone.ServiceRestored);
        Assert.Equal(Milestone.Resolved, t.Timeline.Entries[^1].Milestone);
    }

    [Theory]
    [InlineData(TicketState.RemoteDiagnosis)]
    [InlineData(TicketState.Dispatched)]
    [InlineData(TicketState.Resolved)]
    public void Resolve_FromOtherStates_IsRejected(TicketState state)
    {
        var t = Tickets.In(state, clock);
        Rejected(t, () => t.Resolve("x"));
    }

    [Fact]
    public void ResolveRemotely_FromRemoteDiagnosis_ResolvesAndRestores_R_WO_2()
    {
        var t = Tickets.In(TicketState.RemoteDiagnosis, clock);

        t.ResolveRemotely("远程重启服务");

        Assert.Equal(TicketState.Resolved, t.State);
        Assert.Equal([Milestone.Responded, Milestone.ServiceRestored, Milestone.Resolved], Milestones(t));
        Assert.Equal(TicketEventKind.ResolvedRemotely, t.Events[^1].Kind);
    }

    [Theory]
    [InlineData(TicketState.Acknowledged)]
    [InlineData(TicketState.OnSite)]
    public void ResolveRemotely_OutsideRemoteDiagnosis_IsRejected(TicketState state)
    {
        var t = Tickets.In(state, clock);
        Rejected(t, () => t.ResolveRemotely("x"));
    }

    [Fact]
    public void StartObservation_FromResolved_StartsTheObservationPeriod_R_WO_4()
    {
        var t = Tickets.In(TicketState.Resolved, clock);

        t.StartObservation();

        Assert.Equal(TicketState.Observation, t.State);
        Assert.Equal(clock.GetCurrentInstant(), t.ObservationStartedAt);
    }

    [Theory]
    [InlineData(TicketState.Resolved)]
    [InlineData(TicketState.Observation)]
    public void SignOff_AfterResolution_RecordsSignatureWithoutChangingState_R_WO_8(TicketState state)
    {
        var t = Tickets.In(state, clock);

        t.SignOff("王主任", 4, "响应及时");

        Assert.Equal(state, t.State);
        Assert.Equal(new TicketSignOff { Signer = "王主任", Satisfaction = 4, Comment = "响应及时" }, t.CustomerSignOff);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void SignOff_SatisfactionOutOf1To5_ThrowsNamingTheArgument_R_WO_8(int satisfaction)
    {
        var t = Tickets.In(TicketState.Observation, clock);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => t.SignOff("王主任", satisfaction));
        Assert.Equal("satisfaction", ex.ParamName);
        Assert.Null(t.CustomerSignOff);
    }

    [Fact]
    public void SignOff_BeforeResolution_IsRejected_R_WO_8()
    {
        var t = Tickets.In(TicketState.OnSite, clock);
        Rejected(t, () => t.SignOff("王主任", 5));
    }

    [Fact]
    public void Close_WithoutSignOff_IsRejectedWithReason_R_WO_8()
    {
        var t = Tickets.In(TicketState.Observation, clock);
        clock.Advance(Tickets.Policy.ObservationPeriod);

        var ex = Rejected(t, t.Close);

        Assert.Equal([TicketWorkflow.CustomerSignedOff], ex.UnmetGuards);
    }

    [Fact]
    public void Close_BeforeTheObservationPeriodElapsed_IsRejectedWithReason_R_WO_4()
    {
        var t = Tickets.In(TicketState.Observation, clock);
        t.SignOff("王主任", 5);
        clock.Advance(Tickets.Policy.ObservationPeriod - Duration.FromMinutes(1));

        var ex = Rejected(t, t.Close);

        Assert.Equal([TicketWorkflow.ObservationElapsed], ex.UnmetGuards);
        Assert.False(t.CanClose());
    }

    [Fact]
    public void Check_CloseWithNeitherSignOffNorElapsedObservation_ListsBothReasons_R_WO_8_R_WO_4()
    {
        var t = Tickets.In(TicketState.Observation, clock);

        var check = t.Check(TicketTrigger.Close);

        Assert.False(check.IsPermitted);
        Assert.Equal([TicketWorkflow.CustomerSignedOff, TicketWorkflow.ObservationElapsed], check.UnmetGuards);
    }

    [Fact]
    public void Close_SignedOffAndObservationElapsed_Closes_R_WO_8()
    {
        var t = Tickets.In(TicketState.Observation, clock);
        t.SignOff("王主任", 5);
        clock.Advance(Tickets.Policy.ObservationPeriod);

        Assert.True(t.CanClose());
        t.Close();

        Assert.Equal(TicketState.Closed, t.State);
        Assert.True(t.IsFinished);
    }

    [Fact]
    public void Close_FromResolvedWithoutObservation_IsRejected_R_WO_4()
    {
        var t = Tickets.In(TicketState.Resolved, clock);
        t.SignOff("王主任", 5);
        Rejected(t, t.Close);
    }

    [Fact]
    public void Reopen_DuringObservation_StartsANewCycleInRemoteDiagnosis_R_WO_4()
    {
        var t = Tickets.In(TicketState.Observation, clock);
        t.SignOff("王主任", 5);
        clock.AdvanceMinutes(60);

        t.Reopen("故障复发");

        Assert.Equal(TicketState.RemoteDiagnosis, t.State);
        Assert.Equal(2, t.Cycle);
        Assert.Null(t.CustomerSignOff);
        Assert.Null(t.ObservationStartedAt);
        Assert.False(t.ServiceRestoredInCycle);
        Assert.True(t.CanDispatch());
        Assert.Equal(TimelineEntryKind.Reopened, t.Timeline.Entries[^1].Kind);
        Assert.Contains(t.Clocks(clock.GetCurrentInstant()), static c => c.Cycle == 2);
    }

    [Theory]
    [InlineData(TicketState.Resolved)]
    [InlineData(TicketState.OnSite)]
    [InlineData(TicketState.Closed)]
    public void Reopen_OutsideObservation_IsRejected_R_WO_4(TicketState state)
    {
        var t = Tickets.In(state, clock);
        Rejected(t, () => t.Reopen("x"));
    }

    public static TheoryData<TicketState, TicketTrigger> TerminalStatesAndTriggers()
    {
        var data = new TheoryData<TicketState, TicketTrigger>();
        foreach (var state in new[] { TicketState.Closed, TicketState.Cancelled })
        {
            foreach (var trigger in Enum.GetValues<TicketTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TerminalStatesAndTriggers))]
    public void AnyTrigger_AfterClosedOrCancelled_IsRejected(TicketState state, TicketTrigger trigger)
    {
        var t = Tickets.In(state, clock);

        var check = t.Check(trigger);

        Assert.False(check.IsPermitted);
        Assert.Empty(t.PermittedTriggers());
    }

    public static TheoryData<TicketState> Pausable() => [.. TicketWorkflow.PausableStates];

    [Theory]
    [MemberData(nameof(Pausable))]
    public void WaitForCustomer_ThenResume_ReturnsToTheStatePausedFrom(TicketState state)
    {
        var t = Tickets.In(state, clock);

        t.WaitForCustomer("等待客户提供日志");
        Assert.Equal(TicketState.WaitingForCustomer, t.State);
        Assert.Equal(state, t.PausedFrom);
        Assert.True(t.Timeline.IsPaused);

        clock.AdvanceMinutes(30);
        t.Resume();

        Assert.Equal(state, t.State);
        Assert.Null(t.PausedFrom);
        Assert.False(t.Timeline.IsPaused);
    }

    [Fact]
    public void WaitForCustomer_WhileWaiting_IsRejected()
    {
        var t = Tickets.In(TicketState.WaitingForCustomer, clock);
        Rejected(t, () => t.WaitForCustomer("again"));
    }

    [Theory]
    [InlineData(TicketState.ServiceRestored)]
    [InlineData(TicketState.Observation)]
    public void WaitForCustomer_AfterRestoration_IsRejected(TicketState state)
    {
        var t = Tickets.In(state, clock);
        Rejected(t, () => t.WaitForCustomer("x"));
    }

    [Fact]
    public void Resume_NotWaiting_IsRejected()
    {
        var t = Tickets.In(TicketState.OnSite, clock);
        Rejected(t, t.Resume);
    }

    [Fact]
    public void WaitForCustomer_PausesTheResponseClock_R_SLA_4()
    {
        var t = Tickets.New(clock);
        clock.AdvanceMinutes(5);
        t.WaitForCustomer("客户电话未接通");
        clock.AdvanceMinutes(60);

        var response = Assert.Single(t.Clocks(clock.GetCurrentInstant()), static c => c.Metric == SlaMetric.FirstResponse);

        Assert.Equal(SlaClockStatus.Paused, response.Status);
        Assert.Equal(Duration.FromMinutes(5), response.Elapsed);
    }

    [Fact]
    public void Reclassify_UpwardWhenRemoteDiagnosisFails_ChangesSeverityAndTimeline_R_SEV_2()
    {
        var t = Tickets.In(TicketState.RemoteDiagnosis, clock);

        t.Reclassify("A", "远程无法排除,升级为A类");

        Assert.Equal("A", t.SeverityCode);
        Assert.Equal(TicketState.RemoteDiagnosis, t.State);
        Assert.Equal("A", t.Timeline.CurrentSeverityCode);
        Assert.Equal(TimelineEntryKind.SeverityChanged, t.Timeline.Entries[^1].Kind);
    }

    [Theory]
    [InlineData("B")]
    [InlineData("一级")]
    public void Reclassify_SameOrUnknownSeverity_ThrowsNamingTheArgument_R_SEV_5(string code)
    {
        var t = Tickets.In(TicketState.RemoteDiagnosis, clock);
        var ex = Assert.Throws<ArgumentException>(() => t.Reclassify(code, "x"));
        Assert.Equal("newSeverityCode", ex.ParamName);
    }

    [Theory]
    [InlineData(TicketState.Reported)]
    [InlineData(TicketState.WaitingForCustomer)]
    [InlineData(TicketState.ServiceRestored)]
    public void Reclassify_WhileOpen_IsPermitted_R_SEV_2(TicketState state)
    {
        var t = Tickets.In(state, clock);
        t.Reclassify("C", "降级");
        Assert.Equal("C", t.SeverityCode);
        Assert.Equal(state, t.State);
    }

    [Theory]
    [InlineData(TicketState.Resolved)]
    [InlineData(TicketState.Observation)]
    public void Reclassify_AfterResolution_IsRejected(TicketState state)
    {
        var t = Tickets.In(state, clock);
        Rejected(t, () => t.Reclassify("A", "x"));
    }

    [Fact]
    public void DeliverRepairPlanAndProvideLoaner_RecordMilestonesWithoutChangingState_R_SLA_3_R_SLA_5()
    {
        var t = Tickets.In(TicketState.OnSite, clock);

        t.DeliverRepairPlan("更换电源模块");
        t.ProvideLoaner("备机 SN-9");

        Assert.Equal(TicketState.OnSite, t.State);
        Assert.Equal([Milestone.RepairPlanDelivered, Milestone.LoanerProvided], Milestones(t).TakeLast(2));
        Assert.Equal("备机 SN-9", t.Events[^1].Note);
    }

    [Fact]
    public void ProvideLoaner_AfterResolution_IsRejected()
    {
        var t = Tickets.In(TicketState.Resolved, clock);
        Rejected(t, () => t.ProvideLoaner());
    }

    [Theory]
    [InlineData(TicketState.Reported)]
    [InlineData(TicketState.RemoteDiagnosis)]
    [InlineData(TicketState.OnSite)]
    [InlineData(TicketState.EscalatedToVendor)]
    public void Cancel_BeforeServiceRestored_Cancels(TicketState state)
    {
        var t = Tickets.In(state, clock);

        t.Cancel("重复报障");

        Assert.Equal(TicketState.Cancelled, t.State);
        Assert.Equal("重复报障", t.CancellationReason);
    }

    [Fact]
    public void Cancel_WhileWaitingForCustomer_EndsThePause()
    {
        var t = Tickets.In(TicketState.WaitingForCustomer, clock);

        t.Cancel("无效报障");

        Assert.Equal(TicketState.Cancelled, t.State);
        Assert.False(t.Timeline.IsPaused);
    }

    [Theory]
    [InlineData(TicketState.ServiceRestored)]
    [InlineData(TicketState.Resolved)]
    [InlineData(TicketState.Observation)]
    public void Cancel_AfterServiceRestored_IsRejected(TicketState state)
    {
        var t = Tickets.In(state, clock);
        Rejected(t, () => t.Cancel("x"));
    }

    [Fact]
    public void IsLegacyIssue_ResponseBreached_IsTrueUntilClosed_R_WO_6()
    {
        var t = Tickets.New(clock);
        Assert.False(t.IsLegacyIssue(clock.GetCurrentInstant()));

        clock.AdvanceMinutes(16);

        Assert.True(t.IsLegacyIssue(clock.GetCurrentInstant()));
        t.Acknowledge();
        Assert.True(t.IsLegacyIssue(clock.GetCurrentInstant()));
        Assert.Equal(TicketState.Acknowledged, t.State);
    }

    [Fact]
    public void IsLegacyIssue_Cancelled_IsFalse_R_WO_6()
    {
        var t = Tickets.New(clock);
        clock.AdvanceMinutes(16);
        t.Cancel("重复");
        Assert.False(t.IsLegacyIssue(clock.GetCurrentInstant()));
    }

    [Fact]
    public void Clocks_EqualTheEvaluatorOnTheTicketsTimeline()
    {
        var t = Tickets.In(TicketState.OnSite, clock);
        var now = clock.GetCurrentInstant() + Duration.FromHours(3);

        var expected = SlaEvaluator.Evaluate(Tickets.Policy, t.Timeline, now).Select(static c => c.ToString());

        Assert.Equal(expected, t.Clocks(now).Select(static c => c.ToString()));
    }

    [Fact]
    public void NextDeadlineAfter_RunningResponseClock_IsTheFirstWarning()
    {
        var t = Tickets.New(clock);
        var now = clock.GetCurrentInstant();

        Assert.Equal(now + Duration.FromMinutes(7.5), t.NextDeadlineAfter(now));
    }

    [Fact]
    public void Command_ClockBehindTheLastEvent_IsTimestampedAtTheLastEvent()
    {
        var t = Tickets.New(clock);
        var reportedAt = clock.GetCurrentInstant();
        clock.AdvanceMinutes(-10);

        t.Acknowledge();

        Assert.Equal(reportedAt, t.Events[^1].At);
    }

    [Fact]
    public void IsIn_Superstates_FollowTheNesting()
    {
        var t = Tickets.In(TicketState.WaitingForCustomer, clock);
        Assert.True(t.IsIn(TicketState.Open));
        Assert.True(t.IsIn(TicketState.Unrestored));
        Assert.False(t.IsIn(TicketState.Active));
    }
}
