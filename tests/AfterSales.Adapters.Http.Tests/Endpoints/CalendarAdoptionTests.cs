using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Http.Tests.Support;
using AfterSales.Severity;
using AfterSales.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>
/// Loading a year's holidays across open tickets: the background recompute adopts the new version
/// once per open ticket, the provisional flag goes, and only open clocks change (SLA-ENGINES 15, 16).
/// </summary>
public sealed class CalendarAdoptionTests
{
    [Fact]
    public Task LoadingA2027Year_OnSqlite_RemovesTheFlagAndChangesOnlyOpenClocks() => AcrossAnUpdate(TestDatabase.Sqlite);

    [PostgresFact]
    public Task LoadingA2027Year_OnPostgreSql_RemovesTheFlagAndChangesOnlyOpenClocks() => AcrossAnUpdate(TestDatabase.PostgreSql);

    private static async Task AcrossAnUpdate(TestDatabase database)
    {
        using var factory = YearEndTests.Factory(database);
        using var client = factory.ClientFor("acme");

        // Mon 2026-12-28 09:00 Beijing: class C by e-mail — reaction within 72 h and a plan within 108 h, both into 2027.
        factory.Clock.Reset(Instant.FromUtc(2026, 12, 28, 1, 0));
        await (await client.PostAsync("/after-sales/tickets", Api.Json(YearEndTests.Report("WO-C", "C", YearEndTests.Seed002On5x8.Id).Replace("\"Phone\"", "\"Email\"", StringComparison.Ordinal)))).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsync("/after-sales/tickets", Api.Json(YearEndTests.Report("WO-DONE", "C", YearEndTests.Seed002On5x8.Id)))).JsonAsync(HttpStatusCode.Created);
        await (await client.CommandAsync("WO-DONE", "cancel", """{"reason":"duplicate"}""")).JsonAsync(HttpStatusCode.OK);

        // Mon 2027-01-04 10:00: the reaction is given (its clock stops, provisional, under version 1).
        factory.Clock.Reset(Instant.FromUtc(2027, 1, 4, 2, 0));
        await (await client.CommandAsync("WO-C", "acknowledge")).JsonAsync(HttpStatusCode.OK);
        var before = await (await client.GetAsync("/after-sales/tickets/WO-C/clocks")).JsonAsync(HttpStatusCode.OK);
        var list = await (await client.GetAsync("/after-sales/tickets")).JsonAsync(HttpStatusCode.OK);
        Assert.True((bool)list["items"]!.AsArray().Single(i => (string)i!["id"]! == "WO-C")!["provisional"]!);

        // The 2027 data arrives (test data: 1 January a holiday).
        factory.Clock.Reset(Instant.FromUtc(2027, 1, 4, 3, 0));
        var put = await CalendarEndpointTests.Put(client, "/after-sales/calendars/cn-statutory-9-18/years/2027", CalendarEndpointTests.Year2027);
        await put.JsonAsync(HttpStatusCode.OK);
        var status = await WaitForCompletion(client, "/after-sales/calendars/cn-statutory-9-18/versions/2/adoption");
        Assert.Equal(1, (int)status["adopted"]!); // WO-C only: WO-DONE is cancelled

        var after = await (await client.GetAsync("/after-sales/tickets/WO-C/clocks")).JsonAsync(HttpStatusCode.OK);
        var ticket = await (await client.GetAsync("/after-sales/tickets/WO-C")).JsonAsync(HttpStatusCode.OK);

        // The stopped clock keeps its version and its flag; the open one adopts version 2 and loses it.
        var reaction = (Before: Api.Clock(before, "first-response"), After: Api.Clock(after, "first-response"));
        Assert.Equal(Api.Text(reaction.Before), Api.Text(reaction.After));
        Assert.Equal("cn-statutory-9-18@1", (string)reaction.After["calendarKey"]!);
        var plan = (Before: Api.Clock(before, "repair-plan"), After: Api.Clock(after, "repair-plan"));
        Assert.True((bool)plan.Before["provisional"]!);
        Assert.False((bool)plan.After["provisional"]!);
        Assert.Equal("cn-statutory-9-18@2", (string)plan.After["calendarKey"]!);
        Assert.Equal("2027-01-12T10:00:00Z", (string)plan.Before["dueAt"]!);
        Assert.Equal("2027-01-12T10:00:00Z", (string)plan.After["dueAt"]!); // 1 Jan off, Sat 9 Jan on: the same day
        Assert.Contains(plan.After["explanation"]!.AsArray(), l => ((string)l!).StartsWith("2027-01-09 is a make-up working day", StringComparison.Ordinal));
        Assert.DoesNotContain(plan.After["explanation"]!.AsArray(), l => ((string)l!).Contains("provisional", StringComparison.Ordinal));
        Assert.Equal("CalendarsAdopted", (string)ticket["events"]!.AsArray()[^1]!["kind"]!);
        Assert.Equal(["cn-statutory-9-18@2"], ticket["calendarKeys"]!.AsArray().Select(static k => (string)k!));
        var listed = await (await client.GetAsync("/after-sales/tickets")).JsonAsync(HttpStatusCode.OK);
        Assert.False((bool)listed["items"]!.AsArray().Single(i => (string)i!["id"]! == "WO-C")!["provisional"]!);

