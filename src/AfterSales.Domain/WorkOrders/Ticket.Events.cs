using AfterSales.Sla;
using AfterSales.Sla.Timeline;

namespace AfterSales.WorkOrders;

/// <content>Applying events: the only place the ticket's state changes. Used alike by the
/// commands (live) and by <see cref="FromEvents(IEnumerable{TicketEvent}, Func{string, Sla.SlaPolicy}, Func{string, Calendars.BusinessCalendar}, IClock)"/> (replay), so both give the same ticket. The
/// workflow has decided before (<see cref="TicketWorkflow"/>); the state each event leads to here is
/// the workflow's destination, which <see cref="Check(TicketTrigger)"/> reports from Stateless and
/// the command-sequence property tests compare with this after every step.</content>
public sealed partial class Ticket
{
    /// <summary>The trigger that records each kind of event (the report has none).</summary>
    internal static TicketTrigger? TriggerOf(TicketEventKind kind) => kind switch
    {
        TicketEventKind.Acknowledged => TicketTrigger.Acknowledge,
        TicketEventKind.RemoteDiagnosisStarted => TicketTrigger.StartRemoteDiagnosis,
        TicketEventKind.ResolvedRemotely => TicketTrigger.ResolveRemotely,
        TicketEventKind.Dispatched => TicketTrigger.Dispatch,
        TicketEventKind.ArrivedOnSite => TicketTrigger.ArriveOnSite,
        TicketEventKind.EscalatedToVendor => TicketTrigger.EscalateToVendor,
        TicketEventKind.ServiceRestored => TicketTrigger.RestoreService,
        TicketEventKind.Resolved => TicketTrigger.Resolve,
        TicketEventKind.ObservationStarted => TicketTrigger.StartObservation,
        TicketEventKind.SignedOff => TicketTrigger.SignOff,
        TicketEventKind.Closed => TicketTrigger.Close,
        TicketEventKind.Reopened => TicketTrigger.Reopen,
        TicketEventKind.WaitingForCustomer => TicketTrigger.WaitForCustomer,
        TicketEventKind.Resumed => TicketTrigger.Resume,
        TicketEventKind.Reclassified => TicketTrigger.Reclassify,
        TicketEventKind.RepairPlanDelivered => TicketTrigger.DeliverRepairPlan,
        TicketEventKind.LoanerProvided => TicketTrigger.ProvideLoaner,
        TicketEventKind.Cancelled => TicketTrigger.Cancel,
        TicketEventKind.QuoteSubmitted => TicketTrigger.SubmitQuote,
        TicketEventKind.QuoteAccepted => TicketTrigger.AcceptQuote,
        TicketEventKind.PartsReplaced => TicketTrigger.ReplaceParts,
        TicketEventKind.RmaSent => TicketTrigger.SendForRma,
        TicketEventKind.RmaReturned => TicketTrigger.ReceiveRmaReturn,
        TicketEventKind.LegacyIssueReviewed => TicketTrigger.ReviewLegacyIssue,
        TicketEventKind.DataBackupConfirmed => TicketTrigger.ConfirmDataBackup,
        TicketEventKind.LoanerReturned => TicketTrigger.ReturnLoaner,
        TicketEventKind.CustomerMessageReceived => TicketTrigger.ReceiveCustomerMessage,
        TicketEventKind.CustomerAnswered => TicketTrigger.AnswerCustomer,
        TicketEventKind.DueDateNegotiated => TicketTrigger.NegotiateDueDate,
        _ => null,
    };

