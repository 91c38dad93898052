using System.Globalization;
using AfterSales.Internal;
using AfterSales.Quality.Reporting;
using AfterSales.Quality.Terms;

namespace AfterSales.Quality.Penalties;

/// <summary>
/// Adds up the service credits of each contract for a quarter from its work orders' clocks
/// (服务赔偿计算), handed over one at a time: a work order counts in the month it was reported (as
/// the quarterly report counts it), only before "as of"; each overdue clock (breached, or met late)
/// is a line at its overdue business time, referenced <c>WO-17 on-site arrival #1</c>; each month is
/// capped on its own (<see cref="ServiceCreditPolicy"/>). Work orders of contracts without a fee
/// are not counted. Not thread-safe.
/// </summary>
public sealed class QuarterlyServiceCredits
{
    private readonly ServiceCreditTerms terms;
    private readonly IReadOnlyList<ReportPeriod> months;
    private readonly Instant asOf;
    private readonly Dictionary<string, List<(string Reference, Duration Overdue)>[]> lines = new(StringComparer.Ordinal);

    /// <summary>Starts the quarter's credits.</summary>
    /// <exception cref="ArgumentException">A null argument or a quarter outside 1–4.</exception>
    public QuarterlyServiceCredits(ServiceCreditTerms terms, int year, int quarter, DateTimeZone zone, Instant asOf)
    {
        this.terms = Guard.NotNull(terms);
        var period = ReportPeriod.Quarter(year, quarter, Guard.NotNull(zone));
        months = period.Months();
        this.asOf = asOf;
    }

    /// <summary>Adds a work order summarised as of "as of".</summary>
    public QuarterlyServiceCredits Add(WorkOrderSummary order)
    {
        Guard.NotNull(order);
        if (order.PolicyId is not { } contract || !terms.MonthlyFees.ContainsKey(contract) || order.ReportedAt > asOf)
        {
            return this;
        }

        var month = -1;
        for (var i = 0; i < months.Count; i++)
        {
            if (months[i].Contains(order.ReportedAt))
            {
                month = i;
            }
        }

        if (month < 0)
        {
            return this;
        }

        if (!lines.TryGetValue(contract, out var byMonth))
        {
            lines[contract] = byMonth = [.. months.Select(static _ => new List<(string, Duration)>())];
        }

        foreach (var clock in order.Clocks.Where(static c => c.IsOverdue))
        {
            var overdue = clock.Elapsed - clock.Allowed;
            byMonth[month].Add((
                string.Create(CultureInfo.InvariantCulture, $"{order.Id} {clock.Metric.NameEn} #{clock.Cycle}"),
                overdue > Duration.Zero ? overdue : Duration.Zero));
        }

        return this;
    }

    /// <summary>One statement per contract of the terms, ordered by contract id; a contract without overdue clocks owes nothing.</summary>
    public IReadOnlyList<ContractCreditStatement> Build() =>
    [
        .. terms.MonthlyFees.Select(fee => new ContractCreditStatement(
            fee.Key,
            fee.Value,
            terms.Policy.Currency,
            [.. months.Select((m, i) => (m, terms.Policy.Compute(lines.TryGetValue(fee.Key, out var byMonth) ? byMonth[i] : [], fee.Value)))])),
    ];
}
