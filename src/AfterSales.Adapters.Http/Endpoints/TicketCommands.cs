using AfterSales.Http.Contracts;
using AfterSales.Http.Internal;
using AfterSales.WorkOrders;
using Microsoft.AspNetCore.Http;

namespace AfterSales.Http.Endpoints;

/// <summary>The workflow commands as routes: one <c>POST /tickets/{id}/{route}</c> per <see cref="TicketTrigger"/>.</summary>
internal static class TicketCommands
{
    public sealed record Command(string Route, TicketTrigger Trigger, Type? Body, bool BodyOptional, string Summary, Func<HttpContext, long, Task<Action<Ticket>>> Build);

    public static IReadOnlyList<Command> All { get; } =
    [
        Simple("acknowledge", TicketTrigger.Acknowledge, "Give the first response (响应).", static t => t.Acknowledge()),
        Simple("start-remote-diagnosis", TicketTrigger.StartRemoteDiagnosis, "Start remote diagnosis (远程诊断).", static t => t.StartRemoteDiagnosis()),
        With<ResolutionRequest>("resolve-remotely", TicketTrigger.ResolveRemotely, "Fix it remotely (远程解决).", static (t, r) => t.ResolveRemotely(r.Resolution)),
        With<DispatchRequest>("dispatch", TicketTrigger.Dispatch, "Send an engineer (派工).", static (t, r) => t.Dispatch(r.Engineer)),
        Simple("arrive-on-site", TicketTrigger.ArriveOnSite, "The engineer arrived on site (到达现场).", static t => t.ArriveOnSite()),
        With<ReasonRequest>("escalate-to-vendor", TicketTrigger.EscalateToVendor, "Ask the manufacturer for support (申请支援).", static (t, r) => t.EscalateToVendor(r.Reason)),
        Simple("restore-service", TicketTrigger.RestoreService, "Service runs again (服务恢复运行).", static t => t.RestoreService()),
        With<ResolutionRequest>("resolve", TicketTrigger.Resolve, "Fully repaired (修复).", static (t, r) => t.Resolve(r.Resolution)),
        Simple("start-observation", TicketTrigger.StartObservation, "Start the observation period (运行观察期).", static t => t.StartObservation()),
        With<SignOffRequest>("sign-off", TicketTrigger.SignOff, "The customer signs the service report (客户签字确认).", static (t, r) => t.SignOff(r.Signer, r.Satisfaction, r.Comment)),
        Simple("close", TicketTrigger.Close, "Close the order (关闭工单).", static t => t.Close()),
        With<ReasonRequest>("reopen", TicketTrigger.Reopen, "The fault recurred (故障复发).", static (t, r) => t.Reopen(r.Reason)),
        With<ReasonRequest>("wait-for-customer", TicketTrigger.WaitForCustomer, "Pause to wait for the customer (等待客户).", static (t, r) => t.WaitForCustomer(r.Reason)),
        Simple("resume", TicketTrigger.Resume, "Resume after waiting (恢复处理).", static t => t.Resume()),
        With<ReclassifyRequest>("reclassify", TicketTrigger.Reclassify, "Change the severity (重新定级).", static (t, r) => t.Reclassify(r.SeverityCode, r.Reason)),
        With<NoteRequest>("deliver-repair-plan", TicketTrigger.DeliverRepairPlan, "Record a repair plan (作出修复方案).", static (t, r) => t.DeliverRepairPlan(r?.Note), optional: true),
        With<NoteRequest>("provide-loaner", TicketTrigger.ProvideLoaner, "Record a loaner (提供备机).", static (t, r) => t.ProvideLoaner(r?.Note), optional: true),
        With<ReasonRequest>("cancel", TicketTrigger.Cancel, "Cancel a duplicate or invalid report (撤销).", static (t, r) => t.Cancel(r.Reason)),
        With<SubmitQuoteRequest>("submit-quote", TicketTrigger.SubmitQuote, "Submit a quote for paid work (报价).", static (t, r) => t.SubmitQuote(r.QuoteId, r.Total, r.Currency ?? "CNY")),
        With<AcceptQuoteRequest>("accept-quote", TicketTrigger.AcceptQuote, "The customer accepts the quote (客户确认报价).", static (t, r) => t.AcceptQuote(r.AcceptedBy)),
        With<ReplacePartsRequest>("replace-parts", TicketTrigger.ReplaceParts, "Record a replaced part, signed for by the customer (更换部件).", static (t, r) => t.ReplaceParts(new TicketPartsExchange
        {
            OldPartNumber = r.OldPartNumber,
            OldSerialNumber = r.OldSerialNumber,
            NewPartNumber = r.NewPartNumber,
            NewSerialNumber = r.NewSerialNumber,
            SignedBy = r.SignedBy,
        })),
    ];

    private static readonly Dictionary<TicketTrigger, string> Routes = All.ToDictionary(static c => c.Trigger, static c => c.Route);

    /// <summary>The route of <paramref name="trigger"/>; a trigger without a command here (a newer domain) gets its kebab-case name.</summary>
    public static string RouteOf(TicketTrigger trigger) =>
        Routes.TryGetValue(trigger, out var route) ? route : string.Concat(trigger.ToString().Select(static (c, i) => char.IsUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));

    private static Command Simple(string route, TicketTrigger trigger, string summary, Action<Ticket> action) =>
        new(route, trigger, null, false, summary, (_, _) => Task.FromResult(action));

    private static Command With<T>(string route, TicketTrigger trigger, string summary, Action<Ticket, T> action, bool optional = false)
        where T : class =>
        new(route, trigger, typeof(T), optional, summary, async (http, limit) =>
        {
            var body = await RequestBody.ReadAsync<T>(http, limit, optional).ConfigureAwait(false);
            return t => action(t, body!);
        });
}
