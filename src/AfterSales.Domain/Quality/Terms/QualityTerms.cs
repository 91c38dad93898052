using AfterSales.Internal;
using AfterSales.Quality.Penalties;
using AfterSales.Quality.Reporting;

namespace AfterSales.Quality.Terms;

/// <summary>
/// A tenant's quality terms (质量考核条款) as contract data, like its SLA policies: how engineers'
/// months are settled (<see cref="PenaltyPolicy"/>: fine, dismissal window, bonus rules, pay per
/// service, R-CP-2/3), the quality targets the quarterly report is held to (R-RP-3), and the service
/// credits owed per contract (<see cref="ServiceCredits"/>). Versioned per tenant by an
/// <see cref="IQualityTermsCatalog"/>; each figure says which version it used. Immutable.
/// </summary>
public sealed class QualityTerms
{
    /// <summary>Creates terms.</summary>
    /// <param name="name">A readable name, e.g. the contract's.</param>
    /// <param name="customer">The customer's name as reports show it; blank for the tenant's id.</param>
    /// <param name="penalties">How engineers' months are settled.</param>
    /// <param name="targets">The report's targets.</param>
    /// <param name="serviceCredits">The credits owed per contract, or null when the contracts promise none.</param>
    /// <exception cref="ArgumentException">A blank name or a null argument.</exception>
    public QualityTerms(string name, string customer, PenaltyPolicy penalties, QualityTargets targets, ServiceCreditTerms? serviceCredits)
    {
        Name = Guard.NotBlank(name);
        Customer = Guard.NotNull(customer).Trim();
        Penalties = Guard.NotNull(penalties);
        Targets = Guard.NotNull(targets);
        ServiceCredits = serviceCredits;
    }

    /// <summary>
    /// The terms in force before a tenant adopts its own: seed 000's penalties
    /// (<see cref="PenaltyPolicy.Seed000"/>), seed 001's targets (<see cref="QualityTargets.Seed001"/>), no service credits.
    /// </summary>
    public static QualityTerms Default { get; } = new("默认条款 (seed presets)", "", PenaltyPolicy.Seed000, QualityTargets.Seed001, null);

    /// <summary>A readable name.</summary>
    public string Name { get; }

    /// <summary>The customer's name as reports show it; empty for the tenant's id.</summary>
    public string Customer { get; }

    /// <summary>How engineers' months are settled.</summary>
    public PenaltyPolicy Penalties { get; }

    /// <summary>The quality targets.</summary>
    public QualityTargets Targets { get; }

    /// <summary>The service credits per contract, or null when none are promised.</summary>
    public ServiceCreditTerms? ServiceCredits { get; }
}
