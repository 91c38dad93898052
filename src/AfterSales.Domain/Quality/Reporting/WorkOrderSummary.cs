using AfterSales.Internal;
using AfterSales.Sla;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// What the quality figures need to know about one work order (工单摘要), as plain data so that
/// figures and reports are pure functions of their inputs: milestones, SLA clocks, parts used. The
/// work-order aggregate (or a store) produces it. Immutable.
/// </summary>
public sealed class WorkOrderSummary
{
    /// <summary>Creates a summary.</summary>
    /// <param name="id">The work order's id.</param>
    /// <param name="deviceSerial">The device's serial number.</param>
    /// <param name="severityCode">The final severity code.</param>
    /// <param name="isMajorFault">Whether it was a major fault (重大故障), as the contract defines it.</param>
    /// <param name="reportedAt">When it was reported.</param>
    /// <param name="faultOccurredAt">When the fault occurred, if known; availability counts from here.</param>
    /// <param name="respondedAt">First response.</param>
    /// <param name="arrivedAt">Arrival on site.</param>
    /// <param name="restoredAt">Service restored; availability counts to here (or to the resolution when not recorded).</param>
    /// <param name="resolvedAt">Resolved.</param>
    /// <param name="clocks">The order's SLA clocks at its close (or at the report's end).</param>
    /// <param name="partTypesUsed">Part types replaced (更换的备件类型), one entry per part.</param>
    /// <exception cref="ArgumentException">A blank id, or a milestone before the report.</exception>
    public WorkOrderSummary(
        string id,
        string deviceSerial,
        string severityCode,
        bool isMajorFault,
        Instant reportedAt,
        Instant? faultOccurredAt,
        Instant? respondedAt,
        Instant? arrivedAt,
        Instant? restoredAt,
        Instant? resolvedAt,
        IEnumerable<SlaClock> clocks,
        IEnumerable<string> partTypesUsed)
    {
        Id = Guard.NotBlank(id);
        DeviceSerial = Guard.NotBlank(deviceSerial);
        SeverityCode = Guard.NotBlank(severityCode);
        IsMajorFault = isMajorFault;
        ReportedAt = reportedAt;
        FaultOccurredAt = faultOccurredAt;
        RespondedAt = NotBefore(respondedAt, reportedAt, nameof(respondedAt));
        ArrivedAt = NotBefore(arrivedAt, reportedAt, nameof(arrivedAt));
        RestoredAt = NotBefore(restoredAt, reportedAt, nameof(restoredAt));
        ResolvedAt = NotBefore(resolvedAt, reportedAt, nameof(resolvedAt));
        Clocks = [.. Guard.NotNull(clocks)];
        PartTypesUsed = [.. Guard.NotNull(partTypesUsed)];
    }

    /// <summary>The work order's id.</summary>
    public string Id { get; }

    /// <summary>The device's serial number.</summary>
    public string DeviceSerial { get; }

    /// <summary>The final severity code.</summary>
    public string SeverityCode { get; }

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

    /// <summary>When the device was down from: the fault's occurrence, else the report.</summary>
    public Instant DownFrom => FaultOccurredAt is { } f && f < ReportedAt ? f : ReportedAt;

    private static Instant? NotBefore(Instant? value, Instant reportedAt, string name) =>
        value < reportedAt ? throw new ArgumentException($"{name} ({value}) must not be before the report ({reportedAt}).", name) : value;
}
