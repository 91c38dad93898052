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

/// <summary>The quarterly report as JSON: every figure of the HTML report, with the reason when one has no value.</summary>
public sealed record QuarterlyReportResponse(
    int Year,
    int Quarter,
    string Customer,
    LocalDate Start,
    LocalDate End,
    Instant AsOf,
    Instant MeasuredUntil,
    bool Partial,
    int TermsVersion,
    int WorkOrders,
    int MajorFaults,
    IReadOnlyList<SeverityCountResponse> FaultsBySeverity,
    OnTimeResponse OverallOnTime,
    IReadOnlyList<OnTimeResponse> OnTime,
    IReadOnlyList<DurationResponse> Durations,
    AvailabilityResponse Availability,
    RateResponse Satisfaction,
    IReadOnlyList<SurveyItemResponse> SurveyItems,
    RateResponse Callbacks,
    RateResponse PartsShipments,
    IReadOnlyList<PartTypeResponse> PartTypes,
    IReadOnlyList<QualityTargetResponse> Targets,
    IReadOnlyList<RemarkResponse> Remarks,
    int RemarkCount,
    IReadOnlyList<MonthFiguresResponse> Months,
    IReadOnlyList<string> NextQuarterPlan,
    IReadOnlyList<PausedTimeFigureResponse> PausedTime);

/// <summary>The quarter's paused business time for one metric and pause reason.</summary>
/// <param name="Metric">The metric's code.</param>
/// <param name="Reason">The pause reason's code.</param>
/// <param name="NameZh">The reason's Chinese name.</param>
/// <param name="NameEn">The reason's English name.</param>
/// <param name="BusinessTime">The paused business time summed over the quarter's work orders.</param>
/// <param name="Clocks">How many clocks paused for it.</param>
public sealed record PausedTimeFigureResponse(string Metric, string Reason, string NameZh, string NameEn, Duration BusinessTime, int Clocks);

public sealed record SeverityCountResponse(string Code, string NameZh, string NameEn, int Count);

public sealed record OnTimeResponse(string Metric, string? SeverityCode, int Met, int MetLate, int Breached, decimal? Rate);

public sealed record DurationResponse(string Code, string Name, int Count, Duration? MeanElapsed, Duration? MeanBusiness);

public sealed record AvailabilityResponse(decimal? Mean, string? NoData, IReadOnlyList<DeviceAvailabilityResponse> Devices);

public sealed record DeviceAvailabilityResponse(string SerialNumber, Duration Downtime, Duration Measured, decimal Availability);

/// <summary>A count out of a total and their ratio; <c>noData</c> says why there is no ratio.</summary>
public sealed record RateResponse(int Count, int Total, decimal? Rate, string? NoData);

public sealed record SurveyItemResponse(string Code, string NameZh, string NameEn, int Answers, decimal? Mean, string? NoData);

public sealed record PartTypeResponse(string PartType, int Count);

public sealed record QualityTargetResponse(string Code, string NameZh, string NameEn, decimal? Actual, decimal Target, bool? Met, decimal? Gap, string? NoData);

public sealed record RemarkResponse(string WorkOrderId, LocalDate On, string Text);

public sealed record MonthFiguresResponse(string Month, bool Started, bool Partial, int WorkOrders, int MajorFaults, decimal? OnTimeRate);

/// <summary>Body of <c>POST /tickets/{id}/survey</c>: the customer's answers (满意度调查), each item 1–5 or left out.</summary>
public sealed record SurveyRequest
{
    public int? Skill { get; init; }

    public int? Attitude { get; init; }

    public int? Timeliness { get; init; }

    public string? Suggestions { get; init; }

    /// <summary>The day the customer answered; today (report zone) when omitted; not in the future.</summary>
    public LocalDate? AnsweredOn { get; init; }
}

/// <summary>Body of <c>POST /tickets/{id}/callbacks</c>: a callback made now (客户回访).</summary>
public sealed record CallbackRequest
{
    /// <summary>The record's id; the service assigns one when omitted.</summary>
    public string? Id { get; init; }

    public required string CalledBy { get; init; }

    public required bool Reached { get; init; }

    public string? Note { get; init; }
}

/// <summary>Body of <c>POST /tickets/{id}/shipments</c>: a parts shipment against its order (备件发货).</summary>
public sealed record ShipmentRequest
{
    /// <summary>The shipment's id; the service assigns one when omitted.</summary>
    public string? Id { get; init; }

    /// <summary>The day shipped; today (report zone) when omitted.</summary>
    public LocalDate? ShippedOn { get; init; }

    public required string OrderedPartNumber { get; init; }

    public int OrderedQuantity { get; init; } = 1;

    public required string ShippedPartNumber { get; init; }

    public int ShippedQuantity { get; init; } = 1;
}

public sealed record SurveyResponse(string WorkOrderId, LocalDate AnsweredOn, int? Skill, int? Attitude, int? Timeliness, string Suggestions);

public sealed record CallbackResponse(string Id, string WorkOrderId, Instant CalledAt, string CalledBy, bool Reached, string Note);

public sealed record ShipmentResponse(string Id, string WorkOrderId, LocalDate ShippedOn, string OrderedPartNumber, int OrderedQuantity, string ShippedPartNumber, int ShippedQuantity, bool Correct);

public sealed record RatingResponse(LocalDate RatedOn, int Score, bool Satisfied, string Comment);

