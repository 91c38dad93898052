namespace AfterSales.Workflow;

/// <summary>
/// One configured transition, as data: what <see cref="StateMachineDefinition{TState, TTrigger, TContext}.Transitions"/>
/// lists and the diagrams draw. Immutable.
/// </summary>
/// <typeparam name="TState">The state enum.</typeparam>
/// <typeparam name="TTrigger">The trigger enum.</typeparam>
public sealed class TransitionDescription<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    internal TransitionDescription(TState source, TTrigger trigger, TState destination, TransitionKind kind, IReadOnlyList<string> guardDescriptions)
    {
        Source = source;
        Trigger = trigger;
        Destination = destination;
        Kind = kind;
        GuardDescriptions = guardDescriptions;
    }

    /// <summary>The state the transition is configured on (substates inherit it).</summary>
    public TState Source { get; }

    /// <summary>The trigger.</summary>
    public TTrigger Trigger { get; }

    /// <summary>
    /// The target state; for <see cref="TransitionKind.Reentry"/>, <see cref="TransitionKind.Ignore"/>
    /// and <see cref="TransitionKind.Internal"/> this is <see cref="Source"/>.
    /// </summary>
    public TState Destination { get; }

    /// <summary>What firing the trigger does.</summary>
    public TransitionKind Kind { get; }

    /// <summary>The descriptions of the guards that must all hold; empty for an unguarded transition.</summary>
    public IReadOnlyList<string> GuardDescriptions { get; }

    /// <summary><see langword="true"/> when the transition has at least one guard.</summary>
    public bool IsGuarded => GuardDescriptions.Count > 0;

    /// <summary>For example <c>Resolved --Close [customer has signed off]--&gt; Closed (Permit)</c>.</summary>
    /// <returns>A short, human-readable description.</returns>
    public override string ToString()
        => IsGuarded
            ? $"{Source} --{Trigger} [{string.Join(" and ", GuardDescriptions)}]--> {Destination} ({Kind})"
            : $"{Source} --{Trigger}--> {Destination} ({Kind})";
}
