using AfterSales.Sla;

namespace AfterSales.WorkOrders;

/// <summary>
/// The SLA policies a tenant sees (服务级别协议目录), every version kept — the same rule as the
/// calendar catalog: a shared default set every tenant sees (the presets, or the host's), and the
/// tenant's own versions. A tenant's change is saved as the next version of the id for that tenant
/// only; a tenant's own version of an id hides the shared ones from "latest", while older versions
/// stay readable by number. Tickets stay pinned to the version they were opened under, so a new
/// version never rewrites open tickets' history; moving them is the explicit adopt-policy command.
/// A port: <see cref="InMemorySlaPolicyCatalog"/> is the default; the EF Core adapter stores the
/// tenants' versions as policy documents.
/// </summary>
/// <remarks>Implementations must be thread-safe.</remarks>
public interface ISlaPolicyCatalog
{
    /// <summary>The shared policy <paramref name="policyId"/> at <paramref name="version"/>, or <see langword="null"/>.</summary>
    SlaPolicy? Find(string policyId, int version);

    /// <summary>The highest shared version of <paramref name="policyId"/>, or <see langword="null"/>.</summary>
    SlaPolicy? Latest(string policyId);

    /// <summary>The latest version of every policy the tenant sees, by id.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<SlaPolicy>> ListAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The policy <paramref name="policyId"/> at <paramref name="version"/> as the tenant sees it (its
    /// own version of that number, else the shared one), or its latest when <paramref name="version"/>
    /// is <see langword="null"/>; <see langword="null"/> when there is none.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="policyId">The policy's id.</param>
    /// <param name="version">The version, or <see langword="null"/> for the latest.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<SlaPolicy?> FindAsync(string tenantId, string policyId, int? version = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves <paramref name="policy"/> as the tenant's next version of its id (the latest the tenant
    /// sees + 1, or 1 for a new id). Tickets already open keep their version until adopt-policy moves them.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="policy">The new content; its own version is ignored.</param>
    /// <param name="expectedVersion">The latest version the caller saw (0 for a new id), or <see langword="null"/> to save over whatever is latest.</param>
    /// <param name="cancellationToken">Cancels the save; nothing is saved then.</param>
    /// <returns>The saved policy, with its version.</returns>
    /// <exception cref="ConcurrencyConflictException">The latest version is not <paramref name="expectedVersion"/>, or another writer saved the same version first.</exception>
    Task<SlaPolicy> SaveAsync(string tenantId, SlaPolicy policy, int? expectedVersion, CancellationToken cancellationToken = default);
}
