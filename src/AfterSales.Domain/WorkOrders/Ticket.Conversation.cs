using AfterSales.Internal;
using AfterSales.Sla;

namespace AfterSales.WorkOrders;

/// <content>
/// Issue 17 §3–§4 on the work order: the conversation with the customer as facts (a message that asks
/// for an answer, an agent's answer — the next-response clock runs between them), pauses with a typed
/// reason, and due dates agreed with the customer. None changes the state: the workflow permits them
/// as internal transitions while the order is open.
/// </content>
public sealed partial class Ticket
{
    /// <summary>Records a message from the customer that asks for an answer (客户来信): a <see cref="SlaMetric.NextResponse"/> clock starts unless one is already waiting.</summary>
    /// <param name="note">What the customer asked, optionally.</param>
    /// <exception cref="InvalidTransitionException">The order is resolved, closed or cancelled.</exception>
    public void ReceiveCustomerMessage(string? note = null) => Record(TicketEventKind.CustomerMessageReceived, note: note);

    /// <summary>Records an agent's answer to the customer (坐席答复): the waiting <see cref="SlaMetric.NextResponse"/> clock stops.</summary>
    /// <param name="note">What was answered, optionally.</param>
    /// <exception cref="InvalidTransitionException">The order is resolved, closed or cancelled.</exception>
    public void AnswerCustomer(string? note = null) => Record(TicketEventKind.CustomerAnswered, note: note);

    /// <summary>
    /// Pauses for <paramref name="pauseReason"/> (暂停): the targets that pause for it (<see cref="SlaTarget.PausesFor"/>)
    /// stop counting; <see cref="Resume"/> ends it. <see cref="WaitForCustomer"/> is this with <see cref="PauseReason.WaitingForCustomer"/>.
    /// </summary>
    /// <param name="pauseReason">Why, one of the policy's <see cref="SlaPolicy.PauseReasons"/>.</param>
    /// <param name="reason">Why, in words (what the customer must do, which parts …).</param>
    /// <exception cref="ArgumentException">The reason is not the policy's, or <paramref name="reason"/> is blank.</exception>
    /// <exception cref="InvalidTransitionException">Not actively handled (or already paused).</exception>
    public void Pause(PauseReason pauseReason, string reason)
    {
        Guard.NotNull(pauseReason);
        Pause(pauseReason.Code, reason);
    }

    /// <summary>Pauses for the policy's pause reason of code <paramref name="pauseReason"/>; see <see cref="Pause(PauseReason, string)"/>.</summary>
    /// <param name="pauseReason">The code of one of the policy's <see cref="SlaPolicy.PauseReasons"/>, e.g. <c>manufacturer-parts</c>.</param>
    /// <param name="reason">Why, in words.</param>
    /// <exception cref="ArgumentException">The code is not the policy's, or <paramref name="reason"/> is blank.</exception>
    /// <exception cref="InvalidTransitionException">Not actively handled (or already paused).</exception>
    public void Pause(string pauseReason, string reason)
    {
        Guard.NotBlank(pauseReason);
        Guard.NotBlank(reason);
        var known = Policy.FindPauseReason(pauseReason)
            ?? throw new ArgumentException(
                $"pauseReason '{pauseReason}' is not a pause reason of policy {Policy.Key}; known: {string.Join(", ", Policy.PauseReasons.Select(static r => r.Code))}.",
                nameof(pauseReason));
        Record(TicketEventKind.WaitingForCustomer, reason: reason, pauseReasonCode: known.Equals(PauseReason.WaitingForCustomer) ? null : known.Code);
    }

    /// <summary>
    /// Sets the due instant of <paramref name="metric"/>'s clock in the current cycle as agreed with the
    /// customer (协商时限, R-SLA-3: class D is planned by negotiation; any target may be moved by
    /// agreement). The clock explains it ("due … as agreed with the customer on …"); a later agreement
    /// replaces an earlier one.
    /// </summary>
    /// <param name="metric">A metric the policy has a target for; not a recurring one.</param>
    /// <param name="dueAt">The agreed due instant: after now, and — unless the policy allows earlier dates
    /// (<see cref="SlaPolicy.NegotiatedDueDates"/>) — not before the policy's own deadline.</param>
    /// <param name="reason">Why, in words.</param>
    /// <param name="negotiatedBy">Who agreed it (the actor).</param>
    /// <exception cref="ArgumentException">Blank text; a metric the policy has no running clock for (none applies, not started,
    /// already stopped, or recurring); a due instant not after now or earlier than the policy allows. The parameter name says which.</exception>
    /// <exception cref="InvalidTransitionException">The order is resolved, closed or cancelled.</exception>
    public void NegotiateDueDate(SlaMetric metric, Instant dueAt, string reason, string negotiatedBy)
    {
        Guard.NotNull(metric);
        NegotiateDueDate(metric.Code, dueAt, reason, negotiatedBy);
    }

