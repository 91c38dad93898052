using AfterSales.Entitlements.Spares;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// One stored <see cref="StockMovement"/> (备件出入库记录行): append-only, unique per tenant, service
/// centre, part type and version. A ledger's balance is the sum of its rows' signed quantities.
/// </summary>
public sealed class StockMovementRow
{
    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The service centre (<see cref="StockLedger.CentreId"/>).</summary>
    public string CentreId { get; set; } = string.Empty;

    /// <summary>The part type (<see cref="StockLedger.PartNumber"/>).</summary>
    public string PartNumber { get; set; } = string.Empty;

    /// <summary>The ledger's version after the movement: 1, 2, 3 … without gaps.</summary>
    public int Version { get; set; }

    /// <summary>What happened, stored by name.</summary>
    public StockMovementKind Kind { get; set; }

    /// <summary>How many units; at least 1.</summary>
    public int Quantity { get; set; }

    /// <summary>Who recorded it.</summary>
    public string By { get; set; } = string.Empty;

    /// <summary>When.</summary>
    public Instant At { get; set; }

    /// <summary>The work order, for issues and loans (and returns from one).</summary>
    public string? WorkOrderId { get; set; }

    /// <summary>The note: a delivery note or the reason for scrapping.</summary>
    public string? Note { get; set; }
}
