namespace AfterSales.Workflow;

/// <summary>
/// The transition being performed, as seen by entry, exit and internal actions. A small value
/// built on the stack for each fire; it never allocates.
/// </summary>
/// <typeparam name="TState">The state enum.</typeparam>
/// <typeparam name="TTrigger">The trigger enum.</typeparam>
public readonly struct Transition<TState, TTrigger> : IEquatable<Transition<TState, TTrigger>>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    /// <summary>Creates a transition description.</summary>
    /// <param name="source">The state the machine was in when the trigger was fired.</param>
    /// <param name="trigger">The trigger fired.</param>
    /// <param name="destination">The state the machine is in after the transition.</param>
    /// <param name="kind">Whether this is a move, a reentry or an internal transition.</param>
    public Transition(TState source, TTrigger trigger, TState destination, TransitionKind kind)
    {
        Source = source;
        Trigger = trigger;
        Destination = destination;
        Kind = kind;
    }

    /// <summary>The state the machine was in when the trigger was fired (the current state, which may be a substate of the state the transition was configured on).</summary>
    public TState Source { get; }

    /// <summary>The trigger fired.</summary>
    public TTrigger Trigger { get; }

    /// <summary>The state the machine is in after the transition.</summary>
    public TState Destination { get; }

    /// <summary>Whether this is a move, a reentry or an internal transition.</summary>
    public TransitionKind Kind { get; }

    /// <summary><see langword="true"/> for a <see cref="TransitionKind.Reentry"/> transition.</summary>
    public bool IsReentry => Kind == TransitionKind.Reentry;

    /// <summary>Two transitions are equal when source, trigger, destination and kind are equal.</summary>
    /// <param name="other">The transition to compare with.</param>
    /// <returns><see langword="true"/> when all four parts are equal.</returns>
    public bool Equals(Transition<TState, TTrigger> other)
        => EqualityComparer<TState>.Default.Equals(Source, other.Source)
            && EqualityComparer<TTrigger>.Default.Equals(Trigger, other.Trigger)
            && EqualityComparer<TState>.Default.Equals(Destination, other.Destination)
            && Kind == other.Kind;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Transition<TState, TTrigger> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Source, Trigger, Destination, Kind);

    /// <summary>For example <c>Reported --Acknowledge--&gt; Acknowledged (Permit)</c>.</summary>
    /// <returns>A short, human-readable description.</returns>
    public override string ToString() => $"{Source} --{Trigger}--> {Destination} ({Kind})";

    /// <summary>Equality operator; see <see cref="Equals(Transition{TState, TTrigger})"/>.</summary>
    /// <param name="left">The first transition.</param>
    /// <param name="right">The second transition.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Transition<TState, TTrigger> left, Transition<TState, TTrigger> right) => left.Equals(right);

    /// <summary>Inequality operator; see <see cref="Equals(Transition{TState, TTrigger})"/>.</summary>
    /// <param name="left">The first transition.</param>
    /// <param name="right">The second transition.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(Transition<TState, TTrigger> left, Transition<TState, TTrigger> right) => !left.Equals(right);
}
