using AfterSales.Http.OpenApi;
using AfterSales.Sla;
using AfterSales.WorkOrders;

namespace AfterSales.Http.Contracts;

#pragma warning disable CS1591 // HTTP contracts: the OpenAPI document describes them.

/// <summary>The body of <c>POST /tickets</c>: a fault report (报障).</summary>
public sealed record ReportTicketRequest
{
    /// <summary>The work order's id; the service assigns one when omitted.</summary>
    public string? Id { get; init; }

    /// <summary>The SLA policy's id; the configured default when omitted.</summary>
    public string? PolicyId { get; init; }

    /// <summary>The policy version; the latest when omitted.</summary>
    public int? PolicyVersion { get; init; }

    public required ReporterContract Reporter { get; init; }

    /// <summary>How the fault was reported (报障渠道); some targets depend on it.</summary>
    [WireEnum(typeof(ReportChannel))]
    public required string Channel { get; init; }

    /// <summary>Where the device is.</summary>
    public required SiteContract Site { get; init; }

    /// <summary>The faulty device's serial number; its service history is kept by it (R-WO-10).</summary>
    public required string DeviceSerialNumber { get; init; }

    /// <summary>The fault as the reporter described it.</summary>
    public required string Symptom { get; init; }

    /// <summary>The severity code on the policy's scale (GET /policies lists them), e.g. A or 1.</summary>
    public required string SeverityCode { get; init; }

    /// <summary>When the fault occurred, if known and earlier than the report; targets counted from the fault use it (R-SLA-5).</summary>
    public Instant? FaultOccurredAt { get; init; }
}

/// <summary>Who reported the fault (报障人).</summary>
public sealed record ReporterContract
{
    /// <summary>The reporter's name.</summary>
    public required string Name { get; init; }

    /// <summary>The reporter's company or department.</summary>
    public required string Organization { get; init; }

    /// <summary>A phone number or e-mail address.</summary>
    public required string Contact { get; init; }
}

/// <summary>The site of the device (现场); on-site targets depend on its locality (R-SLA-9).</summary>
public sealed record SiteContract
{
    /// <summary>Local (same city), NonLocal (another city) or Travel (by train or plane, with a distance).</summary>
    [WireEnum(typeof(SiteLocality))]
    public required string Locality { get; init; }

    /// <summary>For Travel: the distance in km.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 100_000)]
    public int? DistanceKm { get; init; }

    /// <summary>The site's name.</summary>
    public required string Name { get; init; }

    /// <summary>The site's address.</summary>
    public required string Address { get; init; }
}

/// <summary>Body of commands that need a reason: escalate-to-vendor, reopen, wait-for-customer, cancel.</summary>
public sealed record ReasonRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>Why, in words kept with the event.</summary>
    public required string Reason { get; init; }
}

/// <summary>Body of wait-for-customer: why in words, and optionally a pause reason of the policy other than waiting for the customer.</summary>
public sealed record WaitRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>Why, in words kept with the event.</summary>
    public required string Reason { get; init; }

    /// <summary>The pause reason's code (customer-site-access, manufacturer-parts, customer-requested-delay or the policy's own); waiting-for-customer when omitted.</summary>
    public string? PauseReason { get; init; }
}

/// <summary>Body of negotiate-due-date: the metric whose running clock moves, the agreed due instant, why and who agreed it.</summary>
public sealed record NegotiateDueDateRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>The metric's code, e.g. resolved.</summary>
    public required string Metric { get; init; }

    /// <summary>The agreed due instant; not before the policy's own deadline unless the policy allows it.</summary>
    public required Instant DueAt { get; init; }

    /// <summary>Why, in words.</summary>
    public required string Reason { get; init; }

    /// <summary>Who agreed it.</summary>
    public required string NegotiatedBy { get; init; }
}

/// <summary>Body of resolve and resolve-remotely.</summary>
public sealed record ResolutionRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>What fixed it.</summary>
    public required string Resolution { get; init; }

    /// <summary>The part repaired, counted against the device's repair history (R-WAR-6); the unit as such when omitted.</summary>
    public string? RepairedPartNumber { get; init; }

    /// <summary>Whether repairs cannot fix the unit (a workaround holds it): with an earlier repair, a free replacement is owed (R-WAR-6).</summary>
    public bool Unfixable { get; init; }
}

