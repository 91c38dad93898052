using System.Text.RegularExpressions;
using AfterSales.WorkOrders;
using Stateless.Reflection;

namespace AfterSales.Tests.WorkOrders;

public sealed class TicketWorkflowTests
{
    private const string RegenerateVariable = "AFTERSALES_REGENERATE_DOCS";

    private static readonly StateMachineInfo Info = TicketWorkflow.GetInfo();

    private static StateInfo StateOf(TicketState state) => Info.States.Single(s => (TicketState)s.UnderlyingState == state);

    private static TicketTrigger TriggerOf(TransitionInfo t) => (TicketTrigger)t.Trigger.UnderlyingTrigger;

    [Fact]
    public void GetInfo_StartsAtReported_AndClosedAndCancelledAcceptNothing()
    {
        Assert.Equal(TicketState.Reported, (TicketState)Info.InitialState.UnderlyingState);
        Assert.Empty(StateOf(TicketState.Closed).Transitions);
        Assert.Empty(StateOf(TicketState.Cancelled).Transitions);
        Assert.Null(StateOf(TicketState.Closed).Superstate);
        Assert.Null(StateOf(TicketState.Cancelled).Superstate);
    }

    [Fact]
    public void GetInfo_Superstates_NestOpenUnrestoredActive()
    {
        Assert.Equal(TicketState.Unrestored, (TicketState)StateOf(TicketState.Active).Superstate.UnderlyingState);
        Assert.Equal(TicketState.Open, (TicketState)StateOf(TicketState.Unrestored).Superstate.UnderlyingState);
        Assert.Equal(TicketState.Open, (TicketState)StateOf(TicketState.ServiceRestored).Superstate.UnderlyingState);
        Assert.Equal(TicketState.Unrestored, (TicketState)StateOf(TicketState.WaitingForCustomer).Superstate.UnderlyingState);
        Assert.Equal(
            [TicketState.Reported, TicketState.Acknowledged, TicketState.RemoteDiagnosis, TicketState.Dispatched, TicketState.OnSite, TicketState.EscalatedToVendor],
            StateOf(TicketState.Active).Substates.Select(static s => (TicketState)s.UnderlyingState).Order());
    }

    [Fact]
    public void GetInfo_CancelAndReclassify_AreConfiguredOnceOnSuperstates()
    {
        var all = Info.States.SelectMany(static s => s.Transitions.Select(t => (State: (TicketState)s.UnderlyingState, Trigger: TriggerOf(t)))).ToArray();

        Assert.Equal(TicketState.Unrestored, Assert.Single(all, static t => t.Trigger == TicketTrigger.Cancel).State);
        Assert.Equal(TicketState.Open, Assert.Single(all, static t => t.Trigger == TicketTrigger.Reclassify).State);
    }

    [Fact]
    public void GetInfo_Resume_IsOneDynamicTransitionDeclaringEveryPausableState()
    {
        var resume = Assert.Single(Info.States.SelectMany(static s => s.DynamicTransitions));

        Assert.Equal(TicketTrigger.Resume, TriggerOf(resume));
        Assert.Same(StateOf(TicketState.WaitingForCustomer).DynamicTransitions.Single(), resume);
        Assert.Equal(TicketWorkflow.PausableStates.Select(static s => s.ToString()), resume.PossibleDestinationStates.Select(static d => d.DestinationState));
        Assert.All(resume.PossibleDestinationStates, static d => Assert.Equal($"paused from {d.DestinationState}", d.Criterion));
    }

