using AfterSales.Entitlements.Spares;
using AfterSales.Entitlements.Warranty;
using AfterSales.Quality.Complaints;
using AfterSales.Quality.Inspections;
using AfterSales.Sla;
using AfterSales.WorkOrders;

namespace AfterSales.Events;

/// <summary>
/// The data of a ticket's own events (<see cref="AfterSalesEventTypes.TicketReported"/> and one type
/// per workflow step): the recorded <see cref="TicketEvent"/> and where the ticket stood after the save
/// that recorded it.
/// </summary>
public sealed class TicketChanged : DomainEventData
{
    internal TicketChanged(TicketEvent @event, string? command, TicketState state, string severityCode, int cycle, string policyKey)
    {
        Event = @event;
        Command = command;
        State = state;
        SeverityCode = severityCode;
        Cycle = cycle;
        PolicyKey = policyKey;
    }

    /// <summary>The recorded event with its payload (the report, the engineer, the reason …).</summary>
    public TicketEvent Event { get; }

    /// <summary>The command that recorded it, as clients name it (<c>acknowledge</c>, <c>arrive-on-site</c> …); <see langword="null"/> for the report.</summary>
    public string? Command { get; }

    /// <summary>The state after the save that recorded the event (a save usually records one event).</summary>
    public TicketState State { get; }

    /// <summary>The severity after that save.</summary>
    public string SeverityCode { get; }

    /// <summary>The cycle after that save (R-WO-4).</summary>
    public int Cycle { get; }

    /// <summary>The pinned policy's key.</summary>
    public string PolicyKey { get; }
}

/// <summary>
/// The data of a clock alert (<see cref="AfterSalesEventTypes.ClockWarning"/>, <see cref="AfterSalesEventTypes.ClockBreached"/>,
/// <see cref="AfterSalesEventTypes.ClockEscalated"/>, <see cref="AfterSalesEventTypes.ClockMetLate"/>, provisional and
/// confirmed): which clock, which threshold, when it was reached
/// and when the engine noticed.
/// </summary>
public sealed class ClockAlert : DomainEventData
{
    internal ClockAlert(TicketId ticketId, ClockThreshold threshold, Instant detectedAt, bool isLate)
    {
        TicketId = ticketId;
        Threshold = threshold;
        DetectedAt = detectedAt;
        IsLate = isLate;
    }

    /// <summary>The work order.</summary>
    public TicketId TicketId { get; }

    /// <summary>The threshold, with the clock as evaluated when it was found reached.</summary>
    public ClockThreshold Threshold { get; }

    /// <summary>The clock.</summary>
    public SlaClock Clock => Threshold.Clock;

    /// <summary>When the engine found it reached (the watcher's or the save's instant).</summary>
    public Instant DetectedAt { get; }

    /// <summary>
    /// Whether it was found later than the watcher's tolerance after it was reached: every node was down
    /// at the instant, or a fact recorded later (a reclassification upward, a late stop) reached it in the past.
    /// </summary>
    public bool IsLate { get; }
}

/// <summary>The data of a complaint's events (filed, escalated, closed): the complaint after the change.</summary>
public sealed class ComplaintChanged : DomainEventData
{
    internal ComplaintChanged(Complaint complaint, int version, EscalationLevel? level)
    {
        Complaint = complaint;
        Version = version;
        EscalationLevel = level;
    }

    /// <summary>The complaint after the change.</summary>
    public Complaint Complaint { get; }

    /// <summary>Its stored version after the change (0 for an escalation, which changes no row).</summary>
    public int Version { get; }

    /// <summary>For an escalation: the level reached.</summary>
    public EscalationLevel? EscalationLevel { get; }
}

/// <summary>The data of <see cref="AfterSalesEventTypes.StockMoved"/>: the movement and the balance after it.</summary>
public sealed class StockMoved : DomainEventData
{
    internal StockMoved(string centreId, string partNumber, int version, StockMovement movement, int balance)
    {
        CentreId = centreId;
        PartNumber = partNumber;
        Version = version;
        Movement = movement;
        Balance = balance;
    }

    /// <summary>The service centre.</summary>
    public string CentreId { get; }

    /// <summary>The part type.</summary>
    public string PartNumber { get; }

    /// <summary>The ledger's version after the movement.</summary>
    public int Version { get; }

    /// <summary>The movement.</summary>
    public StockMovement Movement { get; }

    /// <summary>The balance on hand after it.</summary>
    public int Balance { get; }
}

/// <summary>
/// The data of <see cref="AfterSalesEventTypes.ReplenishmentOrdered"/>: one service centre's part of a monthly
/// replenishment run (R-SP-3) with its orders, as stored.
/// </summary>
public sealed class ReplenishmentOrdered : DomainEventData
{
    internal ReplenishmentOrdered(ReplenishmentCentreRun run) => Run = run;

