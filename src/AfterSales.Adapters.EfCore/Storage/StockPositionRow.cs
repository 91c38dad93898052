namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// One centre × part type's position (备件库存与装机量): the balance of its stock ledger and the
/// ledger's version, written by <see cref="EfCoreStockLedgerStore{TContext}"/> in the transaction that
/// appends the movements, and the installed base (the registered devices of that model the centre
/// serves, R-SP-1), kept by <see cref="EfCoreDeviceRegistry{TContext}"/> in the transaction that saves a
/// device. The monthly replenishment reads one row per cell instead of every movement and device.
/// </summary>
public sealed class StockPositionRow
{
    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The service centre.</summary>
    public string CentreId { get; set; } = string.Empty;

    /// <summary>The part type (for the installed base: the devices' model).</summary>
    public string PartNumber { get; set; } = string.Empty;

    /// <summary>The units on hand after the ledger's last movement.</summary>
    public int OnHand { get; set; }

    /// <summary>The ledger's version (its number of movements); 0 while the centre never held the part.</summary>
    public int Version { get; set; }

    /// <summary>The registered devices of this model the centre serves.</summary>
    public int InstalledBase { get; set; }
}