    /// <summary>Checks a recorded event as the command checked it, then applies it.</summary>
    private void Replay(TicketEvent e, int index)
    {
        CheckSequence(e, index);

        if (e.RecordedAt is { } recorded && recorded < e.At)
        {
            throw InvalidHistory($"{HistoryName(index)}: recorded at {recorded}, before it happened ({e.At}).");
        }

        if (e.Kind == TicketEventKind.ReplacementObligationRaised)
        {
            // The service's own fact: it follows the resolve that raised it, at its instant.
            if (e.Obligation is null || events[^1].Kind is not (TicketEventKind.Resolved or TicketEventKind.ResolvedRemotely or TicketEventKind.ReplacementObligationRaised)
                || e.At != LastEventAt)
            {
                throw InvalidHistory($"{HistoryName(index)}: a ReplacementObligationRaised event needs its Obligation and follows, at its instant, the resolve that raised it.");
            }

            Apply(e);
            return;
        }

        if (TriggerOf(e.Kind) is not { } trigger)
        {
            throw InvalidHistory($"{HistoryName(index)}: a {e.Kind} event can only be the first event.");
        }

        var missing = e.Kind switch
        {
            TicketEventKind.Dispatched when string.IsNullOrWhiteSpace(e.Engineer) => nameof(e.Engineer),
            TicketEventKind.ResolvedRemotely or TicketEventKind.Resolved when string.IsNullOrWhiteSpace(e.Resolution) => nameof(e.Resolution),
            TicketEventKind.EscalatedToVendor or TicketEventKind.Reopened or TicketEventKind.WaitingForCustomer
                or TicketEventKind.Reclassified or TicketEventKind.Cancelled when string.IsNullOrWhiteSpace(e.Reason) => nameof(e.Reason),
            TicketEventKind.Reclassified when string.IsNullOrWhiteSpace(e.SeverityCode) => nameof(e.SeverityCode),
            TicketEventKind.SignedOff when e.SignOff is null => nameof(e.SignOff),
            TicketEventKind.QuoteSubmitted when e.Quote is null || quotes.Exists(q => string.Equals(q.QuoteId, e.Quote.QuoteId, StringComparison.Ordinal)) => nameof(e.Quote),
            TicketEventKind.QuoteAccepted when string.IsNullOrWhiteSpace(e.Quote?.AcceptedBy) || !string.Equals(e.Quote.QuoteId, Quote?.QuoteId, StringComparison.Ordinal) => nameof(e.Quote),
            TicketEventKind.PartsReplaced when e.PartsExchange is null => nameof(e.PartsExchange),
            TicketEventKind.RmaSent when e.Rma?.PartNumber is null || rmas.Exists(r => string.Equals(r.RmaNumber, e.Rma.RmaNumber, StringComparison.Ordinal)) => nameof(e.Rma),
            TicketEventKind.RmaReturned when e.Rma?.Outcome is null || !rmas.Exists(r => r.IsOut && string.Equals(r.RmaNumber, e.Rma.RmaNumber, StringComparison.Ordinal)) => nameof(e.Rma),
            TicketEventKind.LegacyIssueReviewed when e.Review is null => nameof(e.Review),
            TicketEventKind.DataBackupConfirmed when e.Backup is null => nameof(e.Backup),
            TicketEventKind.LoanerProvided when e.Loaner is { } unit && (unit.PartNumber is null || IsLoanerOut(unit.UnitSerialNumber)) => nameof(e.Loaner),
            TicketEventKind.LoanerReturned when e.Loaner is null || !IsLoanerOut(e.Loaner.UnitSerialNumber) => nameof(e.Loaner),
            TicketEventKind.DueDateNegotiated when e.Negotiation is null || string.IsNullOrWhiteSpace(e.Reason) => nameof(e.Negotiation),
            _ => null,
        };
        if (missing is not null)
        {
            throw InvalidHistory($"{HistoryName(index)}: a {e.Kind} event needs its {missing}.");
        }

        if (e.Kind == TicketEventKind.Reclassified)
        {
            Rethrow(HistoryName(index), () => CheckSeverity(Policy, e.SeverityCode!, nameof(e.SeverityCode)));
        }

        // The decision is a pure function of the facts and the instant, and a command decides at
        // exactly the instant it records, so the workflow gives the same answer now as it did then.
        try
        {
            TicketMachine.EnsurePermitted(this, trigger, e.At);
            Apply(e);
        }
        catch (Exception ex) when (ex is InvalidTransitionException or ArgumentException)
        {
            throw InvalidHistory($"{HistoryName(index)}: {ex.Message}", ex);
        }
    }

