using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Entitlements.Warranty;
using AfterSales.Http.Tests.Support;
using AfterSales.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using NodaTime.Text;

namespace AfterSales.Http.Tests.Events;

/// <summary>
/// Events due at an instant nobody saves anything, emitted by the deadline watcher from the due notices the facts
/// stored: <c>aftersales.loaner.overdue</c> once a loan's return-by passes without a return (R-SP-5) — at that
/// instant, not before, not again, not when the unit came back in time, moved when it is lent again; once whatever
/// the number of nodes.
/// </summary>
public sealed class DueNoticeEventTests
{
    private const string Overdue = "aftersales.loaner.overdue";

    private const string Expiring = "aftersales.warranty.expiring";

    private static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static readonly Instant Start = ServiceFactory.Start;

    [Fact]
    public Task Loaner_R_SP_5_OverdueOnceAtReturnBy_NotBefore_NotWhenReturned_MovedWhenLentAgain_Sqlite() => OverdueOnce(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Loaner_R_SP_5_OverdueOnceAtReturnBy_NotBefore_NotWhenReturned_MovedWhenLentAgain_PostgreSql() => OverdueOnce(TestDatabase.PostgreSql);

    [Fact]
    public Task Loaner_R_SP_5_TwoNodes_OverdueEmittedOnce_Sqlite() => TwoNodesOnce(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Loaner_R_SP_5_TwoNodes_OverdueEmittedOnce_PostgreSql() => TwoNodesOnce(TestDatabase.PostgreSql);

    [Fact]
    public Task Warranty_R_IN_2_ExpiringOnceTheLeadBeforeTheEnd_NotBefore_NotWhenEnded_MovedWhenTheDeviceChanges_Sqlite() => WarrantyExpiringOnce(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Warranty_R_IN_2_ExpiringOnceTheLeadBeforeTheEnd_NotBefore_NotWhenEnded_MovedWhenTheDeviceChanges_PostgreSql() => WarrantyExpiringOnce(TestDatabase.PostgreSql);

    [Fact]
    public async Task Loaner_R_SP_5_ReturnByNotAfterTheLoan_400NamingReturnBy_NothingStored()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();

        var problem = await (await client.CommandAsync("WO-1", "provide-loaner", Lend("LN-1", Start))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["returnBy"]);
        var ticket = await (await client.GetAsync("/after-sales/tickets/WO-1")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(ticket["loaners"]!.AsArray());
    }

    private static async Task OverdueOnce(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");
        foreach (var id in (string[])["WO-1", "WO-2", "WO-3", "WO-S"])
        {
            (await client.ReportAsync(id)).EnsureSuccessStatusCode();
        }

        await LendAsync(client, "WO-1", "LN-1", Start + Duration.FromHours(2));
        await LendAsync(client, "WO-2", "LN-2", Start + Duration.FromHours(1));
        await LendAsync(client, "WO-3", "LN-3", Start + Duration.FromHours(1));
        await LendAsync(client, "WO-S", "LN-S", Start + Duration.FromHours(2) - Duration.FromSeconds(1));

        // LN-2 comes back in time; LN-3 comes back and is lent again until 3 h: its notice moves.
        factory.Timer.AdvanceTo(Start + Duration.FromMinutes(30));
        await ReturnAsync(client, "WO-2", "LN-2");
        await ReturnAsync(client, "WO-3", "LN-3");
        await LendAsync(client, "WO-3", "LN-3", Start + Duration.FromHours(3));

        // Just before LN-1's return-by: only the sentinel LN-S (due a second earlier) has fired - not LN-1 yet,
        // not LN-2 (returned), not LN-3 at its first return-by (moved).
        factory.Timer.AdvanceTo(Start + Duration.FromHours(2) - Duration.FromMilliseconds(1));
        var early = await WaitForAsync(client, static o => o.Any(static e => Subject(e) == "tickets/WO-S/loaners/LN-S"));
        Assert.Equal(["tickets/WO-S/loaners/LN-S"], early.Select(Subject));

        factory.Timer.AdvanceTo(Start + Duration.FromHours(2) + Duration.FromMilliseconds(1));
        await WaitForAsync(client, static o => o.Any(static e => Subject(e) == "tickets/WO-1/loaners/LN-1"));

        // A further pass past LN-3's moved return-by emits it, and nothing again.
        factory.Timer.AdvanceTo(Start + Duration.FromHours(3) + Duration.FromMilliseconds(1));
        var all = await WaitForAsync(client, static o => o.Any(static e => Subject(e) == "tickets/WO-3/loaners/LN-3"));
        factory.Timer.AdvanceTo(Start + Duration.FromHours(4));
        await ReturnAsync(client, "WO-1", "LN-1"); // late: nothing more
        await Task.Delay(300);
        all = await OverdueAsync(client);
        Assert.Equal(["tickets/WO-S/loaners/LN-S", "tickets/WO-1/loaners/LN-1", "tickets/WO-3/loaners/LN-3"], all.Select(Subject));
        Assert.Equal(3, all.Select(static e => (string)e["id"]!).Distinct().Count());

        var ln1 = all[1];
        Assert.Equal(Start + Duration.FromHours(2), Parse((string)ln1["time"]!));
        Assert.Equal("acme", (string)ln1["tenantid"]!);
        var data = ln1["data"]!;
        Assert.Equal(("WO-1", "LN-1", "LOANER-1", 1), ((string)data["workOrderId"]!, (string)data["unitSerialNumber"]!, (string)data["partNumber"]!, (int)data["grade"]!));
        Assert.Equal((Start, Start + Duration.FromHours(2)), (Parse((string)data["providedAt"]!), Parse((string)data["returnBy"]!)));
        var moved = all[2];
        Assert.Equal(Start + Duration.FromHours(3), Parse((string)moved["time"]!));
        Assert.Equal(Start + Duration.FromMinutes(30), Parse((string)moved["data"]!["providedAt"]!));

        // The loan shows its return-by.
        var ticket = await (await client.GetAsync("/after-sales/tickets/WO-3")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(Start + Duration.FromHours(3), Parse((string)ticket["loaners"]![1]!["returnBy"]!));
    }

    private static async Task TwoNodesOnce(TestDatabase database)
    {
        using var nodes = new TwoNodes(database, "acme", FakeClock.FromUtc(2026, 3, 2, 1, 0, 0));
        var (timer, a, b) = (nodes.Timer, nodes.A, nodes.B);
        for (var i = 0; i < 20; i++)
        {
            var client = i % 2 == 0 ? a : b;
            (await client.ReportAsync($"WO-{i}")).EnsureSuccessStatusCode();
            await LendAsync(client, $"WO-{i}", $"LN-{i}", Start + Duration.FromMinutes(10 + i));
        }

        // Both watchers wake as the shared clock passes every return-by, in steps, and again later.
        for (var step = 1; step <= 8; step++)
        {
            timer.AdvanceTo(Start + Duration.FromMinutes(8 + (step * 3)));
            await Task.Delay(50);
        }

        var overdue = await WaitForAsync(a, static o => o.Count >= 20);
        timer.AdvanceTo(Start + Duration.FromHours(2));
        await Task.Delay(300);
        overdue = await OverdueAsync(b);
        Assert.Equal(20, overdue.Count);
        Assert.Equal(20, overdue.Select(static e => (string)e["id"]!).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 20).Select(static i => $"tickets/WO-{i}/loaners/LN-{i}").Order(), overdue.Select(Subject).Order());
    }

    private static async Task WarrantyExpiringOnce(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");

        // cn-000-kiosk: hardware for a year from acceptance; notified 3 months (the default lead) before the end, Beijing time.
        await RegisterAsync(client, "DEV-1", "2025-07-01"); // ends 2026-07-01: notified 2026-04-01
        await RegisterAsync(client, "DEV-S", "2025-06-30"); // a day earlier: the sentinel
        await RegisterAsync(client, "DEV-2", "2025-07-01");
        await RegisterAsync(client, "DEV-3", "2024-01-01"); // ended before now: never notified
        var notify1 = new LocalDate(2026, 4, 1).AtStartOfDayInZone(Beijing).ToInstant();

        // DEV-2 moves to a two-year contract: its notice moves a year on.
        var registry = factory.Services.GetRequiredService<IDeviceRegistry>();
        var dev2 = (await registry.GetAsync("acme", "DEV-2"))!;
        await registry.SaveAsync("acme", dev2.Value.WithContract("cn-001-lighting", "C-9"), dev2.Version);
        var notify2 = new LocalDate(2027, 4, 1).AtStartOfDayInZone(Beijing).ToInstant();

        factory.Timer.AdvanceTo(notify1 - Duration.FromMilliseconds(1));
        var early = await WaitForAsync(client, static o => o.Any(static e => Subject(e) == "devices/DEV-S/warranty"), Expiring);
        Assert.Equal(["devices/DEV-S/warranty"], early.Select(Subject));

        factory.Timer.AdvanceTo(notify1 + Duration.FromMilliseconds(1));
        var due = await WaitForAsync(client, static o => o.Any(static e => Subject(e) == "devices/DEV-1/warranty"), Expiring);
        Assert.Equal(["devices/DEV-S/warranty", "devices/DEV-1/warranty"], due.Select(Subject));

        factory.Timer.AdvanceTo(notify2 + Duration.FromMilliseconds(1));
        await WaitForAsync(client, static o => o.Any(static e => Subject(e) == "devices/DEV-2/warranty"), Expiring);
        factory.Timer.AdvanceTo(notify2 + Duration.FromDays(400));
        await Task.Delay(300);
        var all = await OverdueAsync(client, Expiring);
        Assert.Equal(["devices/DEV-S/warranty", "devices/DEV-1/warranty", "devices/DEV-2/warranty"], all.Select(Subject));
        Assert.Equal(3, all.Select(static e => (string)e["id"]!).Distinct().Count());

        var one = all[1];
        Assert.Equal(notify1, Parse((string)one["time"]!));
        var data = one["data"]!;
        Assert.Equal(("DEV-1", "hardware", "cn-000-kiosk", "2025-07-01", "2026-06-30"),
            ((string)data["serialNumber"]!, (string)data["component"]!, (string)data["warrantyPolicyCode"]!, (string)data["startsOn"]!, (string)data["lastCoveredDay"]!));
        Assert.Equal(new LocalDate(2026, 7, 1).AtStartOfDayInZone(Beijing).ToInstant(), Parse((string)data["endsAt"]!));
        Assert.Equal(("BJ", "KIOSK-3"), ((string)data["serviceCentreId"]!, (string)data["model"]!));
        var moved = all[2];
        Assert.Equal(notify2, Parse((string)moved["time"]!));
        Assert.Equal(("cn-001-lighting", "2027-06-30", "C-9"), ((string)moved["data"]!["warrantyPolicyCode"]!, (string)moved["data"]!["lastCoveredDay"]!, (string)moved["data"]!["contractId"]!));
    }

    private static async Task RegisterAsync(HttpClient client, string serial, string acceptedOn) =>
        (await client.PostAsync("/after-sales/devices", Api.Json($$"""{"serialNumber":"{{serial}}","component":"hardware","acceptedOn":"{{acceptedOn}}","warrantyPolicy":"cn-000-kiosk","centreId":"BJ","model":"KIOSK-3"}""")))
            .EnsureSuccessStatusCode();

    private static string Lend(string unit, Instant returnBy) =>
        $$"""{"unitSerialNumber":"{{unit}}","partNumber":"LOANER-1","grade":1,"returnBy":"{{InstantPattern.ExtendedIso.Format(returnBy)}}"}""";

    private static async Task LendAsync(HttpClient client, string id, string unit, Instant returnBy) =>
        (await client.CommandAsync(id, "provide-loaner", Lend(unit, returnBy))).EnsureSuccessStatusCode();

    private static async Task ReturnAsync(HttpClient client, string id, string unit) =>
        (await client.CommandAsync(id, "return-loaner", $$"""{"unitSerialNumber":"{{unit}}"}""")).EnsureSuccessStatusCode();

    private static string Subject(JsonNode e) => EventFeed.Subject(e);

    private static Instant Parse(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    private static Task<List<JsonNode>> OverdueAsync(HttpClient client, string type = Overdue) => EventFeed.ReadAsync(client, type);

    private static Task<List<JsonNode>> WaitForAsync(HttpClient client, Func<List<JsonNode>, bool> done, string type = Overdue) => EventFeed.WaitForAsync(client, type, done);
}
