using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Http.Tests.Support;
using AfterSales.Testing;
using NodaTime.Testing;
using NodaTime.Text;

namespace AfterSales.Http.Tests.Events;

/// <summary>
/// <c>aftersales.complaint.escalated</c> (R-CP-5): once per complaint and level, when its clocks on the complaint desk
/// (Mon–Fri 09:00–18:00 Beijing) take it up the path QA → project manager → leadership → decision makers — not before,
/// not again on later passes or another node, moved by a save that stops a clock, withdrawn when it is closed, and each
/// level after the first scheduled as the one before fires, with no save in between.
/// </summary>
public sealed class ComplaintEscalatedEventTests
{
    private const string Escalated = "aftersales.complaint.escalated";

    private static readonly Instant Start = ServiceFactory.Start; // Monday 2026-03-02 09:00 Beijing

    private static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    [Fact]
    public Task Complaint_R_CP_5_EscalatedOncePerLevel_NotBefore_MovedByAReply_WithdrawnWhenClosed_NextLevelWithoutASave_Sqlite() => EscalatedOnce(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Complaint_R_CP_5_EscalatedOncePerLevel_NotBefore_MovedByAReply_WithdrawnWhenClosed_NextLevelWithoutASave_PostgreSql() => EscalatedOnce(TestDatabase.PostgreSql);

    [Fact]
    public Task Complaint_R_CP_5_TwoNodes_EachLevelEmittedOnce_Sqlite() => TwoNodesOnce(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Complaint_R_CP_5_TwoNodes_EachLevelEmittedOnce_PostgreSql() => TwoNodesOnce(TestDatabase.PostgreSql);

    private static Instant At(int day, int hour, int minute) => new LocalDateTime(2026, 3, day, hour, minute).InZoneStrictly(Beijing).ToInstant();

    private static async Task EscalatedOnce(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");

        // The sentinel is filed a minute earlier: its first reply is due at 11:00, the others' at 11:01.
        await FileAsync(client, "C-S");
        factory.Timer.AdvanceTo(Start + Duration.FromMinutes(1));
        foreach (var id in (string[])["C-1", "C-2", "C-3"])
        {
            await FileAsync(client, id);
        }

        // C-2 is answered in time: its first escalation moves to its verification's due instant. C-3 is closed: withdrawn.
        factory.Timer.AdvanceTo(Start + Duration.FromMinutes(30));
        await StepAsync(client, "C-2", "first-reply");
        foreach (var (step, body) in ((string, string?)[])[("first-reply", null), ("verification", """{"engineerResponsible":false}"""), ("formal-answer", null), ("solved", null), ("verdict", """{"satisfied":true}"""), ("close", null)])
        {
            await StepAsync(client, "C-3", step, body);
        }

        var pm = At(2, 11, 1);
        factory.Timer.AdvanceTo(pm - Duration.FromMilliseconds(1));
        var early = await WaitForAsync(client, static o => o.Any(static e => Subject(e) == "complaints/C-S"));
        Assert.Equal(["complaints/C-S"], early.Select(Subject));

        factory.Timer.AdvanceTo(pm + Duration.FromMilliseconds(1));
        await WaitForAsync(client, static o => Of("C-1", o).Count >= 1);

        // Leadership 9 business hours later (Tuesday 11:01), decision makers when verification breaches (Wednesday 09:01): no save.
        factory.Timer.AdvanceTo(At(3, 11, 1) + Duration.FromMilliseconds(1));
        await WaitForAsync(client, static o => Of("C-1", o).Count >= 2);
        factory.Timer.AdvanceTo(At(4, 9, 1) + Duration.FromMilliseconds(1));
        await WaitForAsync(client, static o => Of("C-1", o).Count >= 3 && Of("C-2", o).Count >= 1);

        factory.Timer.AdvanceTo(At(20, 9, 0));
        await Task.Delay(300);
        var all = await EventsAsync(client);
        var c1 = Of("C-1", all);
        Assert.Equal(["project-manager", "project-leadership", "decision-makers"], c1.Select(static e => (string)e["data"]!["escalationLevel"]!));
        Assert.Equal([pm, At(3, 11, 1), At(4, 9, 1)], c1.Select(static e => Parse((string)e["time"]!)));
        Assert.Equal(all.Count, all.Select(static e => (string)e["id"]!).Distinct().Count());
        Assert.Empty(Of("C-3", all));
        var c2 = Of("C-2", all);
        Assert.Equal(("project-manager", At(4, 9, 1)), ((string)c2[0]["data"]!["escalationLevel"]!, Parse((string)c2[0]["time"]!)));
        Assert.Equal(3, c2.Count);
        Assert.Equal(("C-1", "WO-C-1", "acme"), ((string)c1[0]["data"]!["complaintId"]!, (string)c1[0]["data"]!["workOrderId"]!, (string)c1[0]["tenantid"]!));
    }

    private static async Task TwoNodesOnce(TestDatabase database)
    {
        using var nodes = new TwoNodes(database, "acme", FakeClock.FromUtc(2026, 3, 2, 1, 0, 0));
        var (timer, a, b) = (nodes.Timer, nodes.A, nodes.B);
        for (var i = 0; i < 6; i++)
        {
            await FileAsync(i % 2 == 0 ? a : b, $"C-{i}");
        }

        // Monday 10:00 to Wednesday 12:00 an hour at a time: three levels each, the later two scheduled as the earlier fire.
        for (var at = At(2, 10, 0); at <= At(4, 12, 0); at += Duration.FromHours(1))
        {
            timer.AdvanceTo(at);
            await Task.Delay(20);
        }

        await WaitForAsync(a, static o => o.Count >= 18);
        timer.AdvanceTo(At(4, 13, 0));
        await Task.Delay(300);
        var escalated = await EventsAsync(b);
        Assert.Equal(18, escalated.Count);
        Assert.Equal(18, escalated.Select(static e => (string)e["id"]!).Distinct().Count());
        Assert.Equal(
            Enumerable.Range(0, 6).SelectMany(static i => (string[])["project-manager", "project-leadership", "decision-makers"], static (i, l) => $"complaints/C-{i} {l}").Order(),
            escalated.Select(static e => $"{Subject(e)} {(string)e["data"]!["escalationLevel"]!}").Order());
    }

    private static async Task FileAsync(HttpClient client, string id) =>
        (await client.PostAsync("/after-sales/complaints", Api.Json($$"""{"id":"{{id}}","workOrderId":"WO-{{id}}","engineerId":"E-7","summary":"late"}"""))).EnsureSuccessStatusCode();

    private static async Task StepAsync(HttpClient client, string id, string step, string? body = null) =>
        (await client.PostAsync($"/after-sales/complaints/{id}/{step}", body is null ? null : Api.Json(body))).EnsureSuccessStatusCode();

    private static List<JsonNode> Of(string id, List<JsonNode> events) => [.. events.Where(e => Subject(e) == "complaints/" + id)];

    private static string Subject(JsonNode e) => EventFeed.Subject(e);

    private static Instant Parse(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    private static Task<List<JsonNode>> EventsAsync(HttpClient client) => EventFeed.ReadAsync(client, Escalated);

    private static Task<List<JsonNode>> WaitForAsync(HttpClient client, Func<List<JsonNode>, bool> done) => EventFeed.WaitForAsync(client, Escalated, done);
}
