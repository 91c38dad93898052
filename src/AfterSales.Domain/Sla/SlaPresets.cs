using AfterSales.Calendars;
using AfterSales.Severity;

namespace AfterSales.Sla;

/// <summary>
/// The SLA policies of the seed plans (R-SLA-1 … R-SLA-6), ready to use or to copy. Each preset
/// quotes its plan's words in the targets' descriptions. Where a plan leaves something open, the
/// preset's doc comment says what was chosen.
/// </summary>
/// <remarks>
/// Clocks under the presets are explained in Chinese unless the caller asks for English.
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
            .WithLanguage(ExplanationLanguage.Chinese)
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
    /// Seed 002 on 5×8 coverage (R-SLA-4: "7×24 or 5×8"): the same promises counted on China's
    /// statutory 9:00–18:00 calendar (<see cref="ChinaCalendars.Statutory9To18"/>), as
    /// <c>cn-002-system-integration-5x8</c>.
    /// </summary>
    public static SlaPolicy SystemIntegration002On5x8 { get; } = SystemIntegration002On(ChinaCalendars.Statutory9To18, "cn-002-system-integration-5x8");

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
            .WithLanguage(ExplanationLanguage.Chinese)
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
            .WithLanguage(ExplanationLanguage.Chinese)
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
    /// Seed 003's promise for a major fault in or out of warranty (R-SLA-2: 在质保期内和质保期外如遇到设备发生大的
    /// 故障 … 24小时内到达现场), as <c>cn-003-major-fault-any-warranty</c>, for orders the enterprise
    /// preset's in-warranty numbers do not cover (paid, out-of-warranty work): levels 1 and 2 — the
    /// plan's "大的故障" — on site within 24 h of the notice, 7×24; the hotline's answer within 1 h.
    /// </summary>
    public static SlaPolicy MajorFaultAnyWarranty003 { get; } =
        SlaPolicy.CreateBuilder("cn-003-major-fault-any-warranty", 1, "重大故障现场支持 (major fault in or out of warranty, seed 003)", SeverityScales.LevelsOneToFour)
            .WithCalendar(TwentyFourSevenBeijing)
            .WithLanguage(ExplanationLanguage.Chinese)
            .WithWarnings(Warnings)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(1), t => t.ForAllSeverities().Describe("接到通知后最长响应时间1小时"))
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(24), t => t.ForSeverities("1", "2").Describe("在质保期内和质保期外如遇到设备发生大的故障,我方接到用户方的通知后及时派专业技术人员24小时内到达现场"))
            .Build();

    /// <summary>
    /// Seed 004, CCTV and integration, version 1 as 0.1 shipped it (kept so orders opened under it keep
    /// their terms); <see cref="Cctv004"/> is version 2.
    /// </summary>
    public static SlaPolicy Cctv004Version1 { get; } = Cctv004Of(1);

    /// <summary>
    /// Seed 004, CCTV and integration (R-SLA-5, scale <see cref="SeverityScales.SingleLevel"/>), 7×24,
    /// version 2: on site within 3 h of the report; if the fault is not fixed 5 h after it occurred, a
    /// loaner of the same or better grade within 8 h of the fault (waived when service is restored
    /// within 5 h); and — added in version 2 — spare parts brought to the site within 8 h of the notice
    /// (携带备品备件赶到现场), a clock a parts exchange on site also stops.
    /// </summary>
    public static SlaPolicy Cctv004 { get; } = Cctv004Of(2);

    /// <summary>
    /// Seed 001, a city repair plan (R-SLA-6): Fuzhou city sites within 2 h, sites outside the city
    /// within 4 h (non-local or travel), repaired within 8 h of the report, and a loaner when the repair
    /// cannot be done within 12 h (the loaner is due at 12 h and waived by a resolution within 12 h), 7×24.
    /// </summary>
    public static SlaPolicy CityRepair001 { get; } =
        SlaPolicy.CreateBuilder("cn-001-city-repair", 1, "市内2小时/市外4小时到场维修 (city repair, seed 001)", SeverityScales.SingleLevel)
            .WithCalendar(TwentyFourSevenBeijing)
            .WithLanguage(ExplanationLanguage.Chinese)
            .WithWarnings(Warnings)
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(2), t => t.ForAllSeverities().ForSites(SiteLocality.Local).Describe("市内用户2个小时内到达维修现场并到位检修"))
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(4), t => t.ForAllSeverities().ForSites(SiteLocality.NonLocal, SiteLocality.Travel).Describe("市外用户4个小时内到达维修现场并到位检修"))
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(8), t => t.ForAllSeverities().Describe("在8个小时内修复"))
            .AddTarget(SlaMetric.LoanerProvided, SlaAmount.Hours(12), t => t.ForAllSeverities()
                .WaivedWhen(Milestone.Resolved, Duration.FromHours(12))
                .Describe("特殊情况在12个小时内无法修复的,我司将提供备用设备给客户免费使用"))
            .Build();

    /// <summary>Seed 001, remote first (R-SLA-6): a response within 2 h; on site within 4 h when remote cannot fix it, 7×24.</summary>
    public static SlaPolicy Remote2hOnSite4h001 { get; } =
        SlaPolicy.CreateBuilder("cn-001-response-2h-on-site-4h", 1, "2小时响应/4小时到场 (seed 001)", SeverityScales.SingleLevel)
            .WithCalendar(TwentyFourSevenBeijing)
            .WithLanguage(ExplanationLanguage.Chinese)
            .WithWarnings(Warnings)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(2), t => t.ForAllSeverities().Describe("2小时内作出响应"))
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(4), t => t.ForAllSeverities().Describe("如果无法远程解决问题,工程师将在4小时内赶到用户现场"))
            .Build();

    /// <summary>
    /// Seed 001 (R-SLA-6): "a substantive reaction at once, a solution within 2 h" — the solution is
    /// the repair-plan clock; "at once" has no number and so no clock, 7×24.
    /// </summary>
    public static SlaPolicy Solution2h001 { get; } =
        SlaPolicy.CreateBuilder("cn-001-solution-2h", 1, "立即反应/2小时提供解决方案 (seed 001)", SeverityScales.SingleLevel)
            .WithCalendar(TwentyFourSevenBeijing)
            .WithLanguage(ExplanationLanguage.Chinese)
            .WithWarnings(Warnings)
            .AddTarget(SlaMetric.RepairPlan, SlaAmount.Hours(2), t => t.ForAllSeverities().Describe("接到用户请示后,立即作出实质性反应,2小时内提供解决方案"))
            .Build();

    /// <summary>Seed 001 (R-SLA-6): on site within 4 h of the call and the problem solved within 24 h, 7×24.</summary>
    public static SlaPolicy OnSite4hSolved24h001 { get; } =
        SlaPolicy.CreateBuilder("cn-001-on-site-4h-solved-24h", 1, "4小时到场/24小时解决 (seed 001)", SeverityScales.SingleLevel)
            .WithCalendar(TwentyFourSevenBeijing)
            .WithLanguage(ExplanationLanguage.Chinese)
            .WithWarnings(Warnings)
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(4), t => t.ForAllSeverities().Describe("接到贵单位的报修电话后4小时内到达现场"))
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(24), t => t.ForAllSeverities().Describe("24小时解决问题"))
            .Build();

    /// <summary>All presets, every version, for listing and loading into a host (0.1's four first, in 0.1's order).</summary>
    public static IReadOnlyList<SlaPolicy> All { get; } =
    [
        KioskHardware000, SystemIntegration002, EnterpriseSystems003, Cctv004,
        CityRepair001, Remote2hOnSite4h001, Solution2h001, OnSite4hSolved24h001, SystemIntegration002On5x8, MajorFaultAnyWarranty003, Cctv004Version1,
    ];

    private static SlaPolicy Cctv004Of(int version)
    {
        var builder = SlaPolicy.CreateBuilder("cn-004-cctv", version, "监控系统售后服务 (CCTV, seed 004)", SeverityScales.SingleLevel)
            .WithCalendar(TwentyFourSevenBeijing)
            .WithLanguage(ExplanationLanguage.Chinese)
            .WithWarnings(Warnings)
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(3), t => t.ForAllSeverities().Describe("接到报修电话后3个小时内到达设备使用地点"))
            .AddTarget(SlaMetric.LoanerProvided, SlaAmount.Hours(8), t => t.ForAllSeverities().From(Milestone.FaultOccurred)
                .WaivedWhen(Milestone.ServiceRestored, Duration.FromHours(5))
                .Describe("如故障发生5小时后仍无法解决问题,则在故障发生后8小时内提供同档次以上备机"));
        if (version >= 2)
        {
            builder.AddTarget(SlaMetric.SparePartsOnSite, SlaAmount.Hours(8), t => t.ForAllSeverities().Describe("在接到业主通知的8小时内携带备品备件赶到现场解决问题"));
        }

        return builder.Build();
    }
}
