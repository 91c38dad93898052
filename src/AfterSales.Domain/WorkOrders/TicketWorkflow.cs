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

    private static readonly TicketGuard QuoteSubmitted = new(QuoteWasSubmitted, static (t, _) => t.Quote is not null);
    private static readonly TicketGuard QuoteAccepted = new(QuoteAcceptedBeforeParts, static (t, _) => !t.IsBillable || t.Quote?.AcceptedBy is not null);
    private static readonly TicketGuard RemoteFirst = new(RemoteDiagnosisFirst, static (t, _) => t.RemoteDiagnosisTried);
    private static readonly TicketGuard BackedUp = new(DataBackedUpBeforeChanges, static (t, _) => !t.DataBackupRequired || t.DataBackup is not null);
    private static readonly TicketGuard NotYetSignedOff = new(SignOffOncePerCycle, static (t, _) => t.CustomerSignOff is null);
    private static readonly TicketGuard SignedOff = new(CustomerSignedOff, static (t, _) => t.CustomerSignOff is not null);
    private static readonly TicketGuard Observed = new(ObservationElapsed, static (t, at) => t.ObservationStartedAt is { } started && at - started >= t.Policy.ObservationPeriod);
    private static readonly TicketGuard RmasBack = new(RmaPartsBack, static (t, _) => !t.HasRmaOut);
    private static readonly TicketGuard LoanersReturned = new(LoanersBack, static (t, _) => !t.HasLoanerOut);
    private static readonly TicketGuard RmaOut = new(PartOutForRma, static (t, _) => t.HasRmaOut);
    private static readonly TicketGuard LoanerWithCustomer = new(LoanerOut, static (t, _) => t.HasLoanerOut);
    private static readonly TicketGuard Legacy = new(IsLegacyIssue, static (t, at) => t.IsLegacyIssue(at));

    /// <summary>
    /// Every guard of the workflow. The transitions take their guards from here only, so which commands
    /// a ticket permits follows from its state and these guards' outcomes alone; <see cref="TicketMachine"/>
    /// relies on that to ask Stateless once per combination instead of on every read.
    /// </summary>
    /// <remarks>Declared after the guards it lists: static fields are initialised in the order they are written.</remarks>
    internal static readonly IReadOnlyList<TicketGuard> Guards =
        [QuoteSubmitted, QuoteAccepted, RemoteFirst, BackedUp, NotYetSignedOff, SignedOff, Observed, RmasBack, LoanersReturned, RmaOut, LoanerWithCustomer, Legacy];

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
            .InternalTransitionIf(TicketTrigger.AcceptQuote, Args(QuoteSubmitted, subject), Nothing, QuoteSubmitted.Description)
            .InternalTransitionIf(TicketTrigger.ReplaceParts, Args(QuoteAccepted, subject), Nothing, QuoteAccepted.Description)
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
            .PermitIf(TicketTrigger.Dispatch, TicketState.Dispatched, When(RemoteFirst, subject), RemoteFirst.Description);

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

        var backedUp = Guarded(BackedUp, subject);
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
                .InternalTransitionIf(TicketTrigger.SignOff, Args(NotYetSignedOff, subject), Nothing, NotYetSignedOff.Description),
            subject);

        ConfigureAfterCare(
            machine.Configure(TicketState.Observation)
                .InternalTransitionIf(TicketTrigger.SignOff, Args(NotYetSignedOff, subject), Nothing, NotYetSignedOff.Description)
                .PermitIf(
                    TicketTrigger.Close,
                    TicketState.Closed,
                    Guarded(SignedOff, subject),
                    Guarded(Observed, subject),
                    Guarded(RmasBack, subject),
                    Guarded(LoanersReturned, subject))
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
            .InternalTransitionIf(TicketTrigger.ReceiveRmaReturn, Args(RmaOut, subject), Nothing, RmaOut.Description)
            .InternalTransitionIf(TicketTrigger.ReturnLoaner, Args(LoanerWithCustomer, subject), Nothing, LoanerWithCustomer.Description)
            .InternalTransitionIf(TicketTrigger.ReviewLegacyIssue, Args(Legacy, subject), Nothing, Legacy.Description);

    // A guard as Stateless takes it: on the ticket the machine is bound to, at the instant of the decision.
    private static Func<bool> When(TicketGuard guard, TicketMachine subject) => () => guard.Holds(subject.Ticket, subject.At);

    private static Func<object[], bool> Args(TicketGuard guard, TicketMachine subject) => _ => guard.Holds(subject.Ticket, subject.At);

    private static Tuple<Func<bool>, string> Guarded(TicketGuard guard, TicketMachine subject) => Tuple.Create(When(guard, subject), guard.Description);

    // The ticket records the facts itself when it applies the event; the workflow only decides.
    private static void Nothing()
    {
    }
}