    /// <summary>The checks every later event passes: this ticket, the next version, not before the previous event.</summary>
    private void CheckSequence(TicketEvent e, int index)
    {
        if (e.TicketId != Id)
        {
            throw InvalidHistory($"{HistoryName(index)}: TicketId '{e.TicketId}' differs from the ticket's '{Id}'.");
        }

        if (e.Version != Version + 1)
        {
            throw InvalidHistory($"{HistoryName(index)}: version {e.Version} where {Version + 1} was expected; versions go 1, 2, 3 … without gaps.");
        }

        if (e.At < LastEventAt)
        {
            throw InvalidHistory($"{HistoryName(index)}: at {e.At} is before the previous event ({LastEventAt}).");
        }
    }

    private void Apply(TicketEvent e, SlaTerms? adopted = null)
    {
        // Computed first: an event the timeline rejects leaves the ticket as it was.
        var next = NextTimeline(e);
        switch (e.Kind)
        {
            case TicketEventKind.Reported:
                report = e.Report;
                State = TicketState.Reported;
                SeverityCode = e.Report!.SeverityCode;
                Cycle = 1;
                break;
            case TicketEventKind.Acknowledged:
                State = TicketState.Acknowledged;
                break;
            case TicketEventKind.RemoteDiagnosisStarted:
                State = TicketState.RemoteDiagnosis;
                RemoteDiagnosisTried = true;
                break;
            case TicketEventKind.ResolvedRemotely:
            case TicketEventKind.Resolved:
                State = TicketState.Resolved;
                ServiceRestoredInCycle = true;
                Resolution = e.Resolution;
                break;
            case TicketEventKind.Dispatched:
                State = TicketState.Dispatched;
                Engineer = e.Engineer;
                break;
            case TicketEventKind.ArrivedOnSite:
                State = TicketState.OnSite;
                break;
            case TicketEventKind.EscalatedToVendor:
                State = TicketState.EscalatedToVendor;
                break;
            case TicketEventKind.ServiceRestored:
                State = TicketState.ServiceRestored;
                ServiceRestoredInCycle = true;
                break;
            case TicketEventKind.ObservationStarted:
                State = TicketState.Observation;
                ObservationStartedAt = e.At;
                break;
            case TicketEventKind.SignedOff:
                CustomerSignOff = e.SignOff;
                break;
            case TicketEventKind.Closed:
                State = TicketState.Closed;
                break;
            case TicketEventKind.Reopened:
                State = TicketState.RemoteDiagnosis;
                Cycle++;
                RemoteDiagnosisTried = true;
                ServiceRestoredInCycle = false;
                Engineer = null;
                Resolution = null;
                ObservationStartedAt = null;
                CustomerSignOff = null;
                break;
            case TicketEventKind.WaitingForCustomer:
                PausedFrom = State;
                State = TicketState.WaitingForCustomer;
                break;
            case TicketEventKind.Resumed:
                State = PausedFrom!.Value;
                PausedFrom = null;
                break;
            case TicketEventKind.Reclassified:
                SeverityCode = e.SeverityCode!;
                break;
            case TicketEventKind.RepairPlanDelivered:
                break;
            case TicketEventKind.LoanerProvided:
                if (e.Loaner is { } lent)
                {
                    loaners.Add(new TicketLoanerLoan { Loaner = lent, ProvidedAt = e.At });
                }

                break;
            case TicketEventKind.LoanerReturned:
                var back = loaners.FindIndex(l => l.IsOut && string.Equals(l.Loaner.UnitSerialNumber, e.Loaner!.UnitSerialNumber, StringComparison.Ordinal));
                loaners[back] = loaners[back] with { ReturnedAt = e.At };
                break;
            case TicketEventKind.CustomerMessageReceived:
            case TicketEventKind.CustomerAnswered:
            case TicketEventKind.DueDateNegotiated:
                break;
            case TicketEventKind.QuoteSubmitted:
                quotes.Add(e.Quote!);
                break;
            case TicketEventKind.QuoteAccepted:
                quotes[^1] = e.Quote!;
                break;
            case TicketEventKind.PartsReplaced:
                partsExchanges.Add(e.PartsExchange!);
                break;
            case TicketEventKind.RmaSent:
                rmas.Add(new TicketRma { RmaNumber = e.Rma!.RmaNumber, PartNumber = e.Rma.PartNumber!, SerialNumber = e.Rma.SerialNumber, SentAt = e.At });
                break;
            case TicketEventKind.RmaReturned:
                var returned = rmas.FindIndex(r => r.IsOut && string.Equals(r.RmaNumber, e.Rma!.RmaNumber, StringComparison.Ordinal));
                rmas[returned] = rmas[returned] with { ReturnedAt = e.At, Outcome = e.Rma!.Outcome };
                break;
            case TicketEventKind.LegacyIssueReviewed:
                LastLegacyReview = e.Review;
                LastLegacyReviewAt = e.At;
                break;
            case TicketEventKind.DataBackupConfirmed:
                DataBackup = e.Backup;
                break;
            case TicketEventKind.ReplacementObligationRaised:
                obligations.Add(e.Obligation!);
                break;
            case TicketEventKind.Cancelled:
                State = TicketState.Cancelled;
                PausedFrom = null;
                CancellationReason = e.Reason;
                break;
            case TicketEventKind.CalendarsAdopted:
            case TicketEventKind.PolicyAdopted:
                terms.Add(adopted ?? throw new ArgumentException($"A {e.Kind} event needs the terms it adopts.", nameof(adopted)));
                break;
            default:
                throw new ArgumentException($"Unknown event kind {e.Kind}.", nameof(e));
        }

        timeline = next;
        counts.Add((next.Entries.Count, terms.Count));
        events.Add(e);
        Version = e.Version;
    }

