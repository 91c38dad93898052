using AfterSales.Calendars;
using AfterSales.Quality.Reporting;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Quality;

/// <summary>
/// A fixed, hand-made quarter (2026 Q1) of a kiosk contract under seed 000's SLA: work orders with
/// clocks evaluated by the SLA core, surveys, callbacks and parts shipments. Used by the report
/// tests and to render docs/examples.
/// </summary>
internal static class SampleQuarter
{
    public static readonly Instant End = Bj("2026-04-01 00:00");

    public static readonly string[] Devices = ["K-001", "K-002", "K-003", "K-004", "K-005", "K-006"];

    /// <summary>Builds a work order reported at <paramref name="reported"/>; minutes are after the report; 0 means not reached.</summary>
    public static WorkOrderSummary Order(string id, string serial, string severity, string reported, int respond, int arrive, int restore, int resolve, params string[] parts)
    {
        var at = Bj(reported);
        Instant? After(int minutes) => minutes > 0 ? at + Duration.FromMinutes(minutes) : null;
        var timeline = TicketTimeline.Open(at, severity, ReportChannel.Phone, ServiceSite.Local);
        var steps = new List<(Instant At, Milestone Milestone)>();
        if (After(respond) is { } r)
        {
            steps.Add((r, Milestone.Responded));
            if (severity == "single")
            {
                steps.Add((r, Milestone.RepairPlanDelivered));
            }
        }

        if (After(arrive) is { } a)
        {
            steps.Add((a, Milestone.ArrivedOnSite));
        }

        if (After(restore) is { } s)
        {
            steps.Add((s, Milestone.ServiceRestored));
        }

        if (After(resolve) is { } v)
        {
            steps.Add((v, Milestone.Resolved));
        }

        foreach (var (when, milestone) in steps.OrderBy(x => x.At))
        {
            timeline = timeline.Reached(milestone, when);
        }

        var clocks = SlaEvaluator.Evaluate(SlaPresets.KioskHardware000, timeline, End);
        return new WorkOrderSummary(id, serial, severity, severity == "down", at, null, After(respond), After(arrive), After(restore), After(resolve), clocks, parts);
    }

    public static IReadOnlyList<WorkOrderSummary> WorkOrders { get; } =
    [
        Order("WO-2601", "K-001", "single", "2026-01-05 10:00", 10, 0, 0, 600, "打印头 print head"),
        Order("WO-2602", "K-002", "severe", "2026-01-12 14:00", 5, 100, 300, 900, "读卡器 card reader"),
        Order("WO-2603", "K-003", "down", "2026-01-20 09:00", 5, 50, 150, 300, "电源 power supply"),
        Order("WO-2604", "K-001", "single", "2026-01-28 16:00", 20, 0, 0, 1500, "打印头 print head"),
        Order("WO-2605", "K-004", "severe", "2026-02-03 11:00", 5, 150, 400, 1000, "纸币识别器 bill acceptor", "打印头 print head"),
        Order("WO-2606", "K-002", "single", "2026-02-10 09:30", 15, 0, 0, 480),
        Order("WO-2607", "K-005", "down", "2026-02-25 20:00", 3, 70, 200, 420, "工控机 PC"),
        Order("WO-2608", "K-003", "single", "2026-03-02 10:00", 10, 0, 0, 700, "触摸屏 touch screen"),
        Order("WO-2609", "K-006", "severe", "2026-03-09 15:00", 5, 90, 250, 800, "读卡器 card reader"),
        Order("WO-2610", "K-001", "single", "2026-03-16 09:00", 10, 0, 0, 400, "打印头 print head"),
        Order("WO-2611", "K-004", "severe", "2026-03-23 13:00", 5, 110, 300, 0, "读卡器 card reader"),
        Order("WO-2612", "K-005", "single", "2026-03-30 17:00", 30, 0, 0, 0),
    ];

    public static IReadOnlyList<SatisfactionSurvey> Surveys { get; } =
    [
        new("WO-2601", "网点A", new LocalDate(2026, 1, 7), 5, 5, 4, 5),
        new("WO-2602", "网点B", new LocalDate(2026, 1, 14), 4, 5, 3, 4, "希望提前电话告知到场时间 <please call ahead>"),
        new("WO-2603", "网点C", new LocalDate(2026, 1, 21), 5, 5, 5, 5),
        new("WO-2605", "网点D", new LocalDate(2026, 2, 5), 3, 4, 2, 3, "备件到货太慢"),
        new("WO-2607", "网点E", new LocalDate(2026, 2, 27), 5, 4, 5, 5),
        new("WO-2609", "网点F", new LocalDate(2026, 3, 11), 4, 4, 4, 4),
        new("WO-2610", "网点A", new LocalDate(2026, 3, 18), 5, 5, 5, 5),
    ];

    public static IReadOnlyList<CallbackRecord> Callbacks { get; } =
    [
        new("网点A", true, new LocalDate(2026, 1, 10), true),
        new("网点B", true, new LocalDate(2026, 1, 20), true),
        new("网点C", true, new LocalDate(2026, 2, 10), true),
        new("网点D", true, new LocalDate(2026, 2, 20), false),
        new("网点E", false, new LocalDate(2026, 3, 1), false),
        new("网点F", true, new LocalDate(2026, 3, 15), true),
    ];

    public static IReadOnlyList<PartsShipment> Shipments { get; } =
    [
        new("S-1", "WO-2601", new LocalDate(2026, 1, 5), "打印头 print head", true),
        new("S-2", "WO-2602", new LocalDate(2026, 1, 12), "读卡器 card reader", true),
        new("S-3", "WO-2603", new LocalDate(2026, 1, 20), "电源 power supply", true),
        new("S-4", "WO-2605", new LocalDate(2026, 2, 3), "纸币识别器 bill acceptor", false),
        new("S-5", "WO-2605", new LocalDate(2026, 2, 4), "纸币识别器 bill acceptor", true),
        new("S-6", "WO-2607", new LocalDate(2026, 2, 25), "工控机 PC", true),
        new("S-7", "WO-2609", new LocalDate(2026, 3, 9), "读卡器 card reader", true),
    ];

    public static QuarterlyReport Report() => QuarterlyReport.Create(
        "自助终端售后服务季度报告 2026年第一季度 (Kiosk after-sales quarterly report, 2026 Q1)",
        "某银行省分行 (a provincial bank branch)",
        2026,
        1,
        Shanghai,
        ChinaCalendars.Statutory9To18,
        WorkOrders,
        Surveys,
        Callbacks,
        Shipments,
        QualityTargets.Seed001.With(onTimeRate: 0.95m, availability: 0.99m),
        Devices,
        ["打印头故障集中 (4 of 12): 巡检时增加打印头清洁 — print heads: clean them at every inspection", "纸币识别器错发一次: 发货前核对备件型号 — check the part number before shipping"],
        ["2026-04: 季度巡检 K-001 … K-006 (quarterly inspection, checklist 自助终端巡检)", "2026-05: 回访 网点D (call back the branch not reached)", "2026-06: 备件库存盘点 (spare stock count)"]);
}