/// <summary>Body of dispatch.</summary>
public sealed record DispatchRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>The engineer sent on site (派工): once the tenant keeps engineers (PUT /engineers/{id}), one of them, on duty now by their centre's rota (R-ORG-2).</summary>
    public required string Engineer { get; init; }

    /// <summary>Sends an engineer who is not on duty: the reason is kept on the event with who decided it.</summary>
    public DispatchOverrideContract? Override { get; init; }
}

/// <summary>Body of sign-off.</summary>
public sealed record SignOffRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>The customer who signed the service report.</summary>
    public required string Signer { get; init; }

    /// <summary>The customer's satisfaction (满意度), 1 (very dissatisfied) to 5 (very satisfied).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 5)]
    public required int Satisfaction { get; init; }

    /// <summary>The customer's comment.</summary>
    public string? Comment { get; init; }
}

/// <summary>Body of reclassify.</summary>
public sealed record ReclassifyRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>The new severity code on the policy's scale.</summary>
    public required string SeverityCode { get; init; }

    /// <summary>Why the severity changed.</summary>
    public required string Reason { get; init; }
}

/// <summary>Body of accept-quote.</summary>
public sealed record AcceptQuoteRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>The quote accepted: the work order's current quote, by id.</summary>
    public required string QuoteId { get; init; }

    /// <summary>The customer who accepted the quote.</summary>
    public required string AcceptedBy { get; init; }
}

/// <summary>Body of replace-parts: the old and new part, signed for by the customer.</summary>
public sealed record ReplacePartsRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>The removed part's number.</summary>
    public required string OldPartNumber { get; init; }

    /// <summary>The removed part's serial number.</summary>
    public string? OldSerialNumber { get; init; }

    /// <summary>The fitted part's number.</summary>
    public required string NewPartNumber { get; init; }

    /// <summary>The fitted part's serial number.</summary>
    public string? NewSerialNumber { get; init; }

    /// <summary>The customer who signed for both parts (R-WO-7).</summary>
    public required string SignedBy { get; init; }

    /// <summary>On paid work, the accepted quote the part is replaced under; checked when given (the ticket links the part to its accepted quote either way).</summary>
    public string? QuoteId { get; init; }
}

/// <summary>What every command body may carry: when the fact happened, for a back-dated fact.</summary>
public interface ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now; <see langword="null"/> for now.</summary>
    Instant? OccurredAt { get; }
}

/// <summary>Optional body of the commands that take no other field: only <c>occurredAt</c>.</summary>
public sealed record CommandRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }
}

/// <summary>Body of send-for-rma: a faulty part sent to the manufacturer (R-WO-9).</summary>
public sealed record SendForRmaRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>The RMA number the manufacturer issued (返修单号), unique within the order.</summary>
    public required string RmaNumber { get; init; }

    /// <summary>The faulty part's number.</summary>
    public required string PartNumber { get; init; }

    /// <summary>The faulty part's serial number, if it has one.</summary>
    public string? SerialNumber { get; init; }

    /// <summary>A note, e.g. carrier and tracking number.</summary>
    public string? Note { get; init; }
}

/// <summary>Body of receive-rma-return: the part came back (R-WO-9).</summary>
public sealed record ReceiveRmaReturnRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>The RMA number the part went out under.</summary>
    public required string RmaNumber { get; init; }

    /// <summary>How it came back: Repaired, Replaced or Unrepairable.</summary>
    [WireEnum(typeof(RmaOutcome))]
    public required string Outcome { get; init; }

    /// <summary>The manufacturer's finding.</summary>
    public string? Note { get; init; }
}

/// <summary>Body of review-legacy-issue (R-WO-6).</summary>
public sealed record ReviewLegacyIssueRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>Who reviewed the legacy issue.</summary>
    public required string Reviewer { get; init; }

    /// <summary>What was found and decided, e.g. the next step and the report owed to the customer.</summary>
    public required string Note { get; init; }
}

/// <summary>Body of confirm-data-backup (R-WO-7).</summary>
public sealed record ConfirmDataBackupRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>Who confirmed the backup (the engineer, or the customer's administrator).</summary>
    public required string ConfirmedBy { get; init; }

    /// <summary>What was backed up and where.</summary>
    public string? Note { get; init; }
}

