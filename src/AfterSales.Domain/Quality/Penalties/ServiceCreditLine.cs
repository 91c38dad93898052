namespace AfterSales.Quality.Penalties;

/// <summary>The credit for one overdue clock in a <see cref="ServiceCreditStatement"/>. Immutable.</summary>
public sealed class ServiceCreditLine
{
    internal ServiceCreditLine(string reference, Duration overdue, ServiceCreditTier tier, decimal amount)
    {
        Reference = reference;
        Overdue = overdue;
        Tier = tier;
        Amount = amount;
    }

    /// <summary>What was overdue, e.g. <c>WO-17 on-site arrival</c>.</summary>
    public string Reference { get; }

    /// <summary>The overdue business time.</summary>
    public Duration Overdue { get; }

    /// <summary>The tier that applied.</summary>
    public ServiceCreditTier Tier { get; }

    /// <summary>The credit before the cap.</summary>
    public decimal Amount { get; }
}
