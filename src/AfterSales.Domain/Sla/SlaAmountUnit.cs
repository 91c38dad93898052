namespace AfterSales.Sla;

/// <summary>How an SLA target's amount is written in the contract.</summary>
public enum SlaAmountUnit
{
    /// <summary>A business duration (hours or minutes on the target's calendar), e.g. "4小时内".</summary>
    BusinessTime,

    /// <summary>Whole working days (工作日) on the target's calendar, e.g. "2个工作日内".</summary>
    WorkingDays,

    /// <summary>
    /// Until the close of the Nth working day (第N个工作日下班前), GLPI's end-of-working-day deadline:
    /// 0 is the close of the day the clock starts on (the next working day's close when it starts after hours).
    /// </summary>
    CloseOfWorkingDay,

    /// <summary>
    /// Calendar days, weeks or months (自然日/周/月) in the calendar's zone, counted as elapsed time, not
    /// business time: the longer promises ("a formal answer within a month"). Months clamp to the end
    /// of a shorter month, as NodaTime's <c>Period</c> does: 31 January + 1 month = 28 (or 29) February.
    /// </summary>
    CalendarPeriod,

    /// <summary>
    /// A date agreed with the customer (协商确定, R-SLA-3's class D "planned by negotiation"): nothing is due
    /// until <c>NegotiateDueDate</c> records one; then the agreed instant is the due instant.
    /// </summary>
    ByAgreement,
}
