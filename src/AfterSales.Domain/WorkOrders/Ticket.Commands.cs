using AfterSales.Internal;

namespace AfterSales.WorkOrders;

/// <content>The intent methods and their <c>CanX</c> questions. Each command validates its input,
/// asks the workflow, then appends exactly one event — or throws and appends nothing.</content>
public sealed partial class Ticket
{
    /// <summary>Records the first response (响应). Reached milestone: <c>Responded</c>.</summary>
    /// <exception cref="InvalidTransitionException">Not permitted in the current state.</exception>
    public void Acknowledge() => Execute(TicketEventKind.Acknowledged);

    /// <summary>Starts remote diagnosis (远程诊断), R-WO-2.</summary>
    /// <exception cref="InvalidTransitionException">Not permitted in the current state.</exception>
    public void StartRemoteDiagnosis() => Execute(TicketEventKind.RemoteDiagnosisStarted);

    /// <summary>Records a remote fix (远程解决): service restored (if not yet in this cycle) and resolved. The repair counts against the device (R-WAR-6).</summary>
    /// <param name="resolution">What fixed it.</param>
    /// <param name="repairedPartNumber">The part repaired; <see langword="null"/> for the unit as such.</param>
    /// <param name="unfixable">Whether repairs cannot fix the unit (a workaround holds it).</param>
    /// <exception cref="ArgumentException"><paramref name="resolution"/> is blank, or the part number breaks the <see cref="Identifier"/> rule.</exception>
    /// <exception cref="InvalidTransitionException">Not in remote diagnosis.</exception>
    public void ResolveRemotely(string resolution, string? repairedPartNumber = null, bool unfixable = false)
    {
        Guard.NotBlank(resolution);
        Execute(TicketEventKind.ResolvedRemotely, resolution: resolution, repair: Repair(repairedPartNumber, unfixable));
    }

    /// <summary>Sends <paramref name="engineer"/> on site (派工); only after remote diagnosis was tried in this cycle (R-WO-2).</summary>
    /// <param name="engineer">Who is sent.</param>
    /// <exception cref="ArgumentException"><paramref name="engineer"/> is blank.</exception>
    /// <exception cref="InvalidTransitionException">Not permitted, e.g. remote diagnosis not tried.</exception>
    public void Dispatch(string engineer)
    {
        Guard.NotBlank(engineer);
        Execute(TicketEventKind.Dispatched, engineer: engineer);
    }

    /// <summary>
    /// Sends <paramref name="engineer"/> on site (派工, R-ORG-1), checked against the duty rota of the
    /// engineer's centre (R-ORG-2): the engineer must be on duty at the dispatch instant (now, or the
    /// back-dated instant) — unless <paramref name="overrideReason"/> says why someone off duty is sent,
    /// which the event keeps as its <see cref="TicketEvent.Reason"/> with the <see cref="TicketEvent.Actor"/> who decided.
    /// </summary>
    /// <param name="engineer">The engineer sent, as kept by the tenant.</param>
    /// <param name="rota">The duty rota of the engineer's centre; <see langword="null"/> when the centre keeps none (then only an override dispatches).</param>
    /// <param name="overrideReason">Why the rota is overridden; <see langword="null"/> to require the engineer on duty.</param>
    /// <exception cref="ArgumentException"><paramref name="overrideReason"/> is blank (<c>override.reason</c>), or <paramref name="rota"/> is another centre's (<c>engineer</c>).</exception>
    /// <exception cref="InvalidTransitionException">Not permitted, e.g. remote diagnosis not tried; checked before the rota.</exception>
    /// <exception cref="People.EngineerNotOnDutyException">The engineer is not on duty then and no override is given; nothing is appended.</exception>
    public void Dispatch(People.Engineer engineer, People.DutyRota? rota, string? overrideReason = null)
    {
        Guard.NotNull(engineer);
        if (rota is not null && !string.Equals(rota.CentreId, engineer.CentreId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"engineer '{engineer.Id}' belongs to centre '{engineer.CentreId}', not to '{rota.CentreId}' whose rota was given.", nameof(engineer));
        }

        if (overrideReason is not null && string.IsNullOrWhiteSpace(overrideReason))
        {
            throw BlankOverride();
        }

        var at = backdatedTo ?? Now();
        TicketMachine.EnsurePermitted(this, TicketTrigger.Dispatch, at);
        if (overrideReason is null && rota?.IsOnDuty(engineer.Id, at) != true)
        {
            throw new People.EngineerNotOnDutyException(engineer.Id, engineer.CentreId, at, rota?.OnDutyAt(at) ?? [], rota is not null);
        }

        Execute(TicketEventKind.Dispatched, engineer: engineer.Id, reason: overrideReason);
    }

