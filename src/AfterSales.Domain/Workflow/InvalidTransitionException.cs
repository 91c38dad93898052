namespace AfterSales.Workflow;

/// <summary>
/// Thrown when a trigger is fired that the current state does not accept: either no transition
/// is configured for it on the state or its superstates, or every configured transition has an
/// unmet guard. Never thrown for an <see cref="TransitionKind.Ignore"/>d trigger.
/// </summary>
/// <remarks>
/// The message reads like "No valid leaving transitions are permitted from state 'Reported' for
/// trigger 'Close'. Unmet guards: customer has signed off. Permitted triggers: Acknowledge, Cancel."
/// </remarks>
public sealed class InvalidTransitionException : AfterSalesException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="state">The state the trigger was fired in.</param>
    /// <param name="trigger">The rejected trigger.</param>
    /// <param name="unmetGuards">The descriptions of the guards that did not hold (empty when the trigger is not configured).</param>
    /// <param name="permittedTriggers">The triggers the state accepts in the same context.</param>
    public InvalidTransitionException(Enum state, Enum trigger, IReadOnlyList<string> unmetGuards, IReadOnlyList<Enum> permittedTriggers)
        : base(FormatMessage(state, trigger, unmetGuards, permittedTriggers))
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(trigger);
        State = state;
        Trigger = trigger;
        UnmetGuards = unmetGuards;
        PermittedTriggers = permittedTriggers;
        Hint = FormatHint(permittedTriggers);
    }

    /// <summary>The state the trigger was fired in (a value of the machine's state enum).</summary>
    public Enum State { get; }

    /// <summary>The rejected trigger (a value of the machine's trigger enum).</summary>
    public Enum Trigger { get; }

    /// <summary>
    /// The descriptions of the guards that did not hold, in configuration order; empty when the
    /// trigger is not configured for the state or any of its superstates.
    /// </summary>
    public IReadOnlyList<string> UnmetGuards { get; }

    /// <summary>The triggers the state accepts in the same context, in enum order.</summary>
    public IReadOnlyList<Enum> PermittedTriggers { get; }

    /// <summary>What the caller can do instead, e.g. "Permitted triggers: Acknowledge, Cancel."</summary>
    public string Hint { get; }

    internal static string FormatMessage(Enum state, Enum trigger, IReadOnlyList<string> unmetGuards, IReadOnlyList<Enum> permittedTriggers)
    {
        string reason = unmetGuards.Count > 0
            ? $" Unmet guards: {string.Join("; ", unmetGuards)}."
            : $" The trigger is not configured for '{state}' or its superstates.";
        return $"No valid leaving transitions are permitted from state '{state}' for trigger '{trigger}'.{reason} {FormatHint(permittedTriggers)}";
    }

    private static string FormatHint(IReadOnlyList<Enum> permittedTriggers)
        => permittedTriggers.Count > 0
            ? $"Permitted triggers: {string.Join(", ", permittedTriggers)}."
            : "No trigger is permitted in this state.";
}
