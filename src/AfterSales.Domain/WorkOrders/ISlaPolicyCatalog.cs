using AfterSales.Sla;

namespace AfterSales.WorkOrders;

/// <summary>
/// The SLA policies a host offers (服务级别协议目录), every version kept: tickets stay pinned to the
/// version they were opened under, so a new version never rewrites open tickets' history.
/// A port: <see cref="InMemorySlaPolicyCatalog"/> is the default; adapters may read a database.
/// </summary>
/// <remarks>Implementations must be thread-safe.</remarks>
public interface ISlaPolicyCatalog
{
    /// <summary>The policy <paramref name="policyId"/> at <paramref name="version"/>, or <see langword="null"/>.</summary>
    SlaPolicy? Find(string policyId, int version);

    /// <summary>The highest version of <paramref name="policyId"/>, or <see langword="null"/>.</summary>
    SlaPolicy? Latest(string policyId);
}