    /// <summary>A dispatch by name with an override's reason, for a tenant that keeps no engineers: the reason is kept as said.</summary>
    internal void DispatchUnchecked(string engineer, string overrideReason)
    {
        Guard.NotBlank(engineer);
        if (string.IsNullOrWhiteSpace(overrideReason))
        {
            throw BlankOverride();
        }

        Execute(TicketEventKind.Dispatched, engineer: engineer, reason: overrideReason);
    }

    // Named as the client spells the field (override.reason), not as the C# parameter.
    private static ArgumentException BlankOverride() =>
        new("override.reason must not be empty or white space: say why an engineer off duty is sent.", "override.reason");

    /// <summary>Records the engineer's arrival on site (到达现场). Reached milestone: <c>ArrivedOnSite</c>.</summary>
    /// <exception cref="InvalidTransitionException">Not dispatched.</exception>
    public void ArriveOnSite() => Execute(TicketEventKind.ArrivedOnSite);

    /// <summary>Escalates to the manufacturer's support (申请支援), R-WO-5.</summary>
    /// <param name="reason">Why remote and on-site work could not solve it.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    /// <exception cref="InvalidTransitionException">Not in remote diagnosis or on site.</exception>
    public void EscalateToVendor(string reason)
    {
        Guard.NotBlank(reason);
        Execute(TicketEventKind.EscalatedToVendor, reason: reason);
    }

    /// <summary>Records that service runs again (服务恢复运行). Reached milestone: <c>ServiceRestored</c>.</summary>
    /// <exception cref="InvalidTransitionException">Not permitted in the current state.</exception>
    public void RestoreService() => Execute(TicketEventKind.ServiceRestored);

    /// <summary>Records the full repair (修复): service restored (if not yet in this cycle) and resolved. The repair counts against the device (R-WAR-6).</summary>
    /// <param name="resolution">What fixed it.</param>
    /// <param name="repairedPartNumber">The part repaired; <see langword="null"/> for the unit as such.</param>
    /// <param name="unfixable">Whether repairs cannot fix the unit (a workaround holds it): with an earlier repair, a free replacement is owed.</param>
    /// <exception cref="ArgumentException"><paramref name="resolution"/> is blank, or the part number breaks the <see cref="Identifier"/> rule.</exception>
    /// <exception cref="InvalidTransitionException">Not permitted in the current state.</exception>
    public void Resolve(string resolution, string? repairedPartNumber = null, bool unfixable = false)
    {
        Guard.NotBlank(resolution);
        Execute(TicketEventKind.Resolved, resolution: resolution, repair: Repair(repairedPartNumber, unfixable));
    }

    /// <summary>
    /// Records that the device owes a replacement (R-WAR-6), right after the resolve that crossed the
    /// contract's repair-count rule; <see cref="TicketService"/> calls it from the device's repair history.
    /// </summary>
    internal void RaiseReplacementObligation(TicketObligation obligation)
    {
        Guard.NotNull(obligation);
        var resolve = events[^1];
        if (resolve.Kind is not (TicketEventKind.Resolved or TicketEventKind.ResolvedRemotely or TicketEventKind.ReplacementObligationRaised))
        {
            throw new InvalidOperationException($"A replacement obligation follows the resolve that raised it, not {resolve.Kind}.");
        }

        Apply(new TicketEvent
        {
            Kind = TicketEventKind.ReplacementObligationRaised,
            TicketId = Id,
            Version = Version + 1,
            At = resolve.At,
            RecordedAt = resolve.RecordedAt,
            Obligation = obligation,
        });
    }

    private static TicketRepair? Repair(string? partNumber, bool unfixable) =>
        partNumber is null && !unfixable ? null : new TicketRepair { PartNumber = Identifier.CheckOptional(partNumber, "repairedPartNumber"), Unfixable = unfixable };