    /// <summary>Sets the due instant of the clock of the policy's metric of code <paramref name="metric"/>; see <see cref="NegotiateDueDate(SlaMetric, Instant, string, string)"/>.</summary>
    /// <param name="metric">The metric's code, e.g. <c>resolved</c>.</param>
    /// <param name="dueAt">The agreed due instant.</param>
    /// <param name="reason">Why, in words.</param>
    /// <param name="negotiatedBy">Who agreed it (the actor).</param>
    /// <exception cref="ArgumentException">As for the other overload; also a code that is not the policy's.</exception>
    /// <exception cref="InvalidTransitionException">The order is resolved, closed or cancelled.</exception>
    public void NegotiateDueDate(string metric, Instant dueAt, string reason, string negotiatedBy)
    {
        Guard.NotBlank(metric);
        Guard.NotBlank(reason);
        Guard.NotBlank(negotiatedBy);
        var now = backdatedTo ?? Now();
        TicketMachine.EnsurePermitted(this, TicketTrigger.NegotiateDueDate, now);
        var known = NegotiableMetric(metric, nameof(metric));
        if (dueAt <= now)
        {
            throw new ArgumentException($"dueAt ({dueAt}) must be after now ({now}).", nameof(dueAt));
        }

        var clock = Clocks(now).LastOrDefault(c => c.Metric.Equals(known) && c.Occurrence is null)
            ?? throw new ArgumentException($"metric '{known.Code}': no target of policy {Policy.Key} applies to this work order.", nameof(metric));
        if ((clock.StartedAt is null && clock.Target.Amount.Unit != SlaAmountUnit.ByAgreement) || clock.StoppedAt is not null)
        {
            throw new ArgumentException(
                $"metric '{known.Code}': its clock {(clock.StartedAt is null ? "has not started" : "has already stopped")}; only a running clock's due date can be agreed.",
                nameof(metric));
        }

        if (Policy.NegotiatedDueDates == NegotiatedDueDates.NeverEarlierThanPolicy && dueAt < clock.PolicyDueAt)
        {
            throw new ArgumentException(
                $"dueAt ({dueAt}) is earlier than the policy's own deadline ({clock.PolicyDueAt}); policy {Policy.Key} does not allow earlier agreed dates.",
                nameof(dueAt));
        }

        Record(TicketEventKind.DueDateNegotiated, reason: reason, negotiation: new TicketDueDateNegotiation { MetricCode = known.Code, DueAt = dueAt, NegotiatedBy = negotiatedBy });
    }

    /// <summary>Whether <see cref="ReceiveCustomerMessage"/> is permitted now.</summary>
    public bool CanReceiveCustomerMessage() => Can(TicketTrigger.ReceiveCustomerMessage);

    /// <summary>Whether <see cref="AnswerCustomer"/> is permitted now.</summary>
    public bool CanAnswerCustomer() => Can(TicketTrigger.AnswerCustomer);

    /// <summary>Whether <see cref="NegotiateDueDate(string, Instant, string, string)"/> is permitted now (the metric and instant are checked when called).</summary>
    public bool CanNegotiateDueDate() => Can(TicketTrigger.NegotiateDueDate);

    /// <summary>The policy's metric of <paramref name="code"/>, if it may be negotiated (it has a target and does not recur).</summary>
    private SlaMetric NegotiableMetric(string code, string field)
    {
        var metric = Policy.Metrics.FirstOrDefault(m => m.Code == code)
            ?? throw new ArgumentException($"{field} '{code}' is not a metric of policy {Policy.Key}; its metrics: {string.Join(", ", Policy.Metrics.Select(static m => m.Code))}.", field);
        return metric.IsRecurring
            ? throw new ArgumentException($"{field} '{code}' recurs (one clock per customer message); its occurrences cannot be moved by agreement.", field)
            : metric;
    }

    /// <summary>The typed reason of a pause event: its code on the policy, or waiting for the customer.</summary>
    private PauseReason PauseReasonOf(TicketEvent e) =>
        e.PauseReasonCode is not { } code ? PauseReason.WaitingForCustomer
        : Policy.FindPauseReason(code) ?? throw new ArgumentException($"PauseReasonCode '{code}' is not a pause reason of policy {Policy.Key}.", nameof(e));

    private void Record(TicketEventKind kind, string? reason = null, string? note = null, string? pauseReasonCode = null, TicketDueDateNegotiation? negotiation = null) =>
        Execute(kind, reason: reason, note: note, pauseReasonCode: pauseReasonCode, negotiation: negotiation);
}
