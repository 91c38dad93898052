namespace AfterSales.WorkOrders;

/// <summary>Thrown when an SLA policy (服务级别协议) id or version is not in the catalog.</summary>
public sealed class SlaPolicyNotFoundException : AfterSalesException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="policyId">The policy id asked for.</param>
    /// <param name="version">The version asked for, or <see langword="null"/> for the latest.</param>
    public SlaPolicyNotFoundException(string policyId, int? version)
        : base(version is { } v
            ? $"SLA policy '{policyId}' version {v} is not in the catalog."
            : $"SLA policy '{policyId}' is not in the catalog.")
    {
        PolicyId = policyId;
        Version = version;
    }

    /// <summary>The policy id asked for.</summary>
    public string PolicyId { get; }

    /// <summary>The version asked for, or <see langword="null"/> for the latest.</summary>
    public int? Version { get; }
}
