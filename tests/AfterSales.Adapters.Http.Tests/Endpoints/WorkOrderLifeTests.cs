using System.Net;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>The whole life of a work order over HTTP, report to close, with its SLA clocks at each step.</summary>
public sealed class WorkOrderLifeTests
{
    [Fact]
    public Task WholeLife_OnSqlite_ReportToClose_ClocksMetAndEventsRecorded() => WholeLife(TestDatabase.Sqlite);

    [PostgresFact]
    public Task WholeLife_OnPostgreSql_ReportToClose_ClocksMetAndEventsRecorded() => WholeLife(TestDatabase.PostgreSql);

    private static async Task WholeLife(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");
        var clock = factory.Clock;

        var created = await client.ReportAsync("WO-2026-0001");
        var ticket = await created.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("/after-sales/tickets/WO-2026-0001", created.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", created.Headers.ETag!.Tag);
        Assert.Equal("Reported", (string)ticket["state"]!);

        var clocks = await (await client.GetAsync("/after-sales/tickets/WO-2026-0001/clocks")).JsonAsync(HttpStatusCode.OK);
        var response = Api.Clock(clocks, "first-response");
        Assert.Equal("Running", (string)response["status"]!);
        Assert.Equal("2026-03-02T01:15:00Z", (string)response["dueAt"]!);
        Assert.Equal("PT15M", (string)response["allowed"]!);
        Assert.NotEmpty(response["explanation"]!.AsArray());

        var version = 1;
        async Task Step(string command, string? body = null, int minutes = 0)
        {
            clock.AdvanceMinutes(minutes);
            var r = await client.CommandAsync("WO-2026-0001", command, body, version);
            var json = await r.JsonAsync(HttpStatusCode.OK);
            version++;
            Assert.Equal(version, (int)json["version"]!);
            Assert.Equal($"\"{version}\"", r.Headers.ETag!.Tag);
        }

        await Step("acknowledge", minutes: 10);
        clocks = await (await client.GetAsync("/after-sales/tickets/WO-2026-0001/clocks")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Met", (string)Api.Clock(clocks, "first-response")["status"]!);
        Assert.Equal("Running", (string)Api.Clock(clocks, "on-site-arrival")["status"]!);

        await Step("start-remote-diagnosis", minutes: 5);
        await Step("dispatch", """{"engineer":"王工"}""", minutes: 20);
        await Step("arrive-on-site", minutes: 60);
        await Step("deliver-repair-plan", """{"note":"replace controller"}""", minutes: 30);
        clocks = await (await client.GetAsync("/after-sales/tickets/WO-2026-0001/clocks")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Met", (string)Api.Clock(clocks, "on-site-arrival")["status"]!);
        Assert.Equal("Met", (string)Api.Clock(clocks, "repair-plan")["status"]!);

        await Step("restore-service", minutes: 30);
        await Step("resolve", """{"resolution":"controller replaced"}""", minutes: 60);
        await Step("start-observation", minutes: 5);
        await Step("sign-off", """{"signer":"赵经理","satisfaction":5,"comment":"good"}""", minutes: 5);

        // Closing before the observation period elapsed is refused with the unmet guard.
        var early = await client.CommandAsync("WO-2026-0001", "close", ifMatch: version);
        var problem = await early.JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("close", (string)problem["command"]!);
        Assert.Equal(["reopen", "send-for-rma"], problem["permittedCommands"]!.AsArray().Select(static c => (string)c!));
        Assert.Equal("Observation", (string)problem["state"]!);
        Assert.Contains(problem["unmetGuards"]!.AsArray(), g => ((string)g!).Contains("observation period", StringComparison.Ordinal));

        await Step("close", minutes: 7 * 24 * 60);
        var final = await (await client.GetAsync("/after-sales/tickets/WO-2026-0001")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Closed", (string)final["state"]!);
        Assert.True((bool)final["isFinished"]!);
        Assert.Equal(11, final["events"]!.AsArray().Count);
        Assert.Equal("Dispatched", (string)final["events"]![3]!["kind"]!);
        Assert.Equal("王工", (string)final["events"]![3]!["engineer"]!);

        clocks = await (await client.GetAsync("/after-sales/tickets/WO-2026-0001/clocks?at=2026-03-20T00:00:00Z")).JsonAsync(HttpStatusCode.OK);
        Assert.All(clocks["clocks"]!.AsArray(), c => Assert.Equal("Met", (string)c!["status"]!));

        var list = await (await client.GetAsync("/after-sales/tickets?state=Closed&site=HQ")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(list["items"]!.AsArray());
        var none = await (await client.GetAsync("/after-sales/tickets?state=Reported")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(none["items"]!.AsArray());
    }

    [Fact]
    public async Task List_FiltersAndPages_DueBeforeSoonestFirst()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        for (var i = 0; i < 7; i++)
        {
            factory.Clock.AdvanceMinutes(1);
            (await client.ReportAsync($"WO-{i}", severity: i % 2 == 0 ? "A" : "B", site: i < 3 ? "North" : "South")).EnsureSuccessStatusCode();
        }

        var page1 = await (await client.GetAsync("/after-sales/tickets?pageSize=3")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["WO-6", "WO-5", "WO-4"], page1["items"]!.AsArray().Select(x => (string)x!["id"]!));
        Assert.True((bool)page1["hasMore"]!);
        var page3 = await (await client.GetAsync("/after-sales/tickets?pageSize=3&page=3")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["WO-0"], page3["items"]!.AsArray().Select(x => (string)x!["id"]!));
        Assert.False((bool)page3["hasMore"]!);

        var severityB = await (await client.GetAsync("/after-sales/tickets?severity=B")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, severityB["items"]!.AsArray().Count);
        var north = await (await client.GetAsync("/after-sales/tickets?site=North")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, north["items"]!.AsArray().Count);

        // Phone reports: first response due 15 minutes after each report, so the 50 % warning at 7.5 minutes.
        var due = await (await client.GetAsync("/after-sales/tickets?dueBefore=2026-03-02T01:10:00Z")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["WO-0", "WO-1"], due["items"]!.AsArray().Select(x => (string)x!["id"]!));

        var bad = await (await client.GetAsync("/after-sales/tickets?pageSize=201&page=0&state=Open&dueBefore=yesterday")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["dueBefore", "page", "pageSize", "state"], bad["errors"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReferenceEndpoints_WorkflowPoliciesBusinessTimeAndOpenApi()
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient();

        var workflow = await client.GetAsync("/after-sales/workflow");
        Assert.Equal("text/markdown", workflow.Content.Headers.ContentType!.MediaType);
        Assert.Contains("stateDiagram", await workflow.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var policies = await (await client.GetAsync("/after-sales/policies")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(policies.AsArray(), p => (string)p!["key"]! == "cn-002-system-integration@1");

        // Friday 17:00 Beijing + 2 business hours on Monday–Friday 9–18 → Monday 10:00 Beijing.
        var due = await (await client.PostAsync("/after-sales/business-time", Api.Json(
            """{"calendar":"mon-fri-9-18-beijing","start":"2026-03-06T09:00:00Z","businessTime":"PT2H"}"""))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2026-03-09T02:00:00Z", (string)due["due"]!);
        Assert.Contains(due["explanation"]!.AsArray(), l => ((string)l!).Contains("not a working day", StringComparison.Ordinal));

        var custom = await (await client.PostAsync("/after-sales/business-time", Api.Json(
            """{"definition":{"zone":"Europe/Berlin","weeklyHours":[{"day":"Monday","start":"08:00:00","end":"12:00:00"}],"holidays":["2026-03-09"]},"start":"2026-03-02T07:00:00Z","businessTime":"PT5H"}"""))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2026-03-16T08:00:00Z", (string)custom["due"]!);

        var ping = await (await client.GetAsync("/after-sales/ping")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("ok", (string)ping["status"]!);

        var openApi = await (await client.GetAsync("/openapi/v1.json")).JsonAsync(HttpStatusCode.OK);
        Assert.NotNull(openApi["paths"]!["/after-sales/tickets/{id}/clocks"]);
    }
}
