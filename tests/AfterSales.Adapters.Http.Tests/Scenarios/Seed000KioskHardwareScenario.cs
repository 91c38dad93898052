using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Http.Tests.Support;
using static AfterSales.Http.Tests.Scenarios.ScenarioDriver;

namespace AfterSales.Http.Tests.Scenarios;

/// <summary>
/// Seed 000, self-service kiosks (自助终端硬件维修): a bank's 40 kiosks through the second quarter of
/// 2026, over HTTP only. The plan: 7×24 support; 系统瘫痪 on site within 1 h, running 2 h and all
/// indicators normal 6 h after arrival; 严重故障 on site 2 h, running 4 h and normal 1 day after
/// arrival; a terminal fault a repair plan within 6 h and repaired within 2 working days (R-SLA-1);
/// a low fault remote support cannot remove is re-graded upward (R-SEV-2); hardware warranty 1 year,
/// paid repair after it at no more than the tendered price (R-WAR-8); spares 5 % of the installed
/// base, replenished monthly (R-SP-1/3); complaints checked with the engineer within 2 days and
/// answered formally within 5 (R-CP-1); 500 yuan per confirmed complaint, the third means
/// dismissal (R-CP-2); a yearly inspection with the kiosk checklist (R-IN-1/3); callbacks and a
/// quarterly report (R-RP-1). Every expected figure below is worked out by hand in the comments.
/// </summary>
public sealed class Seed000KioskHardwareScenario
{
    private const string Policy = "cn-000-kiosk-hardware";

    // The maintenance contract: the id of its tendered price list, named by every kiosk.
    private const string Contract = "bank-000-2026";