    /// <summary>The centre's run, with its orders (<see cref="ReplenishmentCentreRun.HasOrders"/> is true).</summary>
    public ReplenishmentCentreRun Run { get; }
}

/// <summary>
/// The data of <see cref="AfterSalesEventTypes.StockBelowTarget"/>: the movement that took a centre's stock of a
/// part from its target (R-SP-1) to below it, the balance after it and the target it is checked against.
/// </summary>
public sealed class StockBelowTarget : DomainEventData
{
    internal StockBelowTarget(string centreId, string partNumber, int version, StockMovement movement, int balance, int installedBase, int target)
    {
        CentreId = centreId;
        PartNumber = partNumber;
        Version = version;
        Movement = movement;
        Balance = balance;
        InstalledBase = installedBase;
        Target = target;
    }

    /// <summary>The service centre.</summary>
    public string CentreId { get; }

    /// <summary>The part type.</summary>
    public string PartNumber { get; }

    /// <summary>The ledger's version after the movement.</summary>
    public int Version { get; }

    /// <summary>The movement that crossed the target.</summary>
    public StockMovement Movement { get; }

    /// <summary>The balance on hand after it, below <see cref="Target"/>.</summary>
    public int Balance { get; }

    /// <summary>The installed base the centre serves for the part when the movement was saved.</summary>
    public int InstalledBase { get; }

    /// <summary>The stock to keep (<see cref="ReplenishmentPolicy.TargetFor"/> of <see cref="InstalledBase"/>).</summary>
    public int Target { get; }
}

/// <summary>
/// The data of <see cref="AfterSalesEventTypes.LoanerOverdue"/>: a loaner unit lent with a return-by (归还期限) that
/// was not back when it passed (R-SP-5). The event's instant is the return-by.
/// </summary>
public sealed class LoanerOverdue : DomainEventData
{
    internal LoanerOverdue(TicketId workOrderId, TicketLoaner loaner, Instant providedAt, int version)
    {
        WorkOrderId = workOrderId;
        Loaner = loaner;
        ProvidedAt = providedAt;
        Version = version;
    }

    /// <summary>The work order that lent it.</summary>
    public TicketId WorkOrderId { get; }

    /// <summary>The unit, with its <see cref="TicketLoaner.ReturnBy"/>.</summary>
    public TicketLoaner Loaner { get; }

    /// <summary>When it was lent.</summary>
    public Instant ProvidedAt { get; }

    /// <summary>The work order's version whose event lent it.</summary>
    public int Version { get; }
}

/// <summary>
/// The data of <see cref="AfterSalesEventTypes.WarrantyExpiring"/>: a device whose warranty enters its pre-expiry window
/// (保修即将到期, R-IN-2: a full inspection is due before it ends). The event's instant is the start of the window.
/// </summary>
public sealed class WarrantyExpiring : DomainEventData
{
    internal WarrantyExpiring(DeviceRecord device, string warrantyPolicyCode, LocalDate startsOn, LocalDate lastCoveredDay, Instant endsAt)
    {
        Device = device;
        WarrantyPolicyCode = warrantyPolicyCode;
        StartsOn = startsOn;
        LastCoveredDay = lastCoveredDay;
        EndsAt = endsAt;
    }

    /// <summary>The device as registered when the notice was scheduled.</summary>
    public DeviceRecord Device { get; }

    /// <summary>The warranty policy that assessed it.</summary>
    public string WarrantyPolicyCode { get; }

    /// <summary>The first day of its (last) warranty term.</summary>
    public LocalDate StartsOn { get; }

    /// <summary>The last covered day.</summary>
    public LocalDate LastCoveredDay { get; }

    /// <summary>When the warranty ends: the start of the day after the last covered day, in the policy's zone.</summary>
    public Instant EndsAt { get; }
}

/// <summary>
/// The data of <see cref="AfterSalesEventTypes.InspectionDue"/>: a recurring inspection plan's window (巡检到期, R-IN-1)
/// reached its due day — its last — with no complete, signed record of the subject and checklist in it. The event's
/// instant is the start of the due day.
/// </summary>
public sealed class InspectionWindowDue : DomainEventData
{
    internal InspectionWindowDue(string planCode, string deviceType, InspectionSubject subject, LocalDate windowStart, LocalDate dueOn)
    {
        PlanCode = planCode;
        DeviceType = deviceType;
        Subject = subject;
        WindowStart = windowStart;
        DueOn = dueOn;
    }

    /// <summary>The plan.</summary>
    public string PlanCode { get; }

    /// <summary>The checklist's device type (R-IN-3).</summary>
    public string DeviceType { get; }

    /// <summary>The device or site to inspect.</summary>
    public InspectionSubject Subject { get; }

    /// <summary>The window's first day.</summary>
    public LocalDate WindowStart { get; }

    /// <summary>The window's last day, on which it is due.</summary>
    public LocalDate DueOn { get; }
}