/// <summary>
/// Optional body of provide-loaner (提供备机, R-SP-5): a note, or a named unit — then
/// <see cref="UnitSerialNumber"/> and <see cref="PartNumber"/> are required, the grade must be at
/// least the device's, and the order tracks the unit until return-loaner.
/// </summary>
public sealed record ProvideLoanerRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>A note kept with the event.</summary>
    public string? Note { get; init; }

    /// <summary>The loaner unit's serial number; with it the unit is tracked to its return.</summary>
    public string? UnitSerialNumber { get; init; }

    /// <summary>The loaner pool's part number (the unit's type); required with <see cref="UnitSerialNumber"/>.</summary>
    public string? PartNumber { get; init; }

    /// <summary>The service centre whose pool lends it: then the pool's stock moves with the ticket, in one transaction.</summary>
    public string? CentreId { get; init; }

    /// <summary>Who issued it from the centre's pool; required with <see cref="CentreId"/>.</summary>
    public string? IssuedBy { get; init; }

    /// <summary>The unit's grade, 0 or more, higher is better: at least the device's (the same or better); required when the device's grade is known.</summary>
    public int? Grade { get; init; }

    /// <summary>
    /// When the customer is to bring the unit back (归还期限), after the loan's instant; requires <see cref="UnitSerialNumber"/>.
    /// Not back by then, the loan is overdue: <c>aftersales.loaner.overdue</c> is emitted once at that instant.
    /// </summary>
    public Instant? ReturnBy { get; init; }
}

/// <summary>Body of return-loaner (备机归还, R-SP-5).</summary>
public sealed record ReturnLoanerRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>The loaner unit's serial number, as provided.</summary>
    public required string UnitSerialNumber { get; init; }

    /// <summary>Who took it back into the centre's pool; required when it was lent from one.</summary>
    public string? ReceivedBy { get; init; }

    /// <summary>A note, e.g. the unit's condition.</summary>
    public string? Note { get; init; }
}

/// <summary>Optional body of deliver-repair-plan.</summary>
public sealed record NoteRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>A note kept with the event.</summary>
    public string? Note { get; init; }
}

/// <summary>A work order (工单) as it stands, with its events.</summary>
/// <param name="Id">The work order's id.</param>
/// <param name="Version">Its version: the number of events; the ETag.</param>
/// <param name="State">Its workflow state.</param>
/// <param name="SeverityCode">Its severity code now.</param>
/// <param name="PolicyKey">The SLA policy and version it is measured against, id@version.</param>
/// <param name="Cycle">Its SLA cycle: 1, plus one per reopening.</param>
/// <param name="ReportedAt">When it was reported.</param>
/// <param name="LastEventAt">When it last changed.</param>
/// <param name="IsFinished">Whether it is closed or cancelled.</param>
/// <param name="PausedFrom">While waiting for the customer: the state it resumes to.</param>
/// <param name="Engineer">The engineer dispatched, if any.</param>
/// <param name="Resolution">What fixed it, once resolved.</param>
/// <param name="ObservationStartedAt">When the observation period (运行观察期) started.</param>
/// <param name="CancellationReason">Why it was cancelled.</param>
/// <param name="IsBillable">Whether the work is paid (out of warranty, R-WAR-8): as the entitlement check at report decided, or once a quote was submitted.</param>
/// <param name="Report">What was reported, with the entitlement check made then (R-WO-1).</param>
/// <param name="Rmas">The parts sent for return-for-repair (R-WO-9) and their returns.</param>
/// <param name="LastLegacyReview">The last review as a legacy issue (R-WO-6), if any.</param>
/// <param name="LastLegacyReviewAt">When it was last reviewed as a legacy issue.</param>
/// <param name="DataBackupRequired">Whether the contract asks for a data backup before on-site changes (R-WO-7).</param>
/// <param name="DataBackup">The data backup confirmation, once given.</param>
/// <param name="ReplacementObligations">The replacements the device came to owe when this order was resolved (R-WAR-6).</param>
/// <param name="Loaners">The loaner units lent the customer (R-SP-5) and their returns; the order closes only when every one is back.</param>
/// <param name="PermittedCommands">The commands it accepts now: POST /tickets/{id}/{command}.</param>
/// <param name="Events">Its latest events (at most the default page size), oldest first; <c>version</c> is how many it has in all.</param>
/// <param name="History">The link to its whole history, a page of events at a time (GET /tickets/{id}/events).</param>
/// <param name="CalendarKeys">The catalog calendar versions its clocks count on now, id@version: the report's, updated by each adoption.</param>
public sealed record TicketResponse(
    string Id,
    int Version,
    [property: WireEnum(typeof(TicketState), nameof(TicketState.Open), nameof(TicketState.Unrestored), nameof(TicketState.Active))] string State,
    string SeverityCode,
    string PolicyKey,
    int Cycle,
    Instant ReportedAt,
    Instant LastEventAt,
    bool IsFinished,
    [property: WireEnum(typeof(TicketState), nameof(TicketState.Open), nameof(TicketState.Unrestored), nameof(TicketState.Active))] string? PausedFrom,
    string? Engineer,
    string? Resolution,
    Instant? ObservationStartedAt,
    string? CancellationReason,
    bool IsBillable,
    ReportResponse Report,
    IReadOnlyList<RmaResponse> Rmas,
    TicketReview? LastLegacyReview,
    Instant? LastLegacyReviewAt,
    bool DataBackupRequired,
    TicketDataBackup? DataBackup,
    IReadOnlyList<ObligationResponse> ReplacementObligations,
    IReadOnlyList<LoanerResponse> Loaners,
    [property: WireEnum(typeof(TicketTrigger), KebabCase = true)] IReadOnlyList<string> PermittedCommands,
    IReadOnlyList<TicketEventResponse> Events,
    string History,
    IReadOnlyList<string> CalendarKeys)
{
    /// <summary>The ticket with its latest <paramref name="eventLimit"/> events; <paramref name="history"/> pages through all of them.</summary>
    internal static TicketResponse From(Ticket t, int eventLimit, string history) => new(
        t.Id.Value,
        t.Version,
        t.State.ToString(),
        t.SeverityCode,
        t.PolicyKey,
        t.Cycle,
        t.ReportedAt,
        t.LastEventAt,
        t.IsFinished,
        t.PausedFrom?.ToString(),
        t.Engineer,
        t.Resolution,
        t.ObservationStartedAt,
        t.CancellationReason,
        t.IsBillable,
        ReportResponse.From(t.ReportDetails),
        [.. t.Rmas.Select(static r => new RmaResponse(r.RmaNumber, r.PartNumber, r.SerialNumber, r.SentAt, r.ReturnedAt, r.Outcome?.ToString()))],
        t.LastLegacyReview,
        t.LastLegacyReviewAt,
        t.DataBackupRequired,
        t.DataBackup,
        [.. t.ReplacementObligations.Select(ObligationResponse.From)],
        [.. t.Loaners.Select(static l => new LoanerResponse(l.Loaner.UnitSerialNumber, l.Loaner.PartNumber, l.Loaner.CentreId, l.Loaner.Grade, l.ProvidedAt, l.ReturnedAt, l.Loaner.ReturnBy))],
        [.. t.PermittedTriggers().Select(static p => p.ToCommandName())],
        [.. t.Events.Skip(Math.Max(0, t.Events.Count - eventLimit)).Select(TicketEventResponse.From)],
        history,
        [.. t.CalendarKeys]);
}

