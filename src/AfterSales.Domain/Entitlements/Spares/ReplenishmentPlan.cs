namespace AfterSales.Entitlements.Spares;

/// <summary>The orders of one monthly replenishment run (R-SP-3). Immutable.</summary>
public sealed class ReplenishmentPlan
{
    internal ReplenishmentPlan(YearMonth month, ReplenishmentOrder[] orders, int cellsChecked, int alreadyOrdered)
    {
        Month = month;
        Orders = orders;
        CellsChecked = cellsChecked;
        AlreadyOrdered = alreadyOrdered;
    }

    /// <summary>The month.</summary>
    public YearMonth Month { get; }

    /// <summary>The new orders, by centre then part type, in the positions' order.</summary>
    public IReadOnlyList<ReplenishmentOrder> Orders { get; }

    /// <summary>How many centre × part type cells were checked.</summary>
    public int CellsChecked { get; }

    /// <summary>How many cells below target were skipped because an order for the month was already placed.</summary>
    public int AlreadyOrdered { get; }

    /// <summary>The total units ordered.</summary>
    public long TotalUnits
    {
        get
        {
            long total = 0;
            foreach (var order in Orders)
            {
                total += order.Quantity;
            }

            return total;
        }
    }
}
