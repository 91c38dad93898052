namespace AfterSales.Sla;

/// <summary>How an SLA target's amount is written in the contract.</summary>
public enum SlaAmountUnit
{
    /// <summary>A business duration (hours or minutes on the target's calendar), e.g. "4小时内".</summary>
    BusinessTime,

    /// <summary>Whole working days (工作日) on the target's calendar, e.g. "2个工作日内".</summary>
    WorkingDays,
}
