using AfterSales.Http.Contracts;
using AfterSales.Http.Internal;
using AfterSales.WorkOrders;
using Microsoft.AspNetCore.Http;

namespace AfterSales.Http.Endpoints;

/// <summary>
/// The workflow commands as routes: one <c>POST /tickets/{id}/{command}</c> per <see cref="TicketTrigger"/>,
/// named by the domain (<see cref="TicketTriggerExtensions.ToCommandName"/>) so routes, permitted
/// commands and refusals use the same names.
/// </summary>
internal static class TicketCommands
{
    public sealed record Command(string Route, TicketTrigger Trigger, Type? Body, bool BodyOptional, string Summary, Func<HttpContext, long, Task<Action<Ticket>>> Build);

    public static IReadOnlyList<Command> All { get; } =
    [
        Simple(TicketTrigger.Acknowledge, "Give the first response (响应).", static t => t.Acknowledge()),
        Simple(TicketTrigger.StartRemoteDiagnosis, "Start remote diagnosis (远程诊断).", static t => t.StartRemoteDiagnosis()),
        With<ResolutionRequest>(TicketTrigger.ResolveRemotely, "Fix it remotely (远程解决).", static (t, r) => t.ResolveRemotely(r.Resolution)),
        With<DispatchRequest>(TicketTrigger.Dispatch, "Send an engineer (派工).", static (t, r) => t.Dispatch(r.Engineer)),
        Simple(TicketTrigger.ArriveOnSite, "The engineer arrived on site (到达现场).", static t => t.ArriveOnSite()),
        With<ReasonRequest>(TicketTrigger.EscalateToVendor, "Ask the manufacturer for support (申请支援).", static (t, r) => t.EscalateToVendor(r.Reason)),
        Simple(TicketTrigger.RestoreService, "Service runs again (服务恢复运行).", static t => t.RestoreService()),
        With<ResolutionRequest>(TicketTrigger.Resolve, "Fully repaired (修复).", static (t, r) => t.Resolve(r.Resolution)),
        Simple(TicketTrigger.StartObservation, "Start the observation period (运行观察期).", static t => t.StartObservation()),
        With<SignOffRequest>(TicketTrigger.SignOff, "The customer signs the service report (客户签字确认).", static (t, r) => t.SignOff(r.Signer, r.Satisfaction, r.Comment)),
        Simple(TicketTrigger.Close, "Close the order (关闭工单).", static t => t.Close()),
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
        With<NoteRequest>(TicketTrigger.ProvideLoaner, "Record a loaner (提供备机).", static (t, r) => t.ProvideLoaner(r?.Note), optional: true),
        With<ReasonRequest>(TicketTrigger.Cancel, "Cancel a duplicate or invalid report (撤销).", static (t, r) => t.Cancel(r.Reason)),
        With<SubmitQuoteRequest>(TicketTrigger.SubmitQuote, "Submit a quote for paid work (报价).", static (t, r) => t.SubmitQuote(r.QuoteId, r.Total, r.Currency ?? "CNY")),
        With<AcceptQuoteRequest>(TicketTrigger.AcceptQuote, "The customer accepts the quote (客户确认报价).", static (t, r) => t.AcceptQuote(r.AcceptedBy)),
        With<ReplacePartsRequest>(TicketTrigger.ReplaceParts, "Record a replaced part, signed for by the customer (更换部件).", static (t, r) => t.ReplaceParts(new TicketPartsExchange
        {
            OldPartNumber = r.OldPartNumber,
            OldSerialNumber = r.OldSerialNumber,
            NewPartNumber = r.NewPartNumber,
            NewSerialNumber = r.NewSerialNumber,
            SignedBy = r.SignedBy,
        })),
        With<NoteRequest>(TicketTrigger.ReceiveCustomerMessage, "Record a customer message that asks for an answer (客户来信); starts a next-response clock.", static (t, r) => t.ReceiveCustomerMessage(r?.Note), optional: true),
        With<NoteRequest>(TicketTrigger.AnswerCustomer, "Record an agent's answer to the customer (坐席答复); stops the next-response clock.", static (t, r) => t.AnswerCustomer(r?.Note), optional: true),
        With<NegotiateDueDateRequest>(TicketTrigger.NegotiateDueDate, "Set a target's due instant as agreed with the customer (协商时限, R-SLA-3).", static (t, r) => t.NegotiateDueDate(r.Metric, r.DueAt, r.Reason, r.NegotiatedBy)),
    ];

    private static Command Simple(TicketTrigger trigger, string summary, Action<Ticket> action) =>
        new(trigger.ToCommandName(), trigger, null, false, summary, (_, _) => Task.FromResult(action));

    private static Command With<T>(TicketTrigger trigger, string summary, Action<Ticket, T> action, bool optional = false)
        where T : class =>
        new(trigger.ToCommandName(), trigger, typeof(T), optional, summary, async (http, limit) =>
        {
            var body = await RequestBody.ReadAsync<T>(http, limit, optional).ConfigureAwait(false);
            return t => action(t, body!);
        });
}
