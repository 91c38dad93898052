using AfterSales.Workflow;
using BenchmarkDotNet.Attributes;

namespace AfterSales.Benchmarks.Workflow;

/// <summary>
/// The workflow engine on a machine shaped like a ticket workflow (12 states, 16 triggers, a
/// superstate, 2 guards, entry/exit actions that count), against a hand-written enum-indexed
/// table with a switch for guards and actions — the floor, measured in the same run.
/// </summary>
[MemoryDiagnoser]
public class StateMachineBenchmarks
{
    private static readonly StateMachineDefinition<BenchState, BenchTrigger, BenchContext> Definition = BenchMachine.Build();
    private static readonly BenchState[,] NaiveTable = BenchMachine.NaiveTable();

    private readonly BenchContext _context = new() { SignedOff = true, Rated = true };

    /// <summary>Resolved (in Active) --Close [signed off]--> Closed: one guard, two exit actions, one entry action.</summary>
    [Benchmark]
    public BenchState Fire() => Definition.Fire(BenchState.Resolved, BenchTrigger.Close, _context);

    [Benchmark]
    public bool CanFire() => Definition.CanFire(BenchState.Resolved, BenchTrigger.Close, _context);

    [Benchmark]
    public int PermittedTriggers()
    {
        Span<BenchTrigger> buffer = stackalloc BenchTrigger[16];
        return Definition.PermittedTriggers(BenchState.Resolved, _context, buffer);
    }

    /// <summary>The floor: the same transition, guard and actions written by hand over a <c>TState[,]</c> and switches.</summary>
    [Benchmark(Baseline = true)]
    public BenchState NaiveTableFire() => NaiveFire(BenchState.Resolved, BenchTrigger.Close, _context);

    [Benchmark]
    public bool NaiveTableCanFire()
        => NaiveTable[(int)BenchState.Resolved, (int)BenchTrigger.Close] != BenchMachine.None && NaiveGuard(BenchTrigger.Close, _context);

    /// <summary>Configuring and compiling the definition: paid once per process, not per ticket.</summary>
    [Benchmark]
    public StateMachineDefinition<BenchState, BenchTrigger, BenchContext> Build() => BenchMachine.Build();

    private static BenchState NaiveFire(BenchState state, BenchTrigger trigger, BenchContext context)
    {
        BenchState next = NaiveTable[(int)state, (int)trigger];
        if (next == BenchMachine.None || !NaiveGuard(trigger, context))
        {
            throw new InvalidOperationException($"{trigger} is not permitted in {state}.");
        }

        switch (state)
        {
            case BenchState.Resolved:
                context.Counter++; // exit Resolved
                context.Counter++; // exit Active
                break;
        }

        switch (next)
        {
            case BenchState.Closed:
                context.Counter++; // enter Closed
                break;
        }

        return next;
    }

    private static bool NaiveGuard(BenchTrigger trigger, BenchContext context) => trigger switch
    {
        BenchTrigger.Close => context.SignedOff,
        BenchTrigger.SignOff => context.Rated,
        _ => true,
    };
}
