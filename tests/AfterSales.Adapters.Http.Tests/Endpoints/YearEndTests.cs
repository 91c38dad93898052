using System.Net;
using AfterSales.Calendars;
using AfterSales.Http.Tests.Support;
using AfterSales.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>
/// The service across the end of the embedded holiday data (2026): on 2026-12-20 and 2027-01-04
/// reports, commands, clocks, lists and complaints work, with clocks that reach 2027 provisional.
/// </summary>
public sealed class YearEndTests
{
    /// <summary>Seed 002 on 5×8 (R-SLA-4): the coverage whose clocks run into 2027 soonest.</summary>
    internal static readonly SlaPolicy Seed002On5x8 = SlaPresets.SystemIntegration002On5x8;

    internal static ServiceFactory Factory(TestDatabase database = TestDatabase.Sqlite) =>
        new(database, services: static s => s.AddAfterSales(o => o.Policies.Add(Seed002On5x8)));

    internal static string Report(string id, string severity, string policy) =>
        Api.ReportBody(id, severity).Replace("\"severityCode\"", $"\"policyId\":\"{policy}\",\"severityCode\"", StringComparison.Ordinal);

    [Fact]
    public Task YearEnd_OnSqlite_ReportsCommandsClocksAndListsWork_WithProvisionalClocks() => YearEnd(TestDatabase.Sqlite);

    [PostgresFact]
    public Task YearEnd_OnPostgreSql_ReportsCommandsClocksAndListsWork_WithProvisionalClocks() => YearEnd(TestDatabase.PostgreSql);

    private static async Task YearEnd(TestDatabase database)
    {
        using var factory = Factory(database);
        using var client = factory.ClientFor("acme");

        // 2026-12-20: a class C report on 5×8 (its 108 business hours end in 2027) and a seed-000 terminal fault.
        factory.Clock.Reset(Instant.FromUtc(2026, 12, 20, 2, 0));
        await (await client.PostAsync("/after-sales/tickets", Api.Json(Report("WO-C", "C", Seed002On5x8.Id)))).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsync("/after-sales/tickets", Api.Json(Report("WO-T", "single", SlaPresets.KioskHardware000.Id)))).JsonAsync(HttpStatusCode.Created);
        var plan = Api.Clock(await (await client.GetAsync("/after-sales/tickets/WO-C/clocks")).JsonAsync(HttpStatusCode.OK), "repair-plan");
        Assert.True((bool)plan["provisional"]!);
        Assert.Equal("cn-statutory-9-18@1", (string)plan["calendarKey"]!);
        Assert.Contains(plan["explanation"]!.AsArray(), l => ((string)l!).StartsWith("2027: no holiday data loaded for cn-statutory-9-18", StringComparison.Ordinal));

        // 2027-01-04: the 2026 tickets can be read, acknowledged and listed; their clocks answer.
        factory.Clock.Reset(Instant.FromUtc(2027, 1, 4, 2, 0));
        await (await client.CommandAsync("WO-C", "acknowledge")).JsonAsync(HttpStatusCode.OK);
        var clocks = await (await client.GetAsync("/after-sales/tickets/WO-T/clocks")).JsonAsync(HttpStatusCode.OK);
        Assert.True((bool)Api.Clock(clocks, "resolved")["provisional"]!);
        var list = await (await client.GetAsync("/after-sales/tickets?dueBefore=2027-02-01T00:00:00Z")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, list["items"]!.AsArray().Count);
        await (await client.PostAsync("/after-sales/tickets", Api.Json(Report("WO-2027", "A", Seed002On5x8.Id)))).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task FileComplaint_InLateDecember_Is201WithProvisionalClocks_NotAnErrorAfterTheSave()
    {
        using var factory = Factory();
        using var client = factory.ClientFor("acme");
        factory.Clock.Reset(Instant.FromUtc(2026, 12, 28, 2, 0));

        var filed = await (await client.PostAsync("/after-sales/complaints", Api.Json("""{"id":"C-1","workOrderId":"WO-1","engineerId":"E-7","summary":"engineer late"}"""))).JsonAsync(HttpStatusCode.Created);
        var again = await client.PostAsync("/after-sales/complaints", Api.Json("""{"id":"C-1","workOrderId":"WO-1","engineerId":"E-7","summary":"engineer late"}"""));

        Assert.Contains(filed["clocks"]!.AsArray(), c => (bool)c!["provisional"]!);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // saved once, answered once
    }
}

/// <summary>Regression: seed 002 class A resolved before its repair plan (R-SLA-3).</summary>
public sealed class RepairPlanAfterResolutionTests
{
    [Fact]
    public async Task Clocks_TenDaysAfterAResolutionWithoutAPlan_RepairPlanIsWaivedNotBreached_AndNothingIsDue()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        await (await client.ReportAsync("WO-A", "A")).JsonAsync(HttpStatusCode.Created);
        await (await client.CommandAsync("WO-A", "acknowledge")).JsonAsync(HttpStatusCode.OK);
        await (await client.CommandAsync("WO-A", "start-remote-diagnosis")).JsonAsync(HttpStatusCode.OK);
        factory.Clock.AdvanceHours(5);
        await (await client.CommandAsync("WO-A", "resolve-remotely", """{"resolution":"config fixed"}""")).JsonAsync(HttpStatusCode.OK);

        var at = (factory.Clock.GetCurrentInstant() + Duration.FromDays(10)).ToString();
        var plan = Api.Clock(await (await client.GetAsync($"/after-sales/tickets/WO-A/clocks?at={at}")).JsonAsync(HttpStatusCode.OK), "repair-plan");
        var list = await (await client.GetAsync("/after-sales/tickets")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Waived", (string)plan["status"]!);
        Assert.Equal("resolved", (string)plan["stoppedBy"]!);
        Assert.Null(list["items"]![0]!["nextDeadline"]);
    }
}
