using AfterSales.Sla;

namespace AfterSales;

/// <summary>
/// Settings of <c>services.AddAfterSales(options =&gt; …)</c> (售后服务配置). Validated when
/// <c>AddAfterSales</c> runs; a message names the offending option.
/// </summary>
public sealed class AfterSalesOptions
{
    /// <summary>The SLA policies (服务级别协议) the in-memory policy catalog holds, every version a ticket may be pinned to.</summary>
    /// <value>The default value is empty; add your contracts' policies or <see cref="SlaPresets.All"/>.</value>
    public IList<SlaPolicy> Policies { get; } = [];

    /// <summary>
    /// The policy id reports use when they name none; <see langword="null"/> to require one.
    /// Must be the id of a policy in <see cref="Policies"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? DefaultPolicyId { get; set; }

    /// <summary>Checks the options.</summary>
    /// <exception cref="InvalidOperationException">An option is invalid; the message names it and says why.</exception>
    public void Validate()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Policies.Count; i++)
        {
            var policy = Policies[i] ?? throw new InvalidOperationException($"Policies[{i}] must not be null.");
            if (!keys.Add(policy.Key) && !Policies.Take(i).Any(p => ReferenceEquals(p, policy)))
            {
                throw new InvalidOperationException($"Policies[{i}]: policy {policy.Key} appears twice with different content; give the new one a higher version.");
            }
        }

        if (DefaultPolicyId is { } id && !Policies.Any(p => string.Equals(p.Id, id, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException(
                $"DefaultPolicyId must be the id of a policy in Policies, was '{id}'; Policies has {(Policies.Count == 0 ? "none" : string.Join(", ", Policies.Select(static p => p.Id).Distinct()))}.");
        }
    }
}
