using System.Text;
using Stateless.Reflection;

namespace AfterSales.WorkOrders;

/// <summary>
/// Writes Stateless's description of the workflow as a Mermaid <c>stateDiagram-v2</c>, superstates
/// nested, transitions labelled with command names.
/// </summary>
/// <remarks>
/// Our own rather than Stateless's <c>MermaidGraph.Format</c>: in Stateless 5.20.1 that draws every
/// superstate as a separate top-level block (so <c>Unrestored</c> appears inside <c>Open</c> and again
/// beside it, with <c>Active</c> likewise), labels an unguarded internal transition with the
/// placeholder guard "[Function]", and marks no final state. This walks the same
/// <see cref="StateMachineInfo"/> in about forty lines.
/// </remarks>
internal static class TicketWorkflowDiagram
{
    private const string Indent = "    ";

    public static string ToMermaid(StateMachineInfo info)
    {
        var states = info.States.OrderBy(static s => (TicketState)s.UnderlyingState).ToArray();
        var text = new StringBuilder("stateDiagram-v2\n");
        foreach (var state in states.Where(static s => s.Superstate is null))
        {
            WriteState(text, state, 1);
        }

        text.Append(Indent).Append("[*] --> ").Append(info.InitialState).Append('\n');
        foreach (var state in states)
        {
            foreach (var t in state.FixedTransitions)
            {
                var label = Label(t) + (t.IsInternalTransition ? " (internal)" : string.Empty);
                text.Append(Indent).Append(state).Append(" --> ").Append(t.DestinationState).Append(" : ").Append(label).Append('\n');
            }

            foreach (var t in state.DynamicTransitions)
            {
                foreach (var destination in t.PossibleDestinationStates)
                {
                    text.Append(Indent).Append(state).Append(" --> ").Append(destination.DestinationState)
                        .Append(" : ").Append(Label(t)).Append(" [").Append(destination.Criterion).Append("]\n");
                }
            }
        }

        foreach (var state in states.Where(static s => !s.Transitions.Any() && !s.Substates.Any()))
        {
            text.Append(Indent).Append(state).Append(" --> [*]\n");
        }

        return text.ToString();
    }

    /// <summary>The guards a transition was configured with, without the always-true guard Stateless gives an unguarded internal transition.</summary>
    internal static IEnumerable<string> GuardDescriptions(TransitionInfo transition) =>
        transition.GuardConditionsMethodDescriptions.Select(static g => g.Description).Where(static d => d != InvocationInfo.DefaultFunctionDescription);

    private static void WriteState(StringBuilder text, StateInfo state, int depth)
    {
        var indent = string.Concat(Enumerable.Repeat(Indent, depth));
        if (!state.Substates.Any())
        {
            text.Append(indent).Append(state).Append('\n');
            return;
        }

        text.Append(indent).Append("state ").Append(state).Append(" {\n");
        foreach (var substate in state.Substates.OrderBy(static s => (TicketState)s.UnderlyingState))
        {
            WriteState(text, substate, depth + 1);
        }

        text.Append(indent).Append("}\n");
    }

    private static string Label(TransitionInfo transition)
    {
        var command = ((TicketTrigger)transition.Trigger.UnderlyingTrigger).ToCommandName();
        var guards = GuardDescriptions(transition).ToArray();
        return guards.Length == 0 ? command : $"{command} [{string.Join(" and ", guards)}]";
    }
}
