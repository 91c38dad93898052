using AfterSales.Http.Contracts;
using AfterSales.Http.Internal;
using AfterSales.Http.Tenancy;
using AfterSales.WorkOrders;
using Microsoft.AspNetCore.Http;

namespace AfterSales.Http.Endpoints;

/// <summary>
/// The workflow commands as routes: one <c>POST /tickets/{id}/{command}</c> per <see cref="TicketTrigger"/>,
/// named by the domain (<see cref="TicketTriggerExtensions.ToCommandName"/>) so routes, permitted
/// commands and refusals use the same names. Every body may carry <c>occurredAt</c> (a back-dated fact);
/// commands without other fields take it as an optional body.
/// </summary>
internal static class TicketCommands
{
    /// <summary>
    /// One command route: its body type, summary, and how the request becomes an action on the ticket —
    /// or, for a command that reads other aggregates first (a quote from the price list), how it runs.
    /// </summary>
    public sealed record Command(
        string Route, TicketTrigger Trigger, Type Body, bool BodyOptional, string Summary, Func<HttpContext, long, Task<Input>> Build,
        Func<HttpContext, TicketService, TicketId, int?, long, Task<Ticket>>? Run = null);

    /// <summary>What a request asks for: the action on the ticket, and when the fact happened when back-dated.</summary>
    public sealed record Input(Action<Ticket> Action, Instant? OccurredAt);

