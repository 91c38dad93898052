using Stateless;
using Stateless.Reflection;

namespace AfterSales.WorkOrders;

/// <summary>
/// The work-order workflow (工单流程): which <see cref="TicketTrigger"/> each <see cref="TicketState"/>
/// accepts, under which guards — a Stateless <see cref="StateMachine{TState, TTrigger}"/> whose state
/// lives in the <see cref="Ticket"/> (external state storage), as in Stateless's bug-tracker example.
/// The ticket asks it before every command and every replayed event, at the instant of the decision,
/// and then applies the event; <see cref="Ticket.Check(TicketTrigger)"/> and the <c>CanX</c> methods
/// ask it too.
/// </summary>
/// <remarks>
/// <para>Main path: Reported → Acknowledged (响应) → RemoteDiagnosis (远程诊断, R-WO-2) → either
/// ResolveRemotely, or Dispatch → OnSite (到达现场) → ServiceRestored (服务恢复运行) → Resolved (修复)
/// → Observation (运行观察期, R-WO-4) → Closed. Escalation to the manufacturer (申请支援, R-WO-5)
/// from remote diagnosis or on site. A recurrence during observation re-opens the order into remote
/// diagnosis: a new cycle of the SLA clocks.</para>
/// <para>Superstates configure shared triggers once: <see cref="TicketState.Open"/> (until resolved)
/// records reclassification, repair plans and loaners without changing state;
/// <see cref="TicketState.Unrestored"/> may be cancelled (a duplicate or invalid report);
/// <see cref="TicketState.Active"/> may pause to wait for the customer and may dispatch once
/// remote diagnosis was tried. Resume returns to the state the ticket paused from: one dynamic
/// transition whose possible destinations are declared (<see cref="PausableStates"/>).</para>
/// <para><see cref="TicketState.Closed"/> and <see cref="TicketState.Cancelled"/> are terminal:
/// nothing is recorded after them. A fault that recurs after closing is a new report for the same
/// device serial number, whose history is kept per device (R-WO-10).</para>
/// <para>A legacy issue (遗留问题, R-WO-6) is a derived flag (<see cref="Ticket.IsLegacyIssue"/>), not a state;
/// while it holds, reviews are recorded. Every state that is not finished records parts sent for
/// return-for-repair and their return (R-WO-9); closing waits for every part to be back. One sign-off
/// per cycle (R-WO-8). Where the contract asks for a data backup, restoring or resolving on site waits
/// for its confirmation (R-WO-7). Any command may be back-dated (<see cref="Ticket.Backdate"/>): the
/// workflow then decides at the fact's instant.</para>
/// </remarks>
public static class TicketWorkflow
{
    /// <summary>The guard of <see cref="TicketTrigger.Dispatch"/> (R-WO-2).</summary>
    public const string RemoteDiagnosisFirst = "remote diagnosis was tried first in this cycle (R-WO-2)";

    /// <summary>The sign-off guard of <see cref="TicketTrigger.Close"/> (R-WO-8).</summary>
    public const string CustomerSignedOff = "the customer signed the service report with a satisfaction rating (R-WO-8)";

    /// <summary>The observation guard of <see cref="TicketTrigger.Close"/> (R-WO-4).</summary>
    public const string ObservationElapsed = "the observation period (运行观察期) has elapsed (R-WO-4)";

    /// <summary>The guard on accepting a quote.</summary>
    public const string QuoteWasSubmitted = "a quote was submitted to the customer";

    /// <summary>The guard on replacing parts (R-WO-7).</summary>
    public const string QuoteAcceptedBeforeParts = "on paid work the customer has accepted the quote before parts are replaced (R-WO-7)";

    /// <summary>The guard of <see cref="TicketTrigger.SignOff"/> (R-WO-8): one signed service report per cycle.</summary>
    public const string SignOffOncePerCycle = "the customer has not yet signed off in this cycle: one signed service report per cycle (R-WO-8)";

    /// <summary>The RMA guard of <see cref="TicketTrigger.Close"/> (R-WO-9).</summary>
    public const string RmaPartsBack = "every part sent for return-for-repair has come back (R-WO-9)";

    /// <summary>The guard of <see cref="TicketTrigger.ReceiveRmaReturn"/> (R-WO-9).</summary>
    public const string PartOutForRma = "a part of the order is out for return-for-repair (R-WO-9)";

    /// <summary>The loaner guard of <see cref="TicketTrigger.Close"/> (R-SP-5).</summary>
    public const string LoanersBack = "every loaner unit lent the customer has come back (R-SP-5)";

    /// <summary>The guard of <see cref="TicketTrigger.ReturnLoaner"/> (R-SP-5).</summary>
    public const string LoanerOut = "a loaner unit of the order is with the customer (R-SP-5)";

    /// <summary>The guard of <see cref="TicketTrigger.ReviewLegacyIssue"/> (R-WO-6).</summary>
    public const string IsLegacyIssue = "a clock of the order is breached or was met late: it is a legacy issue (遗留问题, R-WO-6)";

