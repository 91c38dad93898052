using AfterSales.Entitlements.Spares;
using AfterSales.Events;
using AfterSales.Quality.Complaints;
using AfterSales.Quality.Inspections;

namespace AfterSales.Http.Contracts;

#pragma warning disable CS1591 // HTTP contracts: the OpenAPI document and docs/events-and-webhooks.md describe them.

/// <summary>The <c>data</c> of a ticket's own events (<c>aftersales.ticket.*</c>).</summary>
public sealed record TicketChangedData(
    string TicketId,
    int Version,
    string Kind,
    string? Command,
    string State,
    string SeverityCode,
    int Cycle,
    string PolicyKey,
    TicketEventResponse Event,
    ReportResponse? Report)
{
    internal static TicketChangedData From(TicketChanged c) => new(
        c.Event.TicketId.Value,
        c.Event.Version,
        c.Event.Kind.ToString(),
        c.Command,
        c.State.ToString(),
        c.SeverityCode,
        c.Cycle,
        c.PolicyKey,
        TicketEventResponse.From(c.Event),
        c.Event.Report is { } r ? ReportResponse.From(r) : null);
}

/// <summary>
/// The <c>data</c> of <c>aftersales.clock.*</c>: warning, breached, escalated, met-late, provisional, confirmed.
/// <c>Level</c> and <c>Notify</c> name an escalation level and who it goes to; null for the other thresholds.
/// </summary>
public sealed record ClockAlertData(
    string TicketId,
    string Metric,
    int Cycle,
    string Threshold,
    int Percent,
    Instant At,
    Instant DetectedAt,
    bool Late,
    ClockResponse Clock,
    string? Level,
    IReadOnlyList<string>? Notify)
{
    internal static ClockAlertData From(ClockAlert a) => new(
        a.TicketId.Value,
        a.Clock.Metric.Code,
        a.Clock.Cycle,
        a.Threshold.Kind switch
        {
            ClockThresholdKind.Warning => "warning",
            ClockThresholdKind.Breach => "breach",
            ClockThresholdKind.MetLate => "met-late",
            ClockThresholdKind.Provisional => "provisional",
            ClockThresholdKind.Escalation => "escalation",
            _ => "confirmed",
        },
        a.Threshold.Percent,
        a.Threshold.At,
        a.DetectedAt,
        a.IsLate,
        ClockResponse.From(a.Clock),
        a.Threshold.Escalation?.Level.Name,
        a.Threshold.Escalation?.Level.Notify);
}

/// <summary>The <c>data</c> of <c>aftersales.complaint.*</c>.</summary>
public sealed record ComplaintChangedData(
    string ComplaintId,
    int Version,
    string WorkOrderId,
    string EngineerId,
    string Summary,
    string Status,
    Instant FiledAt,
    Instant? ClosedAt,
    string? EscalationLevel)
{
    internal static ComplaintChangedData From(ComplaintChanged c) => new(
        c.Complaint.Id, c.Version, c.Complaint.WorkOrderId, c.Complaint.EngineerId, c.Complaint.Summary,
        c.Complaint.Status.ToString(), c.Complaint.FiledAt, c.Complaint.ClosedAt, c.EscalationLevel?.Code);
}

/// <summary>The <c>data</c> of <c>aftersales.stock.moved</c>.</summary>
public sealed record StockMovedData(
    string CentreId,
    string PartNumber,
    int Version,
    string Kind,
    int Quantity,
    int SignedQuantity,
    string By,
    Instant At,
    string? WorkOrderId,
    string? Note,
    int Balance)
{
    internal static StockMovedData From(StockMoved m) => new(
        m.CentreId, m.PartNumber, m.Version, m.Movement.Kind.ToString(), m.Movement.Quantity, m.Movement.SignedQuantity,
        m.Movement.By, m.Movement.At, m.Movement.WorkOrderId, m.Movement.Note, m.Balance);
}

