namespace AfterSales.Entitlements.Warranty;

/// <summary>
/// A replacement the next work order on a serial number owes under the repair-count rule (R-WAR-6):
/// what to replace, how often it was repaired, the limit, and the reason. Immutable.
/// </summary>
public sealed class ReplacementObligation
{
    internal ReplacementObligation(string serialNumber, ReplacementScope scope, string? partNumber, int repairCount, int limit, string reason)
    {
        SerialNumber = serialNumber;
        Scope = scope;
        PartNumber = partNumber;
        RepairCount = repairCount;
        Limit = limit;
        Reason = reason;
    }

    /// <summary>The unit's serial number.</summary>
    public string SerialNumber { get; }

    /// <summary><see cref="ReplacementScope.WholeUnit"/> or <see cref="ReplacementScope.KeyPart"/>.</summary>
    public ReplacementScope Scope { get; }

    /// <summary>The part to replace; <see langword="null"/> for the whole unit.</summary>
    public string? PartNumber { get; }

    /// <summary>How many times it was repaired since its last replacement.</summary>
    public int RepairCount { get; }

    /// <summary>The contract's limit; more repairs than this oblige the replacement.</summary>
    public int Limit { get; }

    /// <summary>Why, in one line.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string ToString() => Reason;
}