    /// <summary>Starts the observation period (运行观察期), R-WO-4.</summary>
    /// <exception cref="InvalidTransitionException">Not resolved.</exception>
    public void StartObservation() => Execute(TicketEventKind.ObservationStarted);

    /// <summary>Records the customer's signed service report with a satisfaction rating (客户签字确认), R-WO-8: once per cycle (a second one would count twice in the surveys).</summary>
    /// <param name="signer">Who signed for the customer.</param>
    /// <param name="satisfaction">The rating, 1 to 5.</param>
    /// <param name="comment">The customer's comment, if any.</param>
    /// <exception cref="ArgumentException"><paramref name="signer"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="satisfaction"/> is not 1–5.</exception>
    /// <exception cref="InvalidTransitionException">Not resolved or in observation, or already signed off in this cycle (<see cref="TicketWorkflow.SignOffOncePerCycle"/>).</exception>
    public void SignOff(string signer, int satisfaction, string? comment = null)
    {
        Guard.NotBlank(signer);
        if (satisfaction is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(satisfaction), satisfaction, $"satisfaction must be 1 to 5, was {satisfaction}.");
        }

        Execute(TicketEventKind.SignedOff, signOff: new TicketSignOff { Signer = signer, Satisfaction = satisfaction, Comment = comment });
    }

    /// <summary>Closes the order (关闭): needs the customer's sign-off (R-WO-8) and the observation period elapsed (R-WO-4).</summary>
    /// <exception cref="InvalidTransitionException">Not in observation, not signed off, or the observation period has not elapsed; the unmet guards say which.</exception>
    public void Close() => Execute(TicketEventKind.Closed);

    /// <summary>Re-opens the order after a recurrence during observation (故障复发), R-WO-4: back to remote diagnosis, a new SLA cycle.</summary>
    /// <param name="reason">What recurred.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    /// <exception cref="InvalidTransitionException">Not in observation.</exception>
    public void Reopen(string reason)
    {
        Guard.NotBlank(reason);
        Execute(TicketEventKind.Reopened, reason: reason);
    }

    /// <summary>Pauses to wait for the customer (等待客户); SLA targets that allow it stop counting.</summary>
    /// <param name="reason">What the customer must do or provide.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    /// <exception cref="InvalidTransitionException">Not actively handled (or already waiting).</exception>
    public void WaitForCustomer(string reason)
    {
        Guard.NotBlank(reason);
        Execute(TicketEventKind.WaitingForCustomer, reason: reason);
    }

    /// <summary>Resumes after waiting for the customer (恢复处理): back to the state the ticket paused from.</summary>
    /// <exception cref="InvalidTransitionException">Not waiting for the customer.</exception>
    public void Resume() => Execute(TicketEventKind.Resumed);

    /// <summary>
    /// Changes the severity (重新定级) while the order is open — e.g. upward when remote diagnosis
    /// cannot remove a low-level problem (R-SEV-2). Open SLA clocks follow the new level's targets
    /// from their original start; stopped clocks keep theirs.
    /// </summary>
    /// <param name="newSeverityCode">A level of the policy's scale other than the current one.</param>
    /// <param name="reason">Why.</param>
    /// <exception cref="ArgumentException">The code is blank, not on the scale or the current one; or <paramref name="reason"/> is blank.</exception>
    /// <exception cref="InvalidTransitionException">The order is resolved, closed or cancelled.</exception>
    public void Reclassify(string newSeverityCode, string reason)
    {
        Guard.NotBlank(newSeverityCode);
        Guard.NotBlank(reason);
        CheckSeverity(Policy, newSeverityCode, nameof(newSeverityCode));
        if (string.Equals(newSeverityCode, SeverityCode, StringComparison.Ordinal))
        {
            throw new ArgumentException($"newSeverityCode '{newSeverityCode}' is already the ticket's severity.", nameof(newSeverityCode));
        }

        Execute(TicketEventKind.Reclassified, reason: reason, severityCode: newSeverityCode);
    }

    /// <summary>Records that a repair plan was delivered (作出修复方案) without changing state. Reached milestone: <c>RepairPlanDelivered</c>.</summary>
    /// <param name="note">What the plan says, optionally.</param>
    /// <exception cref="InvalidTransitionException">The order is resolved, closed or cancelled.</exception>
    public void DeliverRepairPlan(string? note = null) => Execute(TicketEventKind.RepairPlanDelivered, note: note);

    /// <summary>Records that a loaner was provided (提供备机, R-SP-5) without changing state. Reached milestone: <c>LoanerProvided</c>.</summary>
    /// <param name="note">Which unit, optionally.</param>
    /// <exception cref="InvalidTransitionException">The order is resolved, closed or cancelled.</exception>
    public void ProvideLoaner(string? note = null) => Execute(TicketEventKind.LoanerProvided, note: note);

    /// <summary>
    /// Lends the customer a named loaner unit (提供备机, R-SP-5) without changing state: the order tracks
    /// it until it comes back and cannot close before. Reached milestone: <c>LoanerProvided</c>, which
    /// meets the loaner clock (R-SLA-5, R-SLA-6).
    /// </summary>
    /// <param name="loaner">The unit, with its pool's part number; its grade must be at least the device's (the same or better).</param>
    /// <param name="note">A note, optionally.</param>
    /// <exception cref="ArgumentException">A number breaks the <see cref="Identifier"/> rule, the unit is already out on this order,
    /// or its grade is missing or below the device's, or its return-by is not after the loan's instant
    /// (the parameter names the field: <c>unitSerialNumber</c>, <c>partNumber</c>, <c>grade</c>, <c>returnBy</c>).</exception>
    /// <exception cref="InvalidTransitionException">The order is resolved, closed or cancelled.</exception>
    public void ProvideLoaner(TicketLoaner loaner, string? note = null)
    {
        Guard.NotNull(loaner);
        Identifier.Check(loaner.UnitSerialNumber, "unitSerialNumber");
        Identifier.Check(loaner.PartNumber, "partNumber");
        Identifier.CheckOptional(loaner.CentreId, "centreId");
        if (IsLoanerOut(loaner.UnitSerialNumber))
        {
            throw LoanerField($"unitSerialNumber '{loaner.UnitSerialNumber}' is already lent on this work order.", "unitSerialNumber");
        }

        if (loaner.Grade is < 0)
        {
            throw LoanerField($"grade must be 0 or more, was {loaner.Grade}.", "grade");
        }

        // Same or better (R-SP-5): the device's grade as the entitlement check at report found it.
        if (ReportDetails.Entitlement?.Grade is { } deviceGrade && (loaner.Grade ?? -1) < deviceGrade)
        {
            throw LoanerField(
                loaner.Grade is null
                    ? $"grade is required: the device is of grade {deviceGrade}, and a loaner must be of the same or a better grade (R-SP-5)."
                    : $"grade {loaner.Grade} is below the device's grade {deviceGrade}: a loaner must be of the same or a better grade (R-SP-5).",
                "grade");
        }

        if (loaner.ReturnBy is { } returnBy && returnBy <= (backdatedTo ?? Now()))
        {
            throw LoanerField($"returnBy {returnBy} must be after the loan's instant {backdatedTo ?? Now()}.", "returnBy");
        }

        Execute(TicketEventKind.LoanerProvided, note: note, loaner: loaner);
    }

    // The loaner's fields are named as clients spell them, not as the parameter (loaner) is.
    private static ArgumentException LoanerField(string message, string field) => new(message, field);

    /// <summary>Records that a loaner unit came back from the customer (备机归还, R-SP-5).</summary>
    /// <param name="unitSerialNumber">The unit's serial number, as provided.</param>
    /// <param name="note">A note, e.g. its condition.</param>
    /// <exception cref="ArgumentException">No unit of this order is out under <paramref name="unitSerialNumber"/>.</exception>
    /// <exception cref="InvalidTransitionException">No loaner is out, or the order is closed or cancelled.</exception>
    public void ReturnLoaner(string unitSerialNumber, string? note = null)
    {
        Identifier.Check(unitSerialNumber);
        if (HasLoanerOut && !IsLoanerOut(unitSerialNumber))
        {
            throw new ArgumentException(
                $"unitSerialNumber '{unitSerialNumber}' names no loaner of this work order still out; out now: {string.Join(", ", loaners.Where(static l => l.IsOut).Select(static l => l.Loaner.UnitSerialNumber))}.",
                nameof(unitSerialNumber));
        }

        Execute(TicketEventKind.LoanerReturned, note: note, loaner: new TicketLoaner { UnitSerialNumber = unitSerialNumber });
    }

    /// <summary>Cancels a duplicate or invalid report (撤销); only before service is restored.</summary>
    /// <param name="reason">Why, e.g. "duplicate of WO-17".</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    /// <exception cref="InvalidTransitionException">Service was already restored, or the order is finished.</exception>
    public void Cancel(string reason)
    {
        Guard.NotBlank(reason);
        Execute(TicketEventKind.Cancelled, reason: reason);
    }

    /// <summary>
    /// Submits a quote for paid, out-of-warranty work to the customer (报价, R-WAR-8): built from the
    /// tendered price list (<see cref="Entitlements.Quotes.Quote.FromLines"/>), so every part is at most
    /// its tendered price and the total is computed, never given. The job becomes billable, so parts may
    /// be replaced only after <see cref="AcceptQuote"/> (R-WO-7). A later quote replaces the current one.
    /// </summary>
    /// <param name="quote">The quote, for this work order and its device.</param>
    /// <exception cref="ArgumentException">The quote is for another work order or device, or its id is already used on this order.</exception>
    /// <exception cref="InvalidTransitionException">The order is resolved, closed or cancelled.</exception>
    public void SubmitQuote(Entitlements.Quotes.Quote quote)
    {
        Guard.NotNull(quote);
        if (!string.Equals(quote.WorkOrderId, Id.Value, StringComparison.Ordinal) || !string.Equals(quote.SerialNumber, DeviceSerialNumber, StringComparison.Ordinal))
        {
            throw new ArgumentException($"quote '{quote.Id}' prices work order {quote.WorkOrderId} on {quote.SerialNumber}, not {Id} on {DeviceSerialNumber}.", nameof(quote));
        }

        if (quotes.Exists(q => string.Equals(q.QuoteId, quote.Id, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"quote.Id '{quote.Id}' is already used by a quote of this work order.", "quote.Id");
        }

        Execute(TicketEventKind.QuoteSubmitted, quote: new TicketQuote
        {
            QuoteId = quote.Id,
            Currency = quote.Currency,
            PriceListKey = quote.PriceListKey,
            IssuedOn = quote.IssuedOn,
            Lines = [.. quote.Lines.Select(static l => new TicketQuoteLine
            {
                Kind = l.Kind, Description = l.Description, PartNumber = l.PartNumber, Quantity = l.Quantity, UnitPrice = l.UnitPrice.Amount, Note = l.Note,
            })],
        });
    }

    /// <summary>Records that the customer accepted the current quote (客户确认报价, R-WO-7), referring to it by id.</summary>
    /// <param name="quoteId">The current quote's id.</param>
    /// <param name="acceptedBy">Who accepted it for the customer.</param>
    /// <exception cref="ArgumentException">A blank argument, or <paramref name="quoteId"/> is not the current, unaccepted quote.</exception>
    /// <exception cref="InvalidTransitionException">No quote was submitted, or the order is resolved, closed or cancelled.</exception>
    public void AcceptQuote(string quoteId, string acceptedBy)
    {
        Guard.NotBlank(quoteId);
        Guard.NotBlank(acceptedBy);
        if (Quote is { } current && (!string.Equals(current.QuoteId, quoteId, StringComparison.Ordinal) || current.AcceptedBy is not null))
        {
            throw new ArgumentException(
                current.AcceptedBy is not null && string.Equals(current.QuoteId, quoteId, StringComparison.Ordinal)
                    ? $"quoteId '{quoteId}' was already accepted by {current.AcceptedBy}."
                    : $"quoteId '{quoteId}' is not the work order's current quote ('{current.QuoteId}').",
                nameof(quoteId));
        }

        Execute(TicketEventKind.QuoteAccepted, quote: Quote is null ? null : Quote with { AcceptedBy = acceptedBy });
    }

    /// <summary>
    /// Records a replaced part, old and new signed for by the customer (新旧件签收, R-WO-7). On paid
    /// work it is refused until the customer accepted the quote, with that reason.
    /// </summary>
    public void ReplaceParts(TicketPartsExchange exchange)
    {
        Guard.NotNull(exchange);
        Identifier.Check(exchange.OldPartNumber, "exchange.OldPartNumber");
        Identifier.CheckOptional(exchange.OldSerialNumber, "exchange.OldSerialNumber");
        Identifier.Check(exchange.NewPartNumber, "exchange.NewPartNumber");
        Identifier.CheckOptional(exchange.NewSerialNumber, "exchange.NewSerialNumber");
        Guard.NotBlank(exchange.SignedBy, "exchange.SignedBy");
        if (IsBillable && Quote is { AcceptedBy: not null } accepted)
        {
            // Paid work: only what the customer accepted (R-WO-7).
            if (exchange.QuoteId is { } named && !string.Equals(named, accepted.QuoteId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"exchange.QuoteId '{named}' is not the accepted quote '{accepted.QuoteId}'.", "exchange.QuoteId");
            }

            var quoted = accepted.QuantityOf(exchange.NewPartNumber);
            var replaced = partsExchanges.Count(p => string.Equals(p.QuoteId, accepted.QuoteId, StringComparison.Ordinal)
                && string.Equals(p.NewPartNumber, exchange.NewPartNumber, StringComparison.Ordinal));
            if (replaced >= quoted)
            {
                throw new ArgumentException(
                    quoted == 0
                        ? $"exchange.NewPartNumber '{exchange.NewPartNumber}' is not on the accepted quote '{accepted.QuoteId}': quote it and have the customer accept it first (R-WO-7)."
                        : $"exchange.NewPartNumber '{exchange.NewPartNumber}': the accepted quote '{accepted.QuoteId}' allows {quoted}, and {replaced} were replaced already (R-WO-7).",
                    "exchange.NewPartNumber");
            }

            exchange = exchange with { QuoteId = accepted.QuoteId };
        }

        Execute(TicketEventKind.PartsReplaced, partsExchange: exchange);
    }

    /// <summary>
    /// Sends a faulty part back to the manufacturer for repair (坏件返修, RMA), R-WO-9: the order tracks
    /// it until it comes back and cannot close before.
    /// </summary>
    /// <param name="rmaNumber">The RMA number the manufacturer issued, unique within the order.</param>
    /// <param name="partNumber">The faulty part's number.</param>
    /// <param name="serialNumber">The faulty part's serial number, if it has one.</param>
    /// <param name="note">A note, e.g. carrier and tracking number.</param>
    /// <exception cref="ArgumentException">A number breaks the <see cref="Identifier"/> rule, or the RMA number is already used on this order.</exception>
    /// <exception cref="InvalidTransitionException">The order is closed or cancelled.</exception>
    public void SendForRma(string rmaNumber, string partNumber, string? serialNumber = null, string? note = null)
    {
        Identifier.Check(rmaNumber);
        Identifier.Check(partNumber);
        Identifier.CheckOptional(serialNumber);
        if (rmas.Exists(r => string.Equals(r.RmaNumber, rmaNumber, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"rmaNumber '{rmaNumber}' is already used on this work order.", nameof(rmaNumber));
        }

        Execute(TicketEventKind.RmaSent, rma: new TicketRmaStep { RmaNumber = rmaNumber, PartNumber = partNumber, SerialNumber = serialNumber, Note = note });
    }

    /// <summary>Records that a part sent for RMA came back (返修件返回), R-WO-9.</summary>
    /// <param name="rmaNumber">The RMA number the part went out under.</param>
    /// <param name="outcome">How it came back.</param>
    /// <param name="note">The manufacturer's finding, optionally.</param>
    /// <exception cref="ArgumentException">No part of this order is out under <paramref name="rmaNumber"/>, or <paramref name="outcome"/> is undefined.</exception>
    /// <exception cref="InvalidTransitionException">No part is out for RMA, or the order is closed or cancelled.</exception>
    public void ReceiveRmaReturn(string rmaNumber, RmaOutcome outcome, string? note = null)
    {
        Identifier.Check(rmaNumber);
        if (!Enum.IsDefined(outcome))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, $"outcome must be Repaired, Replaced or Unrepairable, was {outcome}.");
        }

        if (HasRmaOut && !rmas.Exists(r => r.IsOut && string.Equals(r.RmaNumber, rmaNumber, StringComparison.Ordinal)))
        {
            throw new ArgumentException(
                $"rmaNumber '{rmaNumber}' names no part of this work order out for return-for-repair; out now: {string.Join(", ", rmas.Where(static r => r.IsOut).Select(static r => r.RmaNumber))}.",
                nameof(rmaNumber));
        }

        Execute(TicketEventKind.RmaReturned, rma: new TicketRmaStep { RmaNumber = rmaNumber, Outcome = outcome, Note = note });
    }

    /// <summary>
    /// Records a periodic review of the order as a legacy issue (遗留问题复核), R-WO-6: permitted while
    /// a clock of the order is breached or was met late (<see cref="IsLegacyIssue"/>).
    /// </summary>
    /// <param name="reviewer">Who reviewed it.</param>
    /// <param name="note">What was found and decided.</param>
    /// <exception cref="ArgumentException">A blank argument.</exception>
    /// <exception cref="InvalidTransitionException">The order is not a legacy issue at the decision's instant, or it is closed or cancelled.</exception>
    public void ReviewLegacyIssue(string reviewer, string note)
    {
        Guard.NotBlank(reviewer);
        Guard.NotBlank(note);
        Execute(TicketEventKind.LegacyIssueReviewed, review: new TicketReview { Reviewer = reviewer, Note = note });
    }

    /// <summary>
    /// Confirms that the customer's data was backed up (数据备份确认), R-WO-7. Where the contract asks
    /// for it (<see cref="DataBackupRequired"/>), service cannot be restored or the fault resolved on
    /// site before this.
    /// </summary>
    /// <param name="confirmedBy">Who confirmed it.</param>
    /// <param name="note">What was backed up and where, optionally.</param>
    /// <exception cref="ArgumentException"><paramref name="confirmedBy"/> is blank.</exception>
    /// <exception cref="InvalidTransitionException">The order is resolved, closed or cancelled.</exception>
    public void ConfirmDataBackup(string confirmedBy, string? note = null)
    {
        Guard.NotBlank(confirmedBy);
        Execute(TicketEventKind.DataBackupConfirmed, backup: new TicketDataBackup { ConfirmedBy = confirmedBy, Note = note });
    }

    /// <summary>Whether <see cref="SendForRma"/> is permitted now.</summary>
    public bool CanSendForRma() => Can(TicketTrigger.SendForRma);

    /// <summary>Whether <see cref="ReceiveRmaReturn"/> is permitted now.</summary>
    public bool CanReceiveRmaReturn() => Can(TicketTrigger.ReceiveRmaReturn);

    /// <summary>Whether <see cref="ReviewLegacyIssue"/> is permitted now.</summary>
    public bool CanReviewLegacyIssue() => Can(TicketTrigger.ReviewLegacyIssue);

    /// <summary>Whether <see cref="ConfirmDataBackup"/> is permitted now.</summary>
    public bool CanConfirmDataBackup() => Can(TicketTrigger.ConfirmDataBackup);

    /// <summary>Whether <see cref="SubmitQuote"/> is permitted now.</summary>
    public bool CanSubmitQuote() => Can(TicketTrigger.SubmitQuote);

    /// <summary>Whether <see cref="AcceptQuote"/> is permitted now.</summary>
    public bool CanAcceptQuote() => Can(TicketTrigger.AcceptQuote);

    /// <summary>Whether <see cref="ReplaceParts"/> is permitted now; <see cref="Check(TicketTrigger)"/> gives the reason when not.</summary>
    public bool CanReplaceParts() => Can(TicketTrigger.ReplaceParts);

    /// <summary>Whether <see cref="Acknowledge"/> is permitted now; <see cref="Check(TicketTrigger)"/> gives the reason when not.</summary>
    public bool CanAcknowledge() => Can(TicketTrigger.Acknowledge);

    /// <summary>Whether <see cref="StartRemoteDiagnosis"/> is permitted now.</summary>
    public bool CanStartRemoteDiagnosis() => Can(TicketTrigger.StartRemoteDiagnosis);

    /// <summary>Whether <see cref="ResolveRemotely"/> is permitted now.</summary>
    public bool CanResolveRemotely() => Can(TicketTrigger.ResolveRemotely);

    /// <summary>Whether <see cref="Dispatch(string)"/> is permitted now.</summary>
    public bool CanDispatch() => Can(TicketTrigger.Dispatch);

    /// <summary>Whether <see cref="ArriveOnSite"/> is permitted now.</summary>
    public bool CanArriveOnSite() => Can(TicketTrigger.ArriveOnSite);

    /// <summary>Whether <see cref="EscalateToVendor"/> is permitted now.</summary>
    public bool CanEscalateToVendor() => Can(TicketTrigger.EscalateToVendor);

    /// <summary>Whether <see cref="RestoreService"/> is permitted now.</summary>
    public bool CanRestoreService() => Can(TicketTrigger.RestoreService);

    /// <summary>Whether <see cref="Resolve"/> is permitted now.</summary>
    public bool CanResolve() => Can(TicketTrigger.Resolve);

    /// <summary>Whether <see cref="StartObservation"/> is permitted now.</summary>
    public bool CanStartObservation() => Can(TicketTrigger.StartObservation);

    /// <summary>Whether <see cref="SignOff"/> is permitted now.</summary>
    public bool CanSignOff() => Can(TicketTrigger.SignOff);

    /// <summary>Whether <see cref="Close"/> is permitted now; <see cref="Check(TicketTrigger)"/> gives the unmet guards.</summary>
    public bool CanClose() => Can(TicketTrigger.Close);

    /// <summary>Whether <see cref="Reopen"/> is permitted now.</summary>
    public bool CanReopen() => Can(TicketTrigger.Reopen);

    /// <summary>Whether <see cref="WaitForCustomer"/> is permitted now.</summary>
    public bool CanWaitForCustomer() => Can(TicketTrigger.WaitForCustomer);

    /// <summary>Whether <see cref="Resume"/> is permitted now.</summary>
    public bool CanResume() => Can(TicketTrigger.Resume);

    /// <summary>Whether <see cref="Reclassify"/> is permitted now (the new code is checked when called).</summary>
    public bool CanReclassify() => Can(TicketTrigger.Reclassify);

    /// <summary>Whether <see cref="DeliverRepairPlan"/> is permitted now.</summary>
    public bool CanDeliverRepairPlan() => Can(TicketTrigger.DeliverRepairPlan);

    /// <summary>Whether <see cref="ProvideLoaner(string?)"/> (or the loaner-unit overload) is permitted now.</summary>
    public bool CanProvideLoaner() => Can(TicketTrigger.ProvideLoaner);

    /// <summary>Whether <see cref="ReturnLoaner"/> is permitted now.</summary>
    public bool CanReturnLoaner() => Can(TicketTrigger.ReturnLoaner);

    /// <summary>Whether <see cref="Cancel"/> is permitted now.</summary>
    public bool CanCancel() => Can(TicketTrigger.Cancel);

    private void Execute(
        TicketEventKind kind,
        string? engineer = null,
        string? reason = null,
        string? resolution = null,
        string? severityCode = null,
        TicketSignOff? signOff = null,
        string? note = null,
        TicketQuote? quote = null,
        TicketPartsExchange? partsExchange = null,
        TicketRmaStep? rma = null,
        TicketReview? review = null,
        TicketDataBackup? backup = null,
        TicketRepair? repair = null,
        TicketLoaner? loaner = null,
        string? pauseReasonCode = null,
        TicketDueDateNegotiation? negotiation = null)
    {
        // A back-dated fact happens, and is decided, at its own instant; it keeps when it was entered.
        var entered = Now();
        var now = backdatedTo ?? entered;
        TicketMachine.EnsurePermitted(this, TriggerOf(kind)!.Value, now);
        Apply(new TicketEvent
        {
            Kind = kind,
            TicketId = Id,
            Version = Version + 1,
            At = now,
            RecordedAt = backdatedTo is null ? null : entered,
            Engineer = engineer,
            Reason = reason,
            Resolution = resolution,
            SeverityCode = severityCode,
            SignOff = signOff,
            Note = note,
            Quote = quote,
            PartsExchange = partsExchange,
            Rma = rma,
            Review = review,
            Backup = backup,
            Repair = repair,
            Loaner = loaner,
            PauseReasonCode = pauseReasonCode,
            Negotiation = negotiation,
            Actor = acting,
        });
    }
}
