namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// One service centre's run of a monthly replenishment (备件月度补充记录), R-SP-3: its totals and its
/// orders as one compact JSON array. The key (tenant, month, centre) makes a run stored once.
/// </summary>
public sealed class ReplenishmentRunRow
{
    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The month as <c>yyyyMM</c>, e.g. 202603.</summary>
    public int Month { get; set; }

    /// <summary>The service centre.</summary>
    public string CentreId { get; set; } = string.Empty;

    /// <summary>When the run computed it.</summary>
    public Instant RanAt { get; set; }

    /// <summary>How many part types were checked.</summary>
    public int CellsChecked { get; set; }

    /// <summary>How many orders were placed.</summary>
    public int OrderCount { get; set; }

    /// <summary>The units ordered.</summary>
    public long TotalUnits { get; set; }

    /// <summary>The orders as JSON: <c>[["P-1",4,1,5], …]</c> — part, quantity, on hand, target.</summary>
    public string Orders { get; set; } = string.Empty;
}