    /// <summary>The guard of restoring service or resolving on site where the contract asks for a data backup (R-WO-7).</summary>
    public const string DataBackedUpBeforeChanges = "the customer's data was backed up before changes on site, as the contract asks (R-WO-7)";

    /// <summary>The states a ticket can pause from to wait for the customer; Resume returns to them.</summary>
    public static IReadOnlyList<TicketState> PausableStates { get; } =
    [
        TicketState.Reported, TicketState.Acknowledged, TicketState.RemoteDiagnosis,
        TicketState.Dispatched, TicketState.OnSite, TicketState.EscalatedToVendor,
    ];


    /// <summary>
    /// The workflow as Stateless describes it (<see cref="StateMachine{TState, TTrigger}.GetInfo"/>):
    /// its states with their superstates and substates, and each state's transitions with their guard
    /// descriptions; the initial state is <see cref="TicketState.Reported"/>. A new snapshot per call.
    /// </summary>
    /// <returns>The description; guards of unguarded internal transitions are Stateless's own (described as <see cref="InvocationInfo.DefaultFunctionDescription"/>).</returns>
    public static StateMachineInfo GetInfo() => TicketMachine.GetInfo();

    /// <summary>The Markdown page <c>docs/ticket-workflow.md</c>: a short introduction and the Mermaid diagram of <see cref="GetInfo"/>.</summary>
    /// <returns>The page's text, with <c>\n</c> line ends.</returns>
    public static string ToMarkdown() =>
        "# The ticket workflow (工单流程)\n"
        + "\n"
        + "Generated from `AfterSales.WorkOrders.TicketWorkflow.GetInfo()` (Stateless's description of the\n"
        + "workflow) by the test `TicketWorkflowTests.DocsTicketWorkflow_MatchesTheWorkflow`; do not edit by\n"
        + "hand. To regenerate, run the tests with `AFTERSALES_REGENERATE_DOCS=1`.\n"
        + "\n"
        + "A work order (故障处理工作单) is reported, acknowledged (响应), diagnosed remotely first\n"
        + "(远程诊断, R-WO-2), then either resolved remotely or dispatched on site (派工, 到达现场),\n"
        + "restored (服务恢复运行), resolved (修复) and watched for an observation period (运行观察期,\n"
        + "R-WO-4) before it closes with the customer's signed service report and satisfaction rating\n"
        + "(R-WO-8). A recurrence during observation re-opens it into remote diagnosis as a new SLA\n"
        + "cycle. Waiting for the customer pauses the SLA clocks and resumes to the state it paused\n"
        + "from. `Open`, `Unrestored` and `Active` are superstates: a command drawn from one of them is\n"
        + "permitted in every state inside it. Closed and Cancelled are terminal. A legacy issue\n"
        + "(遗留问题, R-WO-6) is a derived flag (an SLA clock breached or met late), not a state.\n"
        + "Transitions are labelled with the command names of the HTTP routes (`POST /tickets/{id}/close`).\n"
        + "\n"
        + "```mermaid\n"
        + TicketWorkflowDiagram.ToMermaid(GetInfo())
        + "```\n";

