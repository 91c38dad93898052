using System.Text;

namespace AfterSales.Workflow;

/// <summary>Writes a definition as a Graphviz DOT digraph, superstates as clusters.</summary>
internal static class DotExporter
{
    private const string Indent = "    ";

    public static string Write<TState, TTrigger, TContext>(StateMachineDefinition<TState, TTrigger, TContext> definition)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var text = new StringBuilder();
        text.Append("digraph ").Append(Quote(typeof(TState).Name)).Append(" {\n");
        text.Append(Indent).Append("rankdir=LR;\n");
        text.Append(Indent).Append("node [shape=box, style=rounded];\n");
        text.Append(Indent).Append("\"[*]\" [shape=point];\n");
        if (definition.TerminalStates.Count > 0)
        {
            text.Append(Indent).Append("\"[*] end\" [shape=doublecircle, label=\"\", width=0.2];\n");
        }

        WriteStates(text, DiagramLabels.Children(definition), -1, 1);
        text.Append(Indent).Append("\"[*]\" -> ").Append(Quote(definition.InitialState.ToString())).Append(";\n");
        foreach (TransitionDescription<TState, TTrigger> transition in definition.Transitions)
        {
            text.Append(Indent).Append(Quote(transition.Source.ToString())).Append(" -> ").Append(Quote(transition.Destination.ToString()))
                .Append(" [label=").Append(Quote(DiagramLabels.For(transition)));
            if (transition.Kind != TransitionKind.Permit)
            {
                text.Append(", style=dashed");
            }

            text.Append("];\n");
        }

        foreach (TState terminal in definition.TerminalStates)
        {
            text.Append(Indent).Append(Quote(terminal.ToString())).Append(" -> \"[*] end\";\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static void WriteStates<TState>(StringBuilder text, Dictionary<int, List<TState>> children, int parent, int depth)
        where TState : struct, Enum
    {
        if (!children.TryGetValue(parent, out List<TState>? states))
        {
            return;
        }

        string indent = string.Concat(Enumerable.Repeat(Indent, depth));
        foreach (TState state in states)
        {
            string name = state.ToString();
            if (children.ContainsKey(EnumIndex.Of(state)))
            {
                // A cluster cannot be an edge end, so the superstate also gets a node of its own
                // inside its cluster for the transitions configured on it.
                text.Append(indent).Append("subgraph ").Append(Quote("cluster_" + name)).Append(" {\n");
                text.Append(indent).Append(Indent).Append("label=").Append(Quote(name)).Append(";\n");
                text.Append(indent).Append(Indent).Append(Quote(name)).Append(" [style=\"rounded,bold\"];\n");
                WriteStates(text, children, EnumIndex.Of(state), depth + 1);
                text.Append(indent).Append("}\n");
            }
            else
            {
                text.Append(indent).Append(Quote(name)).Append(";\n");
            }
        }
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