        // Exactly once: another round adopts nothing more.
        var events = ticket["events"]!.AsArray().Count;
        await CalendarEndpointTests.Put(client, "/after-sales/calendars/cn-statutory-9-18", (await (await client.GetAsync("/after-sales/calendars/cn-statutory-9-18")).JsonAsync(HttpStatusCode.OK)).ToJsonString());
        await WaitForCompletion(client, "/after-sales/calendars/cn-statutory-9-18/versions/3/adoption");
        var again = await (await client.GetAsync("/after-sales/tickets/WO-C")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(events + 1, again["events"]!.AsArray().Count); // version 3 adopted once, version 2 not again
    }

    [Fact]
    public async Task AdoptPolicy_OpenClocksFollowTheNewVersion_MetOnesKeepTheOld_AndAFinishedTicketIs409()
    {
        var v2 = SlaPolicy.CreateBuilder("p-adopt", 2, "stricter", SeverityScales.SingleLevel)
            .WithCalendar(SlaPresets.TwentyFourSevenBeijing)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(1), t => t.ForAllSeverities())
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(4), t => t.ForAllSeverities())
            .Build();
        var v1 = SlaPolicy.CreateBuilder("p-adopt", 1, "looser", SeverityScales.SingleLevel)
            .WithCalendar(SlaPresets.TwentyFourSevenBeijing)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(2), t => t.ForAllSeverities())
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(8), t => t.ForAllSeverities())
            .Build();
        using var factory = new ServiceFactory(services: s => s.AddAfterSales(o => { o.Policies.Add(v1); o.Policies.Add(v2); }));
        using var client = factory.ClientFor("acme");
        await (await client.PostAsync("/after-sales/tickets", Api.Json(YearEndTests.Report("WO-1", "fault", "p-adopt").Replace("\"severityCode\"", "\"policyVersion\":1,\"severityCode\"", StringComparison.Ordinal)))).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsync("/after-sales/tickets", Api.Json(YearEndTests.Report("WO-2", "fault", "p-adopt").Replace("\"severityCode\"", "\"policyVersion\":1,\"severityCode\"", StringComparison.Ordinal)))).JsonAsync(HttpStatusCode.Created);
        await (await client.CommandAsync("WO-2", "cancel", """{"reason":"duplicate"}""")).JsonAsync(HttpStatusCode.OK);
        factory.Clock.AdvanceMinutes(90);
        await (await client.CommandAsync("WO-1", "acknowledge")).JsonAsync(HttpStatusCode.OK);

        var adopted = await client.PostAsync("/after-sales/tickets/WO-1/adopt-policy", Api.Json("""{"policyVersion":2}"""));
        var ticket = await adopted.JsonAsync(HttpStatusCode.OK);
        var clocks = await (await client.GetAsync("/after-sales/tickets/WO-1/clocks")).JsonAsync(HttpStatusCode.OK);
        var refused = await client.PostAsync("/after-sales/tickets/WO-2/adopt-policy", Api.Json("{}"));
        var bulk = await (await client.PostAsync("/after-sales/tickets/adopt-policy", Api.Json("""{"ticketIds":["WO-1","WO-2","WO-404"]}"""))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("p-adopt@2", (string)ticket["policyKey"]!);
        Assert.Equal("PolicyAdopted", (string)ticket["events"]!.AsArray()[^1]!["kind"]!);
        Assert.Equal(("Met", "p-adopt@1"), ((string)Api.Clock(clocks, "first-response")["status"]!, (string)Api.Clock(clocks, "first-response")["policyKey"]!));
        Assert.Equal("p-adopt@2", (string)Api.Clock(clocks, "resolved")["policyKey"]!);
        Assert.Equal("2026-03-02T05:00:00Z", (string)Api.Clock(clocks, "resolved")["dueAt"]!); // 4 h from the report
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Empty(bulk["adopted"]!.AsArray()); // WO-1 already has the latest version
        Assert.Equal([400, 409, 404], bulk["refused"]!.AsArray().Select(static r => (int)r!["status"]!));
    }

    internal static async Task<JsonNode> WaitForCompletion(HttpClient client, string path)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var status = await (await client.GetAsync(path)).JsonAsync(HttpStatusCode.OK);
            if ((string)status["status"]! == "Completed")
            {
                return status;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The recompute did not complete within 10 s.");
    }
}
