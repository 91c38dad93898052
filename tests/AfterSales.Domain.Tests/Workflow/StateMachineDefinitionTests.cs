using AfterSales.Workflow;
using static AfterSales.Tests.Workflow.SampleState;
using static AfterSales.Tests.Workflow.SampleTrigger;

namespace AfterSales.Tests.Workflow;

public class StateMachineDefinitionTests
{
    private static readonly StateMachineDefinition<SampleState, SampleTrigger, SampleContext> Machine = SampleMachine.Definition;

    [Fact]
    public void Fire_Permit_ReturnsTargetAndRunsExitThenEntryDownToNestedTarget()
    {
        var context = new SampleContext();

        SampleState next = Machine.Fire(Idle, Start, context);

        Assert.Equal(Working, next);
        Assert.Equal(
            [
                "exit Idle (Idle->Working by Start, Permit)",
                "enter Active (Idle->Working by Start, Permit)",
                "enter Working (Idle->Working by Start, Permit)",
            ],
            context.Log);
    }

    [Fact]
    public void Fire_BetweenSiblingsUnderSuperstate_LeavesAndEntersOnlyBelowCommonAncestor()
    {
        var context = new SampleContext();

        SampleState next = Machine.Fire(Working, Pause, context);

        Assert.Equal(Paused, next);
        Assert.Equal(
            [
                "exit Working (Working->Paused by Pause, Permit)",
                "enter Waiting (Working->Paused by Pause, Permit)",
                "enter Paused (Working->Paused by Pause, Permit)",
            ],
            context.Log);
    }

    [Fact]
    public void Fire_InheritedFromSuperstate_ExitsEverySuperstateLeftInOrder()
    {
        var context = new SampleContext();

        SampleState next = Machine.Fire(Paused, Cancel, context);

        Assert.Equal(Cancelled, next);
        Assert.Equal(
            [
                "exit Paused (Paused->Cancelled by Cancel, Permit)",
                "exit Waiting (Paused->Cancelled by Cancel, Permit)",
                "exit Active (Paused->Cancelled by Cancel, Permit)",
                "enter Cancelled (Paused->Cancelled by Cancel, Permit)",
            ],
            context.Log);
    }

    [Fact]
    public void Fire_FromSubstateToSiblingOfItsSuperstate_StaysInCommonAncestor()
    {
        var context = new SampleContext();

        SampleState next = Machine.Fire(Blocked, Resume, context);

        Assert.Equal(Working, next);
        Assert.Equal(
            [
                "exit Blocked (Blocked->Working by Resume, Permit)",
                "exit Waiting (Blocked->Working by Resume, Permit)",
                "enter Working (Blocked->Working by Resume, Permit)",
            ],
            context.Log);
    }

    [Fact]
    public void Fire_GuardedOnSubstateUnmet_FallsBackToSuperstateTransition()
    {
        Assert.Equal(Working, Machine.Fire(Blocked, Resume, new SampleContext { VendorAnswered = false }));
        Assert.Equal(Paused, Machine.Fire(Blocked, Resume, new SampleContext { VendorAnswered = true }));
    }

    [Fact]
    public void Fire_Reentry_RunsExitThenEntryOfTheSameState()
    {
        var context = new SampleContext();

        SampleState next = Machine.Fire(Working, Restart, context);

        Assert.Equal(Working, next);
        Assert.Equal(
            [
                "exit Working (Working->Working by Restart, Reentry)",
                "enter Working (Working->Working by Restart, Reentry)",
            ],
            context.Log);
    }

    [Fact]
    public void Fire_Internal_RunsActionWithoutExitOrEntry()
    {
        var context = new SampleContext();

        SampleState next = Machine.Fire(Paused, Tick, context);

        Assert.Equal(Paused, next);
        Assert.Equal(1, context.Ticks);
        Assert.Equal(["internal Tick in Paused"], context.Log);
    }

    [Fact]
    public void Fire_Ignored_StaysAndRunsNothing()
    {
        var context = new SampleContext();

        Assert.Equal(Idle, Machine.Fire(Idle, Noise, context));
        Assert.Equal(Blocked, Machine.Fire(Blocked, Noise, context)); // inherited from Waiting
        Assert.Empty(context.Log);
    }

    [Fact]
    public void Fire_Unconfigured_ThrowsRatherThanIgnoring()
    {
        var context = new SampleContext();

        var error = Assert.Throws<InvalidTransitionException>(() => Machine.Fire(Working, Noise, context));

        Assert.Equal(Working, error.State);
        Assert.Equal(Noise, error.Trigger);
        Assert.Empty(error.UnmetGuards);
        Assert.Equal(
            "No valid leaving transitions are permitted from state 'Working' for trigger 'Noise'. "
            + "The trigger is not configured for 'Working' or its superstates. "
            + "Permitted triggers: Pause, Block, Cancel, Restart, Tick.",
            error.Message);
        Assert.Empty(context.Log);
    }

