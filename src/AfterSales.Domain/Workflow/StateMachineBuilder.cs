using AfterSales.Internal;

namespace AfterSales.Workflow;

/// <summary>
/// Configures a state machine in the vocabulary of Stateless (<c>Configure(state).Permit(…)</c>,
/// <c>PermitIf</c>, <c>Ignore</c>, <c>PermitReentry</c>, <c>SubstateOf</c>, <c>OnEntry</c>,
/// <c>OnExit</c>) and builds an immutable <see cref="StateMachineDefinition{TState, TTrigger, TContext}"/>.
/// </summary>
/// <remarks>
/// Build the definition once per process (for example in a <see langword="static readonly"/>
/// field) and share it: a machine instance is just a state value. The builder is not thread-safe;
/// the definition it builds is. Both enums must have dense values 0..n-1.
/// </remarks>
/// <example>
/// <code>
/// var builder = new StateMachineBuilder&lt;State, Trigger, Ticket&gt;();
/// builder.Configure(State.Resolved)
///     .PermitIf(Trigger.Close, State.Closed, static t =&gt; t.SignedOff, "customer has signed off");
/// var definition = builder.Build(State.Reported, State.Closed);
/// State next = definition.Fire(ticket.State, Trigger.Close, ticket);
/// </code>
/// </example>
/// <typeparam name="TState">The state enum (values 0..n-1).</typeparam>
/// <typeparam name="TTrigger">The trigger enum (values 0..n-1).</typeparam>
/// <typeparam name="TContext">What guards and actions read and act on (typically the aggregate).</typeparam>
public sealed class StateMachineBuilder<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Dictionary<TState, StateConfiguration<TState, TTrigger, TContext>> _configurations = [];

    /// <summary>
    /// The configuration of <paramref name="state"/>; calling it again for the same state returns
    /// the same configuration, so a state may be configured in several places.
    /// </summary>
    /// <param name="state">The state to configure.</param>
    /// <returns>The state's fluent configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> Configure(TState state)
    {
        if (!_configurations.TryGetValue(state, out StateConfiguration<TState, TTrigger, TContext>? configuration))
        {
            configuration = new StateConfiguration<TState, TTrigger, TContext>(state);
            _configurations.Add(state, configuration);
        }

        return configuration;
    }

    /// <summary>
    /// Checks the configuration without building: both enums dense from 0; every configured value
    /// declared; no superstate cycle; no transition shadowed by an earlier unguarded one for the
    /// same state and trigger (in particular no duplicate unguarded <c>Permit</c>); every state
    /// reachable from <paramref name="initialState"/>; no reachable state without a leaving
    /// transition unless it is one of <paramref name="terminalStates"/>.
    /// </summary>
    /// <param name="initialState">The state a new machine starts in.</param>
    /// <param name="terminalStates">The states allowed to have no leaving transition.</param>
    /// <returns>One message per problem, naming the states and triggers; empty when the definition is valid.</returns>
    public IReadOnlyList<string> Validate(TState initialState, params TState[] terminalStates)
    {
        Guard.NotNull(terminalStates);
        var errors = new List<string>();
        StateMachineModel<TState, TTrigger, TContext>.Create(_configurations.Values, initialState, terminalStates, errors)?.Validate(errors);
        return errors;
    }

    /// <summary>
    /// Validates (see <see cref="Validate"/>) and compiles the configuration into an immutable,
    /// thread-safe definition. Later changes to this builder do not affect it.
    /// </summary>
    /// <param name="initialState">The state a new machine starts in.</param>
    /// <param name="terminalStates">The states allowed to have no leaving transition (drawn with an arrow to [*]).</param>
    /// <returns>The definition.</returns>
    /// <exception cref="InvalidOperationException">The configuration is invalid; the message lists every problem.</exception>
    public StateMachineDefinition<TState, TTrigger, TContext> Build(TState initialState, params TState[] terminalStates)
    {
        Guard.NotNull(terminalStates);
        var errors = new List<string>();
        StateMachineModel<TState, TTrigger, TContext>? model =
            StateMachineModel<TState, TTrigger, TContext>.Create(_configurations.Values, initialState, terminalStates, errors);
        model?.Validate(errors);
        if (errors.Count > 0)
        {
            string subject = $"The state machine definition over '{typeof(TState).Name}' and '{typeof(TTrigger).Name}' is invalid";
            throw new InvalidOperationException(errors.Count == 1
                ? $"{subject}: {errors[0]}"
                : $"{subject}:\n- {string.Join("\n- ", errors)}");
        }

        return new StateMachineDefinition<TState, TTrigger, TContext>(model!);
    }
}