    public static IReadOnlyList<Command> All { get; } =
    [
        Simple(TicketTrigger.Acknowledge, "Give the first response (响应).", static t => t.Acknowledge()),
        Simple(TicketTrigger.StartRemoteDiagnosis, "Start remote diagnosis (远程诊断).", static t => t.StartRemoteDiagnosis()),
        With<ResolutionRequest>(TicketTrigger.ResolveRemotely, "Fix it remotely (远程解决); the repair counts against the device (R-WAR-6).",
            static (t, r) => t.ResolveRemotely(r.Resolution, r.RepairedPartNumber, r.Unfixable)),
        new(TicketTrigger.Dispatch.ToCommandName(), TicketTrigger.Dispatch, typeof(DispatchRequest), false,
            "Send an engineer (派工, R-ORG-1). Once the tenant keeps engineers, the engineer must be one of them (else 400) and on duty at the dispatch instant by "
            + "their centre's duty rota (else 409, R-ORG-2) — unless override.reason says why; the Dispatched event keeps the reason and who decided.",
            static (_, _) => throw new InvalidOperationException("dispatch runs, it builds no action."),
            static async (http, service, id, expected, limit) =>
            {
                var r = (await RequestBody.ReadAsync<DispatchRequest>(http, limit).ConfigureAwait(false))!;
                return await service.DispatchAsync(http.Tenant(), id, r.Engineer, r.Override is null ? null : r.Override.Reason ?? string.Empty, expected, r.OccurredAt, http.RequestAborted).ConfigureAwait(false);
            }),
        Simple(TicketTrigger.ArriveOnSite, "The engineer arrived on site (到达现场).", static t => t.ArriveOnSite()),
        With<ReasonRequest>(TicketTrigger.EscalateToVendor, "Ask the manufacturer for support (申请支援).", static (t, r) => t.EscalateToVendor(r.Reason)),
        Simple(TicketTrigger.RestoreService, "Service runs again (服务恢复运行); on site, after the data backup where the contract asks (R-WO-7).", static t => t.RestoreService()),
        With<ResolutionRequest>(TicketTrigger.Resolve, "Fully repaired (修复); on site, after the data backup where the contract asks (R-WO-7). The repair counts against the device: "
            + "a resolve that crosses its contract's repair-count rule records ReplacementObligationRaised (R-WAR-6).",
            static (t, r) => t.Resolve(r.Resolution, r.RepairedPartNumber, r.Unfixable)),
        Simple(TicketTrigger.StartObservation, "Start the observation period (运行观察期).", static t => t.StartObservation()),
        With<SignOffRequest>(TicketTrigger.SignOff, "The customer signs the service report (客户签字确认), once per cycle (R-WO-8): a second sign-off is refused with 409.", static (t, r) => t.SignOff(r.Signer, r.Satisfaction, r.Comment)),
        Simple(TicketTrigger.Close, "Close the order (关闭工单): signed off, observation elapsed, every RMA part and loaner back (R-WO-8, R-WO-4, R-WO-9, R-SP-5).", static t => t.Close()),
        With<ReasonRequest>(TicketTrigger.Reopen, "The fault recurred (故障复发).", static (t, r) => t.Reopen(r.Reason)),
        With<WaitRequest>(TicketTrigger.WaitForCustomer, "Pause to wait for the customer (等待客户), or for another of the policy's pause reasons (pauseReason: customer-site-access, manufacturer-parts, customer-requested-delay …).", static (t, r) =>
        {
            if (r.PauseReason is { } code)
            {
                t.Pause(code, r.Reason);
            }
            else
            {
                t.WaitForCustomer(r.Reason);
            }
        }),
        Simple(TicketTrigger.Resume, "Resume after waiting (恢复处理).", static t => t.Resume()),
        With<ReclassifyRequest>(TicketTrigger.Reclassify, "Change the severity (重新定级).", static (t, r) => t.Reclassify(r.SeverityCode, r.Reason)),
        With<NoteRequest>(TicketTrigger.DeliverRepairPlan, "Record a repair plan (作出修复方案).", static (t, r) => t.DeliverRepairPlan(r?.Note), optional: true),
        new(TicketTrigger.ProvideLoaner.ToCommandName(), TicketTrigger.ProvideLoaner, typeof(ProvideLoanerRequest), true,
            "Record a loaner (提供备机, R-SP-5); meets the loaner clock. Name the unit (unitSerialNumber, partNumber, grade) and the order tracks it until return-loaner and cannot close before; "
            + "a grade below the device's is refused. With centreId (and issuedBy) the unit comes from that centre's pool: its stock moves with the ticket, in one transaction.",
            static (_, _) => throw new InvalidOperationException("provide-loaner runs, it builds no action."),
            static (http, service, id, expected, limit) => LoanerCommands.ProvideAsync(http, service, id, expected, limit)),
        With<ReasonRequest>(TicketTrigger.Cancel, "Cancel a duplicate or invalid report (撤销).", static (t, r) => t.Cancel(r.Reason)),
        new(TicketTrigger.SubmitQuote.ToCommandName(), TicketTrigger.SubmitQuote, typeof(QuoteRequest), false,
            "Quote paid work from the tenant's tendered price list and submit it (报价, R-WAR-8): a part above its tendered price is refused with the line and the cap; the total is computed. Same as POST /tickets/{id}/quotes.",
            static (_, _) => throw new InvalidOperationException("submit-quote runs, it builds no action."),
            static (http, service, id, expected, limit) => Quotes.SubmitAsync(http, service, id, expected, limit)),
        With<AcceptQuoteRequest>(TicketTrigger.AcceptQuote, "The customer accepts the current quote, by id (客户确认报价, R-WO-7).", static (t, r) => t.AcceptQuote(r.QuoteId, r.AcceptedBy)),
        With<ReplacePartsRequest>(TicketTrigger.ReplaceParts, "Record a replaced part, signed for by the customer (更换部件); on paid work only a part of the accepted quote, up to its quantity (R-WO-7).", static (t, r) => t.ReplaceParts(new TicketPartsExchange
        {
            OldPartNumber = r.OldPartNumber,
            OldSerialNumber = r.OldSerialNumber,
            NewPartNumber = r.NewPartNumber,
            NewSerialNumber = r.NewSerialNumber,
            SignedBy = r.SignedBy,
            QuoteId = r.QuoteId,
        })),
        With<NoteRequest>(TicketTrigger.ReceiveCustomerMessage, "Record a customer message that asks for an answer (客户来信); starts a next-response clock.", static (t, r) => t.ReceiveCustomerMessage(r?.Note), optional: true),
        With<NoteRequest>(TicketTrigger.AnswerCustomer, "Record an agent's answer to the customer (坐席答复); stops the next-response clock.", static (t, r) => t.AnswerCustomer(r?.Note), optional: true),
        With<NegotiateDueDateRequest>(TicketTrigger.NegotiateDueDate, "Set a target's due instant as agreed with the customer (协商时限, R-SLA-3).", static (t, r) => t.NegotiateDueDate(r.Metric, r.DueAt, r.Reason, r.NegotiatedBy)),
        With<SendForRmaRequest>(TicketTrigger.SendForRma, "Send a faulty part to the manufacturer for repair (坏件返修, RMA, R-WO-9); the order cannot close until it is back.",
            static (t, r) => t.SendForRma(r.RmaNumber, r.PartNumber, r.SerialNumber, r.Note)),
        With<ReceiveRmaReturnRequest>(TicketTrigger.ReceiveRmaReturn, "A part sent for RMA came back (返修件返回, R-WO-9).",
            static (t, r) => t.ReceiveRmaReturn(r.RmaNumber, Parse.Enum<RmaOutcome>(r.Outcome, "outcome"), r.Note)),
        With<ReviewLegacyIssueRequest>(TicketTrigger.ReviewLegacyIssue, "Review a legacy issue (遗留问题复核, R-WO-6): only while a clock is breached or was met late.",
            static (t, r) => t.ReviewLegacyIssue(r.Reviewer, r.Note)),
        With<ConfirmDataBackupRequest>(TicketTrigger.ConfirmDataBackup, "Confirm the customer's data was backed up before on-site changes (数据备份确认, R-WO-7).",
            static (t, r) => t.ConfirmDataBackup(r.ConfirmedBy, r.Note)),
        new(TicketTrigger.ReturnLoaner.ToCommandName(), TicketTrigger.ReturnLoaner, typeof(ReturnLoanerRequest), false,
            "A loaner unit came back from the customer (备机归还, R-SP-5); a unit of a centre's pool goes back into its stock (receivedBy), in the same transaction.",
            static (_, _) => throw new InvalidOperationException("return-loaner runs, it builds no action."),
            static (http, service, id, expected, limit) => LoanerCommands.ReturnAsync(http, service, id, expected, limit)),
    ];

    private static Command Simple(TicketTrigger trigger, string summary, Action<Ticket> action) =>
        With<CommandRequest>(trigger, summary, (t, _) => action(t), optional: true);

    private static Command With<T>(TicketTrigger trigger, string summary, Action<Ticket, T> action, bool optional = false)
        where T : class, ICommandRequest =>
        new(trigger.ToCommandName(), trigger, typeof(T), optional, summary, async (http, limit) =>
        {
            var body = await RequestBody.ReadAsync<T>(http, limit, optional).ConfigureAwait(false);
            return new Input(t => action(t, body!), body?.OccurredAt);
        });
}
