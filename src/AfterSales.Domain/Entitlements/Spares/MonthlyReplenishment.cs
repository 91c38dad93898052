namespace AfterSales.Entitlements.Spares;

/// <summary>The outcome of a monthly run (R-SP-3): the usage and stock report, and the replenishment orders. Immutable.</summary>
public sealed class MonthlyReplenishment
{
    internal MonthlyReplenishment(MonthlyStockReport report, ReplenishmentPlan plan)
    {
        Report = report;
        Plan = plan;
    }

    /// <summary>The month's usage and stock, per centre × part type.</summary>
    public MonthlyStockReport Report { get; }

    /// <summary>The orders that bring every centre back to target.</summary>
    public ReplenishmentPlan Plan { get; }
}
