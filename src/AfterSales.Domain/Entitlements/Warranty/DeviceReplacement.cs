using AfterSales.Internal;

namespace AfterSales.Entitlements.Warranty;

/// <summary>
/// A replacement made on a warranted item (更换), R-WAR-3: the day, what was replaced and the new
/// serial number, if any. Immutable.
/// </summary>
public sealed class DeviceReplacement
{
    /// <summary>Creates a replacement record.</summary>
    /// <param name="on">The day the replacement was installed, in the contract's zone.</param>
    /// <param name="scope">What was replaced.</param>
    /// <param name="workOrderId">The work order it was made under.</param>
    /// <param name="newSerialNumber">The serial number of the new unit or part, if it has one.</param>
    /// <param name="partNumber">The part replaced, for a key or minor part: its repair count starts again (R-WAR-6).</param>
    /// <exception cref="ArgumentException"><paramref name="workOrderId"/> is blank or <paramref name="scope"/> is undefined.</exception>
    public DeviceReplacement(LocalDate on, ReplacementScope scope, string workOrderId, string? newSerialNumber = null, string? partNumber = null)
    {
        PartNumber = Identifier.CheckOptional(partNumber);
        if (!Enum.IsDefined(scope))
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, $"scope must be a defined {nameof(ReplacementScope)}, was {scope}.");
        }

        On = SupportedDates.Check(on);
        Scope = scope;
        WorkOrderId = Identifier.Check(workOrderId);
        NewSerialNumber = Identifier.CheckOptional(newSerialNumber);
    }

    /// <summary>The day it was installed.</summary>
    public LocalDate On { get; }

    /// <summary>What was replaced.</summary>
    public ReplacementScope Scope { get; }

    /// <summary>The work order it was made under.</summary>
    public string WorkOrderId { get; }

    /// <summary>The part replaced, for a key or minor part, if recorded.</summary>
    public string? PartNumber { get; }

    /// <summary>The new unit's or part's serial number, if any.</summary>
    public string? NewSerialNumber { get; }

    /// <summary>Whether this replacement can restart a warranty: a whole unit or a key part.</summary>
    public bool RenewsWarranty => Scope is ReplacementScope.WholeUnit or ReplacementScope.KeyPart;
}
