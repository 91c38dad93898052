using AfterSales.WorkOrders;
using Stateless;
using Stateless.Reflection;

namespace AfterSales.Tests.WorkOrders;

/// <summary>
/// The checks Stateless does not make on a definition, made over its <c>GetInfo()</c>: every state
/// reachable, no dead end but the terminal states, no shadowed permit. Each check also runs on a
/// small faulty machine, to show it can fail.
/// </summary>
public sealed class TicketWorkflowDefinitionTests
{
    private static readonly StateMachineInfo Ticket = TicketWorkflow.GetInfo();

    [Fact]
    public void TicketWorkflow_EveryStateIsReachableFromReported()
    {
        Assert.Empty(WorkflowChecks.Unreachable(Ticket));
    }

    [Fact]
    public void TicketWorkflow_NoDeadEnd_ButClosedAndCancelled_WhichAcceptNothing()
    {
        Assert.Empty(WorkflowChecks.DeadEnds(Ticket, TicketState.Closed, TicketState.Cancelled));
    }

    [Fact]
    public void TicketWorkflow_NoShadowedPermit()
    {
        Assert.Empty(WorkflowChecks.Shadowed(Ticket));
    }

    [Fact]
    public void Unreachable_AStateNothingLeadsTo_IsFound()
    {
        var m = new StateMachine<string, string>("A");
        m.Configure("A").Permit("go", "B");
        m.Configure("C").Permit("go", "A");

        Assert.Equal(["C"], WorkflowChecks.Unreachable(m.GetInfo()));
    }

    [Fact]
    public void DeadEnds_AStateThatOnlyRecords_AndATerminalStateThatAcceptsSomething_AreFound()
    {
        var m = new StateMachine<string, string>("A");
        m.Configure("A").Permit("go", "B").Permit("stop", "End");
        m.Configure("B").InternalTransition("note", static () => { });
        m.Configure("End").Permit("again", "A");

        Assert.Equal(["B", "End"], WorkflowChecks.DeadEnds(m.GetInfo(), "End"));
    }

    [Fact]
    public void Shadowed_ASuperstatePermitEverySubstateOverridesUnguarded_IsFound_AGuardedOverrideIsNot()
    {
        var m = new StateMachine<string, string>("A");
        m.Configure("Super").Permit("x", "Z").Permit("y", "Z");
        m.Configure("A").SubstateOf("Super").Permit("x", "B").PermitIf("y", "B", static () => false, "sometimes");
        m.Configure("B").SubstateOf("Super").Permit("x", "A");

        Assert.Equal(["Super: x"], WorkflowChecks.Shadowed(m.GetInfo()));
    }

    [Fact]
    public void Shadowed_TwoPermitsOfOneTriggerOnOneState_OneUnguarded_IsFound()
    {
        var m = new StateMachine<string, string>("A");
        m.Configure("A").PermitIf("x", "B", static () => true, "always").Permit("x", "C");

        Assert.Equal(["A: x"], WorkflowChecks.Shadowed(m.GetInfo()));
    }
}

/// <summary>Reachability, dead ends and shadowed permits over Stateless's description of a machine.</summary>
internal static class WorkflowChecks
{
    /// <summary>The leaf states (and superstates none of whose leaves is) not reachable from the initial state.</summary>
    public static IReadOnlyList<object> Unreachable(StateMachineInfo info)
    {
        var reached = new HashSet<object> { info.InitialState.UnderlyingState };
        var queue = new Queue<StateInfo>([State(info, info.InitialState.UnderlyingState)]);
        while (queue.TryDequeue(out var state))
        {
            foreach (var (_, destinations) in Outgoing(info, state))
            {
                foreach (var next in destinations.Where(d => reached.Add(d.UnderlyingState)))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return [.. info.States.Where(s => !Leaves(s).Any(l => reached.Contains(l.UnderlyingState))).Select(static s => s.UnderlyingState)];
    }

    /// <summary>
    /// The dead ends: a leaf state other than <paramref name="terminal"/> from which no transition
    /// (its own or a superstate's) leads to another state; and a terminal state that accepts anything.
    /// </summary>
    public static IReadOnlyList<object> DeadEnds(StateMachineInfo info, params object[] terminal) =>
    [
        .. info.States.Where(static s => !s.Substates.Any()).Where(s => terminal.Contains(s.UnderlyingState)
            ? Outgoing(info, s).Any()
            : !Outgoing(info, s).Any(o => !o.Transition.IsInternalTransition && o.Destinations.Any(d => !Equals(d.UnderlyingState, s.UnderlyingState))))
            .Select(static s => s.UnderlyingState),
    ];

    /// <summary>
    /// The shadowed permits, as <c>"State: trigger"</c>. A transition configured on state S for
    /// trigger X is shadowed when it can never be the one taken: from every leaf state L that is S or
    /// inside S, Stateless finds another, unguarded transition for X first — on L or a superstate of L
    /// below S (Stateless asks the innermost state first and its superstate only when the inner
    /// state's guards fail), or on S itself (where two permitted transitions are an error).
    /// </summary>
    public static IReadOnlyList<string> Shadowed(StateMachineInfo info) =>
    [
        .. from s in info.States
           from t in s.Transitions
           where Leaves(s).All(leaf => SelfAndSuperstates(leaf).TakeWhile(u => u != s).Append(s)
               .Any(u => u.Transitions.Any(o => o != t && Equals(o.Trigger.UnderlyingTrigger, t.Trigger.UnderlyingTrigger) && !TicketWorkflowDiagram.GuardDescriptions(o).Any())))
           select $"{s}: {t.Trigger.UnderlyingTrigger}",
    ];

    private static StateInfo State(StateMachineInfo info, object state) => info.States.Single(s => Equals(s.UnderlyingState, state));

    /// <summary>What a ticket in <paramref name="state"/> can do: its own and its superstates' transitions, each with where it may lead.</summary>
    private static IEnumerable<(TransitionInfo Transition, IEnumerable<StateInfo> Destinations)> Outgoing(StateMachineInfo info, StateInfo state) =>
        SelfAndSuperstates(state).SelectMany(u => u.Transitions.Select(t => (t, t switch
        {
            FixedTransitionInfo { IsInternalTransition: true } => [state],
            FixedTransitionInfo f => [State(info, f.DestinationState.UnderlyingState)],
            DynamicTransitionInfo d => d.PossibleDestinationStates.Select(p => info.States.Single(s => s.UnderlyingState.ToString() == p.DestinationState)),
            _ => Enumerable.Empty<StateInfo>(),
        })));

    private static IEnumerable<StateInfo> SelfAndSuperstates(StateInfo state)
    {
        for (var s = state; s is not null; s = s.Superstate)
        {
            yield return s;
        }
    }

    private static IEnumerable<StateInfo> Leaves(StateInfo state) =>
        state.Substates.Any() ? state.Substates.SelectMany(Leaves) : [state];
}
