namespace AfterSales.Workflow;

/// <summary>
/// One candidate transition of a (state, trigger) cell, with everything resolved at build time:
/// the target, the guard range and the exit-then-entry action chain for exactly this source.
/// </summary>
internal readonly struct CompiledTransition
{
    public CompiledTransition(TransitionKind kind, int target, int guardStart, int guardCount, int actionStart, int actionCount)
    {
        Kind = kind;
        Target = target;
        GuardStart = guardStart;
        GuardCount = guardCount;
        ActionStart = actionStart;
        ActionCount = actionCount;
    }

    public TransitionKind Kind { get; }

    public int Target { get; }

    public int GuardStart { get; }

    public int GuardCount { get; }

    public int ActionStart { get; }

    public int ActionCount { get; }
}
