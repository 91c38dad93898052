using System.Globalization;
using AfterSales.Internal;
using AfterSales.Sla;

namespace AfterSales.Quality.Penalties;

/// <summary>
/// Service credits owed to the <em>customer</em> when SLA clocks are overdue (服务赔偿, beyond the
/// seeds): tiers by the size of the breach, capped per period.
/// </summary>
/// <remarks>
/// <para>A clock is overdue when it is <see cref="SlaClockStatus.Breached"/> or
/// <see cref="SlaClockStatus.MetLate"/>; its breach size is <see cref="SlaClock.Elapsed"/> −
/// <see cref="SlaClock.Allowed"/> in business time (never negative). The highest tier whose
/// <see cref="ServiceCreditTier.MinimumOverdue"/> the breach reaches applies; no tier, no credit.
/// Tiers must not credit less for a larger breach, so a credit never falls as a breach grows.</para>
/// <para>The cap is the smaller of a percentage of the monthly fee and a fixed amount (either may be
/// absent); pass the clocks of one period (usually a month) per statement. Immutable.</para>
/// </remarks>
public sealed class ServiceCreditPolicy
{
    private readonly ServiceCreditTier[] tiers;

    private ServiceCreditPolicy(string currency, ServiceCreditTier[] tiers, decimal? capPercent, decimal? capAmount)
    {
        Currency = currency;
        this.tiers = tiers;
        CapPercentOfMonthlyFee = capPercent;
        CapAmount = capAmount;
    }

    /// <summary>Creates a policy.</summary>
    /// <param name="currency">ISO 4217 code.</param>
    /// <param name="tiers">At least one tier; distinct thresholds; credits non-decreasing with the threshold.</param>
    /// <param name="capPercentOfMonthlyFee">The cap as percent of the monthly fee, if any.</param>
    /// <param name="capAmount">The cap as an amount, if any.</param>
    /// <exception cref="ArgumentException">The tiers are empty, repeat a threshold, credit less for a larger breach, or a cap is negative.</exception>
    public static ServiceCreditPolicy Create(string currency, IEnumerable<ServiceCreditTier> tiers, decimal? capPercentOfMonthlyFee, decimal? capAmount)
    {
        Guard.NotBlank(currency);
        var sorted = Guard.NotNull(tiers).OrderBy(t => t.MinimumOverdue).ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("tiers must hold at least one tier.", nameof(tiers));
        }

        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].MinimumOverdue == sorted[i - 1].MinimumOverdue)
            {
                throw new ArgumentException($"tiers: two tiers start at {sorted[i].MinimumOverdue}.", nameof(tiers));
            }

            if (sorted[i].PercentOfMonthlyFee < sorted[i - 1].PercentOfMonthlyFee || sorted[i].FixedAmount < sorted[i - 1].FixedAmount)
            {
                throw new ArgumentException($"tiers: the tier '{sorted[i]}' credits less than the smaller breach tier '{sorted[i - 1]}'.", nameof(tiers));
            }
        }

        if (capPercentOfMonthlyFee < 0 || capAmount < 0)
        {
            throw new ArgumentException("A cap must not be negative.", capAmount < 0 ? nameof(capAmount) : nameof(capPercentOfMonthlyFee));
        }

        return new ServiceCreditPolicy(currency, sorted, capPercentOfMonthlyFee, capAmount);
    }

    /// <summary>
    /// An example policy (not from the seeds): any overdue clock 2 % of the monthly fee, ≥ 2 business
    /// hours overdue 5 %, ≥ 8 business hours 10 %; capped at 20 % of the monthly fee; CNY.
    /// </summary>
    public static ServiceCreditPolicy Example { get; } = Create(
        "CNY",
        [new(Duration.Zero, 2m), new(Duration.FromHours(2), 5m), new(Duration.FromHours(8), 10m)],
        20m,
        null);

    /// <summary>The currency (ISO 4217).</summary>
    public string Currency { get; }

    /// <summary>The tiers by ascending threshold.</summary>
    public IReadOnlyList<ServiceCreditTier> Tiers => tiers;

    /// <summary>The cap as percent of the monthly fee, if any.</summary>
    public decimal? CapPercentOfMonthlyFee { get; }

    /// <summary>The cap as an amount, if any.</summary>
    public decimal? CapAmount { get; }

    /// <summary>The cap for <paramref name="monthlyFee"/>: the smaller of the caps; <see cref="decimal.MaxValue"/> without one.</summary>
    public decimal CapFor(decimal monthlyFee)
    {
        var cap = decimal.MaxValue;
        if (CapPercentOfMonthlyFee is { } p)
        {
            cap = Math.Min(cap, monthlyFee * p / 100m);
        }

        if (CapAmount is { } a)
        {
            cap = Math.Min(cap, a);
        }

        return cap;
    }

    /// <summary>The tier for a breach of <paramref name="overdue"/>, or null when none applies.</summary>
    public ServiceCreditTier? TierFor(Duration overdue) => tiers.LastOrDefault(t => overdue >= t.MinimumOverdue);

    /// <summary>The credits for the overdue clocks among <paramref name="clocks"/>.</summary>
    /// <param name="clocks">Clocks of one period; those not overdue are skipped.</param>
    /// <param name="monthlyFee">The contract's monthly fee; not negative.</param>
    public ServiceCreditStatement Compute(IEnumerable<SlaClock> clocks, decimal monthlyFee) =>
        Compute(
            Guard.NotNull(clocks)
                .Where(c => c.IsOverdue)
                .Select(c => (string.Create(CultureInfo.InvariantCulture, $"{c.Metric.NameEn} #{c.Cycle}"), Overdue(c))),
            monthlyFee);

    /// <summary>The credits for breaches given directly as (reference, overdue business time).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="monthlyFee"/> or a breach is negative.</exception>
    public ServiceCreditStatement Compute(IEnumerable<(string Reference, Duration Overdue)> breaches, decimal monthlyFee)
    {
        Guard.NotNull(breaches);
        if (monthlyFee < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(monthlyFee), monthlyFee, $"monthlyFee must not be negative, was {monthlyFee}.");
        }

        var lines = new List<ServiceCreditLine>();
        foreach (var (reference, overdue) in breaches)
        {
            Guard.NotNegative(overdue);
            if (TierFor(overdue) is { } tier)
            {
                lines.Add(new ServiceCreditLine(reference ?? "", overdue, tier, tier.CreditFor(monthlyFee)));
            }
        }

        return new ServiceCreditStatement(Currency, lines, lines.Sum(l => l.Amount), CapFor(monthlyFee));
    }

    private static Duration Overdue(SlaClock clock)
    {
        var overdue = clock.Elapsed - clock.Allowed;
        return overdue > Duration.Zero ? overdue : Duration.Zero;
    }
}