/// <summary>
/// The <c>data</c> of <c>aftersales.stock.below-target</c>: the movement that took a centre's stock of a part from its
/// target (R-SP-1) to below it, the balance after it, and the target with the installed base it comes from.
/// </summary>
/// <param name="CentreId">The service centre.</param>
/// <param name="PartNumber">The part type.</param>
/// <param name="Version">The ledger's version after the movement.</param>
/// <param name="Kind">The movement's kind (<c>IssuedToWorkOrder</c>, <c>LoanerIssued</c>, <c>Scrapped</c> …).</param>
/// <param name="Quantity">The units it moved.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="At">When it happened.</param>
/// <param name="WorkOrderId">The work order it served, if any.</param>
/// <param name="Balance">Units on hand after it.</param>
/// <param name="InstalledBase">The installed base the centre serves for the part.</param>
/// <param name="Target">The stock to keep for that installed base.</param>
/// <param name="Shortfall">Units missing: <c>target − balance</c>, at least 1.</param>
public sealed record StockBelowTargetData(
    string CentreId,
    string PartNumber,
    int Version,
    string Kind,
    int Quantity,
    string By,
    Instant At,
    string? WorkOrderId,
    int Balance,
    int InstalledBase,
    int Target,
    int Shortfall)
{
    internal static StockBelowTargetData From(StockBelowTarget b) => new(
        b.CentreId, b.PartNumber, b.Version, b.Movement.Kind.ToString(), b.Movement.Quantity, b.Movement.By, b.Movement.At,
        b.Movement.WorkOrderId, b.Balance, b.InstalledBase, b.Target, b.Target - b.Balance);
}

/// <summary>
/// The <c>data</c> of <c>aftersales.stock.replenishment-ordered</c>: one centre's part of a month's replenishment run
/// (R-SP-3) with every order it placed, by part number (as <c>GET …/replenishment-runs/{month}/centres/{centreId}/orders</c> pages them).
/// </summary>
/// <param name="Month">The month of the run (<c>2026-03</c>).</param>
/// <param name="CentreId">The service centre the orders are for.</param>
/// <param name="RanAt">When the run computed them.</param>
/// <param name="CellsChecked">How many part types were checked.</param>
/// <param name="OrderCount">How many orders were placed.</param>
/// <param name="TotalUnits">The units ordered in all.</param>
/// <param name="Orders">The orders.</param>
public sealed record ReplenishmentOrderedData(
    YearMonth Month,
    string CentreId,
    Instant RanAt,
    int CellsChecked,
    int OrderCount,
    long TotalUnits,
    IReadOnlyList<ReplenishmentOrderResponse> Orders)
{
    internal static ReplenishmentOrderedData From(ReplenishmentOrdered r) => new(
        r.Run.Month, r.Run.CentreId, r.Run.RanAt, r.Run.CellsChecked, r.Run.OrderCount, r.Run.TotalUnits,
        [.. r.Run.Orders.Select(static o => new ReplenishmentOrderResponse(o.CentreId, o.PartNumber, o.Quantity, o.OnHand, o.Target))]);
}

/// <summary>
/// The <c>data</c> of <c>aftersales.loaner.overdue</c>: a loaner unit lent with a return-by (归还期限, R-SP-5) that was
/// not back when it passed. The event's <c>time</c> is the return-by; its subject <c>tickets/{id}/loaners/{unitSerialNumber}</c>.
/// </summary>
/// <param name="WorkOrderId">The work order that lent it.</param>
/// <param name="UnitSerialNumber">The unit's serial number.</param>
/// <param name="PartNumber">The loaner pool's part number.</param>
/// <param name="CentreId">The service centre whose pool lent it, if said.</param>
/// <param name="Grade">The unit's grade, if known.</param>
/// <param name="ProvidedAt">When it was lent.</param>
/// <param name="ReturnBy">When it was to be back: the instant it became overdue.</param>
/// <param name="Version">The work order's version whose event lent it.</param>
public sealed record LoanerOverdueData(
    string WorkOrderId,
    string UnitSerialNumber,
    string? PartNumber,
    string? CentreId,
    int? Grade,
    Instant ProvidedAt,
    Instant ReturnBy,
    int Version)
{
    internal static LoanerOverdueData From(LoanerOverdue l) => new(
        l.WorkOrderId.Value, l.Loaner.UnitSerialNumber, l.Loaner.PartNumber, l.Loaner.CentreId, l.Loaner.Grade, l.ProvidedAt, l.Loaner.ReturnBy!.Value, l.Version);
}

/// <summary>
/// The <c>data</c> of <c>aftersales.warranty.expiring</c>: a registered device whose warranty enters its pre-expiry window
/// (保修即将到期, R-IN-2: a full inspection is due before it ends). The event's <c>time</c> is the start of the window
/// (the configured lead before the end); its subject <c>devices/{serialNumber}/warranty</c>.
/// </summary>
/// <param name="SerialNumber">The device's serial number.</param>
/// <param name="Component">The component class's code (<c>hardware</c>, <c>software</c> …).</param>
/// <param name="WarrantyPolicyCode">The warranty policy that assessed it.</param>
/// <param name="StartsOn">The first day of its (last) warranty term.</param>
/// <param name="LastCoveredDay">The last covered day.</param>
/// <param name="EndsAt">When the warranty ends: the start of the day after the last covered day, in the policy's zone.</param>
/// <param name="ServiceCentreId">The service centre that serves it, if recorded.</param>
/// <param name="Model">Its model, if recorded.</param>
/// <param name="ContractId">Its contract, if recorded.</param>
public sealed record WarrantyExpiringData(
    string SerialNumber,
    string Component,
    string WarrantyPolicyCode,
    LocalDate StartsOn,
    LocalDate LastCoveredDay,
    Instant EndsAt,
    string? ServiceCentreId,
    string? Model,
    string? ContractId)
{
    internal static WarrantyExpiringData From(WarrantyExpiring w) => new(
        w.Device.SerialNumber, w.Device.Component.Code, w.WarrantyPolicyCode, w.StartsOn, w.LastCoveredDay, w.EndsAt,
        w.Device.ServiceCentreId, w.Device.Model, w.Device.ContractId);
}

