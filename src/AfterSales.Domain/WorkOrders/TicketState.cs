namespace AfterSales.WorkOrders;

/// <summary>
/// The states of a work order (故障处理工作单状态). <see cref="Open"/>, <see cref="Unrestored"/> and
/// <see cref="Active"/> are superstates: a ticket is never in one of them alone, but always in one
/// of their substates, and so also in them (see <see cref="Ticket.IsIn"/>).
/// </summary>
/// <remarks>
/// Nesting: <see cref="Open"/> ⊃ { <see cref="Unrestored"/> ⊃ { <see cref="Active"/> ⊃ { Reported,
/// Acknowledged, RemoteDiagnosis, Dispatched, OnSite, EscalatedToVendor }, WaitingForCustomer },
/// ServiceRestored }. Resolved, Observation, Closed and Cancelled stand alone. The values are dense
/// (0..n-1), as the workflow engine requires; they are stable and may be stored.
/// </remarks>
public enum TicketState
{
    /// <summary>Reported (已报障): the work order is open and nobody has responded yet.</summary>
    Reported = 0,

    /// <summary>Acknowledged (已响应): the service desk gave its first response (R-WO-3).</summary>
    Acknowledged = 1,

    /// <summary>Remote diagnosis (远程诊断): tried first, before anyone travels (R-WO-2).</summary>
    RemoteDiagnosis = 2,

    /// <summary>Dispatched (已派工): an engineer is on the way (派工, R-ORG-1).</summary>
    Dispatched = 3,

    /// <summary>On site (已到场): the engineer arrived at the device (到达现场).</summary>
    OnSite = 4,

    /// <summary>Escalated to the manufacturer's support (申请支援, R-WO-5).</summary>
    EscalatedToVendor = 5,

    /// <summary>Waiting for the customer (等待客户): paused; SLA targets that allow it do not count this time.</summary>
    WaitingForCustomer = 6,

    /// <summary>Service restored (服务恢复运行), possibly on a workaround; the fault is not yet fully repaired.</summary>
    ServiceRestored = 7,

    /// <summary>Resolved (已修复): all indicators normal (服务指标全部恢复正常).</summary>
    Resolved = 8,

    /// <summary>Observation period (运行观察期, R-WO-4): watched for recurrence before closing.</summary>
    Observation = 9,

    /// <summary>Closed (已关闭): signed off by the customer (R-WO-8). Terminal.</summary>
    Closed = 10,

    /// <summary>Cancelled (已撤销): a duplicate or invalid report. Terminal.</summary>
    Cancelled = 11,

    /// <summary>Superstate: open and not yet resolved (未修复). Reclassification, repair plans and loaners are recorded here.</summary>
    Open = 12,

    /// <summary>Superstate: service not yet restored (未恢复). A report may still be cancelled here.</summary>
    Unrestored = 13,

    /// <summary>Superstate: actively handled (处理中). Work may pause here to wait for the customer.</summary>
    Active = 14,
}
