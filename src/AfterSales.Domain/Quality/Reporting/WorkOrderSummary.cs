using AfterSales.Internal;
using AfterSales.Severity;
using AfterSales.Sla;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// What the quality figures need to know about one work order (工单摘要), as plain data so that
/// figures and reports are pure functions of their inputs: milestones, SLA clocks, parts used. The
/// work-order aggregate produces it as of an instant (<see cref="WorkOrderReporting.Summarise"/>). Immutable.
/// </summary>
public sealed class WorkOrderSummary
{
    /// <summary>Creates a summary.</summary>
    /// <param name="id">The work order's id.</param>
    /// <param name="deviceSerial">The device's serial number.</param>
    /// <param name="severity">The severity level (code and names) as of the summary.</param>
    /// <param name="isMajorFault">Whether it was a major fault (重大故障), as the contract defines it.</param>
    /// <param name="reportedAt">When it was reported.</param>
    /// <param name="faultOccurredAt">When the fault occurred, if known; availability counts from here.</param>
    /// <param name="respondedAt">First response.</param>
    /// <param name="arrivedAt">Arrival on site.</param>
    /// <param name="restoredAt">Service restored; availability counts to here (or to the resolution when not recorded).</param>
    /// <param name="resolvedAt">Resolved.</param>
    /// <param name="clocks">The order's SLA clocks as of the summary.</param>
    /// <param name="partTypesUsed">Part types replaced (更换的备件类型), one entry per part.</param>
    /// <param name="engineer">The engineer who served it (the last dispatched), if any.</param>
    /// <param name="inWarranty">Whether the work is under warranty (not billable).</param>
    /// <param name="downtime">
    /// When the device was down because of this order, an interval without end while it still is;
    /// when null, one interval from <see cref="DownFrom"/> to <see cref="DownUntil"/>.
    /// </param>
    /// <param name="policyKey">The SLA policy (the contract) it is pinned to, <c>id@version</c>, if known.</param>
    /// <param name="isCancelled">Whether it was cancelled as a duplicate or invalid report (撤销): then it is no fault of its own.</param>
    /// <exception cref="ArgumentException">A blank id, or a milestone before the report.</exception>
    public WorkOrderSummary(
        string id,
        string deviceSerial,
        SeverityLevel severity,
        bool isMajorFault,
        Instant reportedAt,
        Instant? faultOccurredAt,
        Instant? respondedAt,
        Instant? arrivedAt,
        Instant? restoredAt,
        Instant? resolvedAt,
        IEnumerable<SlaClock> clocks,
        IEnumerable<string> partTypesUsed,
        string? engineer = null,
        bool inWarranty = true,
        IEnumerable<Interval>? downtime = null,
        string? policyKey = null,
        bool isCancelled = false)
    {
        Id = Guard.NotBlank(id);
        DeviceSerial = Guard.NotBlank(deviceSerial);
        Severity = Guard.NotNull(severity);
        IsMajorFault = isMajorFault;
        ReportedAt = reportedAt;
        FaultOccurredAt = faultOccurredAt;
        RespondedAt = NotBefore(respondedAt, reportedAt, nameof(respondedAt));
        ArrivedAt = NotBefore(arrivedAt, reportedAt, nameof(arrivedAt));
        RestoredAt = NotBefore(restoredAt, reportedAt, nameof(restoredAt));
        ResolvedAt = NotBefore(resolvedAt, reportedAt, nameof(resolvedAt));
        Clocks = [.. Guard.NotNull(clocks)];
        PartTypesUsed = [.. Guard.NotNull(partTypesUsed)];
        Engineer = engineer;
        InWarranty = inWarranty;
        PolicyKey = policyKey;
        IsCancelled = isCancelled;
        Downtime = downtime is null ? [new Interval(DownFrom, DownUntil)] : [.. downtime];
    }

    /// <summary>The work order's id.</summary>
    public string Id { get; }

    /// <summary>The device's serial number.</summary>
    public string DeviceSerial { get; }

    /// <summary>The severity level as of the summary.</summary>
    public SeverityLevel Severity { get; }

    /// <summary>The severity's code.</summary>
    public string SeverityCode => Severity.Code;

    /// <summary>Whether it was a major fault.</summary>
    public bool IsMajorFault { get; }

    /// <summary>When it was reported.</summary>
    public Instant ReportedAt { get; }

    /// <summary>When the fault occurred, if known.</summary>
    public Instant? FaultOccurredAt { get; }

    /// <summary>First response.</summary>
    public Instant? RespondedAt { get; }

    /// <summary>Arrival on site.</summary>
    public Instant? ArrivedAt { get; }

    /// <summary>Service restored.</summary>
    public Instant? RestoredAt { get; }

    /// <summary>Resolved.</summary>
    public Instant? ResolvedAt { get; }

    /// <summary>The SLA clocks.</summary>
    public IReadOnlyList<SlaClock> Clocks { get; }

    /// <summary>Part types used, one entry per part.</summary>
    public IReadOnlyList<string> PartTypesUsed { get; }

    /// <summary>The engineer who served it, if any.</summary>
    public string? Engineer { get; }

    /// <summary>Whether the work is under warranty (not billable).</summary>
    public bool InWarranty { get; }

    /// <summary>
    /// Whether it was cancelled as a duplicate or invalid report (撤销): no fault of its own, so the
    /// report counts it neither as a fault work order nor as a major fault, and it was no downtime.
    /// </summary>
    public bool IsCancelled { get; }

    /// <summary>The SLA policy it is pinned to (<c>id@version</c>), if known.</summary>
    public string? PolicyKey { get; }

    /// <summary>The SLA policy's id — the contract — if known.</summary>
    public string? PolicyId => PolicyKey is { } key && key.LastIndexOf('@') is var at and > 0 ? key[..at] : PolicyKey;

    /// <summary>When the device was down because of this order; an interval without end runs on.</summary>
    public IReadOnlyList<Interval> Downtime { get; }

    /// <summary>When the device was down from: the fault's occurrence, else the report.</summary>
    public Instant DownFrom => FaultOccurredAt is { } f && f < ReportedAt ? f : ReportedAt;

    /// <summary>When the device was up again: the restoration, else the resolution; null while down.</summary>
    public Instant? DownUntil => RestoredAt ?? ResolvedAt;

    private static Instant? NotBefore(Instant? value, Instant reportedAt, string name) =>
        value < reportedAt ? throw new ArgumentException($"{name} ({value}) must not be before the report ({reportedAt}).", name) : value;
}
