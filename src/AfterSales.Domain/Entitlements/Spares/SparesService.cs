using AfterSales.Internal;

namespace AfterSales.Entitlements.Spares;

/// <summary>
/// The spares use cases over stored data (备件服务): the monthly replenishment run from the stored
/// ledgers and the device registry (R-SP-1, R-SP-3), stored once per month and centre, and the monthly
/// stock report. Registered by <c>AddAfterSales</c>; thread-safe when its store is.
/// </summary>
public sealed class SparesService
{
    private readonly IReplenishmentStore store;
    private readonly IClock clock;
    private readonly DateTimeZone zone;

    /// <summary>Creates the service.</summary>
    /// <param name="store">Where stock, installed base and runs are read and stored.</param>
    /// <param name="clock">The clock runs are timestamped from.</param>
    /// <param name="zone">The zone months are counted in; Beijing time when <see langword="null"/>.</param>
    public SparesService(IReplenishmentStore store, IClock clock, DateTimeZone? zone = null)
    {
        this.store = Guard.NotNull(store);
        this.clock = Guard.NotNull(clock);
        this.zone = zone ?? Calendars.ChinaCalendars.BeijingTime;
    }

    /// <summary>The instants <paramref name="month"/> covers in the service's zone: [first midnight, next month's first midnight).</summary>
    public Interval MonthOf(YearMonth month) =>
        new(zone.AtStartOfDay(month.OnDayOfMonth(1)).ToInstant(), zone.AtStartOfDay(month.PlusMonths(1).OnDayOfMonth(1)).ToInstant());

    /// <summary>
    /// Runs the monthly replenishment of <paramref name="month"/> (每月补充, R-SP-3): for every centre not
    /// yet run for the month, the orders that bring each part type back to <paramref name="policy"/>'s
    /// target (R-SP-1), from the stock at the month's end (or now, for the current month) and the installed
    /// base; stored per centre. Centres already run keep their stored orders, so a second run is the same.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="month">The month, not after the current one.</param>
    /// <param name="policy">The target rule (5 % in seed 000).</param>
    /// <param name="cancellationToken">Cancels the run; a centre's run is stored whole or not at all.</param>
    /// <returns>Every centre's run of the month (summaries) and how many were stored now.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is after the current month or outside <see cref="SupportedDates"/>.</exception>
    public async Task<ReplenishmentRunResult> RunAsync(string tenantId, YearMonth month, ReplenishmentPolicy policy, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(policy);
        var period = CheckMonth(month);
        var now = clock.GetCurrentInstant();
        var asOf = period.End < now ? period.End : now;
        var done = (await store.ListRunsAsync(tenantId, month, cancellationToken).ConfigureAwait(false))
            .Select(static r => r.CentreId).ToHashSet(StringComparer.Ordinal);
        // Stock just before the month's end; for the current month, everything recorded up to now.
        var positions = await store.LoadPositionsAsync(tenantId, asOf == now ? now + Duration.Epsilon : asOf, cancellationToken).ConfigureAwait(false);
        var plan = ReplenishmentPlanner.Plan(month, positions, policy);

        // The orders come centre by centre, in the positions' order: cut them into each centre's run.
        var runs = new List<ReplenishmentCentreRun>();
        var next = 0;
        foreach (var centre in positions.CentreIds)
        {
            var first = next;
            while (next < plan.Orders.Count && string.Equals(plan.Orders[next].CentreId, centre, StringComparison.Ordinal))
            {
                next++;
            }

            if (!done.Contains(centre))
            {
                runs.Add(new ReplenishmentCentreRun(month, centre, now, positions.PartNumbers.Count, plan.Orders.Skip(first).Take(next - first)));
            }
        }

        var stored = runs.Count == 0 ? 0 : await store.SaveRunsAsync(tenantId, runs, cancellationToken).ConfigureAwait(false);
        var all = await store.ListRunsAsync(tenantId, month, cancellationToken).ConfigureAwait(false);
        return new ReplenishmentRunResult(month, asOf, all, stored);
    }

    /// <summary>The centres run for <paramref name="month"/>, as summaries; empty when the month was not run.</summary>
    public Task<IReadOnlyList<ReplenishmentCentreRun>> ListRunsAsync(string tenantId, YearMonth month, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        CheckMonth(month);
        return store.ListRunsAsync(tenantId, month, cancellationToken);
    }

    /// <summary>One centre's run of <paramref name="month"/> with its orders, or <see langword="null"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="centreId"/> breaks the <see cref="Identifier"/> rule.</exception>
    public Task<ReplenishmentCentreRun?> FindRunAsync(string tenantId, YearMonth month, string centreId, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Identifier.Check(centreId);
        CheckMonth(month);
        return store.FindRunAsync(tenantId, month, centreId, cancellationToken);
    }

    /// <summary>A page of one centre's monthly stock report (R-SP-3), from the stored ledgers.</summary>
    /// <exception cref="ArgumentException"><paramref name="centreId"/> breaks the <see cref="Identifier"/> rule, or the page is out of range.</exception>
    public Task<IReadOnlyList<StockReportLine>> ReportAsync(string tenantId, string centreId, YearMonth month, int offset, int limit, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Identifier.Check(centreId);
        Guard.NotNegative(offset);
        if (limit is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"limit must be 1 to 1000, was {limit}.");
        }

        return store.ReportAsync(tenantId, centreId, CheckMonth(month), offset, limit, cancellationToken);
    }

    private Interval CheckMonth(YearMonth month, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(month))] string? name = null)
    {
        if (month.Calendar != CalendarSystem.Iso || month.OnDayOfMonth(1) < SupportedDates.MinDate || month.OnDayOfMonth(1) > SupportedDates.MaxDate)
        {
            throw new ArgumentOutOfRangeException(name, month, $"{name} must be an ISO month from 1900-01 to 2199-12.");
        }

        var period = MonthOf(month);
        if (period.Start > clock.GetCurrentInstant())
        {
            throw new ArgumentOutOfRangeException(name, month, $"{name} must not be after the current month: its stock is not known yet.");
        }

        return period;
    }
}
