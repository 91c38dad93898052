using AfterSales.Sla;

namespace AfterSales.WorkOrders;

/// <summary>Where the faulty device is (故障地点): the SLA locality and the site's name and address. Immutable; value equality.</summary>
public sealed record TicketSite
{
    /// <summary>Locality and distance, as SLA targets see the site (R-SLA-9).</summary>
    public required ServiceSite Location { get; init; }

    /// <summary>The site's name, e.g. the branch or building (站点名称).</summary>
    public required string Name { get; init; }

    /// <summary>The site's address (地址).</summary>
    public required string Address { get; init; }
}
