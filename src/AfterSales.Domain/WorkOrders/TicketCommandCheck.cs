namespace AfterSales.WorkOrders;

/// <summary>
/// The workflow's answer to "may this command run now, and if not, why not?" (操作校验) — what
/// <see cref="Ticket.Check(TicketTrigger)"/> returns. A small immutable value.
/// </summary>
public readonly struct TicketCommandCheck
{
    private readonly IReadOnlyList<string>? unmetGuards;
    private readonly IReadOnlyList<TicketTrigger>? permittedTriggers;

    private TicketCommandCheck(TicketState state, TicketTrigger trigger, bool isPermitted, TicketState destination, IReadOnlyList<string>? unmetGuards, IReadOnlyList<TicketTrigger>? permittedTriggers)
    {
        State = state;
        Trigger = trigger;
        IsPermitted = isPermitted;
        Destination = destination;
        this.unmetGuards = unmetGuards;
        this.permittedTriggers = permittedTriggers;
    }

    /// <summary>The ticket's state when checked.</summary>
    public TicketState State { get; }

    /// <summary>The trigger checked.</summary>
    public TicketTrigger Trigger { get; }

    /// <summary>Whether the command would be accepted.</summary>
    public bool IsPermitted { get; }

    /// <summary>The state the command would lead to (equal to <see cref="State"/> for a command that records without moving, and when refused).</summary>
    public TicketState Destination { get; }

    /// <summary>When refused: the descriptions of the guards that did not hold (empty when the state does not accept the command at all). Empty when permitted.</summary>
    public IReadOnlyList<string> UnmetGuards => unmetGuards ?? [];

    /// <summary>When refused: the triggers permitted instead, in enum order. Empty when permitted.</summary>
    public IReadOnlyList<TicketTrigger> PermittedTriggers => permittedTriggers ?? [];

    /// <summary>The exception the command would throw, or <see langword="null"/> when permitted.</summary>
    public InvalidTransitionException? ToException() =>
        IsPermitted ? null : new InvalidTransitionException(State, Trigger, UnmetGuards, PermittedTriggers);

    /// <summary><c>Observation --close--> Closed</c> when permitted; the refusal's message otherwise.</summary>
    public override string ToString() =>
        IsPermitted ? $"{State} --{Trigger.ToCommandName()}--> {Destination}" : ToException()!.Message;

    internal static TicketCommandCheck Permitted(TicketState state, TicketTrigger trigger, TicketState destination) =>
        new(state, trigger, isPermitted: true, destination, null, null);

    internal static TicketCommandCheck Refused(TicketState state, TicketTrigger trigger, IReadOnlyList<string> unmetGuards, IReadOnlyList<TicketTrigger> permittedTriggers) =>
        new(state, trigger, isPermitted: false, state, unmetGuards, permittedTriggers);
}
