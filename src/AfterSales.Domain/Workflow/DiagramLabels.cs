namespace AfterSales.Workflow;

/// <summary>The text the diagram exporters put on states and transitions, shared so Mermaid and DOT agree.</summary>
internal static class DiagramLabels
{
    /// <summary><c>Trigger</c>, <c>Trigger [guard and guard]</c>, with " (reentry)", " (internal)" or " (ignored)" for transitions that stay.</summary>
    public static string For<TState, TTrigger>(TransitionDescription<TState, TTrigger> transition)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        string label = transition.IsGuarded
            ? $"{transition.Trigger} [{string.Join(" and ", transition.GuardDescriptions)}]"
            : transition.Trigger.ToString();
        string suffix = transition.Kind switch
        {
            TransitionKind.Reentry => " (reentry)",
            TransitionKind.Internal => " (internal)",
            TransitionKind.Ignore => " (ignored)",
            _ => string.Empty,
        };
        return OneLine(label + suffix);
    }

    /// <summary>The direct substates of each state, in enum order; index -1 is the top level.</summary>
    public static Dictionary<int, List<TState>> Children<TState, TTrigger, TContext>(StateMachineDefinition<TState, TTrigger, TContext> definition)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var children = new Dictionary<int, List<TState>>();
        foreach (TState state in definition.States)
        {
            int parent = definition.GetSuperstate(state) is { } superstate ? EnumIndex.Of(superstate) : -1;
            if (!children.TryGetValue(parent, out List<TState>? list))
            {
                list = [];
                children.Add(parent, list);
            }

            list.Add(state);
        }

        return children;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
