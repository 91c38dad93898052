namespace AfterSales.Entitlements.Spares;

/// <summary>What a monthly replenishment run answers (补充结果): every centre's run of the month as stored, and how many were stored by this call. Immutable.</summary>
public sealed class ReplenishmentRunResult
{
    internal ReplenishmentRunResult(YearMonth month, Instant asOf, IReadOnlyList<ReplenishmentCentreRun> centres, int storedNow)
    {
        Month = month;
        AsOf = asOf;
        Centres = centres;
        StoredNow = storedNow;
    }

    /// <summary>The month.</summary>
    public YearMonth Month { get; }

    /// <summary>The instant this call counted stock at (the month's end, or now for the current month).</summary>
    public Instant AsOf { get; }

    /// <summary>Every centre's run of the month (summaries), by centre: the ones stored now and earlier.</summary>
    public IReadOnlyList<ReplenishmentCentreRun> Centres { get; }

    /// <summary>How many centres' runs this call stored: 0 when the month had been run for every centre.</summary>
    public int StoredNow { get; }

    /// <summary>How many orders the month's runs placed.</summary>
    public long OrderCount => Centres.Sum(static c => (long)c.OrderCount);

    /// <summary>The units the month's runs ordered.</summary>
    public long TotalUnits => Centres.Sum(static c => c.TotalUnits);
}
