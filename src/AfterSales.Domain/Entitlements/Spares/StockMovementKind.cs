namespace AfterSales.Entitlements.Spares;

/// <summary>What a stock movement does to a service centre's stock of one part type (R-SP-2).</summary>
public enum StockMovementKind
{
    /// <summary>Received into stock (入库), e.g. a replenishment delivery: adds.</summary>
    Received,

    /// <summary>Issued to a work order to be fitted (领用): removes.</summary>
    IssuedToWorkOrder,

    /// <summary>Lent to a work order as a loaner (备机借出), R-SP-5: removes until returned.</summary>
    LoanerIssued,

    /// <summary>Returned to stock (归还/退库), e.g. an unused spare or a loaner back: adds.</summary>
    Returned,

    /// <summary>Scrapped (报废): removes.</summary>
    Scrapped,
}
