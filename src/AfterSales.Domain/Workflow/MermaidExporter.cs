using System.Text;

namespace AfterSales.Workflow;

/// <summary>Writes a definition as a Mermaid <c>stateDiagram-v2</c>.</summary>
internal static class MermaidExporter
{
    private const string Indent = "    ";

    public static string Write<TState, TTrigger, TContext>(StateMachineDefinition<TState, TTrigger, TContext> definition)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var text = new StringBuilder();
        text.Append("stateDiagram-v2\n");
        Dictionary<int, List<TState>> children = DiagramLabels.Children(definition);
        WriteStates(text, children, -1, 1);
        text.Append(Indent).Append("[*] --> ").Append(definition.InitialState).Append('\n');
        foreach (TransitionDescription<TState, TTrigger> transition in definition.Transitions)
        {
            text.Append(Indent).Append(transition.Source).Append(" --> ").Append(transition.Destination)
                .Append(" : ").Append(DiagramLabels.For(transition)).Append('\n');
        }

        foreach (TState terminal in definition.TerminalStates)
        {
            text.Append(Indent).Append(terminal).Append(" --> [*]\n");
        }

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
            if (children.ContainsKey(EnumIndex.Of(state)))
            {
                text.Append(indent).Append("state ").Append(state).Append(" {\n");
                WriteStates(text, children, EnumIndex.Of(state), depth + 1);
                text.Append(indent).Append("}\n");
            }
            else
            {
                text.Append(indent).Append(state).Append('\n');
            }
        }
    }
}
