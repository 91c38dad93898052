namespace AfterSales.WorkOrders;

/// <summary>
/// The intents a work order accepts (工单操作), one per command of <see cref="Ticket"/>. Whether a
/// trigger is permitted depends on the ticket's state and guards; see <see cref="TicketWorkflow"/>.
/// </summary>
/// <remarks>The values are dense (0..n-1), as the workflow engine requires; they are stable.</remarks>
public enum TicketTrigger
{
    /// <summary>Give the first response (响应).</summary>
    Acknowledge = 0,

    /// <summary>Start remote diagnosis (远程诊断), R-WO-2.</summary>
    StartRemoteDiagnosis = 1,

    /// <summary>Fix it remotely (远程解决): service restored and resolved at once.</summary>
    ResolveRemotely = 2,

    /// <summary>Send an engineer (派工); only after remote diagnosis was tried (R-WO-2).</summary>
    Dispatch = 3,

    /// <summary>The engineer arrived on site (到达现场).</summary>
    ArriveOnSite = 4,

    /// <summary>Ask the manufacturer for support (申请支援), R-WO-5.</summary>
    EscalateToVendor = 5,

    /// <summary>Service runs again, possibly on a workaround (服务恢复运行).</summary>
    RestoreService = 6,

    /// <summary>Fully repaired: all indicators normal (修复).</summary>
    Resolve = 7,

    /// <summary>Start the observation period (运行观察期), R-WO-4.</summary>
    StartObservation = 8,

    /// <summary>The customer signs the service report with a satisfaction rating (客户签字确认), R-WO-8.</summary>
    SignOff = 9,

    /// <summary>Close the order (关闭工单): needs the sign-off and the observation period elapsed.</summary>
    Close = 10,

    /// <summary>The fault recurred during observation (故障复发): back to remote diagnosis in a new cycle, R-WO-4.</summary>
    Reopen = 11,

    /// <summary>Pause to wait for the customer (等待客户).</summary>
    WaitForCustomer = 12,

    /// <summary>Resume after waiting for the customer: back to the state the ticket paused from.</summary>
    Resume = 13,

    /// <summary>Change the severity (重新定级), e.g. upward when remote diagnosis fails (R-SEV-2).</summary>
    Reclassify = 14,

    /// <summary>Record that a repair plan was delivered (作出修复方案); the state does not change.</summary>
    DeliverRepairPlan = 15,

    /// <summary>Record that a loaner was provided (提供备机); the state does not change.</summary>
    ProvideLoaner = 16,

    /// <summary>Cancel a duplicate or invalid report (撤销); only before service is restored.</summary>
    Cancel = 17,

    /// <summary>Submit a quote for paid, out-of-warranty work to the customer (报价, R-WAR-8); the state does not change.</summary>
    SubmitQuote = 18,

    /// <summary>Record the customer's acceptance of the quote (客户确认报价, R-WO-7); the state does not change.</summary>
    AcceptQuote = 19,

    /// <summary>Record a replaced part, signed for by the customer (更换部件, 新旧件签收, R-WO-7); the state does not change.</summary>
    ReplaceParts = 20,

    /// <summary>Record a message from the customer that asks for an answer (客户来信); starts a next-response clock. The state does not change.</summary>
    ReceiveCustomerMessage = 21,

    /// <summary>Record an agent's answer to the customer (坐席答复); stops the next-response clock. The state does not change.</summary>
    AnswerCustomer = 22,

    /// <summary>Set a target's due instant as agreed with the customer (协商时限, R-SLA-3). The state does not change.</summary>
    NegotiateDueDate = 23,

    /// <summary>Send a faulty part back to the manufacturer for repair (坏件返修, RMA, R-WO-9); the state does not change.</summary>
    SendForRma = 24,

    /// <summary>Record that a part sent for RMA came back (返修件返回), R-WO-9; the state does not change.</summary>
    ReceiveRmaReturn = 25,

    /// <summary>Review a legacy issue (遗留问题复核, R-WO-6): an order whose clock breached or was met late; the state does not change.</summary>
    ReviewLegacyIssue = 26,

    /// <summary>Confirm that the customer's data was backed up before on-site changes (数据备份确认, R-WO-7); the state does not change.</summary>
    ConfirmDataBackup = 27,

    /// <summary>Record that a loaner unit came back from the customer (备机归还, R-SP-5); the state does not change.</summary>
    ReturnLoaner = 28,
}
