using AfterSales.Quality.Reporting;

namespace AfterSales.Quality.Penalties;

/// <summary>
/// The service credits one contract owes its customer for a quarter (季度服务赔偿): a capped
/// statement per month of the quarter, and their total. Immutable.
/// </summary>
public sealed class ContractCreditStatement
{
    internal ContractCreditStatement(string contractId, decimal monthlyFee, string currency, IReadOnlyList<(ReportPeriod Month, ServiceCreditStatement Statement)> months)
    {
        ContractId = contractId;
        MonthlyFee = monthlyFee;
        Currency = currency;
        Months = months;
    }

    /// <summary>The contract: the SLA policy id its work orders are pinned to.</summary>
    public string ContractId { get; }

    /// <summary>The monthly fee the credits are a share of.</summary>
    public decimal MonthlyFee { get; }

    /// <summary>The currency (ISO 4217).</summary>
    public string Currency { get; }

    /// <summary>Each month's statement, capped on its own; a month not started has no lines.</summary>
    public IReadOnlyList<(ReportPeriod Month, ServiceCreditStatement Statement)> Months { get; }

    /// <summary>The credit owed for the quarter: the sum of the months' capped totals.</summary>
    public decimal Total => Months.Sum(static m => m.Statement.Total);
}
