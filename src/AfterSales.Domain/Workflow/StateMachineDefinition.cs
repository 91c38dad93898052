using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace AfterSales.Workflow;

/// <summary>
/// An immutable, compiled state machine: a table of (state, trigger) → transitions with guards
/// and entry/exit actions. A machine instance is just its current state value — pass it in, get
/// the next one back — so one definition serves every ticket of the process.
/// </summary>
/// <remarks>
/// <para>Built by <see cref="StateMachineBuilder{TState, TTrigger, TContext}.Build"/>, which
/// validates it. Thread-safe: all members may be called concurrently (guards and actions must be
/// safe for the contexts they are given).</para>
/// <para>Lookup: the transitions configured on the state itself are tried first, in configuration
/// order, then those of its superstate, and so on; the first whose guards all hold is taken.
/// Exit actions run from the current state up to (not including) the closest common ancestor of
/// source and target, then entry actions from below that ancestor down to the target; a reentry
/// exits up to and including the state it is configured on and enters it again.</para>
/// <para>Performance: <see cref="Fire"/>, <see cref="CanFire"/>, <see cref="TryFire"/>,
/// <see cref="PermittedTriggers"/> and <see cref="IsInState"/> allocate nothing (provided guards
/// and actions do not, e.g. static lambdas). Only the rejection path allocates.</para>
/// </remarks>
/// <typeparam name="TState">The state enum (values 0..n-1).</typeparam>
/// <typeparam name="TTrigger">The trigger enum (values 0..n-1).</typeparam>
/// <typeparam name="TContext">What guards and actions read and act on.</typeparam>
public sealed class StateMachineDefinition<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly int _stateCount;
    private readonly int _triggerCount;
    private readonly TState[] _states;
    private readonly TTrigger[] _triggers;
    private readonly int[] _parent;
    private readonly bool[] _terminal;
    private readonly TransitionCell[] _cells;
    private readonly CompiledTransition[] _transitions;
    private readonly Func<TContext, bool>[] _guards;
    private readonly string[] _guardDescriptions;
    private readonly Action<TContext, Transition<TState, TTrigger>>[] _actions;

    internal StateMachineDefinition(StateMachineModel<TState, TTrigger, TContext> model)
    {
        _states = model.States;
        _triggers = model.Triggers;
        _stateCount = _states.Length;
        _triggerCount = _triggers.Length;
        _parent = model.Parent;
        _terminal = model.Terminal;
        InitialState = _states[model.Initial];
        States = ReadOnly(_states);
        Triggers = ReadOnly(_triggers);
        TerminalStates = ReadOnly(Enumerable.Range(0, _stateCount).Where(s => _terminal[s]).Select(s => _states[s]).ToArray());
        Transitions = ReadOnly(Describe(model));

        var cells = new TransitionCell[_stateCount * _triggerCount];
        var transitions = new List<CompiledTransition>();
        var guards = new List<Func<TContext, bool>>();
        var guardDescriptions = new List<string>();
        var actions = new List<Action<TContext, Transition<TState, TTrigger>>>();
        for (int s = 0; s < _stateCount; s++)
        {
            for (int t = 0; t < _triggerCount; t++)
            {
                int start = transitions.Count;
                foreach ((int owner, TransitionSpec<TState, TTrigger, TContext> spec) in model.Effective(s, t))
                {
                    int guardStart = guards.Count;
                    foreach (GuardCondition<TContext> guard in spec.Guards)
                    {
                        guards.Add(guard.Predicate);
                        guardDescriptions.Add(guard.Description);
                    }

                    int target = StateMachineModel<TState, TTrigger, TContext>.TargetOf(s, owner, spec);
                    int actionStart = actions.Count;
                    AppendActionChain(model, s, owner, target, spec, actions);
                    transitions.Add(new CompiledTransition(spec.Kind, target, guardStart, spec.Guards.Length, actionStart, actions.Count - actionStart));
                }

                cells[(s * _triggerCount) + t] = new TransitionCell(start, transitions.Count - start);
            }
        }

        _cells = cells;
        _transitions = [.. transitions];
        _guards = [.. guards];
        _guardDescriptions = [.. guardDescriptions];
        _actions = [.. actions];
    }

    /// <summary>The state a new machine starts in.</summary>
    public TState InitialState { get; }

    /// <summary>Every state, in enum order.</summary>
    public IReadOnlyList<TState> States { get; }

    /// <summary>Every trigger, in enum order (also the largest number <see cref="PermittedTriggers"/> can write).</summary>
    public IReadOnlyList<TTrigger> Triggers { get; }

    /// <summary>The states declared terminal at build time (allowed to have no leaving transition), in enum order.</summary>
    public IReadOnlyList<TState> TerminalStates { get; }

    /// <summary>
    /// Every configured transition, ordered by source state, then trigger (enum order), then
    /// configuration order (the order in which guarded alternatives are tried). Inherited
    /// transitions are listed once, on the superstate they are configured on.
    /// </summary>
    public IReadOnlyList<TransitionDescription<TState, TTrigger>> Transitions { get; }

    /// <summary>Whether <paramref name="trigger"/> may be fired in <paramref name="state"/> now (an ignored trigger may). Allocates nothing.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="context">What the guards read.</param>
    /// <returns><see langword="true"/> when <see cref="Fire"/> would succeed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The state or trigger is not a declared enum member.</exception>
    public bool CanFire(TState state, TTrigger trigger, TContext context)
        => Find(CellOf(state, trigger), context) >= 0;

    /// <summary>
    /// Fires <paramref name="trigger"/> in <paramref name="state"/>: evaluates the guards, runs the
    /// exit and entry actions (or the internal action) and returns the new state. Allocates nothing.
    /// </summary>
    /// <param name="state">The current state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="context">What guards and actions read and act on.</param>
    /// <returns>The state after the transition (the same state for an ignored, internal or reentry transition).</returns>
    /// <exception cref="InvalidTransitionException">No transition is configured for the trigger, or none has all its guards met. Never a silent no-op.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The state or trigger is not a declared enum member.</exception>
    public TState Fire(TState state, TTrigger trigger, TContext context)
    {
        int cell = CellOf(state, trigger);
        int index = Find(cell, context);
        if (index < 0)
        {
            ThrowInvalidTransition(state, trigger, context);
        }

        return Take(index, state, trigger, context);
    }

    /// <summary>Like <see cref="Fire"/>, but returns <see langword="false"/> instead of throwing when the trigger is not permitted.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="context">What guards and actions read and act on.</param>
    /// <param name="newState">The state after the transition; <paramref name="state"/> when not permitted.</param>
    /// <returns><see langword="true"/> when the transition was taken. Use <see cref="Check"/> for the reasons of a rejection.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The state or trigger is not a declared enum member.</exception>
    public bool TryFire(TState state, TTrigger trigger, TContext context, out TState newState)
    {
        int index = Find(CellOf(state, trigger), context);
        if (index < 0)
        {
            newState = state;
            return false;
        }

        newState = Take(index, state, trigger, context);
        return true;
    }

    /// <summary>
    /// Whether <paramref name="trigger"/> may be fired now and, if not, why: the unmet guards and
    /// the triggers that are permitted. Runs no action. Allocates only when the answer is no.
    /// </summary>
    /// <param name="state">The current state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="context">What the guards read.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The state or trigger is not a declared enum member.</exception>
    public FireCheck<TState, TTrigger> Check(TState state, TTrigger trigger, TContext context)
    {
        int cell = CellOf(state, trigger);
        int index = Find(cell, context);
        if (index >= 0)
        {
            ref readonly CompiledTransition transition = ref _transitions[index];
            return FireCheck<TState, TTrigger>.Permitted(state, trigger, _states[transition.Target], transition.Kind);
        }

        return FireCheck<TState, TTrigger>.Rejected(state, trigger, UnmetGuards(cell, context), GetPermittedTriggers(state, context));
    }

    /// <summary>
    /// Writes the triggers that may be fired in <paramref name="state"/> now (those for which
    /// <see cref="CanFire"/> is true, ignored ones included) into <paramref name="destination"/>,
    /// in enum order. Allocates nothing.
    /// </summary>
    /// <param name="state">The current state.</param>
    /// <param name="context">What the guards read.</param>
    /// <param name="destination">Where to write; <c>Triggers.Count</c> elements are always enough.</param>
    /// <returns>How many triggers were written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The state is not a declared enum member.</exception>
    public int PermittedTriggers(TState state, TContext context, Span<TTrigger> destination)
    {
        int row = StateIndex(state) * _triggerCount;
        int count = 0;
        for (int t = 0; t < _triggerCount; t++)
        {
            if (Find(row + t, context) >= 0)
            {
                if ((uint)count >= (uint)destination.Length)
                {
                    ThrowDestinationTooShort(destination.Length, nameof(destination));
                }

                destination[count++] = _triggers[t];
            }
        }

        return count;
    }

    /// <summary>The triggers that may be fired in <paramref name="state"/> now, in enum order (a new list; see <see cref="PermittedTriggers"/> for the allocation-free form).</summary>
    /// <param name="state">The current state.</param>
    /// <param name="context">What the guards read.</param>
    /// <returns>The permitted triggers.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The state is not a declared enum member.</exception>
    public IReadOnlyList<TTrigger> GetPermittedTriggers(TState state, TContext context)
    {
        var buffer = new TTrigger[_triggerCount];
        int count = PermittedTriggers(state, context, buffer);
        return ReadOnly(buffer[..count]);
    }

    /// <summary>Whether <paramref name="state"/> is <paramref name="stateOrSuperstate"/> or one of its (transitive) substates. Allocates nothing.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="stateOrSuperstate">The state or superstate asked about.</param>
    /// <returns><see langword="true"/> when the machine in <paramref name="state"/> is in <paramref name="stateOrSuperstate"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Either value is not a declared enum member.</exception>
    public bool IsInState(TState state, TState stateOrSuperstate)
    {
        int wanted = StateIndex(stateOrSuperstate);
        for (int s = StateIndex(state); s >= 0; s = _parent[s])
        {
            if (s == wanted)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The superstate of <paramref name="state"/>, or <see langword="null"/> for a top-level state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The direct superstate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The state is not a declared enum member.</exception>
    public TState? GetSuperstate(TState state)
    {
        int parent = _parent[StateIndex(state)];
        return parent < 0 ? null : _states[parent];
    }

    /// <summary>Whether <paramref name="state"/> was declared terminal at build time.</summary>
    /// <param name="state">The state.</param>
    /// <returns><see langword="true"/> for a terminal state.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The state is not a declared enum member.</exception>
    public bool IsTerminal(TState state) => _terminal[StateIndex(state)];

    /// <summary>
    /// The machine as a Mermaid <c>stateDiagram-v2</c>: superstates as composite states, guards as
    /// <c>Trigger [guard]</c> labels, <c>[*]</c> for the initial and terminal states, ignored
    /// triggers as notes. Deterministic (enum order), with <c>\n</c> line ends.
    /// </summary>
    /// <returns>The diagram source.</returns>
    public string ToMermaid() => MermaidExporter.Write(this);

    /// <summary>The machine as a Graphviz DOT digraph (superstates as clusters). Deterministic (enum order), with <c>\n</c> line ends.</summary>
    /// <returns>The diagram source.</returns>
    public string ToDot() => DotExporter.Write(this);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int StateIndex(TState state)
    {
        int s = EnumIndex.Of(state);
        if ((uint)s >= (uint)_stateCount)
        {
            ThrowUndeclared(state);
        }

        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int CellOf(TState state, TTrigger trigger)
    {
        int s = EnumIndex.Of(state);
        int t = EnumIndex.Of(trigger);
        if ((uint)s >= (uint)_stateCount || (uint)t >= (uint)_triggerCount)
        {
            ThrowUndeclared(state, trigger);
        }

        return (s * _triggerCount) + t;
    }

    /// <summary>The index of the first candidate of the cell whose guards all hold, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(int cell, TContext context)
    {
        TransitionCell range = _cells[cell];
        for (int i = range.Start, end = range.Start + range.Count; i < end; i++)
        {
            ref readonly CompiledTransition candidate = ref _transitions[i];
            if (candidate.GuardCount == 0 || GuardsHold(candidate.GuardStart, candidate.GuardCount, context))
            {
                return i;
            }
        }

        return -1;
    }

    private bool GuardsHold(int start, int count, TContext context)
    {
        Func<TContext, bool>[] guards = _guards;
        for (int g = start, end = start + count; g < end; g++)
        {
            if (!guards[g](context))
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TState Take(int index, TState state, TTrigger trigger, TContext context)
    {
        ref readonly CompiledTransition chosen = ref _transitions[index];
        TState destination = _states[chosen.Target];
        if (chosen.ActionCount != 0)
        {
            RunActions(chosen.ActionStart, chosen.ActionCount, new Transition<TState, TTrigger>(state, trigger, destination, chosen.Kind), context);
        }

        return destination;
    }

    private void RunActions(int start, int count, Transition<TState, TTrigger> transition, TContext context)
    {
        Action<TContext, Transition<TState, TTrigger>>[] actions = _actions;
        for (int a = start, end = start + count; a < end; a++)
        {
            actions[a](context, transition);
        }
    }

    private List<string> UnmetGuards(int cell, TContext context)
    {
        var unmet = new List<string>();
        TransitionCell range = _cells[cell];
        for (int i = range.Start; i < range.Start + range.Count; i++)
        {
            CompiledTransition candidate = _transitions[i];
            for (int g = candidate.GuardStart; g < candidate.GuardStart + candidate.GuardCount; g++)
            {
                if (!_guards[g](context) && !unmet.Contains(_guardDescriptions[g]))
                {
                    unmet.Add(_guardDescriptions[g]);
                }
            }
        }

        return unmet;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowInvalidTransition(TState state, TTrigger trigger, TContext context)
        => throw Check(state, trigger, context).ToException()!;

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowUndeclared(TState state)
        => throw new ArgumentOutOfRangeException(nameof(state), state, $"State {state} is not a declared member of '{typeof(TState).Name}'.");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowUndeclared(TState state, TTrigger trigger)
    {
        if ((uint)EnumIndex.Of(state) >= (uint)_stateCount)
        {
            ThrowUndeclared(state);
        }

        throw new ArgumentOutOfRangeException(nameof(trigger), trigger, $"Trigger {trigger} is not a declared member of '{typeof(TTrigger).Name}'.");
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowDestinationTooShort(int length, string paramName)
        => throw new ArgumentException($"destination holds {length} triggers but more are permitted; a span of Triggers.Count ({_triggerCount}) elements is always enough.", paramName);

    /// <summary>Exit actions from the source up to the common ancestor, then entry actions down to the target.</summary>
    private static void AppendActionChain(StateMachineModel<TState, TTrigger, TContext> model, int source, int owner, int target,
        TransitionSpec<TState, TTrigger, TContext> spec, List<Action<TContext, Transition<TState, TTrigger>>> chain)
    {
        switch (spec.Kind)
        {
            case TransitionKind.Ignore:
                return;
            case TransitionKind.Internal:
                chain.Add(spec.Action!);
                return;
        }

        // A reentry leaves and re-enters the state it is configured on, so its common ancestor is
        // that state's parent; a move's is the closest state both source and target are in.
        int ancestor = spec.Kind == TransitionKind.Reentry ? model.Parent[owner] : CommonAncestor(model.Parent, source, target);
        for (int s = source; s != ancestor; s = model.Parent[s])
        {
            chain.AddRange(model.Exit[s]);
        }

        var entered = new Stack<int>();
        for (int s = target; s != ancestor; s = model.Parent[s])
        {
            entered.Push(s);
        }

        foreach (int s in entered)
        {
            chain.AddRange(model.Entry[s]);
        }
    }

    /// <summary>The closest state that is <paramref name="a"/> or an ancestor of it and also <paramref name="b"/> or an ancestor of it; -1 for none.</summary>
    private static int CommonAncestor(int[] parent, int a, int b)
    {
        for (int x = a; x >= 0; x = parent[x])
        {
            for (int y = b; y >= 0; y = parent[y])
            {
                if (x == y)
                {
                    return x;
                }
            }
        }

        return -1;
    }

    private static TransitionDescription<TState, TTrigger>[] Describe(StateMachineModel<TState, TTrigger, TContext> model)
    {
        var descriptions = new List<TransitionDescription<TState, TTrigger>>();
        for (int s = 0; s < model.States.Length; s++)
        {
            // OrderBy is stable, so alternatives for one trigger keep their configuration order.
            foreach (TransitionSpec<TState, TTrigger, TContext> spec in model.Own[s].OrderBy(static spec => EnumIndex.Of(spec.Trigger)))
            {
                string[] guards = [.. spec.Guards.Select(static g => g.Description)];
                descriptions.Add(new TransitionDescription<TState, TTrigger>(model.States[s], spec.Trigger, spec.Destination, spec.Kind, ReadOnly(guards)));
            }
        }

        return [.. descriptions];
    }

    private static ReadOnlyCollection<T> ReadOnly<T>(T[] items) => new(items);
}