    [Fact]
    public Task Seed000KioskHardware_QuarterOnSqlite_ClocksLedgersSparesAndReportAsWorkedByHand() => Quarter(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Seed000KioskHardware_QuarterOnPostgreSql_ClocksLedgersSparesAndReportAsWorkedByHand() => Quarter(TestDatabase.PostgreSql);

    private static async Task Quarter(TestDatabase database)
    {
        using var d = new ScenarioDriver(database, "bank-000");

        // ---- Contract start: terms, devices, spares, inspection plan (Wed 2026-04-01) ----------------
        d.At("2026-04-01 09:00");
        await d.PutAsync("/quality-terms", Body("""
            {"name":"某银行自助终端维保 2026","customer":"某银行省分行",
             "penalties":{"finePerConfirmedComplaint":500,"dismissalAtCount":3,"dismissalWindow":"year"},
             "targets":{"onTimeRate":0.95,"availability":0.99,"satisfactionRate":0.9,"callbackRate":1}}
            """));

        // 39 kiosks accepted 2025-09-01 (1-year hardware warranty: covered to 2026-08-31) and K-40
        // accepted 2025-03-01 (covered to 2026-02-28, so out of warranty all quarter). Each is a
        // whole KIOSK-UNIT served by the centre CS-HZ, so the registry's installed base there is 40;
        // paid repairs are quoted from the contract's tendered price list.
        for (var i = 1; i <= 39; i++)
        {
            await Kiosk(d, $"K-{i:D2}", "2025-09-01");
        }

        await Kiosk(d, "K-40", "2025-03-01");
        var k01 = await d.GetAsync("/devices/K-01/warranty?policy=cn-000-kiosk&on=2026-04-01");
        Assert.Equal((true, "2026-08-31"), ((bool)k01["isCovered"]!, (string)k01["lastCoveredDay"]!));

        // The tender caps a print head at 800 yuan (R-WAR-8).
        await d.PutAsync($"/price-lists/{Contract}", Body("""{"parts":[{"partNumber":"PRN-HEAD","maxUnitPrice":800}]}"""), HttpStatusCode.Created);

        // Spares at the service centre: 5 % of 40 installed kiosks = 2 print heads and 2 whole units.
        await Receive(d, "PRN-HEAD", 2);
        await Receive(d, "KIOSK-UNIT", 2);

        // The yearly on-site inspection of every kiosk with the seed's checklist (R-IN-1, R-IN-3).
        await d.PutAsync("/inspections/plans/kiosk-yearly", new JsonObject
        {
            ["checklist"] = new JsonObject { ["preset"] = "kiosk-000" },
            ["recurrence"] = "yearly",
            ["startsOn"] = "2026-01-01",
            ["devices"] = new JsonArray([.. Enumerable.Range(1, 40).Select(i => (JsonNode)$"K-{i:D2}")]),
        }, HttpStatusCode.Created);

        // ---- W5, terminal fault before Qingming, fixed remotely -------------------------------------
        // Reported Thu 04-02 15:00. Repair plan 6 h on 7×24 → Thu 21:00; delivered 17:00: Met.
        // Repaired within 2 working days on the statutory 9–18 calendar: Fri 04-03 is the first,
        // Sat 04-04 – Mon 04-06 are Qingming and the weekend, Tue 04-07 the second → due Tue 04-07
        // 15:00; fixed remotely Tue 11:00: Met. Down Thu 15:00 → Tue 11:00 = 5 d − 4 h = 116 h.
        Report(d, "2026-04-02 15:00", "W5", "single", "K-05");
        d.Check("2026-04-02 15:00", async () => Assert.Equal(["repair-plan#1 Running 2026-04-02 21:00", "resolved#1 Running 2026-04-07 15:00"], Sorted(await d.ClockLinesAsync("W5"))));
        d.Steps("W5",
            ("2026-04-02 15:05", "acknowledge", null),
            ("2026-04-02 15:10", "start-remote-diagnosis", null),
            ("2026-04-02 17:00", "deliver-repair-plan", Body("""{"note":"远程更新读卡器驱动"}""")),
            ("2026-04-07 11:00", "resolve-remotely", Body("""{"resolution":"远程更新驱动后恢复"}""")));
        d.Check("2026-04-07 11:00", async () => Assert.Equal(["repair-plan#1 Met 2026-04-02 21:00", "resolved#1 Met 2026-04-07 15:00"], Sorted(await d.ClockLinesAsync("W5"))));
        Close(d, "W5", "2026-04-07 11:10", rating: 5);

        // ---- W1, system down at night on a Qingming Saturday ----------------------------------------
        // Reported Sat 04-04 02:00 (7×24: holidays and nights count). On site within 1 h → 03:00;
        // arrived 02:50: Met. Running 2 h after arrival → 04:50; restored 04:20: Met. All normal 6 h
        // after arrival → 08:50; resolved 07:30: Met. Down 02:00 → 04:20 = 2 h 20 min.
        Report(d, "2026-04-04 02:00", "W1", "down", "K-01");
        d.Check("2026-04-04 02:00", async () => Assert.Equal(["on-site-arrival#1 Running 2026-04-04 03:00", "resolved#1 NotStarted -", "service-restored#1 NotStarted -"], Sorted(await d.ClockLinesAsync("W1"))));
        OnSite(d, "W1", "E-Zhao", "2026-04-04 02:05", "2026-04-04 02:50", "2026-04-04 04:20", "2026-04-04 07:30");
        d.Check("2026-04-04 07:30", async () => Assert.Equal(["on-site-arrival#1 Met 2026-04-04 03:00", "resolved#1 Met 2026-04-04 08:50", "service-restored#1 Met 2026-04-04 04:50"], Sorted(await d.ClockLinesAsync("W1"))));
        Close(d, "W1", "2026-04-04 07:40", rating: 5);

        // W10, a second call about the same outage at 02:03, cancelled as a duplicate of W1 at 02:06:
        // every clock ends with the cancellation (Waived; the arrival was due 03:03), it is no downtime,
        // and it is not a fault of its own.
        Report(d, "2026-04-04 02:03", "W10", "down", "K-01");
        d.Steps("W10", ("2026-04-04 02:06", "cancel", Body("""{"reason":"重复报修,同 W1"}""")));
        d.Check("2026-04-04 02:06", async () => Assert.Equal(["on-site-arrival#1 Waived 2026-04-04 03:03", "resolved#1 Waived -", "service-restored#1 Waived -"], Sorted(await d.ClockLinesAsync("W10"))));

        // ---- W3, severe fault on a Wednesday -----------------------------------------------------------
        // Reported Wed 04-15 10:00. On site 2 h → 12:00; arrived 11:30: Met. Running 4 h after arrival
        // → 15:30; restored 14:00: Met. Normal 1 day after arrival → Thu 04-16 11:30; resolved Thu
        // 10:00: Met. Down 10:00 → 14:00 = 4 h.
        Report(d, "2026-04-15 10:00", "W3", "severe", "K-03");
        OnSite(d, "W3", "E-Qian", "2026-04-15 10:05", "2026-04-15 11:30", "2026-04-15 14:00", "2026-04-16 10:00");
        d.Check("2026-04-16 10:00", async () => Assert.Equal(["on-site-arrival#1 Met 2026-04-15 12:00", "resolved#1 Met 2026-04-16 11:30", "service-restored#1 Met 2026-04-15 15:30"], Sorted(await d.ClockLinesAsync("W3"))));
        Close(d, "W3", "2026-04-16 10:10", rating: 4);

        // ---- W2, system down late in the evening: the engineer is late ---------------------------------
        // Reported Tue 05-12 22:00. On site 1 h → 23:00; arrived 23:30: MetLate. Running 2 h after
        // arrival → Wed 01:30; restored 01:00: Met. Normal 6 h after arrival → Wed 05:30; resolved
        // 06:00: MetLate. Down 22:00 → Wed 01:00 = 3 h.
        Report(d, "2026-05-12 22:00", "W2", "down", "K-02");
        OnSite(d, "W2", "E-Zhao", "2026-05-12 22:05", "2026-05-12 23:30", "2026-05-13 01:00", "2026-05-13 06:00");
        d.Check("2026-05-13 06:00", async () => Assert.Equal(["on-site-arrival#1 MetLate 2026-05-12 23:00", "resolved#1 MetLate 2026-05-13 05:30", "service-restored#1 Met 2026-05-13 01:30"], Sorted(await d.ClockLinesAsync("W2"))));
        Close(d, "W2", "2026-05-13 06:10", rating: 2, comment: "工程师到得太晚");

        // C-1: the branch complains about W2's engineer, Wed 05-13 10:00, on the complaint desk's
        // statutory 9–18 calendar: first reply within 2 business hours → 12:00 (replied 11:00: Met);
        // verification within 2 working days → Fri 05-15 10:00 (Thu 05-14 15:00, responsible: Met);
        // formal answer and closing within 5 working days → Wed 05-20 10:00 (answered Tue 05-19
        // 10:00, closed 16:00 after the customer said satisfied: both Met).
        d.FileComplaint("2026-05-13 10:00", "C-1", "W2", "E-Zhao", "工程师迟到半小时");
        d.ComplaintSteps("C-1", ("2026-05-13 11:00", "first-reply", null), ("2026-05-14 15:00", "verification", """{"engineerResponsible":true}"""),
            ("2026-05-19 10:00", "formal-answer", null), ("2026-05-19 11:00", "solved", null), ("2026-05-19 15:00", "verdict", """{"satisfied":true}"""), ("2026-05-19 16:00", "close", null));
        d.Check("2026-05-19 16:00", async () => Assert.Equal(
            ["complaint-closing Met 2026-05-20 10:00", "complaint-first-reply Met 2026-05-13 12:00", "complaint-formal-answer Met 2026-05-20 10:00", "complaint-verification Met 2026-05-15 10:00"],
            ComplaintClocks(await d.GetAsync("/complaints/C-1"))));

        // ---- W7, a terminal fault remote support cannot remove: re-graded upward (R-SEV-2) ------------
        // Reported Wed 05-20 09:00 as single, re-graded severe at 10:00. The contract keeps elapsed
        // time (the default rule), so the severe targets count from the report: on site 2 h → 11:00
        // (arrived 10:40: Met); running 4 h after arrival → 14:40 (restored 13:00: Met); normal 1 day
        // after arrival → Thu 05-21 10:40 (resolved 16:00: Met). The single repair-plan clock no
        // longer applies. Down 09:00 → 13:00 = 4 h.
        Report(d, "2026-05-20 09:00", "W7", "single", "K-07");
        d.Steps("W7",
            ("2026-05-20 09:05", "acknowledge", null),
            ("2026-05-20 09:10", "start-remote-diagnosis", null),
            ("2026-05-20 10:00", "reclassify", Body("""{"severityCode":"severe","reason":"远程无法排除,升级为严重故障"}""")),
            ("2026-05-20 10:05", "dispatch", Body("""{"engineer":"E-Qian"}""")),
            ("2026-05-20 10:40", "arrive-on-site", null),
            ("2026-05-20 13:00", "restore-service", null),
            ("2026-05-20 16:00", "resolve", Body("""{"resolution":"更换主板"}""")));
        d.Check("2026-05-20 16:00", async () => Assert.Equal(["on-site-arrival#1 Met 2026-05-20 11:00", "resolved#1 Met 2026-05-21 10:40", "service-restored#1 Met 2026-05-20 14:40"], Sorted(await d.ClockLinesAsync("W7"))));
        Close(d, "W7", "2026-05-20 16:10", rating: 5);

        // ---- W8, out of warranty: quote first, parts only after the customer accepts (R-WO-7, R-WAR-8) ---
        // K-40's warranty ended 2026-02-28, so the report's check marks W8 billable (R-WO-1). The print
        // head is tendered at 800 and charged at cost 650; the visit costs 200; phone support is free →
        // 850. A head at 900 is refused: 400 naming the line's unit price, above the tender.
        // Reported Mon 05-25 10:00: repair plan 6 h → 16:00 (delivered 11:00: Met); repaired in 2
        // working days → Tue 05-26 (1), Wed 05-27 (2) → Wed 10:00 (resolved Tue 16:00: Met).
        // Down Mon 10:00 → Tue 16:00 = 30 h.
        Report(d, "2026-05-25 10:00", "W8", "single", "K-40");
        d.On("2026-05-25 10:00", async () =>
        {
            var k40 = await d.GetAsync("/devices/K-40/warranty?policy=cn-000-kiosk");
            Assert.Equal((false, "2026-02-28"), ((bool)k40["isCovered"]!, (string)k40["lastCoveredDay"]!));
            Assert.True((bool)(await d.GetAsync("/tickets/W8"))["isBillable"]!);
        });
        d.Steps("W8",
            ("2026-05-25 10:05", "acknowledge", null),
            ("2026-05-25 10:10", "start-remote-diagnosis", null),
            ("2026-05-25 11:00", "deliver-repair-plan", Body("""{"note":"更换打印头,报价 Q-8"}""")));
        d.On("2026-05-25 11:05", async () =>
        {
            var refused = await d.PostAsync("/tickets/W8/quotes", Body($$"""
                {"id":"Q-8","priceListId":"{{Contract}}","lines":[{"kind":"Part","partNumber":"PRN-HEAD","unitPrice":900}]}
                """), HttpStatusCode.BadRequest);
            Assert.NotNull(refused["errors"]!["lines[0].unitPrice"]);
            var quote = await d.PostAsync("/tickets/W8/quotes", Body($$"""
                {"id":"Q-8","priceListId":"{{Contract}}",
                 "lines":[{"kind":"Part","partNumber":"PRN-HEAD","unitPrice":650},{"kind":"OnSiteVisit","unitPrice":200},{"kind":"PhoneSupport","unitPrice":0}]}
                """), HttpStatusCode.Created);
            Assert.Equal(850m, (decimal)quote["total"]!);
        });
        d.Steps("W8",
            ("2026-05-26 14:00", "dispatch", Body("""{"engineer":"E-Qian"}""")),
            ("2026-05-26 15:00", "arrive-on-site", null));
        d.On("2026-05-26 15:10", () => d.PostAsync("/tickets/W8/replace-parts", Body("""{"oldPartNumber":"PRN-HEAD","newPartNumber":"PRN-HEAD","signedBy":"网点主任"}"""), HttpStatusCode.Conflict));
        d.Steps("W8",
            ("2026-05-26 15:15", "accept-quote", Body("""{"quoteId":"Q-8","acceptedBy":"网点主任"}""")),
            ("2026-05-26 15:30", "replace-parts", Body("""{"oldPartNumber":"PRN-HEAD","oldSerialNumber":"PH-OLD-40","newPartNumber":"PRN-HEAD","newSerialNumber":"PH-0001","signedBy":"网点主任"}""")),
            ("2026-05-26 16:00", "resolve", Body("""{"resolution":"更换打印头"}""")));
        Issue(d, "PRN-HEAD", "W8", "2026-05-26 15:20");
        d.Check("2026-05-26 16:00", async () => Assert.Equal(["repair-plan#1 Met 2026-05-25 16:00", "resolved#1 Met 2026-05-27 10:00"], Sorted(await d.ClockLinesAsync("W8"))));
        Close(d, "W8", "2026-05-26 16:10", rating: 4);

        // C-2 about E-Zhao on W1, Wed 05-27 10:00, confirmed Thu 05-28 10:00.
        d.FileComplaint("2026-05-27 10:00", "C-2", "W1", "E-Zhao", "服务态度差");
        d.ComplaintSteps("C-2", ("2026-05-27 10:30", "first-reply", null), ("2026-05-28 10:00", "verification", """{"engineerResponsible":true}"""));

        // May's run, once the month has ended: print heads on hand 2 − 1 (W8) = 1, the target is 5 % of
        // 40 = 2 → order 1; whole units 2 on hand, target 2 → nothing (R-SP-3). The order arrives Mon 06-01.
        d.Check("2026-06-01 08:00", async () => Assert.Equal(["CS-HZ PRN-HEAD 1 (on hand 1, target 2)"], await Replenish(d, "2026-05")));
        d.On("2026-06-01 09:00", () => Receive(d, "PRN-HEAD", 1));

        // The May ledgers (R-CP-2): E-Zhao has 2 confirmed complaints (C-1 verified 05-14, C-2 05-28)
        // → 2 × 500 = 1 000 fined; 2 in the year so far, under the 3 that mean dismissal.
        d.Check("2026-06-01 09:00", async () =>
        {
            var mayZhao = await d.GetAsync("/engineers/E-Zhao/ledgers/2026-05");
            Assert.Equal((2, 1000m, false), ((int)mayZhao["complaintsInMonth"]!, (decimal)mayZhao["fines"]!, (bool)mayZhao["dismissalDue"]!));
        });

        // C-4 about E-Qian, Tue 06-02 10:00: verified 06-03, not the engineer's fault → no fine.
        d.FileComplaint("2026-06-02 10:00", "C-4", "W3", "E-Qian", "维修后仍有异响");
        d.ComplaintSteps("C-4", ("2026-06-02 10:20", "first-reply", null), ("2026-06-03 10:00", "verification", """{"engineerResponsible":false}"""));

        // ---- W4, severe on a Saturday, re-opened in observation (R-WO-4) ------------------------------
        // Cycle 1, reported Sat 06-06 09:00: on site 2 h → 11:00 (10:45: Met); running 4 h after
        // arrival → 14:45 (12:00: Met); normal 1 day after arrival → Sun 06-07 10:45 (13:00: Met).
        // Recurred Mon 06-08 09:00: cycle 2 restarts the restore and resolve clocks (on-site arrival
        // does not restart), counted from the new arrival 10:30: running → 14:30 (12:00: Met),
        // normal → Tue 06-09 10:30 (15:00: Met). Down 09:00 → 12:00 twice = 6 h.
        Report(d, "2026-06-06 09:00", "W4", "severe", "K-04");
        OnSite(d, "W4", "E-Qian", "2026-06-06 09:05", "2026-06-06 10:45", "2026-06-06 12:00", "2026-06-06 13:00");
        d.Steps("W4",
            ("2026-06-06 13:30", "start-observation", null),
            ("2026-06-08 09:00", "reopen", Body("""{"reason":"屏幕再次黑屏"}""")),
            ("2026-06-08 09:10", "dispatch", Body("""{"engineer":"E-Qian"}""")),
            ("2026-06-08 10:30", "arrive-on-site", null),
            ("2026-06-08 12:00", "restore-service", null),
            ("2026-06-08 15:00", "resolve", Body("""{"resolution":"更换显示屏排线"}""")));
        d.Check("2026-06-08 15:00", async () => Assert.Equal(
            ["on-site-arrival#1 Met 2026-06-06 11:00", "resolved#1 Met 2026-06-07 10:45", "resolved#2 Met 2026-06-09 10:30", "service-restored#1 Met 2026-06-06 14:45", "service-restored#2 Met 2026-06-08 14:30"],
            Sorted(await d.ClockLinesAsync("W4"))));
        Close(d, "W4", "2026-06-08 15:10", rating: 4);

        // ---- W6, a terminal fault late on Friday: both clocks breached on purpose ---------------------
        // Reported Fri 06-12 16:00. Repair plan 6 h → Fri 22:00; delivered Sat 10:00: MetLate.
        // Repaired in 2 working days → Mon 06-15 (1), Tue 06-16 (2) → Tue 16:00; at Tue 17:00 the
        // clock shows Breached; resolved on site Wed 06-17 10:00: MetLate. Down Fri 16:00 → Wed
        // 10:00 = 4 d 18 h = 114 h. The print head comes from the centre's stock.
        Report(d, "2026-06-12 16:00", "W6", "single", "K-06");
        d.Steps("W6",
            ("2026-06-12 16:05", "acknowledge", null),
            ("2026-06-12 16:10", "start-remote-diagnosis", null),
            ("2026-06-13 10:00", "deliver-repair-plan", Body("""{"note":"需上门更换打印头"}""")));
        d.Check("2026-06-16 17:00", async () => Assert.Equal(["repair-plan#1 MetLate 2026-06-12 22:00", "resolved#1 Breached 2026-06-16 16:00"], Sorted(await d.ClockLinesAsync("W6"))));
        d.Steps("W6",
            ("2026-06-17 08:00", "dispatch", Body("""{"engineer":"E-Zhao"}""")),
            ("2026-06-17 09:00", "arrive-on-site", null),
            ("2026-06-17 09:30", "replace-parts", Body("""{"oldPartNumber":"PRN-HEAD","newPartNumber":"PRN-HEAD","newSerialNumber":"PH-0002","signedBy":"网点主任"}""")),
            ("2026-06-17 10:00", "resolve", Body("""{"resolution":"更换打印头"}""")));
        Issue(d, "PRN-HEAD", "W6", "2026-06-17 10:05");
        d.Check("2026-06-17 10:05", async () => Assert.Equal(["repair-plan#1 MetLate 2026-06-12 22:00", "resolved#1 MetLate 2026-06-16 16:00"], Sorted(await d.ClockLinesAsync("W6"))));
        Close(d, "W6", "2026-06-17 10:10", rating: 3);

        // C-3, the third confirmed complaint about E-Zhao, filed Thu 06-18 17:00 — the eve of the
        // Dragon Boat holiday (Fri 06-19 – Sun 06-21). First reply in 2 business hours: 17:00–18:00
        // is one, the next opens Mon 06-22 09:00 → due 10:00; replied 11:00: MetLate. Verification
        // in 2 working days → Mon 06-22 (1), Tue 06-23 (2) → Tue 17:00; verified Tue 10:00: Met.
        // Formal answer and closing in 5 working days → Mon, Tue, Wed, Thu, Fri → Fri 06-26 17:00;
        // neither happens, so at the quarter's end both are Breached: the clock was left to run.
        d.FileComplaint("2026-06-18 17:00", "C-3", "W6", "E-Zhao", "维修拖延");
        d.ComplaintSteps("C-3", ("2026-06-22 11:00", "first-reply", null), ("2026-06-23 10:00", "verification", """{"engineerResponsible":true}"""));

        // The year's inspection of K-01 and K-02, every item fine, signed by the branch (R-IN-3).
        d.On("2026-06-24 10:00", async () =>
        {
            var items = (await d.GetAsync("/inspections/checklists"))["kiosk-000"]!["items"]!.AsArray().Select(i => (string)i!["code"]!).ToList();
            foreach (var (device, on) in new[] { ("K-01", "2026-06-24"), ("K-02", "2026-06-24") })
            {
                var record = await d.PostAsync("/inspections/records", new JsonObject
                {
                    ["device"] = device,
                    ["checklist"] = new JsonObject { ["preset"] = "kiosk-000" },
                    ["inspectedOn"] = on,
                    ["engineerId"] = "E-Qian",
                    ["results"] = new JsonArray([.. items.Select(code => (JsonNode)new JsonObject { ["item"] = code, ["outcome"] = "Ok" })]),
                    ["signedBy"] = "网点主任",
                }, HttpStatusCode.Created);
                Assert.True((bool)record["countsAsDone"]!);
            }
        });

        // Callbacks (回访) on the in-warranty orders: reached for W1, W2, W3, W5, W6; W7's customer
        // not reached; none for W4. W8 was paid work, so it owes none.
        d.On("2026-06-25 10:00", async () =>
        {
            foreach (var (id, reached) in new[] { ("W1", true), ("W2", true), ("W3", true), ("W5", true), ("W6", true), ("W7", false) })
            {
                await d.PostAsync($"/tickets/{id}/callbacks", new JsonObject { ["calledBy"] = "客服小王", ["reached"] = reached }, HttpStatusCode.Created);
            }
        });

        // ---- W9, severe on the quarter's last evening, not reached by the end -------------------------
        // Reported Tue 06-30 20:00: on site 2 h → 22:00, nobody there by midnight: Breached in the
        // report. Restore and resolve count from an arrival that has not happened: not started.
        // Down 20:00 → the quarter's end 24:00 = 4 h.
        Report(d, "2026-06-30 20:00", "W9", "severe", "K-08");
        d.Steps("W9", ("2026-06-30 20:05", "acknowledge", null), ("2026-06-30 20:10", "start-remote-diagnosis", null));

        d.Check("2026-06-30 23:00", async () => Assert.Equal(
            ["complaint-closing Breached 2026-06-26 17:00", "complaint-first-reply MetLate 2026-06-22 10:00", "complaint-formal-answer Breached 2026-06-26 17:00", "complaint-verification Met 2026-06-23 17:00"],
            ComplaintClocks(await d.GetAsync("/complaints/C-3"))));

        await d.RunAsync();

        // June ledgers: E-Zhao's C-3 confirmed 06-23 → 500; with C-1 and C-2 that is the third in the
        // year → dismissal due (R-CP-2). E-Qian's C-4 was not his fault → no fine.
        d.At("2026-07-01 09:00");

        // June's run, the month ended: print heads 2 − 1 (W6) = 1 → order 1 again; units untouched.
        Assert.Equal(["CS-HZ PRN-HEAD 1 (on hand 1, target 2)"], await Replenish(d, "2026-06"));

        var june = await d.GetAsync("/engineers/ledgers/2026-06");
        var zhao = june["ledgers"]!.AsArray().Single(l => (string)l!["engineerId"]! == "E-Zhao")!;
        Assert.Equal((1, 3, 500m, true), ((int)zhao["complaintsInMonth"]!, (int)zhao["complaintsInDismissalWindow"]!, (decimal)zhao["fines"]!, (bool)zhao["dismissalDue"]!));
        var qian = await d.GetAsync("/engineers/E-Qian/ledgers/2026-06");
        Assert.Equal((0, 0m), ((int)qian["complaintsInMonth"]!, (decimal)qian["fines"]!));

        // ---- The quarterly report (R-RP-1), read on Wed 07-01 09:00 --------------------------------------
        var report = await d.GetAsync("/reports/quarterly/2026/2");
        Assert.False((bool)report["partial"]!);
        Assert.Equal("某银行省分行", (string)report["customer"]!);

        // Nine fault orders (W10 was a cancelled duplicate, no fault of its own); major faults are the
        // scale's most severe level, 系统瘫痪: W1, W2 (not W10: one outage is one fault). By severity:
        // down W1 W2; severe W3 W4 W7 (re-graded) W9; single W5 W6 W8.
        Assert.Equal((9, 2), ((int)report["workOrders"]!, (int)report["majorFaults"]!));
        Assert.Equal(["down 2", "severe 4", "single 3"], report["faultsBySeverity"]!.AsArray().Select(s => $"{s!["code"]} {s["count"]}"));

        // Clocks (met / late / breached): W1 3/0/0, W2 1/2/0, W3 3/0/0, W4 5/0/0 (two cycles), W5 2/0/0,
        // W6 0/2/0, W7 3/0/0, W8 2/0/0, W9 0/0/1 → 19 met of 24 = 79.17 %, under the 95 % target.
        var overall = report["overallOnTime"]!;
        Assert.Equal((19, 4, 1), ((int)overall["met"]!, (int)overall["metLate"]!, (int)overall["breached"]!));
        Assert.Equal(0.7917m, Math.Round((decimal)overall["rate"]!, 4));
        // By metric: arrival W1 W3 W4 W7 met, W2 late, W9 breached → 4/1/1; restoration W1 W2 W3 W4×2
        // W7 → 6/0/0; resolution W1 W3 W4×2 W5 W7 W8 met, W2 W6 late → 7/2/0; repair plan W5 W8 met,
        // W6 late → 2/1/0.
        Assert.Equal(
            ["on-site-arrival 4/1/1", "repair-plan 2/1/0", "resolved 7/2/0", "service-restored 6/0/0"],
            report["onTime"]!.AsArray().Where(o => o!["severityCode"] is null).Select(o => $"{o!["metric"]} {o["met"]}/{o["metLate"]}/{o["breached"]}").Order(StringComparer.Ordinal));

        // Availability over the quarter, 91 days = 2 184 h = 7 862 400 s, for each of the 40 kiosks.
        // Down: K-01 2 h 20 min, K-02 3 h, K-03 4 h, K-04 6 h, K-05 116 h, K-06 114 h, K-07 4 h,
        // K-08 4 h, K-40 30 h; the other 31 none. Sum 283 h 20 min = 1 020 000 s; the mean
        // availability is 1 − 1 020 000 / (40 × 7 862 400) = 1 − 0.0032433 = 0.99676.
        var devices = report["availability"]!["devices"]!.AsArray();
        Assert.Equal(40, devices.Count);
        Assert.Equal(
            ["K-01 PT2H20M", "K-02 PT3H", "K-03 PT4H", "K-04 PT6H", "K-05 PT116H", "K-06 PT114H", "K-07 PT4H", "K-08 PT4H", "K-40 PT30H"],
            devices.Where(x => (string)x!["downtime"]! != "PT0S").Select(x => $"{x!["serialNumber"]} {x["downtime"]}"));
        Assert.All(devices, x => Assert.Equal("PT2184H", (string)x!["measured"]!));
        Assert.Equal(0.99676m, Math.Round((decimal)report["availability"]!["mean"]!, 5));

        // Satisfaction: ratings W1 5, W2 2, W3 4, W4 4, W5 5, W6 3, W7 5, W8 4; 4 or 5 is satisfied →
        // 6 of 8 = 75 %. Callbacks: due on the 7 in-warranty orders resolved in the quarter (W1–W7),
        // reached on 5 → 71.43 %.
        Assert.Equal((6, 8, 0.75m), ((int)report["satisfaction"]!["count"]!, (int)report["satisfaction"]!["total"]!, (decimal)report["satisfaction"]!["rate"]!));
        Assert.Equal((5, 7), ((int)report["callbacks"]!["count"]!, (int)report["callbacks"]!["total"]!));

        // Targets: on time 79.17 % < 95 % missed; availability 99.68 % ≥ 99 % met; satisfaction 75 % <
        // 90 % missed; callbacks 71.43 % < 100 % missed.
        Assert.Equal(
            ["availability true", "callback false", "on-time false", "satisfaction false"],
            report["targets"]!.AsArray().Select(t => $"{t!["code"]} {t["met"]}").Order(StringComparer.Ordinal));

        // Every order was answered 5 minutes after its report: the mean time to respond is 5 min.
        var respond = report["durations"]!.AsArray().Single(x => (string)x!["code"]! == "respond")!;
        Assert.Equal((9, "PT5M"), ((int)respond["count"]!, (string)respond["meanElapsed"]!));

        // Parts used: two print heads (W8, W6).
        Assert.Equal(["PRN-HEAD 2"], report["partTypes"]!.AsArray().Select(p => $"{p!["partType"]} {p["count"]}"));

        // The audit CSV lists the ten orders behind the figures; W10, the cancelled duplicate, is there
        // with reported_in_period 0, so the column adds up to the nine fault work orders.
        var csv = (await d.GetTextAsync("/reports/quarterly/2026/2?format=csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var counted = Array.IndexOf(csv[0].Split(','), "reported_in_period");
        Assert.Equal(11, csv.Length);
        Assert.Equal(9, csv.Skip(1).Sum(row => int.Parse(row.Split(',')[counted], System.Globalization.CultureInfo.InvariantCulture)));

        // The printable report names the customer and the severities by name, not by code.
        var html = await d.GetTextAsync("/reports/quarterly/2026/2?format=html");
        Assert.Contains("某银行省分行", html, StringComparison.Ordinal);
        Assert.Contains("系统瘫痪", html, StringComparison.Ordinal);
        Assert.Contains("某银行省分行", await d.GetTextAsync("/reports/quarterly/2026/2?format=markdown"), StringComparison.Ordinal);

        // Inspections at the quarter's end: K-01 and K-02 done, the other 38 open until 2026-12-31.
        var due = (await d.GetAsync("/inspections/due")).AsArray();
        Assert.Equal(["Done 2", "Open 38"], due.GroupBy(x => (string)x!["status"]!).Select(g => $"{g.Key} {g.Count()}").Order(StringComparer.Ordinal));
        Assert.All(due, x => Assert.Equal("2026-12-31", (string)x!["dueOn"]!));
    }

    private static void Report(ScenarioDriver d, string local, string id, string severity, string device) =>
        d.On(local, () => d.ReportAsync(id, Policy, severity, device));

    /// <summary>The usual on-site way: answer, remote diagnosis first (R-WO-2), dispatch, arrive, restore, resolve.</summary>
    private static void OnSite(ScenarioDriver d, string id, string engineer, string acknowledged, string arrived, string restored, string resolved) =>
        d.Steps(id,
            (acknowledged, "acknowledge", null),
            (Later(acknowledged, 5), "start-remote-diagnosis", null),
            (Later(acknowledged, 10), "dispatch", new JsonObject { ["engineer"] = engineer }),
            (arrived, "arrive-on-site", null),
            (restored, "restore-service", null),
            (resolved, "resolve", Body("""{"resolution":"已修复"}""")));

    /// <summary>Observation (this plan names no length), the customer's signed report with a rating, close.</summary>
    private static void Close(ScenarioDriver d, string id, string local, int rating, string? comment = null) =>
        d.Steps(id,
            (local, "start-observation", null),
            (Later(local, 5), "sign-off", new JsonObject { ["signer"] = "网点主任", ["satisfaction"] = rating, ["comment"] = comment }),
            (Later(local, 10), "close", null));

    private static Task<JsonNode> Receive(ScenarioDriver d, string part, int quantity) =>
        d.PostAsync($"/spares/CS-HZ/{part}/movements", new JsonObject { ["kind"] = "Received", ["quantity"] = quantity, ["by"] = "库管老陈" });

    private static void Issue(ScenarioDriver d, string part, string workOrder, string local) =>
        d.On(local, () => d.PostAsync($"/spares/CS-HZ/{part}/movements", new JsonObject { ["kind"] = "IssuedToWorkOrder", ["quantity"] = 1, ["by"] = "库管老陈", ["workOrderId"] = workOrder }));

    private static Task<JsonNode> Kiosk(ScenarioDriver d, string serial, string acceptedOn) =>
        d.RegisterDeviceAsync(serial, "hardware", "cn-000-kiosk", acceptedOn: acceptedOn, contractId: Contract, centreId: "CS-HZ", model: "KIOSK-UNIT");

    /// <summary>
    /// The month's replenishment run (R-SP-3) from the stored ledgers and the registry's installed
    /// base, and the centre's orders it stored. The registry counts whole units by model (40
    /// KIOSK-UNIT at CS-HZ → 5 % = 2); a print head is a part of the kiosk, not a registered model,
    /// so its installed base there is 0 and the plan's "2 print heads" is the run's minimum of 2 per
    /// part type (it changes no target of the whole units: max(2, 2) = 2).
    /// </summary>
    private static async Task<string[]> Replenish(ScenarioDriver d, string month)
    {
        await d.PostAsync($"/spares/replenishment-runs/{month}", Body("""{"ratio":0.05,"minimum":2}"""), HttpStatusCode.Created);
        var orders = await d.GetAsync($"/spares/replenishment-runs/{month}/centres/CS-HZ/orders");
        return [.. orders["items"]!.AsArray().Select(o => $"{o!["centreId"]} {o["partNumber"]} {o["quantity"]} (on hand {o["onHand"]}, target {o["target"]})")];
    }
}
