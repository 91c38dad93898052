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

    public static readonly string[] Devices = ["K-001", "K-002", "K-003", "K-004", "K-005", "K-006", "K-007"];

    /// <summary>Builds a work order reported at <paramref name="reported"/>; minutes are after the report; 0 means not reached.</summary>
    public static WorkOrderSummary Order(string id, string serial, string severity, string reported, int respond, int arrive, int restore, int resolve, params string[] parts) =>
        OrderAsOf(End, id, serial, severity, reported, respond, arrive, restore, resolve, parts);

    /// <summary>The same as of <paramref name="asOf"/>: milestones after it not reached yet, clocks evaluated at it.</summary>
    public static WorkOrderSummary OrderAsOf(Instant asOf, string id, string serial, string severity, string reported, int respond, int arrive, int restore, int resolve, params string[] parts)
    {
        var at = Bj(reported);
        Instant? After(int minutes) => minutes > 0 && at + Duration.FromMinutes(minutes) <= asOf ? at + Duration.FromMinutes(minutes) : null;
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

        var clocks = SlaEvaluator.Evaluate(SlaPresets.KioskHardware000, timeline, asOf);
        var level = SlaPresets.KioskHardware000.SeverityScale[severity];
        return new WorkOrderSummary(id, serial, level, severity == "down", at, null, After(respond), After(arrive), After(restore), After(resolve), clocks, parts, policyKey: SlaPresets.KioskHardware000.Key);
    }

    private static readonly (string Id, string Serial, string Severity, string Reported, int Respond, int Arrive, int Restore, int Resolve, string[] Parts)[] Definitions =
    [
        ("WO-2601", "K-001", "single", "2026-01-05 10:00", 10, 0, 0, 600, ["打印头 print head"]),
        ("WO-2602", "K-002", "severe", "2026-01-12 14:00", 5, 100, 300, 900, ["读卡器 card reader"]),
        ("WO-2603", "K-003", "down", "2026-01-20 09:00", 5, 50, 150, 300, ["电源 power supply"]),
        ("WO-2604", "K-001", "single", "2026-01-28 16:00", 20, 0, 0, 1500, ["打印头 print head"]),
        ("WO-2605", "K-004", "severe", "2026-02-03 11:00", 5, 150, 400, 1000, ["纸币识别器 bill acceptor", "打印头 print head"]),
        ("WO-2606", "K-002", "single", "2026-02-10 09:30", 15, 0, 0, 480, []),
        ("WO-2607", "K-005", "down", "2026-02-25 20:00", 3, 70, 200, 420, ["工控机 PC"]),
        ("WO-2608", "K-003", "single", "2026-03-02 10:00", 10, 0, 0, 700, ["触摸屏 touch screen"]),
        ("WO-2609", "K-006", "severe", "2026-03-09 15:00", 5, 90, 250, 800, ["读卡器 card reader"]),
        ("WO-2610", "K-001", "single", "2026-03-16 09:00", 10, 0, 0, 400, ["打印头 print head"]),
        ("WO-2611", "K-004", "severe", "2026-03-23 13:00", 5, 110, 300, 0, ["读卡器 card reader"]),
        ("WO-2612", "K-005", "single", "2026-03-30 17:00", 30, 0, 0, 0, []),
    ];

    public static IReadOnlyList<WorkOrderSummary> WorkOrders { get; } = WorkOrdersAsOf(End);

    /// <summary>The work orders reported by <paramref name="asOf"/>, as of then.</summary>
    public static IReadOnlyList<WorkOrderSummary> WorkOrdersAsOf(Instant asOf) =>
    [
        .. Definitions.Where(d => Bj(d.Reported) < asOf)
            .Select(d => OrderAsOf(asOf, d.Id, d.Serial, d.Severity, d.Reported, d.Respond, d.Arrive, d.Restore, d.Resolve, d.Parts)),
    ];

    /// <summary>Ratings on the signed service reports (R-WO-8): 6 of 7 satisfied.</summary>
    public static IReadOnlyList<SignOffRating> Ratings { get; } =
    [
        new("WO-2601", new LocalDate(2026, 1, 6), 5),
        new("WO-2602", new LocalDate(2026, 1, 13), 4, "希望提前电话告知到场时间 <please call ahead>"),
        new("WO-2603", new LocalDate(2026, 1, 20), 5),
        new("WO-2605", new LocalDate(2026, 2, 4), 3, "备件到货太慢"),
        new("WO-2607", new LocalDate(2026, 2, 26), 5),
        new("WO-2609", new LocalDate(2026, 3, 10), 4),
        new("WO-2610", new LocalDate(2026, 3, 16), 5),
    ];

    /// <summary>Callback surveys (R-RP-5), each item answered on its own: skill 4 answers (sum 17), attitude 5 (sum 22), timeliness 3 (sum 11).</summary>
    public static IReadOnlyList<SatisfactionSurvey> Surveys { get; } =
    [
        new("WO-2601", new LocalDate(2026, 1, 7), 5, 5, 4),
        new("WO-2602", new LocalDate(2026, 1, 14), 4, 5, null, "到场前请先电话联系"),
        new("WO-2605", new LocalDate(2026, 2, 5), 3, 4, 2),
        new("WO-2607", new LocalDate(2026, 2, 27), null, 4, null),
        new("WO-2609", new LocalDate(2026, 3, 11), 5, 4, 5),
    ];

    /// <summary>The callbacks the resolved work orders owed (in warranty but WO-2606, billable): 8 due, 7 made.</summary>
    public static IReadOnlyList<CallbackRecord> Callbacks { get; } =
    [
        new("WO-2601", true, new LocalDate(2026, 1, 5), true),
        new("WO-2602", true, new LocalDate(2026, 1, 13), true),
        new("WO-2603", true, new LocalDate(2026, 1, 20), true),
        new("WO-2604", true, new LocalDate(2026, 1, 29), true),
        new("WO-2605", true, new LocalDate(2026, 2, 4), false),
        new("WO-2606", false, new LocalDate(2026, 2, 10), false),
        new("WO-2607", true, new LocalDate(2026, 2, 26), true),
        new("WO-2608", true, new LocalDate(2026, 3, 2), true),
        new("WO-2609", true, new LocalDate(2026, 3, 10), true),
    ];

    /// <summary>Parts shipped against their orders: S-4 sent the wrong bill acceptor, so 6 of 7 correct.</summary>
    public static IReadOnlyList<PartsShipment> Shipments { get; } =
    [
        new("S-1", "WO-2601", new LocalDate(2026, 1, 5), "打印头 print head", 1, "打印头 print head", 1),
        new("S-2", "WO-2602", new LocalDate(2026, 1, 12), "读卡器 card reader", 1, "读卡器 card reader", 1),
        new("S-3", "WO-2603", new LocalDate(2026, 1, 20), "电源 power supply", 1, "电源 power supply", 1),
        new("S-4", "WO-2605", new LocalDate(2026, 2, 3), "纸币识别器 bill acceptor BA-20", 1, "纸币识别器 bill acceptor BA-10", 1),
        new("S-5", "WO-2605", new LocalDate(2026, 2, 4), "纸币识别器 bill acceptor BA-20", 1, "纸币识别器 bill acceptor BA-20", 1),
        new("S-6", "WO-2607", new LocalDate(2026, 2, 25), "工控机 PC", 1, "工控机 PC", 1),
        new("S-7", "WO-2609", new LocalDate(2026, 3, 9), "读卡器 card reader", 1, "读卡器 card reader", 1),
    ];

    public static QuarterlyReport Report(Instant? asOf = null) => QuarterlyReport.Create(
        "自助终端售后服务季度报告 2026年第一季度 (Kiosk after-sales quarterly report, 2026 Q1)",
        "某银行省分行 (a provincial bank branch)",
        2026,
        1,
        Shanghai,
        asOf ?? End,
        ChinaCalendars.Statutory9To18,
        asOf is { } at ? WorkOrdersAsOf(at) : WorkOrders,
        Ratings,
        Surveys,
        Callbacks,
        Shipments,
        QualityTargets.Seed001.With(onTimeRate: 0.95m, availability: 0.99m),
        Devices,
        ["打印头故障集中 (4 of 12): 巡检时增加打印头清洁 — print heads: clean them at every inspection", "纸币识别器错发一次: 发货前核对备件型号 — check the part number before shipping"],
        ["2026-04: 季度巡检 K-001 … K-007 (quarterly inspection, checklist 自助终端巡检)", "2026-05: 回访 WO-2605 的客户 (call back the customer of WO-2605, not reached)", "2026-06: 备件库存盘点 (spare stock count)"]);
}
