using AfterSales.Internal;
using AfterSales.Quality.Penalties;

namespace AfterSales.Quality.Terms;

/// <summary>
/// Which contracts owe service credits and on which fee (服务赔偿条款): one
/// <see cref="ServiceCreditPolicy"/> (tiers and cap) and each contract's monthly fee, keyed by the SLA
/// policy id its work orders are pinned to. Immutable.
/// </summary>
public sealed class ServiceCreditTerms
{
    /// <summary>Creates terms.</summary>
    /// <param name="policy">The tiers and the cap.</param>
    /// <param name="monthlyFees">The monthly fee per SLA policy id; at least one, none negative.</param>
    /// <exception cref="ArgumentException">No contract, a blank id or a negative fee.</exception>
    public ServiceCreditTerms(ServiceCreditPolicy policy, IEnumerable<KeyValuePair<string, decimal>> monthlyFees)
    {
        Policy = Guard.NotNull(policy);
        var fees = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (contract, fee) in Guard.NotNull(monthlyFees))
        {
            Guard.NotBlank(contract);
            if (fee < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(monthlyFees), fee, $"monthlyFees[{contract}] must not be negative, was {fee}.");
            }

            if (!fees.TryAdd(contract, fee))
            {
                throw new ArgumentException($"monthlyFees: contract '{contract}' is given twice.", nameof(monthlyFees));
            }
        }

        if (fees.Count == 0)
        {
            throw new ArgumentException("monthlyFees must name at least one contract.", nameof(monthlyFees));
        }

        MonthlyFees = fees;
    }

    /// <summary>The tiers and the cap.</summary>
    public ServiceCreditPolicy Policy { get; }

    /// <summary>The monthly fee per SLA policy id (the contract), ordered by id.</summary>
    public IReadOnlyDictionary<string, decimal> MonthlyFees { get; }
}
