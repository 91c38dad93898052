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
public sealed record ReasonRequest
{
    public required string Reason { get; init; }
}

/// <summary>Body of resolve and resolve-remotely.</summary>
public sealed record ResolutionRequest
{
    public required string Resolution { get; init; }
}

/// <summary>Body of dispatch.</summary>
public sealed record DispatchRequest
{
    public required string Engineer { get; init; }
}

/// <summary>Body of sign-off.</summary>
public sealed record SignOffRequest
{
    public required string Signer { get; init; }

    /// <summary>1 (very dissatisfied) to 5 (very satisfied).</summary>
    public required int Satisfaction { get; init; }

    public string? Comment { get; init; }
}

/// <summary>Body of reclassify.</summary>
public sealed record ReclassifyRequest
{
    public required string SeverityCode { get; init; }

    public required string Reason { get; init; }
}

/// <summary>Body of submit-quote: the quote's id and total (see POST /quotes to price one).</summary>
public sealed record SubmitQuoteRequest
{
    public required string QuoteId { get; init; }

    public required decimal Total { get; init; }

    /// <summary>CNY when omitted.</summary>
    public string? Currency { get; init; }
}

/// <summary>Body of accept-quote.</summary>
public sealed record AcceptQuoteRequest
{
    public required string AcceptedBy { get; init; }
}

/// <summary>Body of replace-parts: the old and new part, signed for by the customer.</summary>
public sealed record ReplacePartsRequest
{
    public required string OldPartNumber { get; init; }

    public string? OldSerialNumber { get; init; }

    public required string NewPartNumber { get; init; }

    public string? NewSerialNumber { get; init; }

    public required string SignedBy { get; init; }
}

/// <summary>Optional body of deliver-repair-plan and provide-loaner.</summary>
public sealed record NoteRequest
{
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
    string? Engineer,
    string? Reason,
    string? Resolution,
    string? SeverityCode,
    string? Signer,
    int? Satisfaction,
    string? Comment,
    string? Note,
    TicketQuote? Quote,
    TicketPartsExchange? PartsExchange)
{
    internal static TicketEventResponse From(TicketEvent e) => new(
        e.Version, e.Kind.ToString(), e.At, e.Engineer, e.Reason, e.Resolution, e.SeverityCode,
        e.SignOff?.Signer, e.SignOff?.Satisfaction, e.SignOff?.Comment, e.Note, e.Quote, e.PartsExchange);
}

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
    bool IsLegacyIssue)
{
    internal static TicketSummaryResponse From(TicketSummary s) => new(
        s.Id.Value, s.Version, s.State.ToString(), s.SeverityCode, s.PolicyKey, s.DeviceSerialNumber,
        s.ReportedAt, s.LastEventAt, s.NextDeadline, s.IsLegacyIssue);
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
