using AfterSales.Workflow;

namespace AfterSales.WorkOrders;

/// <summary>
/// The work-order workflow (工单流程): which <see cref="TicketTrigger"/> each <see cref="TicketState"/>
/// accepts, under which guards. Built once per process and shared; immutable and thread-safe.
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
/// remote diagnosis was tried. Resume returns to the state the ticket paused from, one guarded
/// transition per origin.</para>
/// <para><see cref="TicketState.Closed"/> and <see cref="TicketState.Cancelled"/> are terminal:
/// nothing is recorded after them. A fault that recurs after closing is a new report for the same
/// device serial number, whose history is kept per device (R-WO-10).</para>
/// <para>A legacy issue (遗留问题, R-WO-6) is a derived flag (<see cref="Ticket.IsLegacyIssue"/>), not a state.</para>
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

    /// <summary>The states a ticket can pause from to wait for the customer; Resume returns to them.</summary>
    public static IReadOnlyList<TicketState> PausableStates { get; } =
    [
        TicketState.Reported, TicketState.Acknowledged, TicketState.RemoteDiagnosis,
        TicketState.Dispatched, TicketState.OnSite, TicketState.EscalatedToVendor,
    ];

    /// <summary>The workflow definition, built once; ask it with <c>Check</c>, <c>CanFire</c>, <c>GetPermittedTriggers</c>; export it with <c>ToMermaid</c>.</summary>
    public static StateMachineDefinition<TicketState, TicketTrigger, TicketWorkflowContext> Definition { get; } = Build();

    /// <summary>The Markdown page <c>docs/ticket-workflow.md</c>: a short introduction and the Mermaid diagram of <see cref="Definition"/>.</summary>
    /// <returns>The page's text, with <c>\n</c> line ends.</returns>
    public static string ToMarkdown() =>
        "# The ticket workflow (工单流程)\n"
        + "\n"
        + "Generated from `AfterSales.WorkOrders.TicketWorkflow.Definition` by the test\n"
        + "`TicketWorkflowTests.DocsTicketWorkflow_MatchesTheDefinition`; do not edit by hand. To regenerate,\n"
        + "run the tests with `AFTERSALES_REGENERATE_DOCS=1`.\n"
        + "\n"
        + "A work order (故障处理工作单) is reported, acknowledged (响应), diagnosed remotely first\n"
        + "(远程诊断, R-WO-2), then either resolved remotely or dispatched on site (派工, 到达现场),\n"
        + "restored (服务恢复运行), resolved (修复) and watched for an observation period (运行观察期,\n"
        + "R-WO-4) before it closes with the customer's signed service report and satisfaction rating\n"
        + "(R-WO-8). A recurrence during observation re-opens it into remote diagnosis as a new SLA\n"
        + "cycle. Waiting for the customer pauses the SLA clocks and resumes to the state it paused\n"
        + "from. `Open`, `Unrestored` and `Active` are superstates: a trigger drawn from one of them is\n"
        + "permitted in every state inside it. Closed and Cancelled are terminal. A legacy issue\n"
        + "(遗留问题, R-WO-6) is a derived flag (an SLA clock breached or met late), not a state.\n"
        + "\n"
        + "```mermaid\n"
        + Definition.ToMermaid()
        + "```\n";

    private static StateMachineDefinition<TicketState, TicketTrigger, TicketWorkflowContext> Build()
    {
        var b = new StateMachineBuilder<TicketState, TicketTrigger, TicketWorkflowContext>();

        b.Configure(TicketState.Open)
            .InternalTransition(TicketTrigger.Reclassify, Nothing)
            .InternalTransition(TicketTrigger.DeliverRepairPlan, Nothing)
            .InternalTransition(TicketTrigger.ProvideLoaner, Nothing)
            .InternalTransition(TicketTrigger.SubmitQuote, Nothing)
            .InternalTransitionIf(TicketTrigger.AcceptQuote, static c => c.QuoteSubmitted, QuoteWasSubmitted, Nothing)
            .InternalTransitionIf(TicketTrigger.ReplaceParts, static c => c.PartsMayBeReplaced, QuoteAcceptedBeforeParts, Nothing);

        b.Configure(TicketState.Unrestored)
            .SubstateOf(TicketState.Open)
            .Permit(TicketTrigger.Cancel, TicketState.Cancelled);

        b.Configure(TicketState.Active)
            .SubstateOf(TicketState.Unrestored)
            .Permit(TicketTrigger.WaitForCustomer, TicketState.WaitingForCustomer)
            .PermitIf(TicketTrigger.Dispatch, TicketState.Dispatched, static c => c.RemoteDiagnosisTried, RemoteDiagnosisFirst);

        b.Configure(TicketState.Reported)
            .SubstateOf(TicketState.Active)
            .Permit(TicketTrigger.Acknowledge, TicketState.Acknowledged);

        b.Configure(TicketState.Acknowledged)
            .SubstateOf(TicketState.Active)
            .Permit(TicketTrigger.StartRemoteDiagnosis, TicketState.RemoteDiagnosis);

        b.Configure(TicketState.RemoteDiagnosis)
            .SubstateOf(TicketState.Active)
            .Permit(TicketTrigger.ResolveRemotely, TicketState.Resolved)
            .Permit(TicketTrigger.RestoreService, TicketState.ServiceRestored)
            .Permit(TicketTrigger.EscalateToVendor, TicketState.EscalatedToVendor);

        b.Configure(TicketState.Dispatched)
            .SubstateOf(TicketState.Active)
            .Permit(TicketTrigger.ArriveOnSite, TicketState.OnSite);

        b.Configure(TicketState.OnSite)
            .SubstateOf(TicketState.Active)
            .Permit(TicketTrigger.RestoreService, TicketState.ServiceRestored)
            .Permit(TicketTrigger.Resolve, TicketState.Resolved)
            .Permit(TicketTrigger.EscalateToVendor, TicketState.EscalatedToVendor);

        b.Configure(TicketState.EscalatedToVendor)
            .SubstateOf(TicketState.Active)
            .Permit(TicketTrigger.RestoreService, TicketState.ServiceRestored)
            .Permit(TicketTrigger.Resolve, TicketState.Resolved);

        var waiting = b.Configure(TicketState.WaitingForCustomer).SubstateOf(TicketState.Unrestored);
        waiting.PermitIf(TicketTrigger.Resume, TicketState.Reported, static c => c.PausedFrom == TicketState.Reported, "paused from Reported");
        waiting.PermitIf(TicketTrigger.Resume, TicketState.Acknowledged, static c => c.PausedFrom == TicketState.Acknowledged, "paused from Acknowledged");
        waiting.PermitIf(TicketTrigger.Resume, TicketState.RemoteDiagnosis, static c => c.PausedFrom == TicketState.RemoteDiagnosis, "paused from RemoteDiagnosis");
        waiting.PermitIf(TicketTrigger.Resume, TicketState.Dispatched, static c => c.PausedFrom == TicketState.Dispatched, "paused from Dispatched");
        waiting.PermitIf(TicketTrigger.Resume, TicketState.OnSite, static c => c.PausedFrom == TicketState.OnSite, "paused from OnSite");
        waiting.PermitIf(TicketTrigger.Resume, TicketState.EscalatedToVendor, static c => c.PausedFrom == TicketState.EscalatedToVendor, "paused from EscalatedToVendor");

        b.Configure(TicketState.ServiceRestored)
            .SubstateOf(TicketState.Open)
            .Permit(TicketTrigger.Resolve, TicketState.Resolved);

        b.Configure(TicketState.Resolved)
            .Permit(TicketTrigger.StartObservation, TicketState.Observation)
            .InternalTransition(TicketTrigger.SignOff, Nothing);

        b.Configure(TicketState.Observation)
            .InternalTransition(TicketTrigger.SignOff, Nothing)
            .PermitIf(
                TicketTrigger.Close,
                TicketState.Closed,
                new GuardCondition<TicketWorkflowContext>(static c => c.SignedOff, CustomerSignedOff),
                new GuardCondition<TicketWorkflowContext>(static c => c.ObservationElapsed, ObservationElapsed))
            .Permit(TicketTrigger.Reopen, TicketState.RemoteDiagnosis);

        b.Configure(TicketState.Closed);
        b.Configure(TicketState.Cancelled);

        return b.Build(TicketState.Reported, TicketState.Closed, TicketState.Cancelled);
    }

    // The aggregate records the facts itself (from its events); the engine only decides.
    private static void Nothing(TicketWorkflowContext context, Transition<TicketState, TicketTrigger> transition)
    {
    }
}
