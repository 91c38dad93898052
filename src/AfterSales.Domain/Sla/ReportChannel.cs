namespace AfterSales.Sla;

/// <summary>How a fault was reported (报障方式); some contracts give each channel its own response
/// target (R-SLA-2, R-SLA-4).</summary>
public enum ReportChannel
{
    /// <summary>By telephone, e.g. the hotline (电话).</summary>
    Phone,

    /// <summary>In person at the service desk (来访).</summary>
    WalkIn,

    /// <summary>By e-mail (电子邮件).</summary>
    Email,

    /// <summary>By fax (传真).</summary>
    Fax,

    /// <summary>Through a web portal, app or instant messaging (网络/微信/QQ).</summary>
    Online,

    /// <summary>Raised by monitoring or by an engineer during an inspection (监控/巡检发现).</summary>
    Monitoring,
}
