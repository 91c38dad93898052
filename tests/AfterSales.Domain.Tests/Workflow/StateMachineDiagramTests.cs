using AfterSales.Workflow;

namespace AfterSales.Tests.Workflow;

public class StateMachineDiagramTests
{
    public enum DiagramState
    {
        Idle = 0,
        Busy = 1,
        Running = 2,
        Paused = 3,
        Done = 4,
    }

    public enum DiagramTrigger
    {
        Start = 0,
        Pause = 1,
        Resume = 2,
        Stop = 3,
        Ping = 4,
        Tick = 5,
    }

    private sealed class Operator
    {
        public bool Agrees { get; set; }
    }

    private static readonly StateMachineDefinition<DiagramState, DiagramTrigger, Operator> Machine = Create();

    [Fact]
    public void ToMermaid_SmallMachine_IsExactlyTheExpectedDiagram()
    {
        const string expected = """
            stateDiagram-v2
                Idle
                state Busy {
                    Running
                    Paused
                }
                Done
                [*] --> Idle
                Idle --> Running : Start
                Idle --> Idle : Ping (ignored)
                Busy --> Done : Stop
                Busy --> Busy : Tick (internal)
                Running --> Running : Start (reentry)
                Running --> Paused : Pause [operator agrees]
                Paused --> Running : Resume
                Done --> [*]

            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), Machine.ToMermaid());
    }

    [Fact]
    public void ToDot_SmallMachine_IsExactlyTheExpectedGraph()
    {
        const string expected = """
            digraph "DiagramState" {
                rankdir=LR;
                node [shape=box, style=rounded];
                "[*]" [shape=point];
                "[*] end" [shape=doublecircle, label="", width=0.2];
                "Idle";
                subgraph "cluster_Busy" {
                    label="Busy";
                    "Busy" [style="rounded,bold"];
                    "Running";
                    "Paused";
                }
                "Done";
                "[*]" -> "Idle";
                "Idle" -> "Running" [label="Start"];
                "Idle" -> "Idle" [label="Ping (ignored)", style=dashed];
                "Busy" -> "Done" [label="Stop"];
                "Busy" -> "Busy" [label="Tick (internal)", style=dashed];
                "Running" -> "Running" [label="Start (reentry)", style=dashed];
                "Running" -> "Paused" [label="Pause [operator agrees]"];
                "Paused" -> "Running" [label="Resume"];
                "Done" -> "[*] end";
            }

            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), Machine.ToDot());
    }

    [Fact]
    public void ToMermaid_BuiltTwiceWithDifferentConfigurationOrderOfStates_IsIdentical()
    {
        var reversed = new StateMachineBuilder<DiagramState, DiagramTrigger, Operator>();
        reversed.Configure(DiagramState.Paused).SubstateOf(DiagramState.Busy).Permit(DiagramTrigger.Resume, DiagramState.Running);
        reversed.Configure(DiagramState.Running).SubstateOf(DiagramState.Busy)
            .PermitIf(DiagramTrigger.Pause, DiagramState.Paused, static o => o.Agrees, "operator agrees")
            .PermitReentry(DiagramTrigger.Start);
        reversed.Configure(DiagramState.Busy).InternalTransition(DiagramTrigger.Tick, static (_, _) => { }).Permit(DiagramTrigger.Stop, DiagramState.Done);
        reversed.Configure(DiagramState.Idle).Ignore(DiagramTrigger.Ping).Permit(DiagramTrigger.Start, DiagramState.Running);

        var other = reversed.Build(DiagramState.Idle, DiagramState.Done);

        Assert.Equal(Machine.ToMermaid(), other.ToMermaid());
        Assert.Equal(Machine.ToDot(), other.ToDot());
    }

    private static StateMachineDefinition<DiagramState, DiagramTrigger, Operator> Create()
    {
        var builder = new StateMachineBuilder<DiagramState, DiagramTrigger, Operator>();
        builder.Configure(DiagramState.Idle)
            .Permit(DiagramTrigger.Start, DiagramState.Running)
            .Ignore(DiagramTrigger.Ping);
        builder.Configure(DiagramState.Busy)
            .Permit(DiagramTrigger.Stop, DiagramState.Done)
            .InternalTransition(DiagramTrigger.Tick, static (_, _) => { });
        builder.Configure(DiagramState.Running)
            .SubstateOf(DiagramState.Busy)
            .PermitIf(DiagramTrigger.Pause, DiagramState.Paused, static o => o.Agrees, "operator agrees")
            .PermitReentry(DiagramTrigger.Start);
        builder.Configure(DiagramState.Paused)
            .SubstateOf(DiagramState.Busy)
            .Permit(DiagramTrigger.Resume, DiagramState.Running);
        return builder.Build(DiagramState.Idle, DiagramState.Done);
    }
}