/// <summary>
/// The <c>data</c> of <c>aftersales.inspection.due</c>: a recurring inspection plan's window (巡检到期, R-IN-1) reached its
/// due day — its last — with no complete, signed record of the subject and checklist in it. The event's <c>time</c> is
/// the start of that day (the due list's zone); its subject <c>inspection-plans/{plan}/devices/{serialNumber}</c> or
/// <c>inspection-plans/{plan}/sites/{site}</c>.
/// </summary>
/// <param name="Plan">The plan's code.</param>
/// <param name="Device">The device's serial number, when the subject is a device.</param>
/// <param name="Site">The site, when the subject is a site.</param>
/// <param name="DeviceType">The checklist's device type (R-IN-3).</param>
/// <param name="WindowStart">The window's first day.</param>
/// <param name="DueOn">The window's last day, on which it is due.</param>
public sealed record InspectionDueData(
    string Plan,
    string? Device,
    string? Site,
    string DeviceType,
    LocalDate WindowStart,
    LocalDate DueOn)
{
    internal static InspectionDueData From(InspectionWindowDue d) => new(
        d.PlanCode,
        d.Subject.Kind == InspectionSubjectKind.Device ? d.Subject.Id : null,
        d.Subject.Kind == InspectionSubjectKind.Site ? d.Subject.Id : null,
        d.DeviceType,
        d.WindowStart,
        d.DueOn);
}

/// <summary>The body of <c>POST /webhooks</c>.</summary>
public sealed record CreateWebhookRequest
{
    /// <summary>The receiver: an absolute http or https URL.</summary>
    public required string Url { get; init; }

    /// <summary>The signing secret, <c>whsec_</c> + base64 of 24 to 64 bytes; generated (and returned once) when omitted.</summary>
    public string? Secret { get; init; }

    /// <summary>The event types to deliver, e.g. <c>aftersales.clock.breached</c>; every type when omitted or empty.</summary>
    public IReadOnlyList<string>? EventTypes { get; init; }
}

/// <summary>A subscription as <c>GET /webhooks</c> shows it: never the secret.</summary>
public sealed record WebhookResponse(string Id, string Url, IReadOnlyList<string> EventTypes, Instant CreatedAt)
{
    internal static WebhookResponse From(WebhookSubscription s) => new(s.Id, s.Url.AbsoluteUri, s.EventTypes, s.CreatedAt);
}

/// <summary>The answer of <c>POST /webhooks</c>: the subscription and, this once, its secret.</summary>
public sealed record CreatedWebhookResponse(string Id, string Url, IReadOnlyList<string> EventTypes, Instant CreatedAt, string Secret);

/// <summary>One delivery of <c>GET /webhooks/{id}/deliveries</c>.</summary>
public sealed record WebhookDeliveryResponse(
    string EventId, string EventType, Instant OccurredAt, string State, int Attempts, int? LastStatusCode, string? LastError, Instant? LastAttemptAt, Instant? DeliveredAt)
{
    internal static WebhookDeliveryResponse From(WebhookDelivery d) => new(
        d.EventId, d.EventType, d.OccurredAt, d.State.ToString(), d.Attempts, d.LastStatusCode, d.LastError, d.LastAttemptAt, d.DeliveredAt);
}

/// <summary>The body of <c>POST /webhooks/{id}/deliveries/redeliver</c>: one event's id, or none for every dead-lettered delivery.</summary>
public sealed record RedeliverRequest
{
    public string? EventId { get; init; }
}

/// <summary>The answer of a re-delivery: how many dead-lettered deliveries were queued again.</summary>
public sealed record RedeliverResponse(int Requeued);

/// <summary>
/// A page of <c>GET /events</c>: the tenant's events after the cursor, each a CloudEvents 1.0 JSON object as
/// webhooks deliver it, the cursor to resume after them, and whether more were ready.
/// </summary>
public sealed record EventPageResponse(IReadOnlyList<System.Text.Json.JsonElement> Events, string Next, bool HasMore);
