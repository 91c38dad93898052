using AfterSales.Http.OpenApi;
using AfterSales.Quality.Complaints;

namespace AfterSales.Http.Contracts;

#pragma warning disable CS1591 // HTTP contracts: the OpenAPI document describes them.

/// <summary>
/// The body of <c>POST /complaints/evaluations</c>: a complaint (投诉) and what happened to it so far;
/// the answer is its status, its clocks on the complaint desk policy and the escalation due.
/// </summary>
public sealed record ComplaintRequest
{
    public required string Id { get; init; }

    public required string WorkOrderId { get; init; }

    public required string EngineerId { get; init; }

    public required Instant FiledAt { get; init; }

    public required string Summary { get; init; }

    public Instant? FirstRepliedAt { get; init; }

    public Instant? VerifiedAt { get; init; }

    public bool? EngineerResponsible { get; init; }

    public Instant? FormallyAnsweredAt { get; init; }

    public Instant? SolvedAt { get; init; }

    public Instant? VerdictAt { get; init; }

    public bool? Satisfied { get; init; }

    public Instant? ClosedAt { get; init; }

    /// <summary>The instant the clocks are read at; now when omitted.</summary>
    public Instant? At { get; init; }
}

public sealed record ComplaintResponse(string Id, [property: WireEnum(typeof(ComplaintStatus))] string Status, Instant At, IReadOnlyList<ClockResponse> Clocks, string EscalationLevel, IReadOnlyList<string> EscalationReasons);

public sealed record QuarterlyReportResponse(
    int Year,
    int Quarter,
    string Customer,
    LocalDate Start,
    LocalDate End,
    int WorkOrders,
    IReadOnlyDictionary<string, int> FaultsBySeverity,
    OnTimeResponse OverallOnTime,
    IReadOnlyList<OnTimeResponse> OnTime,
    IReadOnlyList<DurationResponse> Durations,
    IReadOnlyList<string> Suggestions);

public sealed record OnTimeResponse(string Metric, string? SeverityCode, int Met, int MetLate, int Breached, decimal? Rate);

public sealed record DurationResponse(string Code, string Name, int Count, Duration? MeanElapsed, Duration? MeanBusiness);

/// <summary>The body of <c>POST /complaints</c>: a complaint filed now (投诉登记).</summary>
public sealed record FileComplaintRequest
{
    /// <summary>The complaint's id; the service assigns one when omitted.</summary>
    public string? Id { get; init; }

    public required string WorkOrderId { get; init; }

    public required string EngineerId { get; init; }

    public required string Summary { get; init; }
}

/// <summary>Body of <c>POST /complaints/{id}/verification</c>.</summary>
public sealed record ComplaintVerificationRequest
{
    public required bool EngineerResponsible { get; init; }
}

/// <summary>Body of <c>POST /complaints/{id}/verdict</c>.</summary>
public sealed record ComplaintVerdictRequest
{
    public required bool Satisfied { get; init; }
}

public sealed record StoredComplaintResponse(
    string Id, int Version, string WorkOrderId, string EngineerId, string Summary, [property: WireEnum(typeof(ComplaintStatus))] string Status, Instant FiledAt,
    Instant? FirstRepliedAt, Instant? VerifiedAt, bool? EngineerResponsible, Instant? FormallyAnsweredAt, Instant? SolvedAt,
    Instant? VerdictAt, bool? CustomerSatisfied, Instant? ClosedAt, IReadOnlyList<ClockResponse> Clocks, string EscalationLevel, IReadOnlyList<string> EscalationReasons);
