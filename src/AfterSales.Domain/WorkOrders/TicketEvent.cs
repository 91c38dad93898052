namespace AfterSales.WorkOrders;

/// <summary>
/// One immutable, timestamped fact of a work order's history (工单事件): its <see cref="Kind"/>, the
/// ticket and <see cref="Version"/> it made, when it happened, and the payload its kind carries.
/// The ticket's state is what its events say (<see cref="Ticket.FromEvents(IEnumerable{TicketEvent}, Func{string, Sla.SlaPolicy}, Func{string, Calendars.BusinessCalendar}, IClock)"/>).
/// </summary>
/// <remarks>
/// One class for every kind, so stores can persist events as rows without a type per kind; the
/// payload properties a kind does not use are <see langword="null"/>. Value equality. Stores create
/// events from their rows with an object initializer; <see cref="Ticket.FromEvents(IEnumerable{TicketEvent}, Func{string, Sla.SlaPolicy}, Func{string, Calendars.BusinessCalendar}, IClock)"/> checks them.
/// </remarks>
public sealed record TicketEvent
{
    /// <summary>What happened.</summary>
    public required TicketEventKind Kind { get; init; }

    /// <summary>The work order.</summary>
    public required TicketId TicketId { get; init; }

    /// <summary>The ticket's version after this event: 1 for the report, then +1 per event.</summary>
    public required int Version { get; init; }

    /// <summary>When it happened (from the injected clock, or the command's <c>occurredAt</c> for a back-dated fact; never before the previous event). Clocks count from it.</summary>
    public required Instant At { get; init; }

    /// <summary>When a back-dated fact was entered (补录时间), later than <see cref="At"/>; <see langword="null"/> for a fact recorded as it happened (<see cref="Ticket.Backdate"/>).</summary>
    public Instant? RecordedAt { get; init; }

    /// <summary>For <see cref="TicketEventKind.Reported"/>: the report.</summary>
    public TicketReport? Report { get; init; }

    /// <summary>For <see cref="TicketEventKind.Reported"/>: the SLA policy's key (<c>id@version</c>) the ticket is pinned to; for <see cref="TicketEventKind.PolicyAdopted"/>, the one adopted.</summary>
    public string? PolicyKey { get; init; }

    /// <summary>
    /// For <see cref="TicketEventKind.Reported"/>: the catalog calendar versions the ticket is pinned
    /// to; for <see cref="TicketEventKind.CalendarsAdopted"/> and <see cref="TicketEventKind.PolicyAdopted"/>,
    /// the versions adopted. <see langword="null"/> for other kinds (and reports pinned to none).
    /// </summary>
    public Calendars.CalendarKeys? CalendarKeys { get; init; }

    /// <summary>For <see cref="TicketEventKind.Dispatched"/>: the engineer sent (工程师).</summary>
    public string? Engineer { get; init; }

    /// <summary>Why: for escalation, waiting, re-opening, reclassification and cancellation (原因); for <see cref="TicketEventKind.Dispatched"/>, why the duty rota was overridden (R-ORG-2), <see langword="null"/> when the engineer was on duty.</summary>
    public string? Reason { get; init; }

    /// <summary>For <see cref="TicketEventKind.Resolved"/> and <see cref="TicketEventKind.ResolvedRemotely"/>: what fixed it (处理结果).</summary>
    public string? Resolution { get; init; }

    /// <summary>For <see cref="TicketEventKind.Reclassified"/>: the new severity code.</summary>
    public string? SeverityCode { get; init; }

    /// <summary>For <see cref="TicketEventKind.SignedOff"/>: the customer's signature and rating.</summary>
    public TicketSignOff? SignOff { get; init; }

    /// <summary>For repair plans and loaners: a free-text note (说明), optional.</summary>
    public string? Note { get; init; }

    /// <summary>The quote, for <see cref="TicketEventKind.QuoteSubmitted"/> and <see cref="TicketEventKind.QuoteAccepted"/>.</summary>
    public TicketQuote? Quote { get; init; }

    /// <summary>The old and new part, for <see cref="TicketEventKind.PartsReplaced"/>.</summary>
    public TicketPartsExchange? PartsExchange { get; init; }

    /// <summary>The loaner unit, for <see cref="TicketEventKind.LoanerProvided"/> (when the unit is named) and <see cref="TicketEventKind.LoanerReturned"/> (R-SP-5).</summary>
    public TicketLoaner? Loaner { get; init; }

    /// <summary>The part sent for return-for-repair, for <see cref="TicketEventKind.RmaSent"/> and <see cref="TicketEventKind.RmaReturned"/> (R-WO-9).</summary>
    public TicketRmaStep? Rma { get; init; }

    /// <summary>The legacy-issue review, for <see cref="TicketEventKind.LegacyIssueReviewed"/> (R-WO-6).</summary>
    public TicketReview? Review { get; init; }

    /// <summary>The data backup confirmation, for <see cref="TicketEventKind.DataBackupConfirmed"/> (R-WO-7).</summary>
    public TicketDataBackup? Backup { get; init; }

    /// <summary>For <see cref="TicketEventKind.Resolved"/> and <see cref="TicketEventKind.ResolvedRemotely"/>: the part repaired and whether repairs cannot fix it (R-WAR-6), when said.</summary>
    public TicketRepair? Repair { get; init; }

    /// <summary>For <see cref="TicketEventKind.ReplacementObligationRaised"/>: the replacement the device owes (R-WAR-6).</summary>
    public TicketObligation? Obligation { get; init; }
    /// <summary>
    /// Who recorded the event (操作人), when the host knew: the authenticated user of the request.
    /// <see langword="null"/> for events recorded without one (before 0.2, or by a process acting on its own).
    /// </summary>
    public Actor? Actor { get; init; }

    /// <summary>For <see cref="TicketEventKind.WaitingForCustomer"/>: the code of the <see cref="Sla.PauseReason"/> other than waiting for the customer (<see langword="null"/> for that default).</summary>
    public string? PauseReasonCode { get; init; }

    /// <summary>For <see cref="TicketEventKind.DueDateNegotiated"/>: which target's clock, the agreed due instant and who agreed it.</summary>
    public TicketDueDateNegotiation? Negotiation { get; init; }

    /// <summary>For example <c>v3 2026-03-01T02:00:00Z Dispatched</c>.</summary>
    public override string ToString() => $"v{Version} {At} {Kind}";
}