/// <summary>A page of a work order's events, oldest first.</summary>
/// <param name="TicketId">The work order's id.</param>
/// <param name="Version">Its version: how many events it has.</param>
/// <param name="Items">The events of this page, by version.</param>
/// <param name="Next">The link to the following page; null on the last.</param>
public sealed record TicketEventPageResponse(string TicketId, int Version, IReadOnlyList<TicketEventResponse> Items, string? Next);

/// <summary>Who recorded an event (操作人), as their token named them.</summary>
/// <param name="Subject">The user's stable id (the token's sub claim).</param>
/// <param name="Name">The user's display name (the token's name claim), if it had one.</param>
public sealed record ActorResponse(string Subject, string? Name)
{
    internal static ActorResponse? From(Actor? a) => a is null ? null : new(a.Subject, a.DisplayName);
}

/// <summary>What was reported.</summary>
/// <param name="Reporter">Who reported it.</param>
/// <param name="Channel">How it was reported.</param>
/// <param name="Site">Where the device is.</param>
/// <param name="DeviceSerialNumber">The device's serial number.</param>
/// <param name="Symptom">The fault as described.</param>
/// <param name="SeverityCode">The severity code it was reported with.</param>
/// <param name="FaultOccurredAt">When the fault occurred, if given.</param>
/// <param name="Entitlement">The entitlement check made at report (R-WO-1); absent when the service runs none.</param>
public sealed record ReportResponse(
    ReporterContract Reporter,
    [property: WireEnum(typeof(ReportChannel))] string Channel,
    SiteContract Site,
    string DeviceSerialNumber,
    string Symptom,
    string SeverityCode,
    Instant? FaultOccurredAt,
    EntitlementResponse? Entitlement)
{
    internal static ReportResponse From(TicketReport r) => new(
        new ReporterContract { Name = r.Reporter.Name, Organization = r.Reporter.Organization, Contact = r.Reporter.Contact },
        r.Channel.ToString(),
        new SiteContract { Locality = r.Site.Location.Locality.ToString(), DistanceKm = r.Site.Location.DistanceKm, Name = r.Site.Name, Address = r.Site.Address },
        r.DeviceSerialNumber,
        r.Symptom,
        r.SeverityCode,
        r.FaultOccurredAt,
        EntitlementResponse.From(r.Entitlement));
}

