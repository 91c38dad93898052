using AfterSales.Http.Tenancy;

namespace AfterSales.Http.Identity;

/// <summary>
/// How the HTTP adapter finds the tenant and the user of a request (身份与租户). By default the tenant
/// comes from the authenticated user's <see cref="TenantClaimType"/> claim and every endpoint needs
/// a user satisfying its <see cref="AfterSalesPolicies">policy</see>. Validated at start-up: a bad
/// value stops the host with a message naming the option.
/// </summary>
public sealed class AfterSalesIdentityOptions
{
    /// <summary>The claim the default <see cref="ClaimTenantResolver"/> reads the tenant from.</summary>
    /// <value>The default value is <c>tenant_id</c>.</value>
    public string TenantClaimType { get; set; } = ClaimTenantResolver.DefaultClaimType;

    /// <summary>
    /// Whether a request without credentials (no <c>Authorization</c> header) may name its tenant in the
    /// <c>X-Tenant-Id</c> header and is then let through every AfterSales policy: for development, and for hosts behind a trusted
    /// gateway that authenticates and authorizes callers. A request with a token still acts for the
    /// token's tenant only. Refused outside the Development environment unless
    /// <see cref="AllowTenantHeaderOutsideDevelopment"/> is set.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AcceptTenantHeader { get; set; }

    /// <summary>
    /// Allows <see cref="AcceptTenantHeader"/> (or a registered <see cref="HeaderTenantResolver"/>) outside
    /// the Development environment: set it only where a trusted gateway sets the header and no caller
    /// can reach the host around it.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowTenantHeaderOutsideDevelopment { get; set; }

    /// <summary>Checks the settings that need no environment.</summary>
    /// <returns>The problems found, each naming the option; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(TenantClaimType))
        {
            errors.Add("TenantClaimType must not be empty.");
        }

        return errors;
    }
}
