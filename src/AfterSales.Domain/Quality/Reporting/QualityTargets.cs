namespace AfterSales.Quality.Reporting;

/// <summary>
/// The contract's quality targets (服务质量目标) as ratios 0–1; a null target is not promised.
/// Immutable.
/// </summary>
public sealed class QualityTargets
{
    /// <summary>Creates targets.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A target outside 0–1.</exception>
    public QualityTargets(decimal? callbackRate, decimal? satisfactionRate, decimal? partsShipmentAccuracy, decimal? onTimeRate = null, decimal? availability = null)
    {
        CallbackRate = Ratio(callbackRate);
        SatisfactionRate = Ratio(satisfactionRate);
        PartsShipmentAccuracy = Ratio(partsShipmentAccuracy);
        OnTimeRate = Ratio(onTimeRate);
        Availability = Ratio(availability);
    }

    /// <summary>
    /// Seed 001 (R-RP-3): 保修期内客户回访率为100% (callback of in-warranty customers 100 %),
    /// 服务满意率98%以上 (satisfaction ≥ 98 %), 备件发货准确率98%以上 (correct parts shipments ≥ 98 %).
    /// </summary>
    public static QualityTargets Seed001 { get; } = new(1.00m, 0.98m, 0.98m);

    /// <summary>Share of in-warranty callbacks made.</summary>
    public decimal? CallbackRate { get; }

    /// <summary>Share of satisfied surveys.</summary>
    public decimal? SatisfactionRate { get; }

    /// <summary>Share of correct parts shipments.</summary>
    public decimal? PartsShipmentAccuracy { get; }

    /// <summary>Share of SLA clocks met on time (故障修复及时率), over all metrics.</summary>
    public decimal? OnTimeRate { get; }

    /// <summary>Mean device availability.</summary>
    public decimal? Availability { get; }

    /// <summary>The same targets with an on-time and an availability target.</summary>
    public QualityTargets With(decimal? onTimeRate, decimal? availability) =>
        new(CallbackRate, SatisfactionRate, PartsShipmentAccuracy, onTimeRate, availability);

    private static decimal? Ratio(decimal? value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is < 0m or > 1m ? throw new ArgumentOutOfRangeException(name, value, $"{name} must be a ratio between 0 and 1, was {value}.") : value;
}
