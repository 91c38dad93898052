using AfterSales.Calendars;
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
    /// The calendars every tenant sees (共享日历), every version: the shared default set of the
    /// <see cref="ICalendarCatalog"/>. A tenant's own change is stored as its next version for that
    /// tenant only.
    /// </summary>
    /// <value>The default value holds <see cref="CalendarPresets.All"/> (7×24 and Monday–Friday in Beijing time, China statutory 9–18).</value>
    public IList<CalendarDefinition> Calendars { get; } = [.. CalendarPresets.All];

    /// <summary>
    /// The policy id reports use when they name none; <see langword="null"/> to require one.
    /// Must be the id of a policy in <see cref="Policies"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? DefaultPolicyId { get; set; }

    /// <summary>The default of <see cref="MaxBackdating"/>: 24 hours.</summary>
    public static readonly Duration DefaultMaxBackdating = Duration.FromHours(24);

    /// <summary>
    /// Warranty policies (质保条款) beyond the seed presets (<see cref="Entitlements.Warranty.WarrantyPresets.All"/>,
    /// always known), by code; one with a preset's code replaces the preset.
    /// </summary>
    /// <value>The default value is empty.</value>
    public IList<Entitlements.Warranty.WarrantyPolicy> WarrantyPolicies { get; } = [];

    /// <summary>The warranty policy code that judges registered devices naming none; <see langword="null"/> to leave them unassessed.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? DefaultWarrantyPolicyCode { get; set; }

    /// <summary>
    /// Whether reporting a fault looks the device up in the registry and assesses its warranty
    /// (R-WO-1), recording the result and the billable flag on the ticket.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CheckEntitlementAtReport { get; set; } = true;

    /// <summary>How far back a command's <c>occurredAt</c> may lie (补录时限): 1 minute to 30 days.</summary>
    /// <value>The default value is 24 hours.</value>
    public Duration MaxBackdating { get; set; } = DefaultMaxBackdating;

    /// <summary>
    /// The target the stock stores check each movement against (备件配置量, R-SP-1) to emit
    /// <see cref="Events.AfterSalesEventTypes.StockBelowTarget"/> when a movement takes a centre's stock below it, and
    /// the replenishment run's target when a request names no ratio; <see langword="null"/> to emit none.
    /// </summary>
    /// <value>The default value is <see cref="Entitlements.Spares.ReplenishmentPolicy.Seed000"/> (5 % of the installed base).</value>
    public Entitlements.Spares.ReplenishmentPolicy? StockTarget { get; set; } = Entitlements.Spares.ReplenishmentPolicy.Seed000;

    /// <summary>
    /// How long before a registered device's warranty ends <see cref="Events.AfterSalesEventTypes.WarrantyExpiring"/> is
    /// emitted (保修到期提醒, R-IN-2: the full inspection before the end); <see langword="null"/> to emit none.
    /// </summary>
    /// <value>The default value is <see cref="Entitlements.Warranty.WarrantyPolicy.PreExpiryWindow"/> (3 months).</value>
    public Period? WarrantyExpiringLead { get; set; } = Entitlements.Warranty.WarrantyPolicy.PreExpiryWindow;

    /// <summary>The default of <see cref="CatalogRefreshInterval"/>: 1 second.</summary>
    public static readonly Duration DefaultCatalogRefreshInterval = Duration.FromSeconds(1);

    /// <summary>
    /// How long a durable policy or calendar catalog (目录刷新间隔) may answer "the tenant's latest version" from
    /// what it last read before asking its store again. Every report asks, so this saves a query per report and
    /// catalog. A version saved on this node applies at once; one saved on another node applies to reports
    /// within this interval. Zero asks the store every time. The in-memory catalogs are always current.
    /// </summary>
    /// <value>The default value is 1 second. Zero to 1 minute.</value>
    public Duration CatalogRefreshInterval { get; set; } = DefaultCatalogRefreshInterval;

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

        if (MaxBackdating < Duration.FromMinutes(1) || MaxBackdating > Duration.FromDays(30))
        {
            throw new InvalidOperationException($"MaxBackdating must be 1 minute to 30 days, was {MaxBackdating}.");
        }

        if (CatalogRefreshInterval < Duration.Zero || CatalogRefreshInterval > Duration.FromMinutes(1))
        {
            throw new InvalidOperationException($"CatalogRefreshInterval must be zero to 1 minute, was {CatalogRefreshInterval}.");
        }

        if (WarrantyExpiringLead is { } lead && (lead.HasTimeComponent || lead.Years < 0 || lead.Months < 0 || lead.Weeks < 0 || lead.Days < 0))
        {
            throw new InvalidOperationException($"WarrantyExpiringLead must be a period of years, months, weeks and days, none negative, was {lead}.");
        }

        for (var i = 0; i < WarrantyPolicies.Count; i++)
        {
            _ = WarrantyPolicies[i] ?? throw new InvalidOperationException($"WarrantyPolicies[{i}] must not be null.");
        }

        if (DefaultWarrantyPolicyCode is { } code
            && !Entitlements.Warranty.WarrantyPresets.All.Concat(WarrantyPolicies).Any(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"DefaultWarrantyPolicyCode must be the code of a preset or of a policy in WarrantyPolicies, was '{code}'.");
        }

        for (var i = 0; i < Calendars.Count; i++)
        {
            var calendar = Calendars[i] ?? throw new InvalidOperationException($"Calendars[{i}] must not be null.");
            if (Calendars.Take(i).Any(c => c.Key == calendar.Key && !ReferenceEquals(c, calendar)))
            {
                throw new InvalidOperationException($"Calendars[{i}]: calendar {calendar.Key} appears twice with different content; give the new one a higher version.");
            }
        }

        if (DefaultPolicyId is { } id && !Policies.Any(p => string.Equals(p.Id, id, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException(
                $"DefaultPolicyId must be the id of a policy in Policies, was '{id}'; Policies has {(Policies.Count == 0 ? "none" : string.Join(", ", Policies.Select(static p => p.Id).Distinct()))}.");
        }
    }
}