    [Fact]
    public void Fire_AllGuardsUnmet_ThrowsWithUnmetGuardsAndHint()
    {
        var context = new SampleContext { SignedOff = true };

        var error = Assert.Throws<InvalidTransitionException>(() => Machine.Fire(Working, Finish, context));

        Assert.IsAssignableFrom<AfterSalesException>(error);
        Assert.Equal(Working, error.State);
        Assert.Equal(Finish, error.Trigger);
        Assert.Equal([SampleMachine.Rated, SampleMachine.WriteOff], error.UnmetGuards);
        Assert.Equal([Pause, Block, Cancel, Restart, Tick], error.PermittedTriggers.Cast<SampleTrigger>());
        Assert.Equal("Permitted triggers: Pause, Block, Cancel, Restart, Tick.", error.Hint);
        Assert.Equal(
            "No valid leaving transitions are permitted from state 'Working' for trigger 'Finish'. "
            + "Unmet guards: customer has rated the service; write-off approved. "
            + "Permitted triggers: Pause, Block, Cancel, Restart, Tick.",
            error.Message);
        Assert.Empty(context.Log);
    }

    [Fact]
    public void Fire_SeveralGuardedAlternatives_FirstWhoseGuardsHoldWins()
    {
        Assert.Equal(Done, Machine.Fire(Working, Finish, new SampleContext { SignedOff = true, Rated = true }));
        Assert.Equal(Cancelled, Machine.Fire(Working, Finish, new SampleContext { WriteOffApproved = true }));
        Assert.Equal(Done, Machine.Fire(Working, Finish, new SampleContext { SignedOff = true, Rated = true, WriteOffApproved = true }));
    }

    [Fact]
    public void Fire_FromTerminalStateWithoutTransitions_Throws()
    {
        var error = Assert.Throws<InvalidTransitionException>(() => Machine.Fire(Cancelled, Start, new SampleContext()));

        Assert.Equal("No trigger is permitted in this state.", error.Hint);
    }

    [Fact]
    public void Fire_UndeclaredStateOrTrigger_ThrowsArgumentOutOfRange()
    {
        var context = new SampleContext();

        Assert.Equal("state", Assert.Throws<ArgumentOutOfRangeException>(() => Machine.Fire((SampleState)42, Start, context)).ParamName);
        Assert.Equal("trigger", Assert.Throws<ArgumentOutOfRangeException>(() => Machine.Fire(Idle, (SampleTrigger)(-1), context)).ParamName);
    }

    [Fact]
    public void TryFire_Rejected_ReturnsFalseAndKeepsState()
    {
        var context = new SampleContext();

        Assert.False(Machine.TryFire(Idle, Finish, context, out SampleState rejected));
        Assert.Equal(Idle, rejected);
        Assert.True(Machine.TryFire(Idle, Start, context, out SampleState accepted));
        Assert.Equal(Working, accepted);
    }

    [Fact]
    public void CanFire_MirrorsGuardsIgnoreAndInheritance()
    {
        var context = new SampleContext();

        Assert.True(Machine.CanFire(Idle, Start, context));
        Assert.True(Machine.CanFire(Idle, Noise, context));
        Assert.True(Machine.CanFire(Blocked, Cancel, context));
        Assert.False(Machine.CanFire(Working, Finish, context));
        Assert.False(Machine.CanFire(Working, Noise, context));
        context.WriteOffApproved = true;
        Assert.True(Machine.CanFire(Working, Finish, context));
        Assert.Empty(context.Log);
    }

    [Fact]
    public void Check_Permitted_GivesDestinationAndKindWithoutReasons()
    {
        FireCheck<SampleState, SampleTrigger> check = Machine.Check(Working, Restart, new SampleContext());

        Assert.True(check.IsPermitted);
        Assert.True(check.IsConfigured);
        Assert.Equal(Working, check.Destination);
        Assert.Equal(TransitionKind.Reentry, check.Kind);
        Assert.Empty(check.UnmetGuards);
        Assert.Null(check.ToException());
        check.ThrowIfNotPermitted();
    }

    [Fact]
    public void Check_GuardUnmet_GivesReasonsAndSameExceptionAsFire()
    {
        var context = new SampleContext { VendorAnswered = false };

        FireCheck<SampleState, SampleTrigger> check = Machine.Check(Done, Finish, context);
        FireCheck<SampleState, SampleTrigger> guarded = Machine.Check(Working, Finish, context);

        Assert.False(check.IsPermitted);
        Assert.False(check.IsConfigured);
        Assert.Equal([Reopen], check.PermittedTriggers);
        Assert.False(guarded.IsPermitted);
        Assert.True(guarded.IsConfigured);
        Assert.Equal([SampleMachine.SignedOff, SampleMachine.Rated, SampleMachine.WriteOff], guarded.UnmetGuards);
        var thrown = Assert.Throws<InvalidTransitionException>(() => Machine.Fire(Working, Finish, context));
        Assert.Equal(thrown.Message, guarded.ToException()!.Message);
        Assert.Equal(thrown.Message, Assert.Throws<InvalidTransitionException>(guarded.ThrowIfNotPermitted).Message);
    }

