namespace AfterSales.Entitlements.Warranty;

/// <summary>
/// The day a warranty term starts counting (质保期起算), R-WAR-2. Every rule falls back to the
/// completion of the works (竣工) when the acceptance certificate (验收证书) is missing.
/// </summary>
public enum WarrantyStartRule
{
    /// <summary>
    /// From the day of acceptance (验收证书签发日, seed 001 lighting); without an acceptance date, from
    /// completion of the works.
    /// </summary>
    Acceptance,

    /// <summary>
    /// From the day after acceptance was signed (自设备完成并验收签字次日开始计算, seed 001); without an
    /// acceptance date, from the day after completion.
    /// </summary>
    DayAfterAcceptance,

    /// <summary>
    /// From acceptance and formal handover, whichever is later (系统验收合格并办理正式移交使用手续后, seed 004);
    /// with only one of them recorded, from that one; with neither, from completion of the works.
    /// </summary>
    AcceptanceAndHandover,
}
