using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Http.Tests.Support;
using static AfterSales.Http.Tests.Scenarios.ScenarioDriver;

namespace AfterSales.Http.Tests.Scenarios;

/// <summary>
/// Seed 002, system integration on 5×8 coverage (系统集成售后服务, 5×8): a customer's ten systems
/// through the second quarter of 2026, over HTTP only. The plan (R-SLA-3, R-SLA-4): phone reports
/// answered within 15 min, e-mail within 12 h; class A on site within 2 h in the city and 24 h
/// elsewhere, a detailed solution within 48 h; class B on site within 48 h, a solution within 72 h;
/// class C a plan within 108 h; class D negotiated. On 5×8 every amount counts Mon–Fri 09:00–18:00
/// Beijing time without China's statutory holidays and with their make-up workdays (R-SLA-7): the
/// quarter holds Qingming (Sat 04-04 – Mon 04-06), Labour Day (Fri 05-01 – Tue 05-05, make-up
/// Sat 05-09) and Dragon Boat (Fri 06-19). Remote first (R-WO-2), the manufacturer's support
/// (R-WO-5), a 7-day observation period and re-opening (R-WO-4), a signed report with a rating
/// (R-WO-8), the monthly bonus less deductions and pay per signed service (R-CP-3), hardware
/// warranty 3 years, and the report's on-time rate, major faults and satisfaction (R-RP-2).
/// Every expected figure is worked out by hand in the comments; a working day is 9 hours.
/// </summary>
public sealed class Seed002SystemIntegration5x8Scenario
{
    private const string Policy = "cn-002-system-integration-5x8";