/// <summary>One event of a work order's history.</summary>
/// <param name="Version">The ticket's version this event made.</param>
/// <param name="Kind">What happened.</param>
/// <param name="At">When it happened (the occurredAt of a back-dated fact); clocks count from it.</param>
/// <param name="RecordedAt">When a back-dated fact was entered; absent for a fact recorded as it happened.</param>
/// <param name="Engineer">The engineer, for a dispatch.</param>
/// <param name="Reason">The reason given, if any.</param>
/// <param name="Resolution">The resolution, for a resolve.</param>
/// <param name="SeverityCode">The severity code, for a report or reclassification.</param>
/// <param name="Signer">The customer who signed off.</param>
/// <param name="Satisfaction">The customer's satisfaction, 1 to 5, at sign-off.</param>
/// <param name="Comment">The customer's comment at sign-off.</param>
/// <param name="Note">A note, for a repair plan or loaner.</param>
/// <param name="Quote">The quote, when one was submitted or accepted.</param>
/// <param name="PartsExchange">The parts exchanged, for a replacement.</param>
/// <param name="PolicyKey">The SLA policy version, for Reported and PolicyAdopted, id@version.</param>
/// <param name="CalendarKeys">The calendar versions pinned (Reported) or adopted (CalendarsAdopted, PolicyAdopted), id@version.</param>
/// <param name="Rma">The part sent for return-for-repair or received back (R-WO-9).</param>
/// <param name="Review">The legacy-issue review (R-WO-6).</param>
/// <param name="Backup">The data backup confirmation (R-WO-7).</param>
/// <param name="Repair">For a resolve: the part repaired and whether repairs cannot fix it (R-WAR-6).</param>
/// <param name="Obligation">For ReplacementObligationRaised: the replacement the device owes (R-WAR-6).</param>
/// <param name="Loaner">For LoanerProvided (a named unit) and LoanerReturned: the loaner unit (R-SP-5).</param>
/// <param name="PauseReason">For WaitingForCustomer: the pause reason's code when it is not waiting-for-customer.</param>
/// <param name="Negotiation">For DueDateNegotiated: the metric, the agreed due instant and who agreed it.</param>
/// <param name="Actor">Who recorded it; null when recorded without a signed-in user.</param>
public sealed record TicketEventResponse(
    int Version,
    [property: WireEnum(typeof(TicketEventKind))] string Kind,
    Instant At,
    Instant? RecordedAt,
    string? Engineer,
    string? Reason,
    string? Resolution,
    string? SeverityCode,
    string? Signer,
    int? Satisfaction,
    string? Comment,
    string? Note,
    QuoteResponse? Quote,
    TicketPartsExchange? PartsExchange,
    string? PolicyKey,
    IReadOnlyList<string>? CalendarKeys,
    RmaStepResponse? Rma,
    TicketReview? Review,
    TicketDataBackup? Backup,
    TicketRepair? Repair,
    ObligationResponse? Obligation,
    TicketLoaner? Loaner,
    string? PauseReason,
    TicketDueDateNegotiation? Negotiation,
    ActorResponse? Actor)
{
    internal static TicketEventResponse From(TicketEvent e) => new(
        e.Version, e.Kind.ToString(), e.At, e.RecordedAt, e.Engineer, e.Reason, e.Resolution, e.SeverityCode,
        e.SignOff?.Signer, e.SignOff?.Satisfaction, e.SignOff?.Comment, e.Note,
        e.Quote is { } q ? new QuoteResponse(q.QuoteId, e.TicketId.Value, q.PriceListKey, q.IssuedOn, q.Currency,
            [.. q.Lines.Select(static l => new QuoteLineResponse(l.Kind.ToString(), l.Description, l.PartNumber, l.Quantity, l.UnitPrice, l.Total, l.Note))],
            q.Lines.Where(static l => l.Kind == AfterSales.Entitlements.Quotes.QuoteLineKind.Part).Sum(static l => l.Total), q.Total, q.AcceptedBy, false) : null,
        e.PartsExchange,
        e.PolicyKey, e.CalendarKeys is { } keys ? [.. keys] : null,
        e.Rma is { } r ? new RmaStepResponse(r.RmaNumber, r.PartNumber, r.SerialNumber, r.Outcome?.ToString(), r.Note) : null, e.Review, e.Backup, e.Repair,
        e.Obligation is { } o ? ObligationResponse.From(o) : null,
        e.Loaner,
        e.PauseReasonCode,
        e.Negotiation,
        ActorResponse.From(e.Actor));
}

