using AfterSales.Calendars;
using AfterSales.Severity;

namespace AfterSales.Sla;

/// <summary>
/// The SLA policies of the seed plans (R-SLA-1 … R-SLA-5), ready to use or to copy. Each preset
/// quotes its plan's words in the targets' descriptions. Where a plan leaves something open, the
/// preset's doc comment says what was chosen.
/// </summary>
/// <remarks>
/// Warning thresholds (50 %, 75 %, 90 %) are an operational default of this library, not a
/// promise of the plans. Time zones are Asia/Shanghai (Beijing time) throughout.
/// </remarks>
public static class SlaPresets
{
    private static readonly int[] Warnings = [50, 75, 90];

    /// <summary>7×24 in Beijing time (<c>24x7-beijing@1</c>, <see cref="CalendarPresets.TwentyFourSevenBeijing"/>): the coverage of the plans that promise round-the-clock service.</summary>
    public static BusinessCalendar TwentyFourSevenBeijing { get; } = CalendarPresets.TwentyFourSevenBeijing.Calendar;

    /// <summary>
    /// Seed 000, the kiosk hardware table (R-SLA-1, scale <see cref="SeverityScales.KioskHardwareFaults"/>),
    /// 7×24. The table's 修复时间 (repair time) column counts from arrival on site — the 系统瘫痪 row
    /// says 到现场后 explicitly — so restoration and resolution of the first two rows start at arrival.
    /// "Repaired within 2 working days" of the third row counts on China's statutory 9:00–18:00 calendar.
    /// "立刻专人应答" (an immediate, dedicated answer) has no number and so no clock.
    /// </summary>
    public static SlaPolicy KioskHardware000 { get; } =
        SlaPolicy.CreateBuilder("cn-000-kiosk-hardware", 1, "自助终端硬件维修 (kiosk hardware, seed 000)", SeverityScales.KioskHardwareFaults)
            .WithCalendar(TwentyFourSevenBeijing)
            .WithWarnings(Warnings)
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(1), t => t.ForSeverities("down").Describe("1小时内到达现场"))
            .AddTarget(SlaMetric.ServiceRestored, SlaAmount.Hours(2), t => t.ForSeverities("down").From(Milestone.ArrivedOnSite).Describe("到现场后2小时内服务恢复运行"))
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(6), t => t.ForSeverities("down").From(Milestone.ArrivedOnSite).Describe("6小时内服务指标全部恢复正常"))
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(2), t => t.ForSeverities("severe").Describe("2小时内到达现场"))
            .AddTarget(SlaMetric.ServiceRestored, SlaAmount.Hours(4), t => t.ForSeverities("severe").From(Milestone.ArrivedOnSite).Describe("4小时内服务恢复运行"))
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(24), t => t.ForSeverities("severe").From(Milestone.ArrivedOnSite).Describe("1天内服务指标全部恢复正常"))
            .AddTarget(SlaMetric.RepairPlan, SlaAmount.Hours(6), t => t.ForSeverities("single").Describe("6小时内作出修复方案"))
            .AddTarget(SlaMetric.Resolved, SlaAmount.OfWorkingDays(2), t => t.ForSeverities("single").On(ChinaCalendars.Statutory9To18).Describe("2个工作日内修复"))
            .Build();

    /// <summary>
    /// Seed 002, system integration (R-SLA-3, R-SLA-4, scale <see cref="SeverityScales.ClassesAToD"/>)
    /// on 7×24 coverage; see <see cref="SystemIntegration002On(BusinessCalendar, string)"/> for 5×8.
    /// </summary>
    public static SlaPolicy SystemIntegration002 { get; } = SystemIntegration002On(TwentyFourSevenBeijing, "cn-002-system-integration");

    /// <summary>
    /// Seed 002 on the coverage the contract chooses (7×24 or 5×8, R-SLA-4): phone and walk-in
    /// reports answered within 15 min, fax and e-mail within 12 h; class A on site within 2 h in the
    /// city and 24 h elsewhere with a detailed solution within 48 h; class B on site within 48 h and a
    /// solution within 72 h; class C a reaction within 72 h and an agreed plan within 108 h; class D
    /// is negotiated and has no clock. The plan has an observation period (运行观察期) without a
    /// length; the preset uses 7 days.
    /// </summary>
    /// <param name="coverage">The contract's coverage calendar, e.g. <see cref="ChinaCalendars.Statutory9To18"/> for 5×8.</param>
    /// <param name="id">The policy's id; give each coverage its own.</param>
    public static SlaPolicy SystemIntegration002On(BusinessCalendar coverage, string id) =>
        SlaPolicy.CreateBuilder(id, 1, "系统集成售后服务 (system integration, seed 002)", SeverityScales.ClassesAToD)
            .WithCalendar(coverage)
            .WithWarnings(Warnings)
            .WithObservationPeriod(Duration.FromDays(7))
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Minutes(15), t => t.ForAllSeverities().ForChannels(ReportChannel.Phone, ReportChannel.WalkIn).Describe("对于电话和来访的故障申报,应15分钟内响应"))
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(12), t => t.ForAllSeverities().ForChannels(ReportChannel.Fax, ReportChannel.Email).Describe("对于传真和电子邮件的报障,响应时间不应超过12小时"))
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(2), t => t.ForSeverities("A").ForSites(SiteLocality.Local).Describe("A类问题:市区2小时内到达现场"))
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(24), t => t.ForSeverities("A").ForSites(SiteLocality.NonLocal, SiteLocality.Travel).Describe("A类问题:其他市县24小时内到达现场"))
            .AddTarget(SlaMetric.RepairPlan, SlaAmount.Hours(48), t => t.ForSeverities("A").Describe("48小时之内针对实际问题给出详细解决方案"))
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(48), t => t.ForSeverities("B").Describe("B类问题:48小时内到达用户现场"))
            .AddTarget(SlaMetric.RepairPlan, SlaAmount.Hours(72), t => t.ForSeverities("B").Describe("72小时内将问题解决方案提交评审"))
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(72), t => t.ForSeverities("C").Describe("C类问题:72小时内予以反应"))
            .AddTarget(SlaMetric.RepairPlan, SlaAmount.Hours(108), t => t.ForSeverities("C").Describe("108小时内与用户协商形成具体解决办法和时间安排"))
            .Build();

    /// <summary>
    /// Seed 003, enterprise systems (R-SLA-2, scale <see cref="SeverityScales.LevelsOneToFour"/>), 7×24
    /// hotline: a phone report answered within 30 min, e-mail or fax within 1 h, every level within
    /// 1 h by remote diagnosis; on site (when remote fails) for levels 1–2 within 2 h locally and 6 h
    /// elsewhere, for levels 3–4 within 4 h locally and 6 h elsewhere; by train or plane within 8 h
    /// under 1000 km and 12 h from 1000 km.
    /// </summary>
    public static SlaPolicy EnterpriseSystems003 { get; } =
        SlaPolicy.CreateBuilder("cn-003-enterprise", 1, "企业系统售后服务 (enterprise systems, seed 003)", SeverityScales.LevelsOneToFour)
            .WithCalendar(TwentyFourSevenBeijing)
            .WithWarnings(Warnings)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Minutes(30), t => t.ForAllSeverities().ForChannels(ReportChannel.Phone).Describe("电话:响应时间不超过30分钟"))
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(1), t => t.ForAllSeverities().Describe("接到通知后最长响应时间1小时 (E-Mail、传真不超过1个小时)"))
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(2), t => t.ForSeverities("1", "2").ForSites(SiteLocality.Local).Describe("一级和二级故障:本地客户2个小时内赶至客户现场"))
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(6), t => t.ForSeverities("1", "2").ForSites(SiteLocality.NonLocal).Describe("一级和二级故障:外地客户6小时内赶至客户现场"))
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(4), t => t.ForSeverities("3", "4").ForSites(SiteLocality.Local).Describe("三级和四级故障:本地客户4个小时内赶至客户现场"))
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(6), t => t.ForSeverities("3", "4").ForSites(SiteLocality.NonLocal).Describe("三级和四级故障:外地客户6小时内赶至客户现场"))
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(8), t => t.ForAllSeverities().ForSites(SiteLocality.Travel).ForDistance(0, 1000).Describe("乘火车或飞机:距离小于1000公里不超过8小时"))
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(12), t => t.ForAllSeverities().ForSites(SiteLocality.Travel).ForDistance(1000).Describe("乘火车或飞机:大于1000公里不超过12小时"))
            .Build();

    /// <summary>
    /// Seed 004, CCTV and integration (R-SLA-5, scale <see cref="SeverityScales.SingleLevel"/>), 7×24:
    /// on site within 3 h of the report; if the fault is not fixed 5 h after it occurred, a loaner of
    /// the same or better grade within 8 h of the fault (waived when service is restored within 5 h).
    /// </summary>
    public static SlaPolicy Cctv004 { get; } =
        SlaPolicy.CreateBuilder("cn-004-cctv", 1, "监控系统售后服务 (CCTV, seed 004)", SeverityScales.SingleLevel)
            .WithCalendar(TwentyFourSevenBeijing)
            .WithWarnings(Warnings)
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(3), t => t.ForAllSeverities().Describe("接到报修电话后3个小时内到达设备使用地点"))
            .AddTarget(SlaMetric.LoanerProvided, SlaAmount.Hours(8), t => t.ForAllSeverities().From(Milestone.FaultOccurred)
                .WaivedWhen(Milestone.ServiceRestored, Duration.FromHours(5))
                .Describe("如故障发生5小时后仍无法解决问题,则在故障发生后8小时内提供同档次以上备机"))
            .Build();

    /// <summary>All presets, for listing and loading into a host.</summary>
    public static IReadOnlyList<SlaPolicy> All { get; } = [KioskHardware000, SystemIntegration002, EnterpriseSystems003, Cctv004];
}
