using System.Globalization;

namespace AfterSales.Workflow;

/// <summary>
/// A snapshot of a builder's configuration indexed by enum value, and the definition checks
/// (every state reachable, no dead end but the terminal states, no duplicate transition).
/// The definition compiles itself from it.
/// </summary>
internal sealed class StateMachineModel<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private StateMachineModel(TState[] states, TTrigger[] triggers, int[] parent, TransitionSpec<TState, TTrigger, TContext>[][] own,
        Action<TContext, Transition<TState, TTrigger>>[][] entry, Action<TContext, Transition<TState, TTrigger>>[][] exit, int initial, bool[] terminal)
    {
        States = states;
        Triggers = triggers;
        Parent = parent;
        Own = own;
        Entry = entry;
        Exit = exit;
        Initial = initial;
        Terminal = terminal;
    }

    public TState[] States { get; }

    public TTrigger[] Triggers { get; }

    /// <summary>The superstate index of each state, -1 for none.</summary>
    public int[] Parent { get; }

    /// <summary>The transitions configured on each state itself, in configuration order.</summary>
    public TransitionSpec<TState, TTrigger, TContext>[][] Own { get; }

    public Action<TContext, Transition<TState, TTrigger>>[][] Entry { get; }

    public Action<TContext, Transition<TState, TTrigger>>[][] Exit { get; }

    public int Initial { get; }

    public bool[] Terminal { get; }

    /// <summary>
    /// Takes the snapshot; adds an error and returns <see langword="null"/> when the enums are not
    /// dense or a configured value is not a declared member.
    /// </summary>
    public static StateMachineModel<TState, TTrigger, TContext>? Create(
        IEnumerable<StateConfiguration<TState, TTrigger, TContext>> configurations, TState initialState, TState[] terminalStates, List<string> errors)
    {
        TState[]? states = TryDense<TState>("state", errors);
        TTrigger[]? triggers = TryDense<TTrigger>("trigger", errors);
        if (states is null || triggers is null)
        {
            return null;
        }

        int stateCount = states.Length;
        int triggerCount = triggers.Length;
        bool IsState(TState s) => (uint)EnumIndex.Of(s) < (uint)stateCount;
        bool IsTrigger(TTrigger t) => (uint)EnumIndex.Of(t) < (uint)triggerCount;

        var parent = new int[stateCount];
        Array.Fill(parent, -1);
        var own = new TransitionSpec<TState, TTrigger, TContext>[stateCount][];
        var entry = new Action<TContext, Transition<TState, TTrigger>>[stateCount][];
        var exit = new Action<TContext, Transition<TState, TTrigger>>[stateCount][];
        Array.Fill(own, []);
        Array.Fill(entry, []);
        Array.Fill(exit, []);

        foreach (StateConfiguration<TState, TTrigger, TContext> config in configurations)
        {
            if (!IsState(config.State))
            {
                errors.Add($"Configured state {Raw(config.State)} is not a declared member of '{typeof(TState).Name}'.");
                continue;
            }

            int index = EnumIndex.Of(config.State);
            if (config.Superstate is { } superstate)
            {
                if (IsState(superstate))
                {
                    parent[index] = EnumIndex.Of(superstate);
                }
                else
                {
                    errors.Add($"State '{config.State}': superstate {Raw(superstate)} is not a declared member of '{typeof(TState).Name}'.");
                }
            }

            foreach (TransitionSpec<TState, TTrigger, TContext> spec in config.Transitions)
            {
                if (!IsTrigger(spec.Trigger))
                {
                    errors.Add($"State '{config.State}': trigger {Raw(spec.Trigger)} is not a declared member of '{typeof(TTrigger).Name}'.");
                }
                else if (!IsState(spec.Destination))
                {
                    errors.Add($"State '{config.State}', trigger '{spec.Trigger}': target state {Raw(spec.Destination)} is not a declared member of '{typeof(TState).Name}'.");
                }
            }

            own[index] = [.. config.Transitions];
            entry[index] = [.. config.EntryActions];
            exit[index] = [.. config.ExitActions];
        }

        if (!IsState(initialState))
        {
            errors.Add($"The initial state {Raw(initialState)} is not a declared member of '{typeof(TState).Name}'.");
        }

        var terminal = new bool[stateCount];
        foreach (TState state in terminalStates)
        {
            if (IsState(state))
            {
                terminal[EnumIndex.Of(state)] = true;
            }
            else
            {
                errors.Add($"The terminal state {Raw(state)} is not a declared member of '{typeof(TState).Name}'.");
            }
        }

        return errors.Count > 0
            ? null
            : new StateMachineModel<TState, TTrigger, TContext>(states, triggers, parent, own, entry, exit, EnumIndex.Of(initialState), terminal);
    }

    /// <summary>Adds every definition error to <paramref name="errors"/>.</summary>
    public void Validate(List<string> errors)
    {
        if (!CheckSuperstateCycles(errors))
        {
            return;
        }

        CheckShadowedTransitions(errors);
        CheckReachabilityAndDeadEnds(errors);
    }

    /// <summary>
    /// The transitions a state accepts for a trigger, best first: its own in configuration order,
    /// then its superstate's, and so on up the chain. Each comes with the state it is configured on.
    /// </summary>
    public IEnumerable<(int Owner, TransitionSpec<TState, TTrigger, TContext> Spec)> Effective(int state, int trigger)
    {
        for (int owner = state; owner >= 0; owner = Parent[owner])
        {
            foreach (TransitionSpec<TState, TTrigger, TContext> spec in Own[owner])
            {
                if (EnumIndex.Of(spec.Trigger) == trigger)
                {
                    yield return (owner, spec);
                }
            }
        }
    }

    /// <summary>The state a transition leads to when fired from a state under <paramref name="owner"/>.</summary>
    public static int TargetOf(int current, int owner, TransitionSpec<TState, TTrigger, TContext> spec)
        => spec.Kind switch
        {
            TransitionKind.Permit => EnumIndex.Of(spec.Destination),
            TransitionKind.Reentry => owner,
            _ => current,
        };

    private bool CheckSuperstateCycles(List<string> errors)
    {
        bool ok = true;
        for (int start = 0; start < States.Length; start++)
        {
            var path = new List<int> { start };
            for (int s = Parent[start]; s >= 0; s = Parent[s])
            {
                path.Add(s);
                if (s == start)
                {
                    // Report each cycle once, from its smallest member.
                    if (path.Take(path.Count - 1).Min() == start)
                    {
                        errors.Add($"Superstate cycle: {string.Join(" is a substate of ", path.Select(i => $"'{States[i]}'"))}.");
                    }

                    ok = false;
                    break;
                }

                if (path.Count > States.Length + 1)
                {
                    break; // start leads into a cycle it is not part of; reported from the cycle itself
                }
            }
        }

        return ok;
    }

    private void CheckShadowedTransitions(List<string> errors)
    {
        for (int s = 0; s < States.Length; s++)
        {
            TransitionSpec<TState, TTrigger, TContext>[] specs = Own[s];
            for (int i = 0; i < specs.Length; i++)
            {
                if (specs[i].IsGuarded)
                {
                    continue;
                }

                for (int j = i + 1; j < specs.Length; j++)
                {
                    if (EnumIndex.Of(specs[j].Trigger) != EnumIndex.Of(specs[i].Trigger))
                    {
                        continue;
                    }

                    TransitionSpec<TState, TTrigger, TContext> first = specs[i], later = specs[j];
                    errors.Add(first.Kind == TransitionKind.Permit && later.Kind == TransitionKind.Permit && !later.IsGuarded
                        ? $"Duplicate transition: state '{States[s]}' permits trigger '{first.Trigger}' without a guard twice (to '{first.Destination}' and to '{later.Destination}'). Use PermitIf with guards to choose between targets."
                        : $"State '{States[s]}', trigger '{first.Trigger}': the {Describe(later)} can never be taken, because the unguarded {Describe(first)} is configured before it.");
                }

                break; // later duplicates of the same trigger are reported against this first one only
            }
        }
    }

    private void CheckReachabilityAndDeadEnds(List<string> errors)
    {
        int stateCount = States.Length;
        var visited = new bool[stateCount];
        var deadEnds = new List<int>();
        var queue = new Queue<int>();
        visited[Initial] = true;
        queue.Enqueue(Initial);
        while (queue.Count > 0)
        {
            int current = queue.Dequeue();
            bool leaves = false;
            for (int t = 0; t < Triggers.Length; t++)
            {
                foreach ((int owner, TransitionSpec<TState, TTrigger, TContext> spec) in Effective(current, t))
                {
                    int target = TargetOf(current, owner, spec);
                    leaves |= target != current;
                    if (!visited[target])
                    {
                        visited[target] = true;
                        queue.Enqueue(target);
                    }
                }
            }

            if (!leaves && !Terminal[current])
            {
                deadEnds.Add(current);
            }
        }

        // Being in a substate is being in its superstates, so a superstate that is never a
        // target itself is reachable through its substates.
        var reachable = (bool[])visited.Clone();
        for (int s = 0; s < stateCount; s++)
        {
            if (visited[s])
            {
                for (int p = Parent[s]; p >= 0; p = Parent[p])
                {
                    reachable[p] = true;
                }
            }
        }

        int[] unreachable = [.. Enumerable.Range(0, stateCount).Where(s => !reachable[s])];
        if (unreachable.Length > 0)
        {
            errors.Add($"Unreachable states (no path from the initial state '{States[Initial]}'): {Names(unreachable)}.");
        }

        if (deadEnds.Count > 0)
        {
            deadEnds.Sort();
            errors.Add($"Dead-end states (no leaving transition and not declared terminal): {Names(deadEnds)}. Add a transition out of each, or pass them to Build as terminal states.");
        }
    }

    private string Names(IEnumerable<int> states) => string.Join(", ", states.Select(s => $"'{States[s]}'"));

    private static string Describe(TransitionSpec<TState, TTrigger, TContext> spec)
        => spec.Kind == TransitionKind.Permit
            ? $"Permit to '{spec.Destination}'"
            : spec.Kind.ToString();

    private static string Raw<T>(T value)
        where T : struct, Enum
        => string.Create(CultureInfo.InvariantCulture, $"'{value}' ({Convert.ToInt64(value, CultureInfo.InvariantCulture)})");

    private static T[]? TryDense<T>(string role, List<string> errors)
        where T : struct, Enum
    {
        try
        {
            return EnumIndex.DenseValues<T>(role);
        }
        catch (InvalidOperationException e)
        {
            errors.Add(e.Message);
            return null;
        }
    }
}
