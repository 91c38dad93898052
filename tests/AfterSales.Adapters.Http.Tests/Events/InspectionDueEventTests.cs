using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Http.Tests.Support;
using AfterSales.Testing;
using NodaTime.Testing;
using NodaTime.Text;

namespace AfterSales.Http.Tests.Events;

/// <summary>
/// <c>aftersales.inspection.due</c> (R-IN-1): at the start of a recurring plan's window's last day (Beijing, as the due
/// list counts it) when no complete, signed record of the subject falls in it — not before, once whatever the passes or
/// nodes, moved to the next window by a record, withdrawn when the plan stops covering the subject, and followed by the
/// next window's notice when it fires, so the windows after it come without any save.
/// </summary>
public sealed class InspectionDueEventTests
{
    private const string Due = "aftersales.inspection.due";

    private static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    [Fact]
    public Task Inspection_R_IN_1_DueOnceAtTheDueDay_NotBefore_MovedByARecord_WithdrawnWithTheSubject_NextWindowWithoutASave_Sqlite() => DueOnce(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Inspection_R_IN_1_DueOnceAtTheDueDay_NotBefore_MovedByARecord_WithdrawnWithTheSubject_NextWindowWithoutASave_PostgreSql() => DueOnce(TestDatabase.PostgreSql);

    [Fact]
    public Task Inspection_R_IN_1_TwoNodes_EachWindowEmittedOnce_Sqlite() => TwoNodesOnce(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Inspection_R_IN_1_TwoNodes_EachWindowEmittedOnce_PostgreSql() => TwoNodesOnce(TestDatabase.PostgreSql);

    private static Instant StartOf(int year, int month, int day) => new LocalDate(year, month, day).AtStartOfDayInZone(Beijing).ToInstant();

    private static async Task DueOnce(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");

        // Monthly from 1 March: the first window is due on 31 March. The sentinel's plan, from 31 January, is due a day earlier.
        await PutPlanAsync(client, "pm", "2026-03-01", "S-1", "S-2", "S-3");
        await PutPlanAsync(client, "pm-s", "2026-01-31", "S-S");
        var march = StartOf(2026, 3, 31);

        // S-2 is inspected in March: its notice moves to April. S-3 leaves the plan: its notice is withdrawn.
        factory.Timer.AdvanceTo(StartOf(2026, 3, 10) + Duration.FromHours(10));
        await RecordAsync(client, "R-1", "S-2", "2026-03-10");
        await PutPlanAsync(client, "pm", "2026-03-01", "S-1", "S-2");

        factory.Timer.AdvanceTo(march - Duration.FromMilliseconds(1));
        var early = await WaitForAsync(client, static o => o.Any(static e => Subject(e) == "inspection-plans/pm-s/sites/S-S"));
        Assert.Equal(["inspection-plans/pm-s/sites/S-S"], early.Select(Subject));

        factory.Timer.AdvanceTo(march + Duration.FromMilliseconds(1));
        var first = await WaitForAsync(client, static o => Of("pm", o).Count >= 1);
        Assert.Equal(["inspection-plans/pm/sites/S-1"], Of("pm", first).Select(Subject));

        // April's window follows with no save in between: S-1's scheduled when March's fired, S-2's by its record.
        var april = StartOf(2026, 4, 30);
        factory.Timer.AdvanceTo(april + Duration.FromMilliseconds(1));
        var all = await WaitForAsync(client, static o => Of("pm", o).Count >= 3);

        // Later passes emit nothing again, up to just before May's due day.
        factory.Timer.AdvanceTo(StartOf(2026, 5, 31) - Duration.FromMilliseconds(1));
        await Task.Delay(300);
        all = Of("pm", await EventsAsync(client));
        Assert.Equal(3, all.Count);
        Assert.Equal(3, all.Select(static e => (string)e["id"]!).Distinct().Count());
        Assert.Equal(["inspection-plans/pm/sites/S-1", "inspection-plans/pm/sites/S-1", "inspection-plans/pm/sites/S-2"], all.Select(Subject).Order());
        Assert.Equal([march, april, april], all.Select(static e => Parse((string)e["time"]!)).Order());

        var one = all[0];
        Assert.Equal("acme", (string)one["tenantid"]!);
        var data = one["data"]!;
        Assert.Equal(("pm", "S-1", "2026-03-01", "2026-03-31"), ((string)data["plan"]!, (string)data["site"]!, (string)data["windowStart"]!, (string)data["dueOn"]!));
        Assert.Null(data["device"]);
        Assert.False(string.IsNullOrEmpty((string)data["deviceType"]!));
        var s2 = all.Single(static e => Subject(e) == "inspection-plans/pm/sites/S-2");
        Assert.Equal(("2026-04-01", "2026-04-30"), ((string)s2["data"]!["windowStart"]!, (string)s2["data"]!["dueOn"]!));
    }

    private static async Task TwoNodesOnce(TestDatabase database)
    {
        using var nodes = new TwoNodes(database, "acme", FakeClock.FromUtc(2026, 3, 2, 1, 0, 0));
        var (timer, a, b) = (nodes.Timer, nodes.A, nodes.B);
        await PutPlanAsync(a, "pm", "2026-03-01", [.. Enumerable.Range(0, 10).Select(static i => $"S-{i}")]);

        // Three windows (March, April, May) pass in steps; each follows the last without a save.
        for (var day = StartOf(2026, 3, 30); day <= StartOf(2026, 6, 1); day += Duration.FromDays(1))
        {
            timer.AdvanceTo(day);
            await Task.Delay(20);
        }

        await WaitForAsync(a, static o => o.Count >= 30);
        timer.AdvanceTo(StartOf(2026, 6, 29));
        await Task.Delay(300);
        var due = await EventsAsync(b);
        Assert.Equal(30, due.Count);
        Assert.Equal(30, due.Select(static e => (string)e["id"]!).Distinct().Count());
        Assert.Equal(
            Enumerable.Range(0, 10).SelectMany(static i => (string[])["2026-03-31", "2026-04-30", "2026-05-31"], static (i, d) => $"S-{i} {d}").Order(),
            due.Select(static e => $"{(string)e["data"]!["site"]!} {(string)e["data"]!["dueOn"]!}").Order());
    }

    private static async Task PutPlanAsync(HttpClient client, string code, string startsOn, params string[] sites) =>
        (await client.PutAsync($"/after-sales/inspections/plans/{code}", Api.Json(new JsonObject
        {
            ["checklist"] = new JsonObject { ["preset"] = "cctv-004" },
            ["recurrence"] = "monthly",
            ["startsOn"] = startsOn,
            ["sites"] = new JsonArray([.. sites.Select(static s => (JsonNode)s)]),
        }.ToJsonString()))).EnsureSuccessStatusCode();

    private static async Task RecordAsync(HttpClient client, string id, string site, string on)
    {
        var checklists = await (await client.GetAsync("/after-sales/inspections/checklists")).JsonAsync(HttpStatusCode.OK);
        var items = checklists["cctv-004"]!["items"]!.AsArray().Select(static i => (string)i!["code"]!);
        var body = new JsonObject
        {
            ["id"] = id,
            ["site"] = site,
            ["checklist"] = new JsonObject { ["preset"] = "cctv-004" },
            ["inspectedOn"] = on,
            ["engineerId"] = "E-1",
            ["results"] = new JsonArray([.. items.Select(static code => (JsonNode)new JsonObject { ["item"] = code, ["outcome"] = "Ok" })]),
            ["signedBy"] = site + " manager",
        };
        var record = await (await client.PostAsync("/after-sales/inspections/records", Api.Json(body.ToJsonString()))).JsonAsync(HttpStatusCode.Created);
        Assert.True((bool)record["countsAsDone"]!);
    }

    private static List<JsonNode> Of(string plan, List<JsonNode> events) =>
        [.. events.Where(e => Subject(e).StartsWith($"inspection-plans/{plan}/", StringComparison.Ordinal))];

    private static string Subject(JsonNode e) => EventFeed.Subject(e);

    private static Instant Parse(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    private static Task<List<JsonNode>> EventsAsync(HttpClient client) => EventFeed.ReadAsync(client, Due);

    private static Task<List<JsonNode>> WaitForAsync(HttpClient client, Func<List<JsonNode>, bool> done) => EventFeed.WaitForAsync(client, Due, done);
}
