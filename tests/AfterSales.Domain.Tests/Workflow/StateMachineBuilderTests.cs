using AfterSales.Workflow;

namespace AfterSales.Tests.Workflow;

public class StateMachineBuilderTests
{
    public enum S
    {
        A = 0,
        B = 1,
        C = 2,
        D = 3,
    }

    public enum T
    {
        Go = 0,
        Back = 1,
        Other = 2,
    }

    public enum Sparse
    {
        First = 0,
        Second = 1,
        Tenth = 10,
    }

    public enum Aliased
    {
        First = 0,
        Second = 1,
#pragma warning disable CA1069 // the alias is the point of the test
        AlsoSecond = 1,
#pragma warning restore CA1069
    }

    public enum Empty
    {
    }

    private sealed class Ctx
    {
        public bool Ok { get; set; }
    }

    [Fact]
    public void Configure_SameStateTwice_ReturnsTheSameConfiguration()
    {
        var builder = new StateMachineBuilder<S, T, Ctx>();

        Assert.Same(builder.Configure(S.A), builder.Configure(S.A));
        Assert.Equal(S.A, builder.Configure(S.A).State);
    }

    [Fact]
    public void Permit_ToItself_ThrowsArgumentExceptionNamingStateAndTrigger()
    {
        var builder = new StateMachineBuilder<S, T, Ctx>();

        var error = Assert.Throws<ArgumentException>(() => builder.Configure(S.A).Permit(T.Go, S.A));

        Assert.Equal("destination", error.ParamName);
        Assert.Contains("state 'A' for trigger 'Go'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PermitIf_NullGuardOrBlankDescription_Throws()
    {
        var configuration = new StateMachineBuilder<S, T, Ctx>().Configure(S.A);

        Assert.Throws<ArgumentNullException>(() => configuration.PermitIf(T.Go, S.B, guard: null!, "why"));
        Assert.Throws<ArgumentException>(() => configuration.PermitIf(T.Go, S.B, static c => c.Ok, " "));
        Assert.Throws<ArgumentException>(() => configuration.PermitIf(T.Go, S.B, Array.Empty<GuardCondition<Ctx>>()));
    }

    [Fact]
    public void SubstateOf_ItselfOrASecondParent_ThrowsArgumentException()
    {
        var configuration = new StateMachineBuilder<S, T, Ctx>().Configure(S.B);

        Assert.Throws<ArgumentException>(() => configuration.SubstateOf(S.B));
        configuration.SubstateOf(S.A).SubstateOf(S.A);
        var error = Assert.Throws<ArgumentException>(() => configuration.SubstateOf(S.C));
        Assert.Contains("already a substate of 'A'", error.Message, StringComparison.Ordinal);
        Assert.Equal(S.A, configuration.Superstate);
    }

    [Fact]
    public void PermitReentryIf_GuardUnmet_Rejects()
    {
        var builder = Chain();
        builder.Configure(S.B).PermitReentryIf(T.Other, static c => c.Ok, "ok");
        var machine = builder.Build(S.A, S.D);

        Assert.False(machine.CanFire(S.B, T.Other, new Ctx()));
        Assert.Equal(S.B, machine.Fire(S.B, T.Other, new Ctx { Ok = true }));
    }

    [Fact]
    public void IgnoreIf_GuardUnmet_RejectsWithTheGuard()
    {
        var builder = Chain();
        builder.Configure(S.B).IgnoreIf(T.Other, static c => c.Ok, "noise allowed");
        var machine = builder.Build(S.A, S.D);

        Assert.Equal(S.B, machine.Fire(S.B, T.Other, new Ctx { Ok = true }));
        var error = Assert.Throws<InvalidTransitionException>(() => machine.Fire(S.B, T.Other, new Ctx()));
        Assert.Equal(["noise allowed"], error.UnmetGuards);
    }

    [Fact]
    public void InternalTransitionIf_GuardHolds_RunsActionOnly()
    {
        int runs = 0;
        var builder = Chain();
        builder.Configure(S.B)
            .InternalTransitionIf(T.Other, static c => c.Ok, "ok", (_, t) => runs += t.Kind == TransitionKind.Internal ? 1 : 100)
            .OnEntry((_, _) => runs += 1000)
            .OnExit((_, _) => runs += 1000);
        var machine = builder.Build(S.A, S.D);

        Assert.Equal(S.B, machine.Fire(S.B, T.Other, new Ctx { Ok = true }));
        Assert.False(machine.CanFire(S.B, T.Other, new Ctx()));
        Assert.Equal(1, runs);
    }

    [Fact]
    public void OnEntryOnExit_SeveralPerState_RunInConfigurationOrder()
    {
        var log = new List<string>();
        var builder = Chain();
        builder.Configure(S.A).OnExit((_, _) => log.Add("exit A 1")).OnExit((_, _) => log.Add("exit A 2"));
        builder.Configure(S.B).OnEntry((_, _) => log.Add("enter B 1")).OnEntry((_, _) => log.Add("enter B 2"));
        var machine = builder.Build(S.A, S.D);

        machine.Fire(S.A, T.Go, new Ctx());

        Assert.Equal(["exit A 1", "exit A 2", "enter B 1", "enter B 2"], log);
    }

    [Fact]
    public void Build_LaterBuilderChanges_DoNotAffectTheDefinition()
    {
        var builder = Chain();
        var machine = builder.Build(S.A, S.D);

        builder.Configure(S.A).Permit(T.Other, S.C);

        Assert.False(machine.CanFire(S.A, T.Other, new Ctx()));
        Assert.Equal(4, machine.Transitions.Count);
    }

    [Fact]
    public void Build_ValidChain_ValidateReturnsNoProblems()
    {
        Assert.Empty(Chain().Validate(S.A, S.D));
    }

    [Fact]
    public void Build_UnreachableState_ThrowsNamingIt()
    {
        var builder = new StateMachineBuilder<S, T, Ctx>();
        builder.Configure(S.A).Permit(T.Go, S.B);
        builder.Configure(S.B).Permit(T.Go, S.D);
        builder.Configure(S.C).Permit(T.Go, S.D);

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build(S.A, S.D));

        Assert.Equal(
            "The state machine definition over 'S' and 'T' is invalid: Unreachable states (no path from the initial state 'A'): 'C'.",
            error.Message);
    }

    [Fact]
    public void Build_DeadEnd_ThrowsNamingTheStatesUnlessTerminal()
    {
        var builder = new StateMachineBuilder<S, T, Ctx>();
        builder.Configure(S.A).Permit(T.Go, S.B).Permit(T.Other, S.C).Permit(T.Back, S.D);
        builder.Configure(S.B).Ignore(T.Other).PermitReentry(T.Back);

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build(S.A, S.D));

        Assert.Equal(
            "The state machine definition over 'S' and 'T' is invalid: Dead-end states (no leaving transition and not declared terminal): 'B', 'C'. "
            + "Add a transition out of each, or pass them to Build as terminal states.",
            error.Message);
        Assert.Empty(builder.Validate(S.A, S.B, S.C, S.D));
    }

