using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Http.Tests.Support;
using static AfterSales.Http.Tests.Scenarios.ScenarioDriver;

namespace AfterSales.Http.Tests.Scenarios;

/// <summary>
/// Seed 001, the assorted plans (多份售后服务承诺): one city's street lighting, solar water heaters
/// and office equipment through the third quarter of 2025, each product under the plan the seed
/// gives it, over HTTP only (R-SLA-6): lighting — city sites within 2 h, outside within 4 h, repaired
/// within 8 h, a loaner when it cannot be repaired within 12 h; solar heaters — on site within 4 h,
/// solved within 24 h; equipment — a response within 2 h and on site within 4 h when remote fails,
/// or a solution within 2 h. Warranty (R-WAR-1/2): lighting 2 years from the acceptance
/// certificate, a heater's main unit 3 years but its pipes and electrics 1, equipment 1 year from
/// the day after acceptance; the warranty is checked first and paid work quoted (R-WO-1, R-WO-7).
/// Inspections quarterly per product and in the last 3 months before the warranty ends (R-IN-1/2);
/// targets: 100 % callbacks of in-warranty customers, ≥ 98 % satisfaction, ≥ 98 % correct parts
/// shipments (R-RP-3). Every expected figure is worked out by hand in the comments.
/// </summary>
public sealed class Seed001AssortedPlansScenario
{
    private const string Lighting = "cn-001-city-repair";
    private const string Solar = "cn-001-on-site-4h-solved-24h";

    // The heater contract: the id of its tendered price list.
    private const string HeaterContract = "city-001-heaters";

