using AfterSales.Workflow;

namespace AfterSales.Tests.Workflow;

/// <summary>Guards the zero-allocation promise of the hot path (the benchmarks show the timing).</summary>
public class StateMachineAllocationTests
{
    public enum Phase
    {
        Open = 0,
        Busy = 1,
        Working = 2,
        Closed = 3,
    }

    public enum Step
    {
        Start = 0,
        Close = 1,
        Redo = 2,
    }

    private sealed class Counter
    {
        public bool Ok { get; set; } = true;

        public long Value { get; set; }
    }

    private static readonly StateMachineDefinition<Phase, Step, Counter> Machine = Create();

    [Fact]
    public void FireCanFirePermittedTriggersIsInState_PermittedPath_AllocateNothing()
    {
        var counter = new Counter();
        Span<Step> buffer = stackalloc Step[3];
        Run(counter, buffer); // JIT and first-call work outside the measurement

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            Run(counter, buffer);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1_001 * 3, counter.Value);
    }

    private static void Run(Counter counter, Span<Step> buffer)
    {
        Phase state = Machine.Fire(Phase.Open, Step.Start, counter);     // enter Busy, enter Working
        state = Machine.Fire(state, Step.Redo, counter);                 // ignored: no action
        _ = Machine.Fire(state, Step.Close, counter);                    // exit Working, exit Busy, enter Closed (guarded)
        _ = Machine.CanFire(Phase.Working, Step.Close, counter);
        _ = Machine.Check(Phase.Working, Step.Close, counter);
        _ = Machine.TryFire(Phase.Closed, Step.Close, counter, out _);
        _ = Machine.PermittedTriggers(Phase.Working, counter, buffer);
        _ = Machine.IsInState(Phase.Working, Phase.Busy);
    }

    private static StateMachineDefinition<Phase, Step, Counter> Create()
    {
        var builder = new StateMachineBuilder<Phase, Step, Counter>();
        builder.Configure(Phase.Open).Permit(Step.Start, Phase.Working);
        builder.Configure(Phase.Busy)
            .PermitIf(Step.Close, Phase.Closed, static c => c.Ok, "ok")
            .OnEntry(static (c, _) => c.Value++)
            .OnExit(static (c, _) => c.Value++);
        builder.Configure(Phase.Working).SubstateOf(Phase.Busy)
            .Ignore(Step.Redo)
            .OnEntry(static (c, _) => c.Value += 0)
            .OnExit(static (c, _) => c.Value += 0);
        builder.Configure(Phase.Closed).OnEntry(static (c, _) => c.Value++);
        return builder.Build(Phase.Open, Phase.Closed);
    }
}
