using AfterSales.Sla;

namespace AfterSales.WorkOrders;

/// <summary>
/// What a fault report (报障登记) records, R-WO-1: the work order's id and tenant, who reported it,
/// how, where, which device, the symptom, the severity and, if known, when the fault occurred.
/// Passed to <see cref="Ticket.Report(TicketReport, Sla.SlaTerms, IClock, Actor)"/>; kept in the <see cref="TicketEventKind.Reported"/> event.
/// Immutable; value equality.
/// </summary>
public sealed record TicketReport
{
    /// <summary>The work order's id (工单编号).</summary>
    public required TicketId Id { get; init; }

    /// <summary>The tenant (租户): the service organisation or customer account the order belongs to.</summary>
    public required string TenantId { get; init; }

    /// <summary>Who reported (报障人).</summary>
    public required TicketReporter Reporter { get; init; }

    /// <summary>How it was reported (报障方式).</summary>
    public required ReportChannel Channel { get; init; }

    /// <summary>Where the device is (故障地点).</summary>
    public required TicketSite Site { get; init; }

    /// <summary>The device's serial number (设备序列号); service records are kept per serial number (R-WO-10).</summary>
    public required string DeviceSerialNumber { get; init; }

    /// <summary>The fault as the reporter described it (故障现象).</summary>
    public required string Symptom { get; init; }

    /// <summary>The severity code (故障等级), a level of the policy's scale.</summary>
    public required string SeverityCode { get; init; }

    /// <summary>When the fault occurred (故障发生时间), if known; not after the report.</summary>
    public Instant? FaultOccurredAt { get; init; }

    /// <summary>
    /// Whether the work is paid (out of warranty, R-WAR-8), as the entitlement check decided at
    /// report. On a billable job no part may be replaced before the customer accepts a quote (R-WO-7).
    /// </summary>
    /// <value>The default value is <see langword="false"/>: covered work.</value>
    public bool IsBillable { get; init; }

    /// <summary>
    /// The entitlement check made at report (保修判定, R-WO-1): the device looked up in the registry and
    /// judged by its warranty policy; <see langword="null"/> when no check ran. When set, the work is
    /// billable if either this or <see cref="IsBillable"/> says so.
    /// </summary>
    public Entitlements.TicketEntitlement? Entitlement { get; init; }
}