    [Fact]
    public void PermittedTriggers_IntoSpan_WritesAcceptedTriggersInEnumOrder()
    {
        var context = new SampleContext { VendorAnswered = true };
        Span<SampleTrigger> buffer = stackalloc SampleTrigger[Machine.Triggers.Count];

        int count = Machine.PermittedTriggers(Blocked, context, buffer);

        Assert.Equal([Resume, Cancel, Noise, Tick], buffer[..count].ToArray());
    }

    [Fact]
    public void PermittedTriggers_GuardUnmet_LeavesTriggerOut()
    {
        Assert.Equal([Pause, Block, Cancel, Restart, Tick], Machine.GetPermittedTriggers(Working, new SampleContext()));
        Assert.Equal([Pause, Block, Finish, Cancel, Restart, Tick], Machine.GetPermittedTriggers(Working, new SampleContext { WriteOffApproved = true }));
        Assert.Empty(Machine.GetPermittedTriggers(Cancelled, new SampleContext()));
    }

    [Fact]
    public void PermittedTriggers_DestinationTooShort_ThrowsArgumentException()
    {
        var buffer = new SampleTrigger[2];

        var error = Assert.Throws<ArgumentException>(() => Machine.PermittedTriggers(Working, new SampleContext(), buffer));

        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void IsInState_SubstateOfNestedSuperstates_IsInEachAncestor()
    {
        Assert.True(Machine.IsInState(Paused, Paused));
        Assert.True(Machine.IsInState(Paused, Waiting));
        Assert.True(Machine.IsInState(Paused, Active));
        Assert.False(Machine.IsInState(Paused, Working));
        Assert.False(Machine.IsInState(Active, Paused));
        Assert.False(Machine.IsInState(Idle, Active));
    }

    [Fact]
    public void Listing_StatesSuperstatesTerminals_AreAsConfigured()
    {
        Assert.Equal(Enum.GetValues<SampleState>(), Machine.States);
        Assert.Equal(Enum.GetValues<SampleTrigger>(), Machine.Triggers);
        Assert.Equal(Idle, Machine.InitialState);
        Assert.Equal([Done, Cancelled], Machine.TerminalStates);
        Assert.True(Machine.IsTerminal(Done));
        Assert.False(Machine.IsTerminal(Working));
        Assert.Null(Machine.GetSuperstate(Idle));
        Assert.Equal(Active, Machine.GetSuperstate(Working));
        Assert.Equal(Waiting, Machine.GetSuperstate(Blocked));
    }

    [Fact]
    public void Transitions_ListsEveryConfiguredTransitionBySourceTriggerThenConfigurationOrder()
    {
        string[] listed = [.. Machine.Transitions.Select(static t => t.ToString())];

        Assert.Equal(
            [
                "Idle --Start--> Working (Permit)",
                "Idle --Cancel--> Cancelled (Permit)",
                "Idle --Noise--> Idle (Ignore)",
                "Active --Cancel--> Cancelled (Permit)",
                "Active --Tick--> Active (Internal)",
                "Working --Pause--> Paused (Permit)",
                "Working --Block--> Blocked (Permit)",
                "Working --Finish [customer has signed off and customer has rated the service]--> Done (Permit)",
                "Working --Finish [write-off approved]--> Cancelled (Permit)",
                "Working --Restart--> Working (Reentry)",
                "Waiting --Resume--> Working (Permit)",
                "Waiting --Noise--> Waiting (Ignore)",
                "Paused --Block--> Blocked (Permit)",
                "Blocked --Resume [vendor answered]--> Paused (Permit)",
                "Done --Reopen--> Working (Permit)",
            ],
            listed);
        Assert.Equal(TransitionKind.Internal, Machine.Transitions[4].Kind);
        Assert.Equal([SampleMachine.WriteOff], Machine.Transitions[8].GuardDescriptions);
    }

    [Fact]
    public void Fire_ParallelOnSharedDefinition_EveryThreadGetsConsistentResults()
    {
        SampleTrigger[] cycle = [Start, Pause, Block, Resume, Restart, Tick, Pause, Resume, Cancel];
        SampleState[] expected = [Working, Paused, Blocked, Working, Working, Working, Paused, Working, Cancelled];
        int failures = 0;

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            var context = new SampleContext();
            for (int round = 0; round < 2_000; round++)
            {
                SampleState state = Idle;
                for (int i = 0; i < cycle.Length; i++)
                {
                    state = Machine.Fire(state, cycle[i], context);
                    if (state != expected[i] || !Machine.CanFire(Idle, Start, context))
                    {
                        Interlocked.Increment(ref failures);
                    }
                }

                context.Log.Clear();
            }

            if (context.Ticks != 2_000)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }
}