    [Fact]
    public Task Seed002SystemIntegration5x8_QuarterOnSqlite_HolidayClocksBonusesAndReportAsWorkedByHand() => Quarter(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Seed002SystemIntegration5x8_QuarterOnPostgreSql_HolidayClocksBonusesAndReportAsWorkedByHand() => Quarter(TestDatabase.PostgreSql);

    private static async Task Quarter(TestDatabase database)
    {
        using var d = new ScenarioDriver(database, "city-002");

        // ---- Contract start, Wed 2026-04-01 ----------------------------------------------------------
        // Seed 002 settles by bonus (R-CP-3) and names no fine and no dismissal, but the terms document
        // requires both: no fine, and a dismissal count of 1 000 a month that nobody reaches.
        d.At("2026-04-01 09:00");
        await d.PutAsync("/quality-terms", Body("""
            {"name":"某市政务系统集成维保","customer":"某市大数据局",
             "penalties":{"finePerConfirmedComplaint":0,"dismissalAtCount":1000,"dismissalWindow":"month","bonus":{"amount":1000,"deductionPerComplaint":200,"forfeitAtCount":2},"payPerService":50},
             "targets":{"onTimeRate":0.9,"satisfactionRate":0.8}}
            """));

        // Ten systems accepted 2024-06-01 under "三包": hardware 3 years, covered to 2027-05-31. The
        // contract asks for the data to be backed up before work on a system (实施前资料必须备份,
        // R-WO-7): on site, nothing is restored or resolved until the backup is confirmed.
        for (var i = 1; i <= 10; i++)
        {
            await d.RegisterDeviceAsync($"S-{i:D2}", "hardware", "cn-002-integration", acceptedOn: "2024-06-01");
        }

        var s01 = await d.GetAsync("/devices/S-01/warranty?policy=cn-002-integration");
        Assert.Equal((true, "2027-05-31"), ((bool)s01["isCovered"]!, (string)s01["lastCoveredDay"]!));

        // ---- A1, class A in the city, Friday evening before Qingming -------------------------------------
        // Reported by phone Fri 04-03 17:30. Response 15 min → 17:45 (answered 17:40: Met).
        // On site 2 business hours: 17:30–18:00 is 30 min, Sat 04-04 – Mon 04-06 are Qingming and the
        // weekend, Tue 04-07 09:00 + 1 h 30 → Tue 10:30; the engineer goes anyway and is there Sat
        // 10:00: Met. Solution 48 business hours: 0.5 (Fri) + 9 (Tue) + 9 (Wed) + 9 (Thu) + 9 (Fri
        // 04-10) + 9 (Mon 04-13) = 45.5, + 2.5 on Tue 04-14 → 11:30; delivered Tue 04-07 10:00: Met.
        // Down Fri 17:30 → Sat 12:00 = 18 h 30 min. Closing needs the 7-day observation: started Wed
        // 04-08 15:10, a close on Fri 04-10 is refused (409); closed Thu 04-16.
        Report(d, "2026-04-03 17:30", "A1", "A", "S-01");
        d.Check("2026-04-03 17:30", async () => Assert.Equal(
            ["first-response#1 Running 2026-04-03 17:45", "on-site-arrival#1 Running 2026-04-07 10:30", "repair-plan#1 Running 2026-04-14 11:30"],
            Sorted(await d.ClockLinesAsync("A1"))));
        d.Steps("A1",
            ("2026-04-03 17:40", "acknowledge", null),
            ("2026-04-03 17:45", "start-remote-diagnosis", null),
            ("2026-04-04 08:00", "dispatch", new JsonObject { ["engineer"] = "E-Sun" }),
            ("2026-04-04 10:00", "arrive-on-site", null));
        d.On("2026-04-04 10:05", async () =>
        {
            Assert.True((bool)(await d.GetAsync("/tickets/A1"))["dataBackupRequired"]!);
            await d.PostAsync("/tickets/A1/restore-service", expected: HttpStatusCode.Conflict);
        });
        d.Steps("A1",
            ("2026-04-04 10:10", "confirm-data-backup", Body("""{"confirmedBy":"信息科张科长"}""")),
            ("2026-04-04 12:00", "restore-service", null),
            ("2026-04-07 10:00", "deliver-repair-plan", Body("""{"note":"更换存储控制器并升级固件"}""")),
            ("2026-04-08 15:00", "resolve", Body("""{"resolution":"更换存储控制器"}""")),
            ("2026-04-08 15:10", "start-observation", null),
            ("2026-04-08 15:20", "sign-off", Body("""{"signer":"信息科张科长","satisfaction":5}""")));
        d.On("2026-04-10 10:00", () => d.PostAsync("/tickets/A1/close", expected: HttpStatusCode.Conflict));
        d.Steps("A1", ("2026-04-16 10:00", "close", null));
        d.Check("2026-04-16 10:00", async () => Assert.Equal(
            ["first-response#1 Met 2026-04-03 17:45", "on-site-arrival#1 Met 2026-04-07 10:30", "repair-plan#1 Met 2026-04-14 11:30"],
            Sorted(await d.ClockLinesAsync("A1"))));

        // ---- A2, class A in another county, by e-mail before Labour Day -----------------------------------
        // Reported Wed 04-29 16:00. E-mail response 12 business hours: 2 (Wed) + 9 (Thu 04-30) = 11,
        // Fri 05-01 – Tue 05-05 off, + 1 on Wed 05-06 → 10:00 (answered Thu 04-30 09:30: Met).
        // On site elsewhere 24 business hours: 11 + 9 (Wed 05-06) = 20, + 4 on Thu 05-07 → 13:00; the
        // engineer arrives 14:00: MetLate. Solution 48 business hours: 20 + 9 (Thu) + 9 (Fri 05-08)
        // = 38, + 9 on the make-up Saturday 05-09 = 47, + 1 on Mon 05-11 → 10:00; delivered on the
        // make-up Saturday 11:00: Met. Then the manufacturer is asked for support (R-WO-5) and the
        // order resolved Tue 05-12 16:00 with no restoration before: down Wed 04-29 16:00 → Tue 05-12
        // 16:00 = 13 d = 312 h.
        Report(d, "2026-04-29 16:00", "A2", "A", "S-02", channel: "Email", locality: "NonLocal");
        d.Check("2026-04-29 16:00", async () => Assert.Equal(
            ["first-response#1 Running 2026-05-06 10:00", "on-site-arrival#1 Running 2026-05-07 13:00", "repair-plan#1 Running 2026-05-11 10:00"],
            Sorted(await d.ClockLinesAsync("A2"))));
        d.Steps("A2",
            ("2026-04-30 09:30", "acknowledge", null),
            ("2026-04-30 09:40", "start-remote-diagnosis", null),
            ("2026-04-30 10:00", "dispatch", new JsonObject { ["engineer"] = "E-Li" }),
            ("2026-05-07 14:00", "arrive-on-site", null),
            ("2026-05-07 14:10", "confirm-data-backup", Body("""{"confirmedBy":"县信息中心王主任"}""")),
            ("2026-05-09 11:00", "deliver-repair-plan", Body("""{"note":"主板故障,需厂商支援"}""")),
            ("2026-05-09 11:30", "escalate-to-vendor", Body("""{"reason":"申请厂商技术支援"}""")),
            ("2026-05-12 16:00", "resolve", Body("""{"resolution":"厂商更换主板"}""")),
            ("2026-05-12 16:10", "start-observation", null),
            ("2026-05-12 16:20", "sign-off", Body("""{"signer":"县信息中心王主任","satisfaction":3,"comment":"节后才到现场"}""")),
            ("2026-05-20 09:00", "close", null));
        d.Check("2026-05-12 16:00", async () => Assert.Equal(
            ["first-response#1 Met 2026-05-06 10:00", "on-site-arrival#1 MetLate 2026-05-07 13:00", "repair-plan#1 Met 2026-05-11 10:00"],
            Sorted(await d.ClockLinesAsync("A2"))));

        // C-1: a complaint about E-Li's late arrival, filed Fri 05-08 10:00, confirmed Mon 05-11.
        d.FileComplaint("2026-05-08 10:00", "C-1", "A2", "E-Li", "节后才到现场");
        d.ComplaintSteps("C-1", ("2026-05-08 11:00", "first-reply", null), ("2026-05-11 10:00", "verification", """{"engineerResponsible":true}"""));

        // ---- B1, class B, answered late, fixed remotely, recurs in observation ----------------------------
        // Reported by phone Mon 05-18 11:00. Response 15 min → 11:15; answered 11:30: MetLate.
        // On site 48 business hours: 7 (Mon) + 9 × 4 (Tue–Fri) = 43, + 5 on Mon 05-25 → 14:00.
        // Solution 72 business hours: 43 + 9 (Mon 25) + 9 (Tue) + 9 (Wed 27) = 70, + 2 on Thu 05-28
        // → 11:00. Fixed remotely Tue 05-19 15:00: both promises became moot in time: Waived.
        // Recurred in observation Thu 05-21 10:00: cycle 2 restarts the solution clock (not the
        // response, not the visit): 8 (Thu) + 9 (Fri 22) + 9 × 5 (Mon 25 – Fri 29) = 62, + 9 (Mon
        // 06-01) = 71, + 1 on Tue 06-02 → 10:00; delivered Fri 05-22 10:00: Met. Down Mon 11:00 → Tue
        // 15:00 (28 h) and Thu 05-21 10:00 → Fri 11:00 (25 h) = 53 h.
        Report(d, "2026-05-18 11:00", "B1", "B", "S-03");
        d.Check("2026-05-18 11:00", async () => Assert.Equal(
            ["first-response#1 Running 2026-05-18 11:15", "on-site-arrival#1 Running 2026-05-25 14:00", "repair-plan#1 Running 2026-05-28 11:00"],
            Sorted(await d.ClockLinesAsync("B1"))));
        d.Steps("B1",
            ("2026-05-18 11:30", "acknowledge", null),
            ("2026-05-18 11:40", "start-remote-diagnosis", null),
            ("2026-05-19 15:00", "resolve-remotely", Body("""{"resolution":"远程修正交换机配置"}""")),
            ("2026-05-19 15:10", "start-observation", null),
            ("2026-05-21 10:00", "reopen", Body("""{"reason":"网络再次中断"}""")),
            ("2026-05-21 10:30", "dispatch", new JsonObject { ["engineer"] = "E-Li" }),
            ("2026-05-21 14:00", "arrive-on-site", null),
            ("2026-05-21 14:10", "confirm-data-backup", Body("""{"confirmedBy":"信息科张科长"}""")),
            ("2026-05-22 10:00", "deliver-repair-plan", Body("""{"note":"更换交换机"}""")),
            ("2026-05-22 11:00", "restore-service", null),
            ("2026-05-22 16:00", "resolve", Body("""{"resolution":"更换交换机"}""")),
            ("2026-05-22 16:10", "start-observation", null),
            ("2026-05-22 16:20", "sign-off", Body("""{"signer":"信息科张科长","satisfaction":4}""")),
            ("2026-06-01 09:00", "close", null));
        d.Check("2026-05-22 16:00", async () => Assert.Equal(
            ["first-response#1 MetLate 2026-05-18 11:15", "on-site-arrival#1 Waived 2026-05-25 14:00", "repair-plan#1 Waived 2026-05-28 11:00", "repair-plan#2 Met 2026-06-02 10:00"],
            Sorted(await d.ClockLinesAsync("B1"))));

        // May ledgers (R-CP-3): E-Li finished two on-site services with signed reports (A2 05-12, B1
        // 05-22; B1's remote fix is no visit) → 2 × 50 = 100; one confirmed complaint (C-1) → bonus
        // 1 000 − 200 = 800; net 900.
        d.Check("2026-06-01 09:00", async () =>
        {
            var li = await d.GetAsync("/engineers/E-Li/ledgers/2026-05");
            Assert.Equal((1, 800m, 2, 100m, 900m), ((int)li["complaintsInMonth"]!, (decimal)li["bonus"]!, (int)li["paidServices"]!, (decimal)li["servicePay"]!, (decimal)li["net"]!));
        });

        // ---- C1, class C, waiting for the customer's logs ---------------------------------------------
        // Reported by phone Wed 06-10 14:00: response 15 min → 14:15 (answered 14:10: Met; the class's
        // own 72 h reaction is the laxer of the two). Plan 108 business hours = 12 days of 9: 4 (Wed)
        // + 9 × 6 (Thu 06-11 – Thu 06-18) = 58, Fri 06-19 is Dragon Boat, + 9 × 5 (Mon 06-22 – Fri
        // 06-26) = 103, + 5 on Mon 06-29 → 14:00. Paused waiting for the customer Thu 06-11 10:00 →
        // Mon 06-15 10:00 = 8 + 9 + 1 = 18 business hours, so the due moves 18 h on: 4 (Mon 06-29) +
        // 9 (Tue 06-30) + 5 on Wed 07-01 → 14:00. Plan delivered Mon 06-29 16:00: Met; fixed remotely
        // Tue 06-30 10:00. Down Wed 06-10 14:00 → Tue 06-30 10:00 = 20 d − 4 h = 476 h.
        Report(d, "2026-06-10 14:00", "C1", "C", "S-04");
        d.Steps("C1",
            ("2026-06-10 14:10", "acknowledge", null),
            ("2026-06-10 14:20", "start-remote-diagnosis", null),
            ("2026-06-11 10:00", "wait-for-customer", Body("""{"reason":"等待用户提供日志"}""")),
            ("2026-06-15 10:00", "resume", null));
        d.Check("2026-06-15 10:00", async () => Assert.Contains("repair-plan#1 Running 2026-07-01 14:00", await d.ClockLinesAsync("C1")));
        d.Steps("C1",
            ("2026-06-29 16:00", "deliver-repair-plan", Body("""{"note":"下月版本修正报表格式"}""")),
            ("2026-06-30 10:00", "resolve-remotely", Body("""{"resolution":"远程修正报表模板"}""")),
            ("2026-06-30 10:10", "start-observation", null),
            ("2026-06-30 10:20", "sign-off", Body("""{"signer":"信息科张科长","satisfaction":4}""")));

        // ---- D1, class D improvement request by e-mail on a Saturday -----------------------------------
        // Reported Sat 06-13 10:00: e-mail response 12 business hours from Mon 06-15 09:00: 9 (Mon)
        // + 3 on Tue 06-16 → 12:00; answered Tue 14:00: MetLate. No other clock (negotiated).
        // Planned into the next release Fri 06-26 10:00. Down Sat 06-13 10:00 → Fri 06-26 10:00 = 312 h.
        Report(d, "2026-06-13 10:00", "D1", "D", "S-10", channel: "Email");
        d.Check("2026-06-13 10:00", async () => Assert.Equal(["first-response#1 Running 2026-06-16 12:00"], await d.ClockLinesAsync("D1")));
        d.Steps("D1",
            ("2026-06-16 14:00", "acknowledge", null),
            ("2026-06-16 14:10", "start-remote-diagnosis", null),
            ("2026-06-26 10:00", "resolve-remotely", Body("""{"resolution":"已纳入下一版本计划"}""")),
            ("2026-06-26 10:10", "start-observation", null),
            ("2026-06-26 10:20", "sign-off", Body("""{"signer":"信息科张科长","satisfaction":5}""")));

        // C-2 and C-3 about E-Sun in June, both confirmed → two complaints forfeit the month's bonus.
        d.FileComplaint("2026-06-15 10:00", "C-2", "A1", "E-Sun", "未按约定时间回访");
        d.ComplaintSteps("C-2", ("2026-06-15 10:30", "first-reply", null), ("2026-06-16 10:00", "verification", """{"engineerResponsible":true}"""));
        d.FileComplaint("2026-06-17 10:00", "C-3", "A1", "E-Sun", "现场未清理");
        d.ComplaintSteps("C-3", ("2026-06-17 10:30", "first-reply", null), ("2026-06-18 10:00", "verification", """{"engineerResponsible":true}"""));

        // ---- A3, class A reported at night -------------------------------------------------------------
        // Reported by phone Tue 06-23 21:00, outside coverage: every clock starts Wed 06-24 09:00.
        // Response → 09:15 (09:10: Met); on site 2 h → 11:00 (10:30: Met); solution 48 h: 9 × 5 (Wed
        // 06-24 – Tue 06-30) = 45, + 3 on Wed 07-01 → 12:00; resolved Thu 06-25 17:00 first: Waived.
        // Down Tue 21:00 → Wed 12:00 = 15 h.
        Report(d, "2026-06-23 21:00", "A3", "A", "S-05");
        d.Check("2026-06-23 21:00", async () => Assert.Equal(
            ["first-response#1 Running 2026-06-24 09:15", "on-site-arrival#1 Running 2026-06-24 11:00", "repair-plan#1 Running 2026-07-01 12:00"],
            Sorted(await d.ClockLinesAsync("A3"))));
        d.Steps("A3",
            ("2026-06-24 09:10", "acknowledge", null),
            ("2026-06-24 09:15", "start-remote-diagnosis", null),
            ("2026-06-24 09:30", "dispatch", new JsonObject { ["engineer"] = "E-Sun" }),
            ("2026-06-24 10:30", "arrive-on-site", null),
            ("2026-06-24 10:40", "confirm-data-backup", Body("""{"confirmedBy":"信息科张科长"}""")),
            ("2026-06-24 12:00", "restore-service", null),
            ("2026-06-25 17:00", "resolve", Body("""{"resolution":"更换电源模块"}""")),
            ("2026-06-25 17:10", "start-observation", null),
            ("2026-06-25 17:20", "sign-off", Body("""{"signer":"信息科张科长","satisfaction":5}""")));

        await d.RunAsync();

        // ---- The quarter's end, read Wed 07-01 09:00 --------------------------------------------------
        d.At("2026-07-01 09:00");

        // Ledgers (R-CP-3). April: E-Sun's A1 visit, signed → 50, no complaint → bonus 1 000; net 1 050.
        // June: E-Sun's A3 visit → 50; two confirmed complaints reach the forfeit count of 2 → bonus 0;
        // net 50. (C1 and D1 were remote: no visits.)
        var april = await d.GetAsync("/engineers/E-Sun/ledgers/2026-04");
        Assert.Equal((1000m, 50m, 1050m), ((decimal)april["bonus"]!, (decimal)april["servicePay"]!, (decimal)april["net"]!));
        var june = await d.GetAsync("/engineers/ledgers/2026-06");
        Assert.Equal(["E-Sun 2 0 50 50"], june["ledgers"]!.AsArray().Select(l => $"{l!["engineerId"]} {l["complaintsInMonth"]} {l["bonus"]} {l["servicePay"]} {l["net"]}"));

        // Legacy issues (遗留问题, R-WO-6) are orders not yet closed with a clock overdue: A2 (arrival) and
        // B1 (response) were late but are closed; D1 (response late) is still in observation.
        var list = await d.GetAsync("/tickets?pageSize=50");
        Assert.Equal(["D1"], list["items"]!.AsArray().Where(t => (bool)t!["isLegacyIssue"]!).Select(t => (string)t!["id"]!).Order(StringComparer.Ordinal));

        var report = await d.GetAsync("/reports/quarterly/2026/2");
        Assert.False((bool)report["partial"]!);

        // Six orders; major faults (class A, the most severe): A1, A2, A3.
        Assert.Equal((6, 3), ((int)report["workOrders"]!, (int)report["majorFaults"]!));
        Assert.Equal(["A 3", "B 1", "C 1", "D 1"], report["faultsBySeverity"]!.AsArray().Select(s => $"{s!["code"]} {s["count"]}"));

        // Clocks met / late (waived ones are not counted): A1 3/0, A2 2/1, B1 1/1 (response late, cycle-2
        // solution met; arrival and cycle-1 solution waived), C1 2/0, D1 0/1, A3 2/0 (solution waived)
        // → 10 met of 13 = 76.92 %, under the 90 % target (R-RP-2: 故障修复及时率).
        var overall = report["overallOnTime"]!;
        Assert.Equal((10, 3, 0), ((int)overall["met"]!, (int)overall["metLate"]!, (int)overall["breached"]!));
        Assert.Equal(0.7692m, Math.Round((decimal)overall["rate"]!, 4));
        Assert.Equal(
            ["first-response 4/2/0", "on-site-arrival 2/1/0", "repair-plan 4/0/0"],
            report["onTime"]!.AsArray().Where(o => o!["severityCode"] is null).Select(o => $"{o!["metric"]} {o["met"]}/{o["metLate"]}/{o["breached"]}").Order(StringComparer.Ordinal));

        // Satisfaction (R-WO-8): ratings A1 5, A2 3, B1 4, C1 4, D1 5, A3 5 → 5 of 6 satisfied = 83.33 %,
        // over the 80 % target.
        Assert.Equal((5, 6), ((int)report["satisfaction"]!["count"]!, (int)report["satisfaction"]!["total"]!));
        Assert.Equal(["on-time false", "satisfaction true"], report["targets"]!.AsArray().Select(t => $"{t!["code"]} {t["met"]}").Order(StringComparer.Ordinal));

        // Availability over the quarter, 2 184 h, of the ten systems: down S-01 18 h 30 min, S-02 312 h,
        // S-03 53 h, S-04 476 h, S-05 15 h, S-10 312 h = 1 186 h 30 min = 4 271 400 s; the mean is
        // 1 − 4 271 400 / (10 × 7 862 400) = 1 − 0.054327 = 0.94567.
        Assert.Equal(
            ["S-01 PT18H30M", "S-02 PT312H", "S-03 PT53H", "S-04 PT476H", "S-05 PT15H", "S-10 PT312H"],
            report["availability"]!["devices"]!.AsArray().Where(x => (string)x!["downtime"]! != "PT0S").Select(x => $"{x!["serialNumber"]} {x["downtime"]}"));
        Assert.Equal(0.94567m, Math.Round((decimal)report["availability"]!["mean"]!, 5));
    }

    private static void Report(ScenarioDriver d, string local, string id, string severity, string device, string channel = "Phone", string locality = "Local") =>
        d.On(local, () => d.ReportAsync(id, Policy, severity, device, channel, locality));
}