    [Theory]
    [InlineData(TicketState.Active, TicketTrigger.Dispatch, new[] { TicketWorkflow.RemoteDiagnosisFirst })]
    [InlineData(TicketState.Observation, TicketTrigger.Close, new[] { TicketWorkflow.CustomerSignedOff, TicketWorkflow.ObservationElapsed, TicketWorkflow.RmaPartsBack, TicketWorkflow.LoanersBack })]
    [InlineData(TicketState.Observation, TicketTrigger.SignOff, new[] { TicketWorkflow.SignOffOncePerCycle })]
    [InlineData(TicketState.Resolved, TicketTrigger.SignOff, new[] { TicketWorkflow.SignOffOncePerCycle })]
    [InlineData(TicketState.Open, TicketTrigger.ReceiveRmaReturn, new[] { TicketWorkflow.PartOutForRma })]
    [InlineData(TicketState.Observation, TicketTrigger.ReviewLegacyIssue, new[] { TicketWorkflow.IsLegacyIssue })]
    [InlineData(TicketState.OnSite, TicketTrigger.Resolve, new[] { TicketWorkflow.DataBackedUpBeforeChanges })]
    [InlineData(TicketState.OnSite, TicketTrigger.RestoreService, new[] { TicketWorkflow.DataBackedUpBeforeChanges })]
    [InlineData(TicketState.Open, TicketTrigger.SendForRma, new string[0])]
    [InlineData(TicketState.Open, TicketTrigger.AcceptQuote, new[] { TicketWorkflow.QuoteWasSubmitted })]
    [InlineData(TicketState.Open, TicketTrigger.ReplaceParts, new[] { TicketWorkflow.QuoteAcceptedBeforeParts })]
    [InlineData(TicketState.Open, TicketTrigger.Reclassify, new string[0])]
    public void GetInfo_Guards_CarryTheirDescriptionsWithTheRIds(TicketState state, TicketTrigger trigger, string[] guards)
    {
        var transition = Assert.Single(StateOf(state).Transitions, t => TriggerOf(t) == trigger);

        Assert.Equal(guards, TicketWorkflowDiagram.GuardDescriptions(transition));
    }

    [Fact]
    public void Guards_EveryGuardOfTheWorkflowComesFromTheGuardTable_AndEachIsUsed()
    {
        // The permitted commands are remembered by state and the outcomes of TicketWorkflow.Guards:
        // sound only while no transition has a guard of its own outside that table.
        var table = TicketWorkflow.Guards.Select(static g => g.Description).ToArray();
        var used = Info.States.SelectMany(static s => s.Transitions).SelectMany(TicketWorkflowDiagram.GuardDescriptions).Distinct().ToArray();

        Assert.Equal(table.Length, table.Distinct(StringComparer.Ordinal).Count());
        Assert.All(used, d => Assert.Contains(d, table));
        Assert.All(table, d => Assert.Contains(d, used));
    }

    [Fact]
    public void ToCommandName_EveryTrigger_HasItsOwnKebabCaseName()
    {
        var names = Enum.GetValues<TicketTrigger>().Select(static t => t.ToCommandName()).ToArray();

        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, static n => Assert.Matches(new Regex("^[a-z]+(-[a-z]+)*$"), n));
        Assert.Equal("start-remote-diagnosis", TicketTrigger.StartRemoteDiagnosis.ToCommandName());
        Assert.Throws<ArgumentOutOfRangeException>(static () => ((TicketTrigger)99).ToCommandName());
    }

    [Fact]
    public void ToMarkdown_DrawsSuperstatesNested_AndLabelsWithCommandNames()
    {
        var markdown = TicketWorkflow.ToMarkdown();

        Assert.Contains("    state Open {\n        ServiceRestored\n        state Unrestored {\n            WaitingForCustomer\n            state Active {\n", markdown, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(markdown, "state Unrestored"));
        Assert.Contains("    Observation --> Closed : close [" + TicketWorkflow.CustomerSignedOff + " and " + TicketWorkflow.ObservationElapsed + " and " + TicketWorkflow.RmaPartsBack + " and " + TicketWorkflow.LoanersBack + "]\n", markdown, StringComparison.Ordinal);
        Assert.Contains("    Open --> Open : reclassify (internal)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("    WaitingForCustomer --> OnSite : resume [paused from OnSite]\n", markdown, StringComparison.Ordinal);
        Assert.Contains("    Closed --> [*]\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Function", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void DocsTicketWorkflow_MatchesTheWorkflow()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "ticket-workflow.md");
        var generated = TicketWorkflow.ToMarkdown();
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }

        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "(missing)";
        Assert.True(
            committed == generated,
            $"docs/ticket-workflow.md differs from TicketWorkflow.ToMarkdown(). Regenerate it with "
            + $"`{RegenerateVariable}=1 dotnet test --filter DocsTicketWorkflow_MatchesTheWorkflow` and commit the file.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AfterSales.Kit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AfterSales.Kit.sln not found above " + AppContext.BaseDirectory);
    }
}
