using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Http.Tests.Support;
using static AfterSales.Http.Tests.Scenarios.ScenarioDriver;

namespace AfterSales.Http.Tests.Scenarios;

/// <summary>
/// Seed 004, CCTV and integration (监控系统售后服务): twelve cameras at three sites through the first
/// quarter of 2026 (New Year and the Spring Festival inside it), over HTTP only. The plan, 7×24
/// (R-SLA-5): on site within 3 h of the report; if the fault is not fixed 5 h after it occurred, a
/// loaner of the same or better grade within 8 h of the fault (waived when service runs again
/// within 5 h); spare parts brought to the site within 8 h of the notice (version 2 of the preset);
/// the system warranted 36 months from acceptance and formal handover (R-WAR-1/2); every site
/// inspected monthly with the CCTV checklist (R-IN-1, R-IN-3); loaners from the stock of spares
/// (R-SP-5); callbacks (质量回访). The seed names no penalties and no report targets: the tenant
/// adopts terms that promise none (the default terms would hold seed 001's targets). Every expected
/// figure is worked out by hand below.
/// </summary>
public sealed class Seed004CctvScenario
{
    private const string Policy = "cn-004-cctv";

    [Fact]
    public Task Seed004Cctv_QuarterOnSqlite_LoanersInspectionsAndReportAsWorkedByHand() => Quarter(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Seed004Cctv_QuarterOnPostgreSql_LoanersInspectionsAndReportAsWorkedByHand() => Quarter(TestDatabase.PostgreSql);

    private static async Task Quarter(TestDatabase database)
    {
        using var d = new ScenarioDriver(database, "city-004");

        // ---- Handover and plans, Thu 2026-01-01 --------------------------------------------------------
        // Twelve cameras accepted 2024-12-20 and formally handed over 2025-01-10: the 36 months run
        // from the handover, so the last covered day is 2028-01-09.
        d.At("2026-01-01 09:00");
        await d.PutAsync("/quality-terms", Body("""
            {"name":"平安城市监控维保","customer":"某区公安分局",
             "penalties":{"finePerConfirmedComplaint":0,"dismissalAtCount":1000,"dismissalWindow":"month"}}
            """));
        for (var i = 1; i <= 12; i++)
        {
            await d.RegisterDeviceAsync($"CAM-{i:D2}", "system", "cn-004-cctv", acceptedOn: "2024-12-20", handedOverOn: "2025-01-10");
        }

        var cam = await d.GetAsync("/devices/CAM-01/warranty?policy=cn-004-cctv");
        Assert.Equal((true, "2025-01-10", "2028-01-09"), ((bool)cam["isCovered"]!, (string)cam["startsOn"]!, (string)cam["lastCoveredDay"]!));

        // Monthly inspection of every site (每1个月对各设备使用地点进行一次巡检).
        await d.PutAsync("/inspections/plans/cctv-monthly", Body("""
            {"checklist":{"preset":"cctv-004"},"recurrence":"monthly","startsOn":"2026-01-01","sites":["网点A","网点B","网点C"]}
            """), HttpStatusCode.Created);

        // One spare camera held as a loaner (对所有的设备都做了备份).
        await d.PostAsync("/spares/CS-CCTV/CAM-UNIT/movements", Body("""{"kind":"Received","quantity":1,"by":"库管小刘"}"""));

        // ---- F1, a night fault on a Saturday, fixed within 5 h: no loaner owed ----------------------------
        // Occurred Sat 01-10 01:00, reported 02:00. On site 3 h from the report → 05:00 (04:30: Met).
        // Spare parts 8 h from the report → 10:00 (parts exchanged on site 05:00: Met). Loaner 8 h from
        // the fault → 09:00, waived when service runs again within 5 h of the fault (by 06:00):
        // restored 05:30 → Waived. Down from the fault 01:00 → 05:30 = 4 h 30 min.
        Report(d, "2026-01-10 02:00", "F1", "CAM-01", "网点A", faultOccurredAt: "2026-01-10 01:00");
        d.Check("2026-01-10 02:00", async () =>
        {
            var ticket = await d.GetAsync("/tickets/F1");
            Assert.Equal("cn-004-cctv@2", (string)ticket["policyKey"]!);
            Assert.Equal(
                ["loaner#1 Running 2026-01-10 09:00", "on-site-arrival#1 Running 2026-01-10 05:00", "spare-parts-on-site#1 Running 2026-01-10 10:00"],
                Sorted(await d.ClockLinesAsync("F1")));
        });
        d.Steps("F1",
            ("2026-01-10 02:10", "acknowledge", null),
            ("2026-01-10 02:20", "start-remote-diagnosis", null),
            ("2026-01-10 02:30", "dispatch", Body("""{"engineer":"E-Zhou"}""")),
            ("2026-01-10 04:30", "arrive-on-site", null),
            ("2026-01-10 05:00", "replace-parts", Body("""{"oldPartNumber":"PSU-12V","newPartNumber":"PSU-12V","signedBy":"网点A保安"}""")),
            ("2026-01-10 05:30", "restore-service", null),
            ("2026-01-10 06:00", "resolve", Body("""{"resolution":"更换摄像机电源"}""")));
        d.Check("2026-01-10 06:00", async () => Assert.Equal(
            ["loaner#1 Waived 2026-01-10 09:00", "on-site-arrival#1 Met 2026-01-10 05:00", "spare-parts-on-site#1 Met 2026-01-10 10:00"],
            Sorted(await d.ClockLinesAsync("F1"))));
        Close(d, "F1", "2026-01-10 06:10", 5);

        // ---- F2, during the Spring Festival: not fixed in 5 h, a loaner in time -------------------------
        // Occurred Mon 02-16 08:00 (a holiday; 7×24 counts it), reported 09:00. On site → 12:00 (11:30:
        // Met). Not running by 13:00 (5 h after the fault), so the loaner is owed by 16:00 (8 h after
        // it): provided 15:00: Met, from the spares stock. Service runs on the loaner at 15:30, which
        // makes the parts promise (due 17:00) moot: Waived. The camera comes back repaired Fri 02-20.
        // Down 08:00 → 15:30 = 7 h 30 min.
        Report(d, "2026-02-16 09:00", "F2", "CAM-05", "网点B", faultOccurredAt: "2026-02-16 08:00");
        d.Steps("F2",
            ("2026-02-16 09:05", "acknowledge", null),
            ("2026-02-16 09:15", "start-remote-diagnosis", null),
            ("2026-02-16 09:30", "dispatch", Body("""{"engineer":"E-Wu"}""")),
            ("2026-02-16 11:30", "arrive-on-site", null),
            ("2026-02-16 15:00", "provide-loaner", Body("""{"note":"同型号备用摄像机"}""")));
        Move(d, "2026-02-16 15:00", "LoanerIssued", "F2");
        d.Steps("F2",
            ("2026-02-16 15:30", "restore-service", null),
            ("2026-02-20 14:00", "resolve", Body("""{"resolution":"返修后装回原摄像机"}""")));
        Move(d, "2026-02-20 14:10", "Returned", "F2");
        d.Check("2026-02-20 14:10", async () => Assert.Equal(
            ["loaner#1 Met 2026-02-16 16:00", "on-site-arrival#1 Met 2026-02-16 12:00", "spare-parts-on-site#1 Waived 2026-02-16 17:00"],
            Sorted(await d.ClockLinesAsync("F2"))));
        Close(d, "F2", "2026-02-20 14:20", 4);

        // ---- F3, everything late on purpose -------------------------------------------------------------
        // Occurred Wed 03-11 13:00, reported 14:00. On site → 17:00; arrived 17:45: MetLate. Loaner
        // → 21:00 (8 h after the fault, not waived: not running by 18:00); at 21:30 it shows Breached;
        // provided 22:00: MetLate. Spare parts → 22:00 (8 h after the report); exchanged 22:30: MetLate.
        // Running again 22:40, resolved Thu 03-12 10:00. Down 13:00 → 22:40 = 9 h 40 min.
        Report(d, "2026-03-11 14:00", "F3", "CAM-09", "网点C", faultOccurredAt: "2026-03-11 13:00");
        d.Steps("F3",
            ("2026-03-11 14:05", "acknowledge", null),
            ("2026-03-11 14:10", "start-remote-diagnosis", null),
            ("2026-03-11 14:30", "dispatch", Body("""{"engineer":"E-Zhou"}""")),
            ("2026-03-11 17:45", "arrive-on-site", null));
        d.Check("2026-03-11 21:30", async () => Assert.Equal(
            ["loaner#1 Breached 2026-03-11 21:00", "on-site-arrival#1 MetLate 2026-03-11 17:00", "spare-parts-on-site#1 Running 2026-03-11 22:00"],
            Sorted(await d.ClockLinesAsync("F3"))));
        d.Steps("F3", ("2026-03-11 22:00", "provide-loaner", null));
        Move(d, "2026-03-11 22:00", "LoanerIssued", "F3");
        d.Steps("F3",
            ("2026-03-11 22:30", "replace-parts", Body("""{"oldPartNumber":"LENS-8MM","newPartNumber":"LENS-8MM","signedBy":"网点C主任"}""")),
            ("2026-03-11 22:40", "restore-service", null),
            ("2026-03-12 10:00", "resolve", Body("""{"resolution":"更换镜头"}""")));
        Move(d, "2026-03-12 10:10", "Returned", "F3");
        d.Check("2026-03-12 10:10", async () => Assert.Equal(
            ["loaner#1 MetLate 2026-03-11 21:00", "on-site-arrival#1 MetLate 2026-03-11 17:00", "spare-parts-on-site#1 MetLate 2026-03-11 22:00"],
            Sorted(await d.ClockLinesAsync("F3"))));
        Close(d, "F3", "2026-03-12 10:20", 2);

        // Callbacks (质量回访) on F1 and F2, both reached; F3's customer is called next quarter.
        d.On("2026-03-13 10:00", async () =>
        {
            foreach (var id in new[] { "F1", "F2" })
            {
                await d.PostAsync($"/tickets/{id}/callbacks", Body("""{"calledBy":"客服小周","reached":true}"""), HttpStatusCode.Created);
            }
        });

        // ---- F4, reported on the quarter's last night, fixed after it ------------------------------------
        // Occurred Tue 03-31 21:30, reported 22:00: on site → Wed 04-01 01:00; arrived 00:30; running
        // 02:00 (within 5 h of the fault: the loaner is waived; the parts promise moot). In the
        // quarter it was down 21:30 → 24:00 = 2 h 30 min.
        Report(d, "2026-03-31 22:00", "F4", "CAM-12", "网点C", faultOccurredAt: "2026-03-31 21:30");
        d.Steps("F4",
            ("2026-03-31 22:05", "acknowledge", null),
            ("2026-03-31 22:10", "start-remote-diagnosis", null),
            ("2026-03-31 22:20", "dispatch", Body("""{"engineer":"E-Wu"}""")),
            ("2026-04-01 00:30", "arrive-on-site", null),
            ("2026-04-01 02:00", "restore-service", null));

        // Inspections, each a complete record signed at the site (R-IN-3): 网点A in January, February
        // and March; 网点B in January and March (February missed); 网点C in January and February
        // (March missed).
        foreach (var (site, on) in new[]
        {
            ("网点A", "2026-01-20"), ("网点B", "2026-01-22"), ("网点C", "2026-01-28"),
            ("网点A", "2026-02-25"), ("网点C", "2026-02-27"),
            ("网点A", "2026-03-20"), ("网点B", "2026-03-25"),
        })
        {
            d.On(on + " 16:00", () => Inspect(d, site, on));
        }

        await d.RunAsync();

        // ---- Read on Wed 04-01 09:00 ------------------------------------------------------------------------
        d.At("2026-04-01 09:00");

        // The loaner camera went out and came back twice: balance 1.
        var stock = await d.GetAsync("/spares/CS-CCTV/CAM-UNIT");
        Assert.Equal(1, (int)stock["balance"]!);
        Assert.Equal(["Received 1", "LoanerIssued -1", "Returned 1", "LoanerIssued -1", "Returned 1"], stock["movements"]!.AsArray().Select(m => $"{m!["kind"]} {m["signedQuantity"]}"));

        // Due inspections today (2026-04-01): 网点B's February window (due 02-28, 32 days overdue) and
        // 网点C's March window (due 03-31, 1 day) are overdue; April is open at every site (due 04-30).
        var due = (await d.GetAsync("/inspections/due")).AsArray();
        Assert.Equal(
            ["网点B 2026-02-28 Overdue 32", "网点C 2026-03-31 Overdue 1", "网点A 2026-04-30 Open 0", "网点B 2026-04-30 Open 0", "网点C 2026-04-30 Open 0"],
            due.Select(x => $"{x!["site"]} {x["dueOn"]} {x["status"]} {x["daysOverdue"]}"));

        // The report as of the quarter's end (04-01 00:00): F4's on-site clock was still running then.
        // Met / late: F1 2/0 (loaner waived), F2 2/0 (parts waived), F3 0/3 → 4 met of 7 = 57.14 %.
        var atEnd = await d.GetAsync("/reports/quarterly/2026/1?asOf=" + Uri.EscapeDataString(Iso("2026-04-01 00:00")));
        Assert.Equal((4, 3, 0), ((int)atEnd["overallOnTime"]!["met"]!, (int)atEnd["overallOnTime"]!["metLate"]!, (int)atEnd["overallOnTime"]!["breached"]!));

        // Read now: F4's arrival 00:30 met its 01:00 due, and it belongs to the quarter it was reported
        // in → 5 met of 8 = 62.5 %. Loaners: F2 met, F3 late (F1, F4 waived); parts: F1 met, F3 late.
        var report = await d.GetAsync("/reports/quarterly/2026/1");
        Assert.False((bool)report["partial"]!);
        Assert.Equal((1, "某区公安分局"), ((int)report["termsVersion"]!, (string)report["customer"]!));
        Assert.Empty(report["targets"]!.AsArray());
        Assert.Equal((4, 4), ((int)report["workOrders"]!, (int)report["majorFaults"]!));
        Assert.Equal((5, 3, 0), ((int)report["overallOnTime"]!["met"]!, (int)report["overallOnTime"]!["metLate"]!, (int)report["overallOnTime"]!["breached"]!));
        Assert.Equal(0.625m, (decimal)report["overallOnTime"]!["rate"]!);
        Assert.Equal(
            ["loaner 1/1/0", "on-site-arrival 3/1/0", "spare-parts-on-site 1/1/0"],
            report["onTime"]!.AsArray().Where(o => o!["severityCode"] is null).Select(o => $"{o!["metric"]} {o["met"]}/{o["metLate"]}/{o["breached"]}").Order(StringComparer.Ordinal));

        // Availability over Q1 = 90 days = 2 160 h = 7 776 000 s, twelve cameras: down CAM-01 4 h 30,
        // CAM-05 7 h 30, CAM-09 9 h 40, CAM-12 2 h 30 (to the quarter's end, not to "now") = 24 h 10 min
        // = 87 000 s; mean 1 − 87 000 / (12 × 7 776 000) = 1 − 0.00093 = 0.99907.
        Assert.Equal(
            ["CAM-01 PT4H30M", "CAM-05 PT7H30M", "CAM-09 PT9H40M", "CAM-12 PT2H30M"],
            report["availability"]!["devices"]!.AsArray().Where(x => (string)x!["downtime"]! != "PT0S").Select(x => $"{x!["serialNumber"]} {x["downtime"]}"));
        Assert.Equal(0.99907m, Math.Round((decimal)report["availability"]!["mean"]!, 5));

        // Satisfaction: F1 5, F2 4, F3 2 → 2 of 3. Callbacks: due on the three in-warranty orders
        // resolved in the quarter (F4 is not resolved), done on 2.
        Assert.Equal((2, 3), ((int)report["satisfaction"]!["count"]!, (int)report["satisfaction"]!["total"]!));
        Assert.Equal((2, 3), ((int)report["callbacks"]!["count"]!, (int)report["callbacks"]!["total"]!));
        Assert.Equal(["LENS-8MM 1", "PSU-12V 1"], report["partTypes"]!.AsArray().Select(p => $"{p!["partType"]} {p["count"]}").Order(StringComparer.Ordinal));

        // Next quarter's plan: the monthly rounds of April, May and June at the three sites.
        var plan = report["nextQuarterPlan"]!.AsArray().Select(p => (string)p!).ToList();
        Assert.Equal(3, plan.Count);
        Assert.All(plan, line => Assert.Contains("网点A, 网点B, 网点C", line, StringComparison.Ordinal));
    }

    private static void Report(ScenarioDriver d, string local, string id, string device, string site, string faultOccurredAt) =>
        d.On(local, () => d.ReportAsync(id, Policy, "fault", device, faultOccurredAt: faultOccurredAt, site: site));

    /// <summary>The seed names no observation period: start it, sign the service report with a rating, close.</summary>
    private static void Close(ScenarioDriver d, string id, string local, int rating) =>
        d.Steps(id,
            (local, "start-observation", null),
            (Later(local, 5), "sign-off", new JsonObject { ["signer"] = "网点负责人", ["satisfaction"] = rating }),
            (Later(local, 10), "close", null));

    private static void Move(ScenarioDriver d, string local, string kind, string workOrder) =>
        d.On(local, () => d.PostAsync("/spares/CS-CCTV/CAM-UNIT/movements", new JsonObject { ["kind"] = kind, ["quantity"] = 1, ["by"] = "库管小刘", ["workOrderId"] = workOrder }));

    private static async Task Inspect(ScenarioDriver d, string site, string on)
    {
        var items = (await d.GetAsync("/inspections/checklists"))["cctv-004"]!["items"]!.AsArray().Select(i => (string)i!["code"]!);
        var record = await d.PostAsync("/inspections/records", new JsonObject
        {
            ["site"] = site,
            ["checklist"] = new JsonObject { ["preset"] = "cctv-004" },
            ["inspectedOn"] = on,
            ["engineerId"] = "E-Zhou",
            ["results"] = new JsonArray([.. items.Select(code => (JsonNode)new JsonObject { ["item"] = code, ["outcome"] = "Ok" })]),
            ["signedBy"] = site + "负责人",
        }, HttpStatusCode.Created);
        Assert.True((bool)record["countsAsDone"]!);
    }
}
