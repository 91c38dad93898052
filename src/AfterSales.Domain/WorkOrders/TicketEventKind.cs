namespace AfterSales.WorkOrders;

/// <summary>What a <see cref="TicketEvent"/> records (工单事件类型). Stable values; store them by name.</summary>
public enum TicketEventKind
{
    /// <summary>The fault was reported and the work order opened (报障); carries the <see cref="TicketEvent.Report"/>.</summary>
    Reported = 0,

    /// <summary>First response given (响应).</summary>
    Acknowledged = 1,

    /// <summary>Remote diagnosis started (远程诊断).</summary>
    RemoteDiagnosisStarted = 2,

    /// <summary>Fixed remotely (远程解决); carries the <see cref="TicketEvent.Resolution"/>.</summary>
    ResolvedRemotely = 3,

    /// <summary>An engineer was dispatched (派工); carries the <see cref="TicketEvent.Engineer"/>.</summary>
    Dispatched = 4,

    /// <summary>The engineer arrived on site (到达现场).</summary>
    ArrivedOnSite = 5,

    /// <summary>Escalated to the manufacturer (申请支援); carries the <see cref="TicketEvent.Reason"/>.</summary>
    EscalatedToVendor = 6,

    /// <summary>Service restored (服务恢复运行).</summary>
    ServiceRestored = 7,

    /// <summary>Fully resolved (修复); carries the <see cref="TicketEvent.Resolution"/>.</summary>
    Resolved = 8,

    /// <summary>Observation period started (运行观察期).</summary>
    ObservationStarted = 9,

    /// <summary>The customer signed off (客户签字); carries the <see cref="TicketEvent.SignOff"/>.</summary>
    SignedOff = 10,

    /// <summary>Closed (关闭).</summary>
    Closed = 11,

    /// <summary>Re-opened after a recurrence (重新打开); carries the <see cref="TicketEvent.Reason"/>.</summary>
    Reopened = 12,

    /// <summary>Paused waiting for the customer (等待客户); carries the <see cref="TicketEvent.Reason"/>.</summary>
    WaitingForCustomer = 13,

    /// <summary>Resumed after waiting (恢复处理).</summary>
    Resumed = 14,

    /// <summary>Severity changed (重新定级); carries the <see cref="TicketEvent.SeverityCode"/> and <see cref="TicketEvent.Reason"/>.</summary>
    Reclassified = 15,

    /// <summary>A repair plan was delivered (作出修复方案); may carry a <see cref="TicketEvent.Note"/>.</summary>
    RepairPlanDelivered = 16,

    /// <summary>A loaner was provided (提供备机); may carry a <see cref="TicketEvent.Note"/>.</summary>
    LoanerProvided = 17,

    /// <summary>Cancelled as a duplicate or invalid report (撤销); carries the <see cref="TicketEvent.Reason"/>.</summary>
    Cancelled = 18,

    /// <summary>A quote for paid work was submitted (报价); carries the <see cref="TicketEvent.Quote"/>.</summary>
    QuoteSubmitted = 19,

    /// <summary>The customer accepted the quote (客户确认报价); carries the <see cref="TicketEvent.Quote"/> with who accepted.</summary>
    QuoteAccepted = 20,

    /// <summary>A part was replaced and signed for (更换部件); carries the <see cref="TicketEvent.PartsExchange"/>.</summary>
    PartsReplaced = 21,

    /// <summary>
    /// Newer calendar versions adopted (采用新日历版本), e.g. when a year's holidays were loaded; carries
    /// the <see cref="TicketEvent.CalendarKeys"/>. Open clocks are recomputed with them; stopped ones keep theirs.
    /// </summary>
    CalendarsAdopted = 22,

    /// <summary>
    /// A newer version of the SLA policy adopted (采用新服务级别协议版本), an explicit, audited command;
    /// carries the <see cref="TicketEvent.PolicyKey"/> and the calendars' <see cref="TicketEvent.CalendarKeys"/>.
    /// </summary>
    PolicyAdopted = 23,

    /// <summary>The customer wrote and waits for an answer (客户来信); may carry a <see cref="TicketEvent.Note"/>.</summary>
    CustomerMessageReceived = 24,

    /// <summary>An agent answered the customer (坐席答复); may carry a <see cref="TicketEvent.Note"/>.</summary>
    CustomerAnswered = 25,

    /// <summary>A target's due instant was agreed with the customer (协商时限); carries the <see cref="TicketEvent.Negotiation"/> and the <see cref="TicketEvent.Reason"/>.</summary>
    DueDateNegotiated = 26,

    /// <summary>A faulty part was sent to the manufacturer for repair (坏件返修, R-WO-9); carries the <see cref="TicketEvent.Rma"/>.</summary>
    RmaSent = 27,

    /// <summary>A part sent for RMA came back (返修件返回, R-WO-9); carries the <see cref="TicketEvent.Rma"/> with its outcome.</summary>
    RmaReturned = 28,

    /// <summary>A legacy issue was reviewed (遗留问题复核, R-WO-6); carries the <see cref="TicketEvent.Review"/>.</summary>
    LegacyIssueReviewed = 29,

    /// <summary>The customer's data was backed up before on-site changes (数据备份确认, R-WO-7); carries the <see cref="TicketEvent.Backup"/>.</summary>
    DataBackupConfirmed = 30,

    /// <summary>
    /// The resolve just before it crossed the contract's repair-count rule (R-WAR-6): the device owes a
    /// replacement; carries the <see cref="TicketEvent.Obligation"/>. Recorded by the service, never by a
    /// command: it has no trigger.
    /// </summary>
    ReplacementObligationRaised = 31,

    /// <summary>A loaner unit came back from the customer (备机归还, R-SP-5); carries the <see cref="TicketEvent.Loaner"/> naming the unit.</summary>
    LoanerReturned = 32,
}
