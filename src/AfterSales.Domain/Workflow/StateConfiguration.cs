using AfterSales.Internal;

namespace AfterSales.Workflow;

/// <summary>
/// The fluent configuration of one state, returned by
/// <see cref="StateMachineBuilder{TState, TTrigger, TContext}.Configure(TState)"/>. Each verb
/// returns the same instance so calls chain. Not thread-safe (configure on one thread, then
/// <see cref="StateMachineBuilder{TState, TTrigger, TContext}.Build"/>).
/// </summary>
/// <remarks>
/// For a trigger with several transitions (typically several <c>PermitIf</c>), the first in
/// configuration order whose guards all hold is taken; the state's own transitions come before
/// those inherited from its superstates. Two guards that can hold at the same time are not
/// detected: the first configured wins.
/// </remarks>
/// <typeparam name="TState">The state enum (values 0..n-1).</typeparam>
/// <typeparam name="TTrigger">The trigger enum (values 0..n-1).</typeparam>
/// <typeparam name="TContext">What guards and actions read and act on.</typeparam>
public sealed class StateConfiguration<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly List<TransitionSpec<TState, TTrigger, TContext>> _transitions = [];
    private readonly List<Action<TContext, Transition<TState, TTrigger>>> _entryActions = [];
    private readonly List<Action<TContext, Transition<TState, TTrigger>>> _exitActions = [];

    internal StateConfiguration(TState state) => State = state;

    /// <summary>The state being configured.</summary>
    public TState State { get; }

    /// <summary>The superstate set by <see cref="SubstateOf"/>, if any.</summary>
    public TState? Superstate { get; private set; }

    internal IReadOnlyList<TransitionSpec<TState, TTrigger, TContext>> Transitions => _transitions;

    internal IReadOnlyList<Action<TContext, Transition<TState, TTrigger>>> EntryActions => _entryActions;

    internal IReadOnlyList<Action<TContext, Transition<TState, TTrigger>>> ExitActions => _exitActions;

    /// <summary>Firing <paramref name="trigger"/> moves to <paramref name="destination"/>.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="destination">The target state; must differ from <see cref="State"/>.</param>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is the configured state itself.</exception>
    public StateConfiguration<TState, TTrigger, TContext> Permit(TTrigger trigger, TState destination)
        => AddPermit(trigger, destination, []);

    /// <summary>Firing <paramref name="trigger"/> moves to <paramref name="destination"/> when <paramref name="guard"/> holds.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="destination">The target state; must differ from <see cref="State"/>.</param>
    /// <param name="guard">The condition; use a <see langword="static"/> lambda so evaluating it never allocates.</param>
    /// <param name="guardDescription">What must hold, shown when it does not ("customer has signed off").</param>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is the configured state itself, or the description is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="guard"/> or <paramref name="guardDescription"/> is <see langword="null"/>.</exception>
    public StateConfiguration<TState, TTrigger, TContext> PermitIf(TTrigger trigger, TState destination, Func<TContext, bool> guard, string guardDescription)
        => AddPermit(trigger, destination, [new GuardCondition<TContext>(guard, guardDescription)]);

    /// <summary>Firing <paramref name="trigger"/> moves to <paramref name="destination"/> when all <paramref name="guards"/> hold.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="destination">The target state; must differ from <see cref="State"/>.</param>
    /// <param name="guards">The conditions, evaluated in order; at least one.</param>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is the configured state itself, or no guard is given.</exception>
    public StateConfiguration<TState, TTrigger, TContext> PermitIf(TTrigger trigger, TState destination, params GuardCondition<TContext>[] guards)
        => AddPermit(trigger, destination, CheckGuards(guards));

    /// <summary>Firing <paramref name="trigger"/> leaves and re-enters this state: its exit, then its entry actions run.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitReentry(TTrigger trigger)
        => Add(trigger, TransitionKind.Reentry, [], action: null);

    /// <summary>Like <see cref="PermitReentry"/>, when <paramref name="guard"/> holds.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="guard">The condition; use a <see langword="static"/> lambda.</param>
    /// <param name="guardDescription">What must hold, shown when it does not.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitReentryIf(TTrigger trigger, Func<TContext, bool> guard, string guardDescription)
        => Add(trigger, TransitionKind.Reentry, [new GuardCondition<TContext>(guard, guardDescription)], action: null);

    /// <summary>
    /// Firing <paramref name="trigger"/> is accepted and does nothing (no action, same state).
    /// Triggers that are neither permitted nor ignored are rejected with an <see cref="InvalidTransitionException"/>.
    /// </summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> Ignore(TTrigger trigger)
        => Add(trigger, TransitionKind.Ignore, [], action: null);

    /// <summary>Like <see cref="Ignore"/>, when <paramref name="guard"/> holds.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="guard">The condition; use a <see langword="static"/> lambda.</param>
    /// <param name="guardDescription">What must hold, shown when it does not.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> IgnoreIf(TTrigger trigger, Func<TContext, bool> guard, string guardDescription)
        => Add(trigger, TransitionKind.Ignore, [new GuardCondition<TContext>(guard, guardDescription)], action: null);

    /// <summary>Firing <paramref name="trigger"/> runs <paramref name="action"/> and stays in the state, without exit or entry actions.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="action">The action; use a <see langword="static"/> lambda so running it never allocates.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransition(TTrigger trigger, Action<TContext, Transition<TState, TTrigger>> action)
        => Add(trigger, TransitionKind.Internal, [], Guard.NotNull(action));

    /// <summary>Like <see cref="InternalTransition"/>, when <paramref name="guard"/> holds.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="guard">The condition; use a <see langword="static"/> lambda.</param>
    /// <param name="guardDescription">What must hold, shown when it does not.</param>
    /// <param name="action">The action.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransitionIf(TTrigger trigger, Func<TContext, bool> guard, string guardDescription, Action<TContext, Transition<TState, TTrigger>> action)
        => Add(trigger, TransitionKind.Internal, [new GuardCondition<TContext>(guard, guardDescription)], Guard.NotNull(action));

    /// <summary>
    /// Makes this state a substate of <paramref name="superstate"/>: a trigger not configured here
    /// is looked up on the superstate chain, and <c>IsInState(this, superstate)</c> holds.
    /// </summary>
    /// <param name="superstate">The parent state.</param>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentException">The superstate is the state itself, or a different superstate was set before.</exception>
    public StateConfiguration<TState, TTrigger, TContext> SubstateOf(TState superstate)
    {
        if (EqualityComparer<TState>.Default.Equals(superstate, State))
        {
            throw new ArgumentException($"State '{State}' cannot be a substate of itself.", nameof(superstate));
        }

        if (Superstate is { } existing && !EqualityComparer<TState>.Default.Equals(existing, superstate))
        {
            throw new ArgumentException(
                $"State '{State}' is already a substate of '{existing}'; it cannot also be a substate of '{superstate}'.",
                nameof(superstate));
        }

        Superstate = superstate;
        return this;
    }

    /// <summary>
    /// Runs <paramref name="action"/> whenever the state is entered (including a reentry, and
    /// when a transition enters one of its substates from outside). Several entry actions run in
    /// configuration order.
    /// </summary>
    /// <param name="action">The action; use a <see langword="static"/> lambda so running it never allocates.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnEntry(Action<TContext, Transition<TState, TTrigger>> action)
    {
        _entryActions.Add(Guard.NotNull(action));
        return this;
    }

    /// <summary>
    /// Runs <paramref name="action"/> whenever the state is left (including a reentry, and when a
    /// transition leaves it from one of its substates). Several exit actions run in configuration order.
    /// </summary>
    /// <param name="action">The action; use a <see langword="static"/> lambda so running it never allocates.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnExit(Action<TContext, Transition<TState, TTrigger>> action)
    {
        _exitActions.Add(Guard.NotNull(action));
        return this;
    }

    private StateConfiguration<TState, TTrigger, TContext> AddPermit(TTrigger trigger, TState destination, GuardCondition<TContext>[] guards)
    {
        if (EqualityComparer<TState>.Default.Equals(destination, State))
        {
            throw new ArgumentException(
                $"Permit from state '{State}' for trigger '{trigger}' targets the state itself; use PermitReentry to leave and re-enter it, or Ignore/InternalTransition to stay.",
                nameof(destination));
        }

        _transitions.Add(new TransitionSpec<TState, TTrigger, TContext>(trigger, TransitionKind.Permit, destination, guards, action: null));
        return this;
    }

    private StateConfiguration<TState, TTrigger, TContext> Add(TTrigger trigger, TransitionKind kind, GuardCondition<TContext>[] guards, Action<TContext, Transition<TState, TTrigger>>? action)
    {
        _transitions.Add(new TransitionSpec<TState, TTrigger, TContext>(trigger, kind, State, guards, action));
        return this;
    }

    private static GuardCondition<TContext>[] CheckGuards(GuardCondition<TContext>[] guards)
    {
        Guard.NotNull(guards);
        if (guards.Length == 0)
        {
            throw new ArgumentException("PermitIf needs at least one guard; use Permit for an unguarded transition.", nameof(guards));
        }

        foreach (GuardCondition<TContext> guard in guards)
        {
            Guard.NotNull(guard, nameof(guards));
        }

        return (GuardCondition<TContext>[])guards.Clone();
    }
}