/// <summary>A replacement a device owes under its contract's repair-count rule (R-WAR-6).</summary>
/// <param name="Scope">WholeUnit or KeyPart.</param>
/// <param name="PartNumber">The part to replace; absent for the whole unit.</param>
/// <param name="RepairCount">How many times it was repaired.</param>
/// <param name="Limit">The contract's limit.</param>
/// <param name="Reason">Why, in one line.</param>
public sealed record ObligationResponse([property: WireEnum(typeof(AfterSales.Entitlements.Warranty.ReplacementScope))] string Scope, string? PartNumber, int RepairCount, int Limit, string Reason)
{
    internal static ObligationResponse From(TicketObligation o) => new(o.Scope.ToString(), o.PartNumber, o.RepairCount, o.Limit, o.Reason);

    internal static ObligationResponse From(AfterSales.Entitlements.Warranty.ReplacementObligation o) => new(o.Scope.ToString(), o.PartNumber, o.RepairCount, o.Limit, o.Reason);
}

/// <summary>A loaner unit lent the customer (备机, R-SP-5) and, once back, when.</summary>
/// <param name="UnitSerialNumber">The unit's serial number.</param>
/// <param name="PartNumber">The loaner pool's part number.</param>
/// <param name="CentreId">The service centre whose pool lent it.</param>
/// <param name="Grade">The unit's grade.</param>
/// <param name="ProvidedAt">When it was provided: the instant that met the loaner clock.</param>
/// <param name="ReturnedAt">When it came back; absent while the customer has it.</param>
/// <param name="ReturnBy">When it is to be back (归还期限), if agreed.</param>
public sealed record LoanerResponse(string UnitSerialNumber, string? PartNumber, string? CentreId, int? Grade, Instant ProvidedAt, Instant? ReturnedAt, Instant? ReturnBy);

/// <summary>A part sent for return-for-repair (R-WO-9) and, once back, its outcome.</summary>
public sealed record RmaResponse(string RmaNumber, string PartNumber, string? SerialNumber, Instant SentAt, Instant? ReturnedAt, [property: WireEnum(typeof(RmaOutcome))] string? Outcome);

/// <summary>One RMA step as an event records it.</summary>
public sealed record RmaStepResponse(string RmaNumber, string? PartNumber, string? SerialNumber, [property: WireEnum(typeof(RmaOutcome))] string? Outcome, string? Note);

/// <summary>A work order in a list.</summary>
/// <param name="Id">The work order's id.</param>
/// <param name="Version">Its version.</param>
/// <param name="State">Its workflow state.</param>
/// <param name="SeverityCode">Its severity code.</param>
/// <param name="PolicyKey">Its SLA policy, id@version.</param>
/// <param name="DeviceSerialNumber">The device's serial number.</param>
/// <param name="ReportedAt">When it was reported.</param>
/// <param name="LastEventAt">When it last changed.</param>
/// <param name="NextDeadline">Its next SLA warning or due instant while open.</param>
/// <param name="IsLegacyIssue">Whether a clock breached or was met late (遗留问题, R-WO-6).</param>
/// <param name="Provisional">Whether a clock not yet stopped reached a year its calendar has no holiday data for, counted as plain weeks: its deadline may move when the year is loaded.</param>
/// <param name="LastLegacyReviewAt">When it was last reviewed as a legacy issue, if ever.</param>
public sealed record TicketSummaryResponse(
    string Id,
    int Version,
    [property: WireEnum(typeof(TicketState), nameof(TicketState.Open), nameof(TicketState.Unrestored), nameof(TicketState.Active))] string State,
    string SeverityCode,
    string PolicyKey,
    string DeviceSerialNumber,
    Instant ReportedAt,
    Instant LastEventAt,
    Instant? NextDeadline,
    bool IsLegacyIssue,
    bool Provisional,
    Instant? LastLegacyReviewAt)
{
    internal static TicketSummaryResponse From(TicketSummary s) => new(
        s.Id.Value, s.Version, s.State.ToString(), s.SeverityCode, s.PolicyKey, s.DeviceSerialNumber,
        s.ReportedAt, s.LastEventAt, s.NextDeadline, s.IsLegacyIssue, s.IsProvisional, s.LastLegacyReviewAt);
}

