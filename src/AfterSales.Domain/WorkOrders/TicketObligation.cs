using AfterSales.Entitlements.Warranty;

namespace AfterSales.WorkOrders;

/// <summary>
/// A replacement the device now owes under its contract's repair-count rule (R-WAR-6), raised by the
/// resolve that crossed the limit and recorded on that work order as a
/// <see cref="TicketEventKind.ReplacementObligationRaised"/> event. Immutable; value equality.
/// </summary>
public sealed record TicketObligation
{
    /// <summary>The whole unit, or a key part.</summary>
    public required ReplacementScope Scope { get; init; }

    /// <summary>The part to replace; <see langword="null"/> for the whole unit.</summary>
    public string? PartNumber { get; init; }

    /// <summary>How many times it was repaired.</summary>
    public required int RepairCount { get; init; }

    /// <summary>The contract's limit.</summary>
    public required int Limit { get; init; }

    /// <summary>Why, in one line.</summary>
    public required string Reason { get; init; }

    /// <summary>The obligation as a ticket records it.</summary>
    public static TicketObligation From(ReplacementObligation obligation)
    {
        Internal.Guard.NotNull(obligation);
        return new() { Scope = obligation.Scope, PartNumber = obligation.PartNumber, RepairCount = obligation.RepairCount, Limit = obligation.Limit, Reason = obligation.Reason };
    }
}
