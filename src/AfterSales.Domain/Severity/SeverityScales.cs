namespace AfterSales.Severity;

/// <summary>
/// The severity scales of the seed plans, ready to use or to copy (R-SEV-1 … R-SEV-4).
/// </summary>
public static class SeverityScales
{
    /// <summary>
    /// Four levels 一级 … 四级 of the enterprise-systems plan (seed 003, R-SEV-1): codes
    /// <c>"1"</c> … <c>"4"</c>.
    /// </summary>
    public static SeverityScale LevelsOneToFour { get; } = new(
        "cn-003-levels",
        "故障级别 一级至四级 (levels 1–4)",
        [
            new("1", 1, "一级故障", "Level 1 — system down", "整个系统处于完全瘫痪状态,不能正常运行 (the whole system is paralysed)"),
            new("2", 2, "二级故障", "Level 2 — severely degraded", "系统设备不稳定,系统性能严重下降,业务运作受到严重影响 (unstable or severely degraded; business seriously affected)"),
            new("3", 3, "三级故障", "Level 3 — partial fault", "部分设备或者软件出现故障,但整个系统仍可正常运行 (some devices or software faulty; the system still runs)"),
            new("4", 4, "四级故障", "Level 4 — information request", "需要功能、安装或配置方面的信息和支援,对业务几乎没有影响 (information or help; little or no impact)"),
        ]);

    /// <summary>
    /// Four levels 紧急 / 严重 / 较严重 / 普通 of the kiosk plan's software support (seed 000,
    /// R-SEV-2): codes <c>"urgent"</c>, <c>"serious"</c>, <c>"major"</c>, <c>"normal"</c>. The plan
    /// re-classifies upward a low-level problem that remote diagnosis cannot remove; see
    /// <see cref="SeverityScale.OneLevelUp"/>.
    /// </summary>
    public static SeverityScale UrgentToNormal { get; } = new(
        "cn-000-software",
        "问题级别 紧急至普通 (urgent to normal)",
        [
            new("urgent", 1, "紧急", "Urgent", "系统崩溃,业务停止,数据丢失 (crash, business stopped, data lost)"),
            new("serious", 2, "严重", "Serious", "部分功能失效,性能下降,业务仍可运行 (parts failed, performance down, business still runs)"),
            new("major", 3, "较严重", "Moderate", "出现错误或告警,性能不受影响 (errors or warnings, performance unaffected)"),
            new("normal", 4, "普通", "Normal", "咨询、安装配置问题、预约服务 (consultation, installation or configuration, scheduled service)"),
        ]);

    /// <summary>
    /// Four problem classes A–D of the system-integration plan (seed 002, R-SEV-3): codes
    /// <c>"A"</c> … <c>"D"</c>. Class D (improvement requests) is planned by negotiation and has
    /// no SLA clock.
    /// </summary>
    public static SeverityScale ClassesAToD { get; } = new(
        "cn-002-classes",
        "问题类别 A–D (classes A–D)",
        [
            new("A", 1, "A类问题", "Class A — stops the system", "严重影响系统运行,系统不能正常运转,工作流程不能正常进行 (stops the system or the business flow)"),
            new("B", 2, "B类问题", "Class B — affects correct running", "影响系统的正确运行,但没有导致工作流程停滞 (affects correct running, the flow goes on)"),
            new("C", 3, "C类问题", "Class C — fix before go-live", "没有影响系统正常运行,但正式投用前必须修改 (no effect on running; must be fixed before go-live)"),
            new("D", 4, "D类问题", "Class D — improvement request", "软件功能完善建议,由双方协商制定计划 (improvement requests, planned by negotiation)"),
        ]);

    /// <summary>
    /// The three fault types of the kiosk plan's hardware table (seed 000, R-SEV-4): codes
    /// <c>"down"</c>, <c>"severe"</c>, <c>"single"</c>.
    /// </summary>
    public static SeverityScale KioskHardwareFaults { get; } = new(
        "cn-000-hardware",
        "硬件故障类型 (kiosk hardware fault types)",
        [
            new("down", 1, "系统瘫痪", "System down"),
            new("severe", 2, "系统严重故障、部分重要服务不正常", "Severe fault — some important services down"),
            new("single", 3, "系统个别服务不正常、终端故障", "Single service or terminal fault"),
        ]);

    /// <summary>
    /// One level for contracts that do not grade faults (seed 004, CCTV): code <c>"fault"</c>.
    /// </summary>
    public static SeverityScale SingleLevel { get; } = new(
        "single-level",
        "不分级 (one level)",
        [new("fault", 1, "故障", "Fault")]);
}