    /// <summary>The SLA timeline after <paramref name="e"/>, without changing the ticket.</summary>
    private TicketTimeline NextTimeline(TicketEvent e) => e.Kind switch
    {
        TicketEventKind.Reported => TicketTimeline.Open(e.At, e.Report!.SeverityCode, e.Report.Channel, e.Report.Site.Location, e.Report.FaultOccurredAt),
        TicketEventKind.Acknowledged => Timeline.Reached(Milestone.Responded, e.At),
        TicketEventKind.ArrivedOnSite => Timeline.Reached(Milestone.ArrivedOnSite, e.At),
        TicketEventKind.ServiceRestored => Timeline.Reached(Milestone.ServiceRestored, e.At),
        TicketEventKind.ResolvedRemotely or TicketEventKind.Resolved =>
            (ServiceRestoredInCycle ? Timeline : Timeline.Reached(Milestone.ServiceRestored, e.At)).Reached(Milestone.Resolved, e.At),
        TicketEventKind.RepairPlanDelivered => Timeline.Reached(Milestone.RepairPlanDelivered, e.At),
        TicketEventKind.LoanerProvided => Timeline.Reached(Milestone.LoanerProvided, e.At),

        // A part exchanged on site proves the spare parts were there (R-SLA-5).
        TicketEventKind.PartsReplaced => Timeline.Reached(Milestone.SparePartsOnSite, e.At),
        TicketEventKind.WaitingForCustomer => Timeline.Paused(e.At, PauseReasonOf(e), e.Reason!),
        TicketEventKind.CustomerMessageReceived => Timeline.Reached(Milestone.CustomerMessage, e.At),
        TicketEventKind.CustomerAnswered => Timeline.Reached(Milestone.AgentAnswered, e.At),
        TicketEventKind.DueDateNegotiated => Timeline.DueDateNegotiated(
            NegotiableMetric(e.Negotiation!.MetricCode, "negotiation.MetricCode"), e.Negotiation.DueAt, e.At, e.Reason!, e.Negotiation.NegotiatedBy),
        TicketEventKind.Resumed => Timeline.Resumed(e.At),
        TicketEventKind.Reclassified => Timeline.Reclassified(e.SeverityCode!, e.At),
        TicketEventKind.Reopened => Timeline.Reopened(e.At),

        // A cancelled order's pause ends with it, so no clock stays paused for ever.
        TicketEventKind.Cancelled => (Timeline.IsPaused ? Timeline.Resumed(e.At) : Timeline).Reached(Milestone.Cancelled, e.At),
        _ => Timeline,
    };
}
