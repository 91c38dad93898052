namespace AfterSales.WorkOrders;

/// <summary>
/// What a resolve says about the repair (维修结论), R-WAR-6: the part repaired (none for the unit as
/// such) and whether repairs cannot fix it. It feeds the device's repair history. Immutable.
/// </summary>
public sealed record TicketRepair
{
    /// <summary>The part repaired; <see langword="null"/> for the unit as such.</summary>
    public string? PartNumber { get; init; }

    /// <summary>Whether the engineer found that repairs cannot fix the unit: with an earlier repair, a free replacement is owed (R-WAR-6).</summary>
    public bool Unfixable { get; init; }
}
