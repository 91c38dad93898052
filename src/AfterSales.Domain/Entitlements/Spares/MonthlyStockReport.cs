using AfterSales.Internal;

namespace AfterSales.Entitlements.Spares;

/// <summary>
/// The monthly count of spare-part use and stock (每月统计备用设备与零件使用与库存情况), R-SP-3, one line
/// per ledger. Immutable.
/// </summary>
/// <remarks>
/// The month runs from the first midnight of the month to the first midnight of the next, in the
/// given time zone (Beijing time for the seeds); a movement belongs to the month its instant falls in.
/// </remarks>
public sealed class MonthlyStockReport
{
    private MonthlyStockReport(YearMonth month, Interval period, StockReportLine[] lines)
    {
        Month = month;
        Period = period;
        Lines = lines;
    }

    /// <summary>The month reported.</summary>
    public YearMonth Month { get; }

    /// <summary>The instants the month covers: [start, end).</summary>
    public Interval Period { get; }

    /// <summary>One line per ledger, ordered by centre then part type.</summary>
    public IReadOnlyList<StockReportLine> Lines { get; }

    /// <summary>Builds the report of <paramref name="month"/> in <paramref name="zone"/> from the ledgers.</summary>
    public static MonthlyStockReport Build(YearMonth month, DateTimeZone zone, IEnumerable<StockLedger> ledgers)
    {
        Guard.NotNull(zone);
        Guard.NotNull(ledgers);
        var start = zone.AtStartOfDay(month.OnDayOfMonth(1)).ToInstant();
        var end = zone.AtStartOfDay(month.PlusMonths(1).OnDayOfMonth(1)).ToInstant();
        var period = new Interval(start, end);
        var lines = new List<StockReportLine>();
        foreach (var ledger in ledgers)
        {
            lines.Add(StockReportLine.Of(Guard.NotNull(ledger), period));
        }

        lines.Sort((a, b) =>
        {
            var byCentre = string.CompareOrdinal(a.CentreId, b.CentreId);
            return byCentre != 0 ? byCentre : string.CompareOrdinal(a.PartNumber, b.PartNumber);
        });
        return new MonthlyStockReport(month, period, [.. lines]);
    }
}
