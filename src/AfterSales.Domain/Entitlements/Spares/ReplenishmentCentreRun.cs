using AfterSales.Internal;

namespace AfterSales.Entitlements.Spares;

/// <summary>
/// One service centre's part of a monthly replenishment run (备件月度补充), R-SP-3: when it ran, how many
/// part types it checked, and its orders — stored once per tenant, month and centre, so running the
/// month again changes nothing. Immutable.
/// </summary>
public sealed class ReplenishmentCentreRun
{
    private readonly ReplenishmentOrder[] orders;

    /// <summary>Creates a centre's run, e.g. to reload it from a store.</summary>
    /// <param name="month">The month.</param>
    /// <param name="centreId">The service centre.</param>
    /// <param name="ranAt">When the run computed it.</param>
    /// <param name="cellsChecked">How many part types were checked.</param>
    /// <param name="orders">The orders, by part number; each for <paramref name="month"/> and <paramref name="centreId"/>.</param>
    /// <exception cref="ArgumentException">The centre breaks the <see cref="Identifier"/> rule, or an order is for another month or centre.</exception>
    public ReplenishmentCentreRun(YearMonth month, string centreId, Instant ranAt, int cellsChecked, IEnumerable<ReplenishmentOrder> orders)
        : this(month, centreId, ranAt, cellsChecked, [.. Guard.NotNull(orders)], null, null)
    {
    }

    private ReplenishmentCentreRun(YearMonth month, string centreId, Instant ranAt, int cellsChecked, ReplenishmentOrder[] orders, int? orderCount, long? totalUnits)
    {
        Month = month;
        CentreId = Identifier.Check(centreId);
        RanAt = ranAt;
        CellsChecked = EntitlementGuard.NotNegative(cellsChecked);
        this.orders = orders;
        long units = 0;
        foreach (var order in this.orders)
        {
            if (order.Month != month || !string.Equals(order.CentreId, centreId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"orders holds {order}, which is not for {centreId} in {month:uuuu-MM}.", nameof(orders));
            }

            units += order.Quantity;
        }

        OrderCount = orderCount ?? orders.Length;
        TotalUnits = totalUnits ?? units;
        HasOrders = orderCount is null;
    }

    /// <summary>Summarises a stored run without its orders, for listings.</summary>
    /// <exception cref="ArgumentException">The centre breaks the <see cref="Identifier"/> rule, or a count is negative.</exception>
    public static ReplenishmentCentreRun Summary(YearMonth month, string centreId, Instant ranAt, int cellsChecked, int orderCount, long totalUnits) =>
        new(month, centreId, ranAt, cellsChecked, [], EntitlementGuard.NotNegative(orderCount),
            totalUnits >= 0 ? totalUnits : throw new ArgumentOutOfRangeException(nameof(totalUnits), totalUnits, "totalUnits must not be negative."));

    /// <summary>The month.</summary>
    public YearMonth Month { get; }

    /// <summary>The service centre.</summary>
    public string CentreId { get; }

    /// <summary>When the run computed it.</summary>
    public Instant RanAt { get; }

    /// <summary>How many part types were checked.</summary>
    public int CellsChecked { get; }

    /// <summary>The orders, by part number; empty for a <see cref="Summary"/>.</summary>
    public IReadOnlyList<ReplenishmentOrder> Orders => orders;

    /// <summary>How many orders the run placed.</summary>
    public int OrderCount { get; }

    /// <summary>The units ordered in all.</summary>
    public long TotalUnits { get; }

    /// <summary>Whether <see cref="Orders"/> holds the orders (false for a summary).</summary>
    public bool HasOrders { get; }
}