    [Fact]
    public void Build_DuplicateUnguardedPermit_ThrowsNamingStateAndTrigger()
    {
        var builder = Chain();
        builder.Configure(S.A).Permit(T.Go, S.C);

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build(S.A, S.D));

        Assert.Contains(
            "Duplicate transition: state 'A' permits trigger 'Go' without a guard twice (to 'B' and to 'C').",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Build_GuardedAfterUnguardedForSameTrigger_ThrowsBecauseItCanNeverBeTaken()
    {
        var builder = Chain();
        builder.Configure(S.A).PermitIf(T.Go, S.C, static c => c.Ok, "ok");

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build(S.A, S.D));

        Assert.Contains(
            "State 'A', trigger 'Go': the Permit to 'C' can never be taken, because the unguarded Permit to 'B' is configured before it.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnguardedAfterGuardedForSameTrigger_IsValid()
    {
        var builder = new StateMachineBuilder<S, T, Ctx>();
        builder.Configure(S.A).PermitIf(T.Go, S.C, static c => c.Ok, "ok").Permit(T.Go, S.B);
        builder.Configure(S.B).Permit(T.Go, S.D);
        builder.Configure(S.C).Permit(T.Go, S.D);

        var machine = builder.Build(S.A, S.D);

        Assert.Equal(S.C, machine.Fire(S.A, T.Go, new Ctx { Ok = true }));
        Assert.Equal(S.B, machine.Fire(S.A, T.Go, new Ctx()));
    }

    [Fact]
    public void Build_SuperstateCycle_Throws()
    {
        var builder = Chain();
        builder.Configure(S.B).SubstateOf(S.C);
        builder.Configure(S.C).SubstateOf(S.B);

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build(S.A, S.D));

        Assert.Equal("The state machine definition over 'S' and 'T' is invalid: Superstate cycle: 'B' is a substate of 'C' is a substate of 'B'.", error.Message);
    }

    [Fact]
    public void Build_UndeclaredValues_ThrowNamingThem()
    {
        var builder = Chain();
        builder.Configure(S.B).Permit(T.Other, (S)9);
        builder.Configure(S.C).Permit((T)7, S.D);

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build((S)8, S.D));

        Assert.Equal(
            "The state machine definition over 'S' and 'T' is invalid:\n"
            + "- State 'B', trigger 'Other': target state '9' (9) is not a declared member of 'S'.\n"
            + "- State 'C': trigger '7' (7) is not a declared member of 'T'.\n"
            + "- The initial state '8' (8) is not a declared member of 'S'.",
            error.Message);
    }

