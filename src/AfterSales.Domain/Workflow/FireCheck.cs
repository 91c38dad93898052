namespace AfterSales.Workflow;

/// <summary>
/// The answer to "may this trigger be fired now, and if not, why not?" — what
/// <see cref="StateMachineDefinition{TState, TTrigger, TContext}.Check"/> returns, for <c>CanX</c>
/// methods that need the reasons. Allocates nothing when the trigger is permitted.
/// </summary>
/// <typeparam name="TState">The state enum.</typeparam>
/// <typeparam name="TTrigger">The trigger enum.</typeparam>
public readonly struct FireCheck<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly IReadOnlyList<string>? _unmetGuards;
    private readonly IReadOnlyList<TTrigger>? _permittedTriggers;

    private FireCheck(TState state, TTrigger trigger, bool isPermitted, TState destination, TransitionKind kind, IReadOnlyList<string>? unmetGuards, IReadOnlyList<TTrigger>? permittedTriggers)
    {
        State = state;
        Trigger = trigger;
        IsPermitted = isPermitted;
        Destination = destination;
        Kind = kind;
        _unmetGuards = unmetGuards;
        _permittedTriggers = permittedTriggers;
    }

    /// <summary>The state checked.</summary>
    public TState State { get; }

    /// <summary>The trigger checked.</summary>
    public TTrigger Trigger { get; }

    /// <summary><see langword="true"/> when firing the trigger would succeed (including an ignored trigger).</summary>
    public bool IsPermitted { get; }

    /// <summary>The state firing would lead to; equal to <see cref="State"/> when not permitted.</summary>
    public TState Destination { get; }

    /// <summary>The kind of the transition that would be taken; meaningful only when <see cref="IsPermitted"/>.</summary>
    public TransitionKind Kind { get; }

    /// <summary>
    /// When not permitted: the descriptions of the guards that did not hold, in configuration order
    /// (empty when the trigger is not configured at all). Empty when permitted.
    /// </summary>
    public IReadOnlyList<string> UnmetGuards => _unmetGuards ?? [];

    /// <summary>When not permitted: the triggers the state accepts in the same context. Empty when permitted.</summary>
    public IReadOnlyList<TTrigger> PermittedTriggers => _permittedTriggers ?? [];

    /// <summary>
    /// <see langword="true"/> when the trigger is configured for the state or a superstate
    /// (so a rejection is due to unmet guards, not a missing transition).
    /// </summary>
    public bool IsConfigured => IsPermitted || UnmetGuards.Count > 0;

    /// <summary>The rejection as an exception, or <see langword="null"/> when permitted.</summary>
    /// <returns>The exception <c>Fire</c> would throw.</returns>
    public InvalidTransitionException? ToException()
        => IsPermitted
            ? null
            : new InvalidTransitionException(State, Trigger, UnmetGuards, PermittedTriggers.Select(static t => (Enum)t).ToArray());

    /// <summary>Throws the exception <c>Fire</c> would throw when the trigger is not permitted.</summary>
    /// <exception cref="InvalidTransitionException">The trigger is not permitted.</exception>
    public void ThrowIfNotPermitted()
    {
        if (!IsPermitted)
        {
            throw ToException()!;
        }
    }

    /// <inheritdoc />
    public override string ToString()
        => IsPermitted
            ? $"{State} --{Trigger}--> {Destination} ({Kind})"
            : ToException()!.Message;

    internal static FireCheck<TState, TTrigger> Permitted(TState state, TTrigger trigger, TState destination, TransitionKind kind)
        => new(state, trigger, isPermitted: true, destination, kind, unmetGuards: null, permittedTriggers: null);

    internal static FireCheck<TState, TTrigger> Rejected(TState state, TTrigger trigger, IReadOnlyList<string> unmetGuards, IReadOnlyList<TTrigger> permittedTriggers)
        => new(state, trigger, isPermitted: false, state, default, unmetGuards, permittedTriggers);
}
