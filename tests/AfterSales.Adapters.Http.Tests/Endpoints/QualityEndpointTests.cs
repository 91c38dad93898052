using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AfterSales.Http.Tests.Support;
using AfterSales.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.Http.Tests.Support.Api;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>The quality routes on the sample host: records against work orders, inspections, terms, ledgers, credits and the quarterly report.</summary>
public sealed class QualityEndpointTests
{
    [Fact]
    public Task QuarterlyReport_ConcurrentInserts_CountsEveryClassAOrderOnce_Sqlite() => ConsistentUnderInserts(TestDatabase.Sqlite);

    [PostgresFact]
    public Task QuarterlyReport_ConcurrentInserts_CountsEveryClassAOrderOnce_PostgreSql() => ConsistentUnderInserts(TestDatabase.PostgreSql);

    /// <summary>
    /// Regression: the report paged newest-first by offset, so work orders created while it ran shifted the
    /// pages and were counted again (5 001 class-A orders reported as 5 437). 1 100 class-A orders (more
    /// than one of the old 1 000-order pages) are in the quarter; while the report reads, a writer keeps
    /// adding class-B orders. The class-A count must be exactly 1 100 every time, and no order appears twice.
    /// </summary>
    private static async Task ConsistentUnderInserts(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");
        (await client.GetAsync($"{Prefix}/quality-terms")).EnsureSuccessStatusCode(); // starts the host
        var service = factory.Services.GetRequiredService<TicketService>();
        const int ClassA = 1100;
        for (var i = 0; i < ClassA; i++)
        {
            await service.ReportAsync(Report($"A-{i:D5}", "A"), "cn-002-system-integration");
        }

        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await service.ReportAsync(Report($"B-{Interlocked.Increment(ref written):D6}", "B"), "cn-002-system-integration");
            }
        });

        try
        {
            for (var run = 0; run < 3; run++)
            {
                var json = await (await client.GetAsync($"{Prefix}/reports/quarterly/2026/1")).JsonAsync(HttpStatusCode.OK);
                var classA = json["faultsBySeverity"]!.AsArray().Single(s => (string)s!["code"]! == "A")!;
                Assert.Equal(ClassA, (int)classA["count"]!);
                Assert.Equal("A类问题", (string)classA["nameZh"]!);
                var csv = await client.GetStringAsync($"{Prefix}/reports/quarterly/2026/1?format=csv");
                var ids = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(static l => l.Split(',')[0]).ToList();
                Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
                Assert.Equal(ClassA, ids.Count(static id => id.StartsWith("A-", StringComparison.Ordinal)));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }

        Assert.True(written > 0, "the writer wrote nothing while the reports ran");
    }

    /// <summary>
    /// Regression: a one-second-old open fault showed 756 h of downtime (counted to the quarter's end). As of
    /// one second after the report the device has been down 1 s of the quarter's elapsed part, and the
    /// report says the quarter is in progress.
    /// </summary>
    [Fact]
    public async Task QuarterlyReport_OpenFaultAsOfOneSecondLater_OneSecondOfDowntime_RRP4()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        var reported = factory.Clock.GetCurrentInstant();
        factory.Clock.AdvanceSeconds(1);

        var json = await (await client.GetAsync($"{Prefix}/reports/quarterly/2026/1")).JsonAsync(HttpStatusCode.OK);

        Assert.True((bool)json["partial"]!);
        var device = json["availability"]!["devices"]!.AsArray().Single()!;
        Assert.Equal("PT1S", (string)device["downtime"]!);
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 1, 0, 1).ToString(), (string)json["measuredUntil"]!);
        Assert.Equal(reported + Duration.FromSeconds(1), NodaTime.Text.InstantPattern.ExtendedIso.Parse((string)json["asOf"]!).Value);
        Assert.Contains("Quarter in progress", await client.GetStringAsync($"{Prefix}/reports/quarterly/2026/1?format=html"), StringComparison.Ordinal);
    }

    /// <summary>
    /// A quarter over HTTP only: two work orders, one signed off (rating 5) with a survey answering skill and
    /// attitude only, a callback and a wrong then a right shipment. The JSON figures are what the records
    /// say — timeliness has no data, nothing copied from the rating — and each equals the sum of its CSV column.
    /// </summary>
    [Fact]
    public async Task QuarterlyReport_RecordsAgainstWorkOrders_FiguresAndTheirCsvColumnsAgree_RRP3_RRP5()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        await DriveToSignOffAsync(factory, client, "WO-1", rating: 5);
        (await client.ReportAsync("WO-2", severity: "B")).EnsureSuccessStatusCode();

        (await client.PostAsync($"{Prefix}/tickets/WO-1/survey", Api.Json("""{"skill":5,"attitude":4,"suggestions":"到场前请电话"}"""))).EnsureSuccessStatusCode();
        (await client.PostAsync($"{Prefix}/tickets/WO-1/callbacks", Api.Json("""{"calledBy":"客服小李","reached":true}"""))).EnsureSuccessStatusCode();
        (await client.PostAsync($"{Prefix}/tickets/WO-1/shipments", Api.Json("""{"id":"S-1","orderedPartNumber":"PH-20","shippedPartNumber":"PH-10"}"""))).EnsureSuccessStatusCode();
        (await client.PostAsync($"{Prefix}/tickets/WO-1/shipments", Api.Json("""{"id":"S-2","orderedPartNumber":"PH-20","shippedPartNumber":"PH-20"}"""))).EnsureSuccessStatusCode();

        var json = await (await client.GetAsync($"{Prefix}/reports/quarterly/2026/1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)json["workOrders"]!);
        Assert.Equal((1, 1), ((int)json["satisfaction"]!["count"]!, (int)json["satisfaction"]!["total"]!));
        var items = json["surveyItems"]!.AsArray().ToDictionary(i => (string)i!["code"]!);
        Assert.Equal(5m, (decimal)items["skill"]!["mean"]!);
        Assert.Equal(4m, (decimal)items["attitude"]!["mean"]!);
        Assert.Null(items["timeliness"]!["mean"]);
        Assert.Equal("NoSurveyAnswers", (string)items["timeliness"]!["noData"]!);
        Assert.Equal((1, 1), ((int)json["callbacks"]!["count"]!, (int)json["callbacks"]!["total"]!));
        Assert.Equal((1, 2), ((int)json["partsShipments"]!["count"]!, (int)json["partsShipments"]!["total"]!));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Prefix}/reports/quarterly/2026/1");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var response = await client.SendAsync(request);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("quarterly-2026-Q1-work-orders.csv", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        int Sum(string column) => rows.Sum(r => int.Parse(r[Array.IndexOf(header, column)], CultureInfo.InvariantCulture));
        Assert.Equal(2, rows.Count);
        Assert.Equal((int)json["workOrders"]!, Sum("reported_in_period"));
        Assert.Equal((int)json["satisfaction"]!["total"]!, Sum("ratings"));
        Assert.Equal((int)json["callbacks"]!["count"]!, Sum("callback_done"));
        Assert.Equal((int)json["partsShipments"]!["count"]!, Sum("shipments_correct"));
        Assert.Equal((int)json["overallOnTime"]!["met"]!, Sum("clocks_met"));
    }

    [Fact]
    public async Task Records_AgainstUnknownOrBadInput_404AndErrorsByField()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{Prefix}/tickets/WO-9/survey", Api.Json("""{"skill":5}"""))).StatusCode);
        var outOfRange = await (await client.PostAsync($"{Prefix}/tickets/WO-1/survey", Api.Json("""{"skill":6}"""))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(outOfRange["errors"]!["skill"]);
        var empty = await (await client.PostAsync($"{Prefix}/tickets/WO-1/survey", Api.Json("{}"))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(empty["errors"]!["skill"]);
        var future = await (await client.PostAsync($"{Prefix}/tickets/WO-1/survey", Api.Json("""{"skill":5,"answeredOn":"2027-01-01"}"""))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(future["errors"]!["answeredOn"]);
        (await client.PostAsync($"{Prefix}/tickets/WO-1/survey", Api.Json("""{"timeliness":3}"""))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"{Prefix}/tickets/WO-1/survey", Api.Json("""{"skill":5}"""))).StatusCode);
        var quantity = await (await client.PostAsync($"{Prefix}/tickets/WO-1/shipments", Api.Json("""{"orderedPartNumber":"A","orderedQuantity":0,"shippedPartNumber":"A"}"""))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(quantity["errors"]!["orderedQuantity"]);
        var caller = await (await client.PostAsync($"{Prefix}/tickets/WO-1/callbacks", Api.Json("""{"calledBy":" ","reached":true}"""))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(caller["errors"]!["calledBy"]);

        var quality = await (await client.GetAsync($"{Prefix}/tickets/WO-1/quality")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, (int)quality["survey"]!["timeliness"]!);
        Assert.Null(quality["callbackDue"]);
        using var other = factory.ClientFor("globex");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Prefix}/tickets/WO-1/quality")).StatusCode);
    }

    /// <summary>
    /// A monthly CCTV round of a site and a quarterly plan of two kiosks from 2026-01-01; on 2026-03-02 the
    /// site's January and February rounds are overdue (30 and 2 days), its March round open; K-1 was inspected on 02-10 with a
    /// complete, signed record (done); K-2's Q1 is open (R-IN-1, R-IN-3).
    /// </summary>
    [Fact]
    public async Task Inspections_PlansRecordsAndTheDueList_RIN1_RIN3()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        var site = await client.PutAsync($"{Prefix}/inspections/plans/cctv-monthly", Api.Json(
            """{"checklist":{"preset":"cctv-004"},"recurrence":"monthly","startsOn":"2026-01-01","sites":["网点A"]}"""));
        Assert.Equal(HttpStatusCode.Created, site.StatusCode);
        Assert.Equal("\"1\"", site.Headers.ETag!.Tag);
        (await client.PutAsync($"{Prefix}/inspections/plans/kiosk-quarterly", Api.Json(
            """{"checklist":{"preset":"kiosk-000"},"recurrence":"quarterly","startsOn":"2026-01-01","devices":["K-1","K-2"]}"""))).EnsureSuccessStatusCode();
        var results = string.Join(',', (await (await client.GetAsync($"{Prefix}/inspections/checklists")).JsonAsync(HttpStatusCode.OK))["kiosk-000"]!["items"]!.AsArray()
            .Select(i => $$"""{"item":"{{(string)i!["code"]!}}","outcome":"Ok"}"""));
        var record = await (await client.PostAsync($"{Prefix}/inspections/records", Api.Json(
            $$"""{"id":"R-1","device":"K-1","checklist":{"preset":"kiosk-000"},"inspectedOn":"2026-02-10","engineerId":"eng-li","results":[{{results}}],"signedBy":"王经理"}"""))).JsonAsync(HttpStatusCode.Created);
        Assert.True((bool)record["countsAsDone"]!);

        var due = (await (await client.GetAsync($"{Prefix}/inspections/due")).JsonAsync(HttpStatusCode.OK)).AsArray();

        Assert.Equal(
            ["cctv-monthly 网点A 2026-01-31 Overdue 30", "cctv-monthly 网点A 2026-02-28 Overdue 2", "cctv-monthly 网点A 2026-03-31 Open 0", "kiosk-quarterly K-2 2026-03-31 Open 0", "kiosk-quarterly K-1 2026-03-31 Done 0"],
            due.Select(d => $"{d!["plan"]} {(string?)d["site"] ?? (string?)d["device"]} {d["dueOn"]} {d["status"]} {d["daysOverdue"]}"));

        var bad = await (await client.PutAsync($"{Prefix}/inspections/plans/x", Api.Json(
            """{"checklist":{"deviceType":"ups","nameZh":"UPS","nameEn":"UPS","items":[{"code":"a","nameZh":"甲","nameEn":"a"},{"code":"a","nameZh":"乙","nameEn":"b"}]},"recurrence":"weekly","devices":[""]}"""))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["checklist.items[1].code", "devices[0]", "recurrence"], bad["errors"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        var stale = new HttpRequestMessage(HttpMethod.Put, $"{Prefix}/inspections/plans/cctv-monthly") { Content = Api.Json("""{"checklist":{"preset":"cctv-004"},"recurrence":"monthly","startsOn":"2026-01-01","sites":["网点B"]}""") };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"7\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(stale)).StatusCode);
        var unknownItem = await (await client.PostAsync($"{Prefix}/inspections/records", Api.Json(
            """{"site":"网点A","checklist":{"preset":"cctv-004"},"inspectedOn":"2026-02-10","engineerId":"eng-li","results":[{"item":"touch-screen","outcome":"Ok"},{"item":"lens","outcome":"Broken"}]}"""))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["results[0].item", "results[1].outcome"], unknownItem["errors"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Terms v1 adopted with a 300 CNY fine, dismissal at 2 within a rolling 6 months and a 1 000 CNY bonus
    /// less 200 per complaint; a complaint about engineer E-7 confirmed in March costs 300 and 200 off the
    /// bonus (R-CP-2/3); E-7's March service signed off is paid 50. Every line is explained.
    /// </summary>
    [Fact]
    public async Task Terms_Ledger_FineBonusAndServicePay_FromTheTermsInForce_RCP2_RCP3()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        var defaults = await (await client.GetAsync($"{Prefix}/quality-terms")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, (int)defaults["version"]!);
        var bad = await (await client.PutAsync($"{Prefix}/quality-terms", Api.Json(
            """{"name":"x","penalties":{"finePerConfirmedComplaint":-1,"dismissalAtCount":0,"dismissalWindow":"fortnight"},"targets":{"onTimeRate":1.5}}"""))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(
            ["$.penalties.dismissalAtCount", "$.penalties.dismissalWindow", "$.penalties.finePerConfirmedComplaint", "$.targets.onTimeRate"],
            bad["errors"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));

        var adopted = await (await client.PutAsync($"{Prefix}/quality-terms", Api.Json(
            """
            {"name":"某银行 2026","customer":"某银行省分行",
             "penalties":{"finePerConfirmedComplaint":300,"dismissalAtCount":2,"dismissalWindow":"P6M","bonus":{"amount":1000,"deductionPerComplaint":200},"payPerService":50},
             "targets":{"onTimeRate":0.95,"satisfactionRate":0.98},
             "serviceCredits":{"tiers":[{"minimumOverdue":"PT0S","percentOfMonthlyFee":2}],"capPercentOfMonthlyFee":20,"monthlyFees":{"cn-002-system-integration":10000}}}
            """))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)adopted["version"]!);

        await DriveToSignOffAsync(factory, client, "WO-1", rating: 4, engineer: "E-7");
        var complaint = await (await client.PostAsync($"{Prefix}/complaints", Api.Json("""{"id":"C-1","workOrderId":"WO-1","engineerId":"E-7","summary":"迟到"}"""))).JsonAsync(HttpStatusCode.Created);
        Assert.NotNull(complaint);
        (await client.PostAsync($"{Prefix}/complaints/C-1/verification", Api.Json("""{"engineerResponsible":true}"""))).EnsureSuccessStatusCode();

        var ledger = await (await client.GetAsync($"{Prefix}/engineers/E-7/ledgers/2026-03")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal((300m, 800m, 50m, 550m, false), ((decimal)ledger["fines"]!, (decimal)ledger["bonus"]!, (decimal)ledger["servicePay"]!, (decimal)ledger["net"]!, (bool)ledger["dismissalDue"]!));
        Assert.Equal(["Fine", "Bonus", "BonusDeduction", "ServicePay"], ledger["lines"]!.AsArray().Select(l => (string)l!["kind"]!));
        Assert.All(ledger["lines"]!.AsArray(), l => Assert.False(string.IsNullOrWhiteSpace((string?)l!["explanation"])));
        var all = await (await client.GetAsync($"{Prefix}/engineers/ledgers/2026-03")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)all["termsVersion"]!);
        Assert.Equal(["E-7"], all["ledgers"]!.AsArray().Select(l => (string)l!["engineerId"]!));

        var credits = await (await client.GetAsync($"{Prefix}/reports/service-credits/2026/1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("cn-002-system-integration", (string)credits["contracts"]![0]!["contract"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{Prefix}/engineers/ledgers/2026-13")).StatusCode);
    }

    private static async Task DriveToSignOffAsync(ServiceFactory factory, HttpClient client, string id, int rating, string engineer = "E-1")
    {
        (await client.ReportAsync(id)).EnsureSuccessStatusCode();
        foreach (var (command, body) in new (string, string?)[]
        {
            ("acknowledge", null),
            ("start-remote-diagnosis", null),
            ("dispatch", $$"""{"engineer":"{{engineer}}"}"""),
            ("arrive-on-site", null),
            ("restore-service", null),
            ("resolve", """{"resolution":"更换电源"}"""),
            ("sign-off", $$"""{"signer":"王经理","satisfaction":{{rating}}}"""),
        })
        {
            factory.Clock.AdvanceMinutes(10);
            var response = await client.CommandAsync(id, command, body);
            Assert.True(response.IsSuccessStatusCode, $"{command}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static TicketReport Report(string id, string severity) => new()
    {
        Id = TicketId.From(id),
        TenantId = "acme",
        Reporter = new TicketReporter { Name = "李工", Organization = "Bank of Test", Contact = "13800000000" },
        Channel = AfterSales.Sla.ReportChannel.Phone,
        Site = new TicketSite { Location = AfterSales.Sla.ServiceSite.Local, Name = "HQ", Address = "1 Test Road" },
        DeviceSerialNumber = "SN-" + id,
        Symptom = "down",
        SeverityCode = severity,
    };
}
