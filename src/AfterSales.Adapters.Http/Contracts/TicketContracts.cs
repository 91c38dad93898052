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

    /// <summary>Phone, WalkIn, Email, Fax, Online or Monitoring.</summary>
    public required string Channel { get; init; }

    public required SiteContract Site { get; init; }

    public required string DeviceSerialNumber { get; init; }

    public required string Symptom { get; init; }

    public required string SeverityCode { get; init; }

    public Instant? FaultOccurredAt { get; init; }
}

public sealed record ReporterContract
{
    public required string Name { get; init; }

    public required string Organization { get; init; }

    public required string Contact { get; init; }
}

public sealed record SiteContract
{
    /// <summary>Local, NonLocal or Travel.</summary>
    public required string Locality { get; init; }

    /// <summary>For Travel: the distance in km.</summary>
    public int? DistanceKm { get; init; }

    public required string Name { get; init; }

    public required string Address { get; init; }
}

/// <summary>Body of commands that need a reason: escalate-to-vendor, reopen, wait-for-customer, cancel.</summary>
public sealed record ReasonRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    public required string Reason { get; init; }
}

/// <summary>Body of resolve and resolve-remotely.</summary>
public sealed record ResolutionRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    public required string Resolution { get; init; }
}

/// <summary>Body of dispatch.</summary>
public sealed record DispatchRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    public required string Engineer { get; init; }
}

/// <summary>Body of sign-off.</summary>
public sealed record SignOffRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    public required string Signer { get; init; }

    /// <summary>1 (very dissatisfied) to 5 (very satisfied).</summary>
    public required int Satisfaction { get; init; }

    public string? Comment { get; init; }
}

/// <summary>Body of reclassify.</summary>
public sealed record ReclassifyRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    public required string SeverityCode { get; init; }

    public required string Reason { get; init; }
}

/// <summary>Body of submit-quote: the quote's id and total (see POST /quotes to price one).</summary>
public sealed record SubmitQuoteRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    public required string QuoteId { get; init; }

    public required decimal Total { get; init; }

    /// <summary>CNY when omitted.</summary>
    public string? Currency { get; init; }
}

/// <summary>Body of accept-quote.</summary>
public sealed record AcceptQuoteRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    public required string AcceptedBy { get; init; }
}

/// <summary>Body of replace-parts: the old and new part, signed for by the customer.</summary>
public sealed record ReplacePartsRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    public required string OldPartNumber { get; init; }

    public string? OldSerialNumber { get; init; }

    public required string NewPartNumber { get; init; }

    public string? NewSerialNumber { get; init; }

    public required string SignedBy { get; init; }
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
    public Instant? OccurredAt { get; init; }

    public required string RmaNumber { get; init; }

    public required string PartNumber { get; init; }

    public string? SerialNumber { get; init; }

    public string? Note { get; init; }
}

/// <summary>Body of receive-rma-return: the part came back (R-WO-9).</summary>
public sealed record ReceiveRmaReturnRequest : ICommandRequest
{
    public Instant? OccurredAt { get; init; }

    public required string RmaNumber { get; init; }

    /// <summary>Repaired, Replaced or Unrepairable.</summary>
    public required string Outcome { get; init; }

    public string? Note { get; init; }
}

/// <summary>Body of review-legacy-issue (R-WO-6).</summary>
public sealed record ReviewLegacyIssueRequest : ICommandRequest
{
    public Instant? OccurredAt { get; init; }

    public required string Reviewer { get; init; }

    public required string Note { get; init; }
}

/// <summary>Body of confirm-data-backup (R-WO-7).</summary>
public sealed record ConfirmDataBackupRequest : ICommandRequest
{
    public Instant? OccurredAt { get; init; }

    public required string ConfirmedBy { get; init; }

    public string? Note { get; init; }
}

/// <summary>Optional body of deliver-repair-plan and provide-loaner.</summary>
public sealed record NoteRequest : ICommandRequest
{
    /// <summary>When the fact happened, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    public string? Note { get; init; }
}

public sealed record TicketResponse(
    string Id,
    int Version,
    string State,
    string SeverityCode,
    string PolicyKey,
    int Cycle,
    Instant ReportedAt,
    Instant LastEventAt,
    bool IsFinished,
    string? PausedFrom,
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
    IReadOnlyList<string> PermittedCommands,
    IReadOnlyList<TicketEventResponse> Events)
{
    internal static TicketResponse From(Ticket t) => new(
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
        [.. t.PermittedTriggers().Select(static p => p.ToCommandName())],
        [.. t.Events.Select(TicketEventResponse.From)]);
}

public sealed record ReportResponse(
    ReporterContract Reporter,
    string Channel,
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

public sealed record TicketEventResponse(
    int Version,
    string Kind,
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
    TicketQuote? Quote,
    TicketPartsExchange? PartsExchange,
    RmaStepResponse? Rma,
    TicketReview? Review,
    TicketDataBackup? Backup)
{
    internal static TicketEventResponse From(TicketEvent e) => new(
        e.Version, e.Kind.ToString(), e.At, e.RecordedAt, e.Engineer, e.Reason, e.Resolution, e.SeverityCode,
        e.SignOff?.Signer, e.SignOff?.Satisfaction, e.SignOff?.Comment, e.Note, e.Quote, e.PartsExchange,
        e.Rma is { } r ? new RmaStepResponse(r.RmaNumber, r.PartNumber, r.SerialNumber, r.Outcome?.ToString(), r.Note) : null, e.Review, e.Backup);
}

/// <summary>A part sent for return-for-repair (R-WO-9) and, once back, its outcome.</summary>
public sealed record RmaResponse(string RmaNumber, string PartNumber, string? SerialNumber, Instant SentAt, Instant? ReturnedAt, string? Outcome);

/// <summary>One RMA step as an event records it.</summary>
public sealed record RmaStepResponse(string RmaNumber, string? PartNumber, string? SerialNumber, string? Outcome, string? Note);

public sealed record TicketSummaryResponse(
    string Id,
    int Version,
    string State,
    string SeverityCode,
    string PolicyKey,
    string DeviceSerialNumber,
    Instant ReportedAt,
    Instant LastEventAt,
    Instant? NextDeadline,
    bool IsLegacyIssue,
    Instant? LastLegacyReviewAt)
{
    internal static TicketSummaryResponse From(TicketSummary s) => new(
        s.Id.Value, s.Version, s.State.ToString(), s.SeverityCode, s.PolicyKey, s.DeviceSerialNumber,
        s.ReportedAt, s.LastEventAt, s.NextDeadline, s.IsLegacyIssue, s.LastLegacyReviewAt);
}

public sealed record TicketPageResponse(IReadOnlyList<TicketSummaryResponse> Items, int Page, int PageSize, bool HasMore);

public sealed record ClocksResponse(string TicketId, int Version, Instant At, IReadOnlyList<ClockResponse> Clocks);

public sealed record ClockResponse(
    string Metric,
    string Status,
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
    IReadOnlyList<string> Explanation)
{
    internal static ClockResponse From(SlaClock c) => new(
        c.Metric.Code, c.Status.ToString(), c.SeverityCode, c.Cycle, c.Target.Description,
        c.StartedAt, c.DueAt, c.StoppedAt, c.Allowed, c.Elapsed, c.Remaining, c.PausedBusinessTime,
        [.. c.Warnings.Select(static w => new WarningResponse(w.Percent, w.At, w.IsReached))],
        c.Explanation);
}

public sealed record WarningResponse(int Percent, Instant At, bool IsReached);