/// <summary>One page of a list.</summary>
/// <param name="Items">The items of the page.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">The page size asked for.</param>
/// <param name="HasMore">Whether a next page has items.</param>
public sealed record TicketPageResponse(IReadOnlyList<TicketSummaryResponse> Items, int Page, int PageSize, bool HasMore);

/// <summary>A work order's SLA clocks at an instant.</summary>
/// <param name="TicketId">The work order's id.</param>
/// <param name="Version">Its version.</param>
/// <param name="At">The instant the clocks were read at.</param>
/// <param name="Clocks">One clock per target of the policy that applies (per occurrence for a recurring metric).</param>
/// <param name="Recurring">Per recurring metric (next-response …): how many occurrences, met, overdue and open, and the worst.</param>
public sealed record ClocksResponse(string TicketId, int Version, Instant At, IReadOnlyList<ClockResponse> Clocks, IReadOnlyList<OccurrenceSummaryResponse> Recurring);

/// <summary>The occurrences of one recurring metric (周期性时限汇总).</summary>
/// <param name="Metric">The metric's code, e.g. next-response.</param>
/// <param name="Count">How many occurrences.</param>
/// <param name="Met">How many were answered in time.</param>
/// <param name="Overdue">How many were breached or answered late.</param>
/// <param name="Open">How many still wait for an answer.</param>
/// <param name="WorstOccurrence">The occurrence with the least time to spare (most overdue).</param>
/// <param name="WorstRemaining">Its remaining time; negative when overdue.</param>
public sealed record OccurrenceSummaryResponse(string Metric, int Count, int Met, int Overdue, int Open, int? WorstOccurrence, Duration? WorstRemaining)
{
    internal static OccurrenceSummaryResponse From(SlaOccurrenceSummary s) =>
        new(s.Metric.Code, s.Count, s.Met, s.Overdue, s.Open, s.Worst?.Occurrence, s.Worst?.Remaining);
}

/// <summary>Paused time of a clock for one pause reason.</summary>
/// <param name="Reason">The pause reason's code, e.g. manufacturer-parts.</param>
/// <param name="BusinessTime">The business time paused for it.</param>
public sealed record PausedTimeResponse(string Reason, Duration BusinessTime);

/// <summary>One SLA clock (服务时限): where a target stands and how its due instant was reached.</summary>
/// <param name="Metric">The metric's code, e.g. response, on-site, restore, resolve.</param>
/// <param name="Status">Where the clock stands.</param>
/// <param name="SeverityCode">The severity the target applies to.</param>
/// <param name="Cycle">The SLA cycle.</param>
/// <param name="Target">The target in words.</param>
/// <param name="StartedAt">When the clock started, once its anchor was reached.</param>
/// <param name="DueAt">When it is due; while paused, assuming work resumes now.</param>
/// <param name="StoppedAt">When the stopping milestone was reached.</param>
/// <param name="Allowed">The business time allowed.</param>
/// <param name="Elapsed">The business time used so far.</param>
/// <param name="Remaining">The business time left; negative once breached.</param>
/// <param name="PausedBusinessTime">Business time spent waiting for the customer.</param>
/// <param name="Warnings">The warning thresholds and when they are reached.</param>
/// <param name="Explanation">How the due instant was reached, line by line.</param>
/// <param name="Provisional">Whether the clock reached a year its calendar has no holiday data for, counted as plain weeks; the explanation names the year.</param>
/// <param name="PolicyKey">The SLA policy version the clock was computed with, id@version.</param>
/// <param name="CalendarKey">The calendar version the clock was computed with, id@version.</param>
/// <param name="StoppedBy">The milestone that stopped the clock: its own (met) or one that made it moot; null while not stopped.</param>
/// <param name="Escalations">The target's escalation levels as instants, in time order; a level after the due instant is reached only by a breached clock.</param>
/// <param name="Occurrence">For a recurring metric, which occurrence (1, 2 …); null otherwise.</param>
/// <param name="PausedByReason">The paused business time by pause reason.</param>
/// <param name="AgreedDueAt">The due instant agreed with the customer, if any (dueAt is the policy's own when that is later and the policy allows no earlier date).</param>
/// <param name="PolicyDueAt">The policy's own due instant, before any agreement.</param>
public sealed record ClockResponse(
    string Metric,
    [property: WireEnum(typeof(SlaClockStatus))] string Status,
    string SeverityCode,
    int Cycle,
    string Target,
    Instant? StartedAt,
    Instant? DueAt,
    Instant? StoppedAt,
    Duration Allowed,
    Duration Elapsed,
    Duration Remaining,
    Duration PausedBusinessTime,
    IReadOnlyList<WarningResponse> Warnings,
    IReadOnlyList<string> Explanation,
    bool Provisional,
    string PolicyKey,
    string CalendarKey,
    string? StoppedBy,
    IReadOnlyList<EscalationResponse> Escalations,
    int? Occurrence,
    IReadOnlyList<PausedTimeResponse> PausedByReason,
    Instant? AgreedDueAt,
    Instant? PolicyDueAt)
{
    internal static ClockResponse From(SlaClock c) => new(
        c.Metric.Code, c.Status.ToString(), c.SeverityCode, c.Cycle, c.Target.Description,
        c.StartedAt, c.DueAt, c.StoppedAt, c.Allowed, c.Elapsed, c.Remaining, c.PausedBusinessTime,
        [.. c.Warnings.Select(static w => new WarningResponse(w.Percent, w.At, w.IsReached))],
        c.Explanation, c.IsProvisional, c.PolicyKey, c.CalendarKey, c.StoppedBy?.Code,
        [.. c.Escalations.Select(static e => new EscalationResponse(e.Key, e.Level.Name, e.Level.Notify, e.At, e.IsReached))],
        c.Occurrence, [.. c.PausedByReason.Select(static p => new PausedTimeResponse(p.Reason.Code, p.BusinessTime))], c.AgreedDueAt, c.PolicyDueAt);
}