    /// <summary>
    /// The transition table, configured on <paramref name="machine"/>. The guards and the resume
    /// destination read the facts of the ticket <paramref name="subject"/> is bound to, and the
    /// instant of the decision; the ticket records the facts itself when it applies the event, so the
    /// transitions carry no actions.
    /// </summary>
    internal static void Configure(StateMachine<TicketState, TicketTrigger> machine, TicketMachine subject)
    {
        machine.Configure(TicketState.Open)
            .InternalTransition(TicketTrigger.Reclassify, Nothing)
            .InternalTransition(TicketTrigger.DeliverRepairPlan, Nothing)
            .InternalTransition(TicketTrigger.ProvideLoaner, Nothing)
            .InternalTransition(TicketTrigger.SubmitQuote, Nothing)
            .InternalTransitionIf(TicketTrigger.AcceptQuote, _ => subject.Ticket.Quote is not null, Nothing, QuoteWasSubmitted)
            .InternalTransitionIf(TicketTrigger.ReplaceParts, _ => !subject.Ticket.IsBillable || subject.Ticket.Quote?.AcceptedBy is not null, Nothing, QuoteAcceptedBeforeParts)
            .InternalTransition(TicketTrigger.ReceiveCustomerMessage, Nothing)
            .InternalTransition(TicketTrigger.AnswerCustomer, Nothing)
            .InternalTransition(TicketTrigger.NegotiateDueDate, Nothing)
            .InternalTransition(TicketTrigger.ConfirmDataBackup, Nothing);
        ConfigureAfterCare(machine.Configure(TicketState.Open), subject);

        machine.Configure(TicketState.Unrestored)
            .SubstateOf(TicketState.Open)
            .Permit(TicketTrigger.Cancel, TicketState.Cancelled);

        machine.Configure(TicketState.Active)
            .SubstateOf(TicketState.Unrestored)
            .Permit(TicketTrigger.WaitForCustomer, TicketState.WaitingForCustomer)
            .PermitIf(TicketTrigger.Dispatch, TicketState.Dispatched, () => subject.Ticket.RemoteDiagnosisTried, RemoteDiagnosisFirst);

        machine.Configure(TicketState.Reported)
            .SubstateOf(TicketState.Active)
            .Permit(TicketTrigger.Acknowledge, TicketState.Acknowledged);

        machine.Configure(TicketState.Acknowledged)
            .SubstateOf(TicketState.Active)
            .Permit(TicketTrigger.StartRemoteDiagnosis, TicketState.RemoteDiagnosis);

        machine.Configure(TicketState.RemoteDiagnosis)
            .SubstateOf(TicketState.Active)
            .Permit(TicketTrigger.ResolveRemotely, TicketState.Resolved)
            .Permit(TicketTrigger.RestoreService, TicketState.ServiceRestored)
            .Permit(TicketTrigger.EscalateToVendor, TicketState.EscalatedToVendor);

        machine.Configure(TicketState.Dispatched)
            .SubstateOf(TicketState.Active)
            .Permit(TicketTrigger.ArriveOnSite, TicketState.OnSite);

        var backedUp = Tuple.Create<Func<bool>, string>(() => !subject.Ticket.DataBackupRequired || subject.Ticket.DataBackup is not null, DataBackedUpBeforeChanges);
        machine.Configure(TicketState.OnSite)
            .SubstateOf(TicketState.Active)
            .PermitIf(TicketTrigger.RestoreService, TicketState.ServiceRestored, backedUp)
            .PermitIf(TicketTrigger.Resolve, TicketState.Resolved, backedUp)
            .Permit(TicketTrigger.EscalateToVendor, TicketState.EscalatedToVendor);

        machine.Configure(TicketState.EscalatedToVendor)
            .SubstateOf(TicketState.Active)
            .Permit(TicketTrigger.RestoreService, TicketState.ServiceRestored)
            .Permit(TicketTrigger.Resolve, TicketState.Resolved);

        // One dynamic transition instead of a guarded one per origin: the destination is a fact of
        // the ticket, and the possible destinations are declared so GetInfo() and the diagram list them.
        var resumeDestinations = new DynamicStateInfos();
        foreach (var state in PausableStates)
        {
            resumeDestinations.Add(state.ToString(), $"paused from {state}");
        }

        machine.Configure(TicketState.WaitingForCustomer)
            .SubstateOf(TicketState.Unrestored)
            .PermitDynamic(TicketTrigger.Resume, () => subject.Ticket.PausedFrom!.Value, "the state the ticket paused from", resumeDestinations);

        machine.Configure(TicketState.ServiceRestored)
            .SubstateOf(TicketState.Open)
            .Permit(TicketTrigger.Resolve, TicketState.Resolved);

        ConfigureAfterCare(
            machine.Configure(TicketState.Resolved)
                .Permit(TicketTrigger.StartObservation, TicketState.Observation)
                .InternalTransitionIf(TicketTrigger.SignOff, _ => subject.Ticket.CustomerSignOff is null, Nothing, SignOffOncePerCycle),
            subject);

        ConfigureAfterCare(
            machine.Configure(TicketState.Observation)
                .InternalTransitionIf(TicketTrigger.SignOff, _ => subject.Ticket.CustomerSignOff is null, Nothing, SignOffOncePerCycle)
                .PermitIf(
                    TicketTrigger.Close,
                    TicketState.Closed,
                    Tuple.Create<Func<bool>, string>(() => subject.Ticket.CustomerSignOff is not null, CustomerSignedOff),
                    Tuple.Create<Func<bool>, string>(() => subject.Ticket.ObservationStartedAt is { } started && subject.At - started >= subject.Ticket.Policy.ObservationPeriod, ObservationElapsed),
                    Tuple.Create<Func<bool>, string>(() => !subject.Ticket.HasRmaOut, RmaPartsBack),
                    Tuple.Create<Func<bool>, string>(() => !subject.Ticket.HasLoanerOut, LoanersBack))
                .Permit(TicketTrigger.Reopen, TicketState.RemoteDiagnosis),
            subject);

        // Terminal: nothing is recorded after them.
        machine.Configure(TicketState.Closed);
        machine.Configure(TicketState.Cancelled);
    }

    /// <summary>What every state that is not finished records without moving: parts out for RMA and back (R-WO-9), loaners back (R-SP-5), legacy-issue reviews (R-WO-6).</summary>
    private static void ConfigureAfterCare(StateMachine<TicketState, TicketTrigger>.StateConfiguration state, TicketMachine subject) =>
        state
            .InternalTransition(TicketTrigger.SendForRma, Nothing)
            .InternalTransitionIf(TicketTrigger.ReceiveRmaReturn, _ => subject.Ticket.HasRmaOut, Nothing, PartOutForRma)
            .InternalTransitionIf(TicketTrigger.ReturnLoaner, _ => subject.Ticket.HasLoanerOut, Nothing, LoanerOut)
            .InternalTransitionIf(TicketTrigger.ReviewLegacyIssue, _ => subject.Ticket.IsLegacyIssue(subject.At), Nothing, IsLegacyIssue);

    // The ticket records the facts itself when it applies the event; the workflow only decides.
    private static void Nothing()
    {
    }
}
