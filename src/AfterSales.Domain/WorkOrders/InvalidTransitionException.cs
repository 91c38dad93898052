namespace AfterSales.WorkOrders;

/// <summary>
/// The workflow (<see cref="TicketWorkflow"/>) refused a command in the ticket's state (工单流转被拒绝):
/// either the state does not accept the command at all, or every transition it has for it has an
/// unmet guard. Nothing was appended. Carries the state, the command, the unmet guards and the
/// commands permitted instead, named as clients name them (<see cref="TicketTriggerExtensions.ToCommandName"/>).
/// </summary>
/// <remarks>
/// The message reads like "'close' is not permitted while the ticket is Observation: unmet: the
/// observation period (运行观察期) has elapsed (R-WO-4). Permitted commands: sign-off, reopen."
/// </remarks>
public sealed class InvalidTransitionException : AfterSalesException
{
    internal InvalidTransitionException(TicketState state, TicketTrigger trigger, IReadOnlyList<string> unmetGuards, IReadOnlyList<TicketTrigger> permittedTriggers)
        : base(FormatMessage(state, trigger, unmetGuards, permittedTriggers))
    {
        State = state;
        Trigger = trigger;
        UnmetGuards = unmetGuards;
        PermittedTriggers = permittedTriggers;
    }

    /// <summary>The ticket's state when the command was refused.</summary>
    public TicketState State { get; }

    /// <summary>The refused command's trigger.</summary>
    public TicketTrigger Trigger { get; }

    /// <summary>The refused command's name, e.g. <c>"close"</c>.</summary>
    public string Command => Trigger.ToCommandName();

    /// <summary>
    /// The descriptions of the guards that did not hold (the R-ids included, e.g.
    /// <see cref="TicketWorkflow.CustomerSignedOff"/>), in the workflow's order; empty when the
    /// state does not accept the command at all.
    /// </summary>
    public IReadOnlyList<string> UnmetGuards { get; }

    /// <summary>The triggers permitted in the same state at the same instant, in enum order.</summary>
    public IReadOnlyList<TicketTrigger> PermittedTriggers { get; }

    /// <summary>The names of <see cref="PermittedTriggers"/>, e.g. <c>["sign-off", "reopen"]</c>.</summary>
    public IReadOnlyList<string> PermittedCommands => [.. PermittedTriggers.Select(static t => t.ToCommandName())];

    private static string FormatMessage(TicketState state, TicketTrigger trigger, IReadOnlyList<string> unmetGuards, IReadOnlyList<TicketTrigger> permittedTriggers)
    {
        var unmet = unmetGuards.Count > 0 ? $": unmet: {string.Join("; ", unmetGuards)}." : ".";
        var instead = permittedTriggers.Count > 0
            ? $"Permitted commands: {string.Join(", ", permittedTriggers.Select(static t => t.ToCommandName()))}."
            : "No command is permitted in this state.";
        return $"'{trigger.ToCommandName()}' is not permitted while the ticket is {state}{unmet} {instead}";
    }
}