/// <summary>A warning threshold of a clock.</summary>
/// <param name="Percent">The share of the allowed time, in percent.</param>
/// <param name="At">When the threshold is reached.</param>
/// <param name="IsReached">Whether it was reached at the instant read.</param>
public sealed record WarningResponse(int Percent, Instant At, bool IsReached);

/// <summary>An escalation level of a clock as an instant; <c>key</c> (metric/cycle/level) is stable, so an event per level can be emitted once.</summary>
/// <param name="Key">metric/cycle/level, stable for the clock.</param>
/// <param name="Name">The level's name.</param>
/// <param name="Notify">Who the level goes to.</param>
/// <param name="At">When the level is due, moved by pauses like the deadline.</param>
/// <param name="IsReached">Whether it was reached at the instant read.</param>
public sealed record EscalationResponse(string Key, string Name, IReadOnlyList<string> Notify, Instant At, bool IsReached);

/// <summary>The body of <c>POST /tickets/{id}/adopt-policy</c>: the version to adopt, the latest when omitted.</summary>
public sealed record AdoptPolicyRequest
{
    /// <summary>The policy version to adopt; the latest when omitted.</summary>
    public int? PolicyVersion { get; init; }
}

/// <summary>The body of <c>POST /tickets/adopt-policy</c>: the tickets to move to a version of their policy (the latest when omitted).</summary>
public sealed record BulkAdoptPolicyRequest
{
    /// <summary>The work orders, 1 to 200.</summary>
    public required IReadOnlyList<string> TicketIds { get; init; }

    /// <summary>The policy version to adopt; the latest when omitted.</summary>
    public int? PolicyVersion { get; init; }
}

/// <summary>What <c>POST /tickets/adopt-policy</c> did per ticket: adopted (with the new ticket version) or why not.</summary>
/// <param name="Adopted">The work orders that adopted the version.</param>
/// <param name="Refused">The work orders that did not, with the status a single request would have had and why.</param>
public sealed record BulkAdoptPolicyResponse(IReadOnlyList<AdoptedTicketResponse> Adopted, IReadOnlyList<RefusedTicketResponse> Refused);

/// <summary>A work order that adopted a policy version.</summary>
/// <param name="Id">The work order's id.</param>
/// <param name="Version">Its version after the adoption.</param>
/// <param name="PolicyKey">The policy version it adopted, id@version.</param>
public sealed record AdoptedTicketResponse(string Id, int Version, string PolicyKey);

/// <summary>A work order that did not adopt a policy version.</summary>
/// <param name="Id">The work order's id.</param>
/// <param name="Status">The HTTP status a single request would have had.</param>
/// <param name="Reason">Why.</param>
public sealed record RefusedTicketResponse(string Id, int Status, string Reason);
