namespace AfterSales.Sla;

/// <summary>Where a site lies relative to the service centre; on-site targets often depend on it
/// (R-SLA-2, R-SLA-3, R-SLA-9).</summary>
public enum SiteLocality
{
    /// <summary>In the service centre's city (本地 / 市区).</summary>
    Local,

    /// <summary>Outside the city, reached by road (外地 / 其他市县).</summary>
    NonLocal,

    /// <summary>Reached by train or plane (乘火车或飞机); targets may depend on the distance.</summary>
    Travel,
}
