namespace AfterSales.Entitlements.Quotes;

/// <summary>What a quote line charges for (R-WAR-8).</summary>
public enum QuoteLineKind
{
    /// <summary>A part at cost, never above its tendered price (零部件工本费).</summary>
    Part,

    /// <summary>Telephone support: always free (免费电话技术支持).</summary>
    PhoneSupport,

    /// <summary>An on-site visit fee (上门服务费).</summary>
    OnSiteVisit,

    /// <summary>Travel costs of the visit (差旅费).</summary>
    Travel,

    /// <summary>Heavy tools or equipment, at a negotiated charge (大型工具费用协商).</summary>
    Tools,

    /// <summary>Labour (人工费).</summary>
    Labour,

    /// <summary>A software upgrade: free within the contract's upgrade window.</summary>
    SoftwareUpgrade,
}
