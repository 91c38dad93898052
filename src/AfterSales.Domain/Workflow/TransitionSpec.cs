namespace AfterSales.Workflow;

/// <summary>One transition as configured on a state, before compilation.</summary>
internal sealed class TransitionSpec<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    public TransitionSpec(TTrigger trigger, TransitionKind kind, TState destination, GuardCondition<TContext>[] guards, Action<TContext, Transition<TState, TTrigger>>? action)
    {
        Trigger = trigger;
        Kind = kind;
        Destination = destination;
        Guards = guards;
        Action = action;
    }

    public TTrigger Trigger { get; }

    public TransitionKind Kind { get; }

    /// <summary>The target for <see cref="TransitionKind.Permit"/>; the configured state otherwise.</summary>
    public TState Destination { get; }

    public GuardCondition<TContext>[] Guards { get; }

    /// <summary>The action of an <see cref="TransitionKind.Internal"/> transition.</summary>
    public Action<TContext, Transition<TState, TTrigger>>? Action { get; }

    public bool IsGuarded => Guards.Length > 0;
}