public sealed record CallbackDueResponse(LocalDate DueOn, bool InWarranty, bool Done);

/// <summary>What is recorded against a work order for the quality figures.</summary>
public sealed record WorkOrderQualityResponse(
    string WorkOrderId,
    IReadOnlyList<RatingResponse> Ratings,
    SurveyResponse? Survey,
    CallbackDueResponse? CallbackDue,
    IReadOnlyList<CallbackResponse> Callbacks,
    IReadOnlyList<ShipmentResponse> Shipments);

public sealed record ChecklistItemDocument
{
    public required string Code { get; init; }

    public required string NameZh { get; init; }

    public required string NameEn { get; init; }
}

/// <summary>A checklist: a preset by <c>preset</c> (<c>kiosk-000</c>, <c>cctv-004</c>), or written out.</summary>
public sealed record ChecklistDocument
{
    public string? Preset { get; init; }

    public string? DeviceType { get; init; }

    public string? NameZh { get; init; }

    public string? NameEn { get; init; }

    public IReadOnlyList<ChecklistItemDocument>? Items { get; init; }
}

/// <summary>Body of <c>PUT /inspections/plans/{code}</c>: a plan (巡检计划) over devices and/or sites.</summary>
public sealed record InspectionPlanRequest
{
    public required ChecklistDocument Checklist { get; init; }

    /// <summary><c>monthly</c>, <c>quarterly</c>, <c>half-yearly</c> or <c>yearly</c>; or leave out and give <see cref="PreExpiryMonths"/>.</summary>
    public string? Recurrence { get; init; }

    /// <summary>The first window's first day, for a recurring plan.</summary>
    public LocalDate? StartsOn { get; init; }

    /// <summary>Months before the warranty's end, for a pre-expiry plan (R-IN-2).</summary>
    public int? PreExpiryMonths { get; init; }

    /// <summary>The warranty policy whose end counts, for a pre-expiry plan.</summary>
    public string? WarrantyPolicy { get; init; }

    public IReadOnlyList<string>? Devices { get; init; }

    public IReadOnlyList<string>? Sites { get; init; }
}

public sealed record InspectionPlanResponse(
    string Code, int Version, ChecklistResponse Checklist, string? Recurrence, LocalDate? StartsOn, int? PreExpiryMonths, string? WarrantyPolicy,
    IReadOnlyList<string> Devices, IReadOnlyList<string> Sites);

public sealed record ChecklistResponse(string DeviceType, string NameZh, string NameEn, IReadOnlyList<ChecklistItemResponse> Items);

public sealed record ChecklistItemResponse(string Code, string NameZh, string NameEn);

public sealed record InspectionResultDocument
{
    public required string Item { get; init; }

    /// <summary><c>Ok</c>, <c>FixedOnSite</c>, <c>Fault</c> or <c>NotApplicable</c>.</summary>
    public required string Outcome { get; init; }

    public string? Note { get; init; }
}

/// <summary>Body of <c>POST /inspections/records</c>: one inspection of a device or a site (巡检记录).</summary>
public sealed record InspectionRecordRequest
{
    public string? Id { get; init; }

    public string? Device { get; init; }

    public string? Site { get; init; }

    public required ChecklistDocument Checklist { get; init; }

    public required LocalDate InspectedOn { get; init; }

    public required string EngineerId { get; init; }

    public required IReadOnlyList<InspectionResultDocument> Results { get; init; }

    public string? SignedBy { get; init; }

    public LocalDate? SignedOn { get; init; }
}

public sealed record InspectionRecordResponse(
    string Id, string? Device, string? Site, string DeviceType, LocalDate InspectedOn, string EngineerId,
    IReadOnlyList<InspectionResultResponse> Results, string? SignedBy, LocalDate? SignedOn, bool CountsAsDone, IReadOnlyList<string> MissingItems, IReadOnlyList<string> Issues);

public sealed record InspectionResultResponse(string Item, string Outcome, string Note);

public sealed record InspectionDueResponse(string Plan, string? Device, string? Site, LocalDate WindowStart, LocalDate DueOn, string Status, int DaysOverdue, string? RecordId);

public sealed record EngineerLedgersResponse(string Month, Instant AsOf, int TermsVersion, string Currency, IReadOnlyList<EngineerLedgerResponse> Ledgers);

public sealed record EngineerLedgerResponse(
    string EngineerId, string Month, string Currency, int ComplaintsInMonth, int ComplaintsInDismissalWindow, LocalDate DismissalWindowStart, LocalDate DismissalWindowEnd,
    decimal Fines, decimal BonusBeforeComplaints, decimal Bonus, decimal ServicePay, int PaidServices, int UnpaidServices, decimal Net, bool DismissalDue,
    IReadOnlyList<LedgerLineResponse> Lines);

public sealed record LedgerLineResponse(string Kind, decimal Amount, string Reference, string Explanation);

public sealed record ServiceCreditsResponse(int Year, int Quarter, Instant AsOf, int TermsVersion, string? NoData, IReadOnlyList<ContractCreditResponse> Contracts);

public sealed record ContractCreditResponse(string Contract, decimal MonthlyFee, string Currency, decimal Total, IReadOnlyList<MonthCreditResponse> Months);

public sealed record MonthCreditResponse(string Month, decimal Uncapped, decimal Cap, decimal Total, bool Capped, IReadOnlyList<CreditLineResponse> Lines);

public sealed record CreditLineResponse(string Reference, Duration Overdue, decimal Amount);
