using AfterSales.Internal;

namespace AfterSales.Entitlements.Warranty;

/// <summary>
/// A repair a resolved work order recorded on a device (维修记录), R-WAR-6 and R-WO-10: the order, when
/// it was resolved, the part repaired (none for the unit as such), and whether the engineer found that
/// repairs cannot fix it. Read from the tickets (<see cref="IDeviceRepairLog"/>), never entered twice.
/// Immutable; value equality.
/// </summary>
public sealed record DeviceRepair
{
    /// <summary>Creates a repair.</summary>
    /// <exception cref="ArgumentException">The work order id or the part number breaks the <see cref="Identifier"/> rule.</exception>
    public DeviceRepair(string workOrderId, Instant at, string? partNumber = null, bool unfixable = false)
    {
        WorkOrderId = Identifier.Check(workOrderId);
        At = at;
        PartNumber = Identifier.CheckOptional(partNumber);
        Unfixable = unfixable;
    }

    /// <summary>The work order that resolved the fault.</summary>
    public string WorkOrderId { get; }

    /// <summary>When it was resolved.</summary>
    public Instant At { get; }

    /// <summary>The part repaired; <see langword="null"/> for a repair of the unit as such.</summary>
    public string? PartNumber { get; }

    /// <summary>Whether the engineer found that repairs cannot fix it.</summary>
    public bool Unfixable { get; }
}