    [Fact]
    public Task Seed001AssortedPlans_QuarterOnSqlite_PlansWarrantiesShipmentsAndReportAsWorkedByHand() => Quarter(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Seed001AssortedPlans_QuarterOnPostgreSql_PlansWarrantiesShipmentsAndReportAsWorkedByHand() => Quarter(TestDatabase.PostgreSql);

    private static async Task Quarter(TestDatabase database)
    {
        using var d = new ScenarioDriver(database, "city-001");

        // ---- Contract start, Tue 2025-07-01 ------------------------------------------------------------
        d.At("2025-07-01 09:00");
        await d.PutAsync("/quality-terms", Body("""
            {"name":"市政设施维保 2025","customer":"某市城市管理局",
             "penalties":{"finePerConfirmedComplaint":0,"dismissalAtCount":1000,"dismissalWindow":"month"},
             "targets":{"satisfactionRate":0.98,"callbackRate":1,"partsShipmentAccuracy":0.98}}
            """));

        // Six street lights with acceptance certificates of 2023-10-15: 2 years → last covered day
        // 2025-10-14, then 24 months of latent-defect warranty → 2027-10-14 (R-WAR-4).
        for (var i = 1; i <= 6; i++)
        {
            await d.RegisterDeviceAsync($"L-{i:D2}", "hardware", "cn-001-lighting", acceptedOn: "2023-10-15");
        }

        var light = await d.GetAsync("/devices/L-01/warranty?policy=cn-001-lighting");
        Assert.Equal((true, "2025-10-14", "2027-10-14"), ((bool)light["isCovered"]!, (string)light["lastCoveredDay"]!, (string)light["latentDefectLastDay"]!));

        // A heater accepted 2024-05-01: the main unit 3 years (to 2027-04-30), its pipes and electrics
        // 1 year (to 2025-04-30, so out of warranty this quarter).
        // Its paid repairs are quoted from the heater contract's tendered price list (R-WAR-8).
        await d.RegisterDeviceAsync("H-01", "main-unit", "cn-001-solar", acceptedOn: "2024-05-01", contractId: HeaterContract);
        await d.RegisterDeviceAsync("H-01-PIPE", "pipes-electrics", "cn-001-solar", acceptedOn: "2024-05-01", contractId: HeaterContract);
        await d.PutAsync($"/price-lists/{HeaterContract}", Body("""{"parts":[{"partNumber":"PIPE-KIT","maxUnitPrice":300}]}"""), HttpStatusCode.Created);
        var pipes = await d.GetAsync("/devices/H-01-PIPE/warranty?policy=cn-001-solar");
        Assert.Equal((false, "2025-04-30"), ((bool)pipes["isCovered"]!, (string)pipes["lastCoveredDay"]!));
        Assert.Equal("2027-04-30", (string)(await d.GetAsync("/devices/H-01/warranty?policy=cn-001-solar"))["lastCoveredDay"]!);

        // Two office machines accepted 2024-09-10: one year from the next day, 2024-09-11 → last
        // covered day 2025-09-10; on 2025-09-11 the warranty has ended.
        await d.RegisterDeviceAsync("Q-01", "hardware", "cn-001-equipment", acceptedOn: "2024-09-10");
        await d.RegisterDeviceAsync("Q-02", "hardware", "cn-001-equipment", acceptedOn: "2024-09-10");
        Assert.True((bool)(await d.GetAsync("/devices/Q-01/warranty?policy=cn-001-equipment&on=2025-09-10"))["isCovered"]!);
        Assert.False((bool)(await d.GetAsync("/devices/Q-01/warranty?policy=cn-001-equipment&on=2025-09-11"))["isCovered"]!);

        // Inspections: every light each quarter from 2025-07-01, and once more in the last 3 months
        // before its warranty ends (R-IN-2): 2025-07-15 … 2025-10-14.
        var lights = new JsonArray([.. Enumerable.Range(1, 6).Select(i => (JsonNode)$"L-{i:D2}")]);
        await d.PutAsync("/inspections/plans/light-quarterly", new JsonObject
        {
            ["checklist"] = LightingChecklist(), ["recurrence"] = "quarterly", ["startsOn"] = "2025-07-01", ["devices"] = lights.DeepClone(),
        }, HttpStatusCode.Created);
        await d.PutAsync("/inspections/plans/light-pre-expiry", new JsonObject
        {
            ["checklist"] = LightingChecklist(), ["preExpiryMonths"] = 3, ["warrantyPolicy"] = "cn-001-lighting", ["devices"] = lights.DeepClone(),
        }, HttpStatusCode.Created);

        // ---- G1, a city street light out on a Friday night -----------------------------------------------
        // Reported Fri 07-04 20:00: on site (city) 2 h → 22:00 (21:30: Met); repaired 8 h → Sat 04:00
        // (02:00: Met); the loaner (12 h → Sat 08:00) is waived by the repair within 12 h. New original
        // driver shipped as ordered. Down 20:00 → 02:00 = 6 h.
        Report(d, "2025-07-04 20:00", "G1", Lighting, "L-01");
        d.Check("2025-07-04 20:00", async () => Assert.Equal(
            ["loaner#1 Running 2025-07-05 08:00", "on-site-arrival#1 Running 2025-07-04 22:00", "resolved#1 Running 2025-07-05 04:00"],
            Sorted(await d.ClockLinesAsync("G1"))));
        d.Steps("G1",
            ("2025-07-04 20:10", "acknowledge", null),
            ("2025-07-04 20:15", "start-remote-diagnosis", null),
            ("2025-07-04 20:30", "dispatch", Body("""{"engineer":"E-Lin"}""")),
            ("2025-07-04 21:30", "arrive-on-site", null),
            ("2025-07-05 01:30", "replace-parts", Body("""{"oldPartNumber":"LED-DRV","newPartNumber":"LED-DRV","signedBy":"路灯所值班员"}""")),
            ("2025-07-05 02:00", "resolve", Body("""{"resolution":"更换LED驱动电源"}""")));
        Shipment(d, "2025-07-05 01:00", "G1", "LED-DRV", "LED-DRV");
        d.Check("2025-07-05 02:00", async () => Assert.Equal(
            ["loaner#1 Waived 2025-07-05 08:00", "on-site-arrival#1 Met 2025-07-04 22:00", "resolved#1 Met 2025-07-05 04:00"],
            Sorted(await d.ClockLinesAsync("G1"))));
        Close(d, "G1", "2025-07-05 02:10", 5);

        // ---- G2, a light outside the city that cannot be repaired the same day --------------------------
        // Reported Mon 07-14 09:00: on site (outside) 4 h → 13:00 (12:00: Met); repair 8 h → 17:00,
        // missed: at 18:00 the clock shows Breached; the loaner is owed by 21:00 (12 h), provided 20:00:
        // Met, and the street lit again on it 20:30. The wrong lamp was shipped first (150 W ordered,
        // 100 W sent), the right one next. Repaired Tue 07-15 15:00: MetLate. Down 09:00 → 20:30 = 11 h 30.
        Report(d, "2025-07-14 09:00", "G2", Lighting, "L-02", locality: "NonLocal");
        d.Steps("G2",
            ("2025-07-14 09:10", "acknowledge", null),
            ("2025-07-14 09:15", "start-remote-diagnosis", null),
            ("2025-07-14 09:30", "dispatch", Body("""{"engineer":"E-Lin"}""")),
            ("2025-07-14 12:00", "arrive-on-site", null));
        Shipment(d, "2025-07-14 13:00", "G2", "LAMP-150W", "LAMP-100W");
        d.Check("2025-07-14 18:00", async () => Assert.Contains("resolved#1 Breached 2025-07-14 17:00", await d.ClockLinesAsync("G2")));
        d.Steps("G2",
            ("2025-07-14 20:00", "provide-loaner", Body("""{"note":"临时灯具"}""")),
            ("2025-07-14 20:30", "restore-service", null));
        Shipment(d, "2025-07-15 09:00", "G2", "LAMP-150W", "LAMP-150W");
        d.Steps("G2",
            ("2025-07-15 14:00", "replace-parts", Body("""{"oldPartNumber":"LAMP-150W","newPartNumber":"LAMP-150W","signedBy":"乡镇路灯管理员"}""")),
            ("2025-07-15 15:00", "resolve", Body("""{"resolution":"更换灯具"}""")));
        d.Check("2025-07-15 15:00", async () => Assert.Equal(
            ["loaner#1 Met 2025-07-14 21:00", "on-site-arrival#1 Met 2025-07-14 13:00", "resolved#1 MetLate 2025-07-14 17:00"],
            Sorted(await d.ClockLinesAsync("G2"))));
        Close(d, "G2", "2025-07-15 15:10", 4);

        // ---- G3, a heater's main unit on a Saturday ---------------------------------------------------------
        // Reported Sat 08-09 10:00: on site 4 h → 14:00 (13:00: Met); solved 24 h → Sun 08-10 10:00
        // (Sat 18:00: Met). Down 10:00 → 18:00 = 8 h.
        Report(d, "2025-08-09 10:00", "G3", Solar, "H-01");
        d.Steps("G3",
            ("2025-08-09 10:10", "acknowledge", null),
            ("2025-08-09 10:20", "start-remote-diagnosis", null),
            ("2025-08-09 11:00", "dispatch", Body("""{"engineer":"E-Gao"}""")),
            ("2025-08-09 13:00", "arrive-on-site", null),
            ("2025-08-09 17:00", "replace-parts", Body("""{"oldPartNumber":"TUBE-58","newPartNumber":"TUBE-58","signedBy":"住户陈先生"}""")),
            ("2025-08-09 18:00", "resolve", Body("""{"resolution":"更换集热管"}""")));
        Shipment(d, "2025-08-09 12:00", "G3", "TUBE-58", "TUBE-58");
        d.Check("2025-08-09 18:00", async () => Assert.Equal(["on-site-arrival#1 Met 2025-08-09 14:00", "resolved#1 Met 2025-08-10 10:00"], Sorted(await d.ClockLinesAsync("G3"))));
        Close(d, "G3", "2025-08-09 18:10", 5);

        // ---- G4, the same heater's pipes, out of warranty: quoted and accepted first (R-WO-7) -------------
        // Reported Mon 08-18 09:00: on site → 13:00 (11:00: Met); solved 24 h → Tue 09:00 (Mon 16:00:
        // Met). Down 7 h. Paid work (the report's check finds the pipes out of warranty): no callback
        // owed. The plan names no prices: the kit is tendered at 300 here, quoted at cost 280 with a
        // 100 visit → 380.
        Report(d, "2025-08-18 09:00", "G4", Solar, "H-01-PIPE");
        d.Steps("G4",
            ("2025-08-18 09:10", "acknowledge", null),
            ("2025-08-18 09:20", "start-remote-diagnosis", null),
            ("2025-08-18 09:30", "dispatch", Body("""{"engineer":"E-Gao"}""")),
            ("2025-08-18 11:00", "arrive-on-site", null));
        d.On("2025-08-18 11:30", async () =>
        {
            var quote = await d.PostAsync("/tickets/G4/quotes", Body($$"""
                {"id":"Q-G4","priceListId":"{{HeaterContract}}","lines":[{"kind":"Part","partNumber":"PIPE-KIT","unitPrice":280},{"kind":"OnSiteVisit","unitPrice":100}]}
                """), HttpStatusCode.Created);
            Assert.Equal(380m, (decimal)quote["total"]!);
        });
        d.Steps("G4",
            ("2025-08-18 12:00", "accept-quote", Body("""{"quoteId":"Q-G4","acceptedBy":"住户陈先生"}""")),
            ("2025-08-18 15:00", "replace-parts", Body("""{"oldPartNumber":"PIPE-KIT","newPartNumber":"PIPE-KIT","signedBy":"住户陈先生"}""")),
            ("2025-08-18 16:00", "resolve", Body("""{"resolution":"更换管路配件"}""")));
        Shipment(d, "2025-08-18 13:00", "G4", "PIPE-KIT", "PIPE-KIT");
        Close(d, "G4", "2025-08-18 16:10", 5);

        // ---- G5, office equipment fixed remotely within the response promise -----------------------------
        // Reported Wed 09-03 10:00: response 2 h → 12:00 (11:00: Met); on site 4 h → 14:00, moot after
        // the remote fix 11:30: Waived. Down 1 h 30 min.
        Report(d, "2025-09-03 10:00", "G5", "cn-001-response-2h-on-site-4h", "Q-01");
        d.Check("2025-09-03 10:00", async () => Assert.False((bool)(await d.GetAsync("/tickets/G5"))["isBillable"]!));
        d.Steps("G5",
            ("2025-09-03 11:00", "acknowledge", null),
            ("2025-09-03 11:10", "start-remote-diagnosis", null),
            ("2025-09-03 11:30", "resolve-remotely", Body("""{"resolution":"远程重装驱动"}""")));
        d.Check("2025-09-03 11:30", async () => Assert.Equal(["first-response#1 Met 2025-09-03 12:00", "on-site-arrival#1 Waived 2025-09-03 14:00"], Sorted(await d.ClockLinesAsync("G5"))));
        Close(d, "G5", "2025-09-03 11:40", 5);

        // ---- G6, a solution within 2 h, given late ------------------------------------------------------------
        // Reported Fri 09-26 16:00: solution 2 h → 18:00, given 19:00: MetLate; fixed remotely Sat 10:00.
        // Down 18 h. Q-02's warranty ended 09-10, so the report's check marks G6 billable (R-WO-1):
        // paid work, no callback owed.
        Report(d, "2025-09-26 16:00", "G6", "cn-001-solution-2h", "Q-02");
        d.Check("2025-09-26 16:00", async () => Assert.True((bool)(await d.GetAsync("/tickets/G6"))["isBillable"]!));
        d.Steps("G6",
            ("2025-09-26 16:05", "acknowledge", null),
            ("2025-09-26 16:10", "start-remote-diagnosis", null),
            ("2025-09-26 19:00", "deliver-repair-plan", Body("""{"note":"更换网卡驱动"}""")),
            ("2025-09-27 10:00", "resolve-remotely", Body("""{"resolution":"远程更换驱动"}""")));
        d.Check("2025-09-27 10:00", async () => Assert.Equal(["repair-plan#1 MetLate 2025-09-26 18:00"], await d.ClockLinesAsync("G6")));
        Close(d, "G6", "2025-09-27 10:10", 3);

        // Callbacks to every in-warranty customer (100 % promised): G1, G2, G3, G5, all reached.
        d.On("2025-09-29 10:00", async () =>
        {
            foreach (var id in new[] { "G1", "G2", "G3", "G5" })
            {
                await d.PostAsync($"/tickets/{id}/callbacks", Body("""{"calledBy":"客服中心","reached":true}"""), HttpStatusCode.Created);
            }
        });

        // Lights L-01 … L-04 inspected on 08-20 (inside both the Q3 window and the pre-expiry window).
        d.On("2025-08-20 16:00", async () =>
        {
            for (var i = 1; i <= 4; i++)
            {
                await d.PostAsync("/inspections/records", new JsonObject
                {
                    ["device"] = $"L-{i:D2}",
                    ["checklist"] = LightingChecklist(),
                    ["inspectedOn"] = "2025-08-20",
                    ["engineerId"] = "E-Lin",
                    ["results"] = new JsonArray(new JsonObject { ["item"] = "lamp", ["outcome"] = "Ok" }, new JsonObject { ["item"] = "driver", ["outcome"] = "Ok" }),
                    ["signedBy"] = "路灯所所长",
                }, HttpStatusCode.Created);
            }
        });

        await d.RunAsync();

        // ---- Read Wed 2025-10-01 09:00 --------------------------------------------------------------------
        d.At("2025-10-01 09:00");

        // Due list today: L-05 and L-06 missed Q3 (due 09-30, 1 day overdue); their pre-expiry inspection
        // is open until 10-14; Q4 is open for all six until 12-31; L-01 … L-04's pre-expiry is done.
        var due = (await d.GetAsync("/inspections/due")).AsArray().Select(x => $"{x!["plan"]} {x["device"]} {x["dueOn"]} {x["status"]} {x["daysOverdue"]}");
        Assert.Equal(
            [
                "light-quarterly L-05 2025-09-30 Overdue 1", "light-quarterly L-06 2025-09-30 Overdue 1",
                "light-pre-expiry L-05 2025-10-14 Open 0", "light-pre-expiry L-06 2025-10-14 Open 0",
                "light-quarterly L-01 2025-12-31 Open 0", "light-quarterly L-02 2025-12-31 Open 0", "light-quarterly L-03 2025-12-31 Open 0",
                "light-quarterly L-04 2025-12-31 Open 0", "light-quarterly L-05 2025-12-31 Open 0", "light-quarterly L-06 2025-12-31 Open 0",
                "light-pre-expiry L-01 2025-10-14 Done 0", "light-pre-expiry L-02 2025-10-14 Done 0", "light-pre-expiry L-03 2025-10-14 Done 0", "light-pre-expiry L-04 2025-10-14 Done 0",
            ],
            due);

        var report = await d.GetAsync("/reports/quarterly/2025/3");
        Assert.False((bool)report["partial"]!);
        Assert.Equal((6, 6), ((int)report["workOrders"]!, (int)report["majorFaults"]!));

        // Met / late: G1 2/0 (loaner waived), G2 2/1, G3 2/0, G4 2/0, G5 1/0 (visit waived), G6 0/1 →
        // 9 met of 11 = 81.82 %.
        var overall = report["overallOnTime"]!;
        Assert.Equal((9, 2, 0), ((int)overall["met"]!, (int)overall["metLate"]!, (int)overall["breached"]!));
        Assert.Equal(
            ["first-response 1/0/0", "loaner 1/0/0", "on-site-arrival 4/0/0", "repair-plan 0/1/0", "resolved 3/1/0"],
            report["onTime"]!.AsArray().Where(o => o!["severityCode"] is null).Select(o => $"{o!["metric"]} {o["met"]}/{o["metLate"]}/{o["breached"]}").Order(StringComparer.Ordinal));

        // R-RP-3: callbacks 4 of 4 in-warranty orders = 100 % (met) — G6 was 5 of 5 before the report's
        // warranty check found Q-02 out of warranty (G6 billable, no callback owed); satisfaction G1 5,
        // G2 4, G3 5, G4 5, G5 5, G6 3 → 5 of 6 = 83.33 % < 98 % (missed); shipments 4 correct of 5 = 80 %
        // < 98 % (missed).
        Assert.Equal((4, 4), ((int)report["callbacks"]!["count"]!, (int)report["callbacks"]!["total"]!));
        Assert.Equal((5, 6), ((int)report["satisfaction"]!["count"]!, (int)report["satisfaction"]!["total"]!));
        Assert.Equal((4, 5, 0.8m), ((int)report["partsShipments"]!["count"]!, (int)report["partsShipments"]!["total"]!, (decimal)report["partsShipments"]!["rate"]!));
        Assert.Equal(
            ["callback true", "parts-accuracy false", "satisfaction false"],
            report["targets"]!.AsArray().Select(t => $"{t!["code"]} {t["met"]}").Order(StringComparer.Ordinal));

        // Availability over Q3 = 92 days = 7 948 800 s, ten devices: down L-01 6 h, L-02 11 h 30, H-01 8 h,
        // H-01-PIPE 7 h, Q-01 1 h 30, Q-02 18 h = 52 h = 187 200 s; mean 1 − 187 200 / (10 × 7 948 800)
        // = 1 − 0.0023551 = 0.99764.
        Assert.Equal(
            ["H-01 PT8H", "H-01-PIPE PT7H", "L-01 PT6H", "L-02 PT11H30M", "Q-01 PT1H30M", "Q-02 PT18H"],
            report["availability"]!["devices"]!.AsArray().Where(x => (string)x!["downtime"]! != "PT0S").Select(x => $"{x!["serialNumber"]} {x["downtime"]}"));
        Assert.Equal(0.99764m, Math.Round((decimal)report["availability"]!["mean"]!, 5));

        // Next quarter's plan lists the Q4 round of the six lights (the pre-expiry windows opened in Q3).
        Assert.Contains(report["nextQuarterPlan"]!.AsArray(), p => ((string)p!).Contains("L-01, L-02, L-03, L-04, L-05, L-06", StringComparison.Ordinal));
    }

    private static JsonObject LightingChecklist() => new()
    {
        ["deviceType"] = "street-light",
        ["nameZh"] = "路灯",
        ["nameEn"] = "Street light",
        ["items"] = new JsonArray(
            new JsonObject { ["code"] = "lamp", ["nameZh"] = "灯具", ["nameEn"] = "lamp" },
            new JsonObject { ["code"] = "driver", ["nameZh"] = "驱动电源", ["nameEn"] = "driver" }),
    };

    private static void Report(ScenarioDriver d, string local, string id, string policy, string device, string locality = "Local") =>
        d.On(local, () => d.ReportAsync(id, policy, "fault", device, locality: locality));

    private static void Shipment(ScenarioDriver d, string local, string workOrder, string ordered, string shipped) =>
        d.On(local, () => d.PostAsync($"/tickets/{workOrder}/shipments", new JsonObject { ["orderedPartNumber"] = ordered, ["shippedPartNumber"] = shipped }, HttpStatusCode.Created));

    /// <summary>The signed service report with a rating (R-WO-8), then close.</summary>
    private static void Close(ScenarioDriver d, string id, string local, int rating) =>
        d.Steps(id,
            (local, "start-observation", null),
            (Later(local, 5), "sign-off", new JsonObject { ["signer"] = "用户代表", ["satisfaction"] = rating }),
            (Later(local, 10), "close", null));
}
