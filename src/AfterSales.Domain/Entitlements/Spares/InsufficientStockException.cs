using System.Globalization;

namespace AfterSales.Entitlements.Spares;

/// <summary>
/// An issue, loan or scrapping would take more units than a service centre holds: stock never goes
/// negative (R-SP-2). The ledger is left as it was.
/// </summary>
public sealed class InsufficientStockException : AfterSalesException
{
    internal InsufficientStockException(string centreId, string partNumber, int onHand, int requested, StockMovementKind kind)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"Service centre '{centreId}' holds {onHand} of part '{partNumber}', fewer than the {requested} requested ({kind}); stock cannot go negative. Receive stock first or take it from another centre."))
    {
        CentreId = centreId;
        PartNumber = partNumber;
        OnHand = onHand;
        Requested = requested;
    }

    /// <summary>The service centre.</summary>
    public string CentreId { get; }

    /// <summary>The part type.</summary>
    public string PartNumber { get; }

    /// <summary>The balance on hand.</summary>
    public int OnHand { get; }

    /// <summary>The quantity requested.</summary>
    public int Requested { get; }
}
