namespace AfterSales.Quality.Penalties;

/// <summary>
/// The service credits owed to the customer for one period (服务赔偿): one line per overdue clock,
/// the uncapped sum and the capped total. Immutable.
/// </summary>
public sealed class ServiceCreditStatement
{
    internal ServiceCreditStatement(string currency, IReadOnlyList<ServiceCreditLine> lines, decimal uncapped, decimal cap)
    {
        Currency = currency;
        Lines = lines;
        Uncapped = uncapped;
        Cap = cap;
    }

    /// <summary>The currency (ISO 4217).</summary>
    public string Currency { get; }

    /// <summary>One line per overdue clock that earned a credit.</summary>
    public IReadOnlyList<ServiceCreditLine> Lines { get; }

    /// <summary>The sum of the lines.</summary>
    public decimal Uncapped { get; }

    /// <summary>The period's cap.</summary>
    public decimal Cap { get; }

    /// <summary>The credit owed: <see cref="Uncapped"/>, but not more than <see cref="Cap"/>.</summary>
    public decimal Total => Math.Min(Uncapped, Cap);

    /// <summary>Whether the cap cut the credit.</summary>
    public bool IsCapped => Uncapped > Cap;
}