    [Fact]
    public void Build_NonDenseStateEnum_ThrowsNamingTheGap()
    {
        var builder = new StateMachineBuilder<Sparse, T, Ctx>();
        builder.Configure(Sparse.First).Permit(T.Go, Sparse.Second);

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build(Sparse.First, Sparse.Second));

        Assert.Equal(
            "The state machine definition over 'Sparse' and 'T' is invalid: The state enum 'Sparse' must have dense values 0..2 "
            + "(the engine indexes tables with them); out of range: 'Tenth' = 10. Number the members 0, 1, 2, … without gaps.",
            error.Message);
    }

    [Fact]
    public void Build_EmptyTriggerEnum_Throws()
    {
        var builder = new StateMachineBuilder<S, Empty, Ctx>();

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build(S.A, S.A, S.B, S.C, S.D));

        Assert.Contains("The trigger enum 'Empty' declares no values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EnumWithAliases_TreatsAliasesAsOneState()
    {
        var builder = new StateMachineBuilder<Aliased, T, Ctx>();
        builder.Configure(Aliased.First).Permit(T.Go, Aliased.AlsoSecond);

        var machine = builder.Build(Aliased.First, Aliased.Second);

        Assert.Equal(2, machine.States.Count);
        Assert.Equal(Aliased.Second, machine.Fire(Aliased.First, T.Go, new Ctx()));
    }

    [Fact]
    public void Build_ByteAndLongEnums_IndexCorrectly()
    {
        var bytes = new StateMachineBuilder<ByteState, LongTrigger, Ctx>();
        bytes.Configure(ByteState.X).Permit(LongTrigger.Y, ByteState.Z);

        var machine = bytes.Build(ByteState.X, ByteState.Z);

        Assert.Equal(ByteState.Z, machine.Fire(ByteState.X, LongTrigger.Y, new Ctx()));
        Assert.Throws<ArgumentOutOfRangeException>(() => machine.Fire(ByteState.X, (LongTrigger)long.MaxValue, new Ctx()));
    }

    public enum ByteState : byte
    {
        X = 0,
        Z = 1,
    }

    public enum LongTrigger : long
    {
        Y = 0,
    }

    /// <summary>A → B → C → D (terminal), with Back from B to A.</summary>
    private static StateMachineBuilder<S, T, Ctx> Chain()
    {
        var builder = new StateMachineBuilder<S, T, Ctx>();
        builder.Configure(S.A).Permit(T.Go, S.B);
        builder.Configure(S.B).Permit(T.Go, S.C).Permit(T.Back, S.A);
        builder.Configure(S.C).Permit(T.Go, S.D);
        return builder;
    }
}
