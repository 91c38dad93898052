using System.Net;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>Issue 17 §3–§4 over HTTP: customer messages and answers drive next-response occurrences, pauses name their reason, due dates are negotiated.</summary>
public sealed class ClockRestartEndpointTests
{
    private const string Policy = """
        {
          "id": "acme-desk",
          "name": "ACME desk",
          "severityScale": { "code": "acme", "name": "ACME", "levels": [ { "code": "P1", "nameZh": "紧急", "nameEn": "Urgent" } ] },
          "calendar": "cn-statutory-9-18",
          "targets": [
            { "metric": "first-response", "severities": ["P1"], "amount": { "businessTime": "PT1H" }, "pausedBy": ["waiting-for-customer"] },
            { "metric": "next-response", "severities": ["P1"], "amount": { "businessTime": "PT2H" } },
            { "metric": "resolved", "severities": ["P1"], "amount": { "businessTime": "PT8H" }, "pausedBy": ["waiting-for-customer", "manufacturer-parts"] }
          ]
        }
        """;

    private static async Task<(ServiceFactory Factory, HttpClient Client)> Reported(string id)
    {
        var factory = new ServiceFactory();
        var client = factory.ClientFor("acme");
        await (await CalendarEndpointTests.Put(client, "/after-sales/policies/acme-desk", Policy)).JsonAsync(HttpStatusCode.OK);

        // Reported Monday 2026-03-02 09:00 Beijing (01:00Z).
        var report = Api.ReportBody(id, "P1").Replace("\"severityCode\"", "\"policyId\":\"acme-desk\",\"severityCode\"", StringComparison.Ordinal);
        await (await client.PostAsync("/after-sales/tickets", Api.Json(report))).JsonAsync(HttpStatusCode.Created);
        return (factory, client);
    }

    [Fact]
    public async Task CustomerMessagesAndAnswers_StartAndStopNextResponseOccurrences_Summarised()
    {
        var (factory, client) = await Reported("WO-31");
        using var _ = factory;
        using var __ = client;

        factory.Clock.Advance(NodaTime.Duration.FromHours(1));
        var messaged = await (await client.CommandAsync("WO-31", "receive-customer-message", """{ "note": "还没修好吗?" }""")).JsonAsync(HttpStatusCode.OK);
        factory.Clock.Advance(NodaTime.Duration.FromMinutes(30));
        await (await client.CommandAsync("WO-31", "answer-customer")).JsonAsync(HttpStatusCode.OK);
        factory.Clock.Advance(NodaTime.Duration.FromMinutes(30));
        await (await client.CommandAsync("WO-31", "receive-customer-message")).JsonAsync(HttpStatusCode.OK);
        factory.Clock.Advance(NodaTime.Duration.FromHours(3)); // 14:00: the second message waited 3 h
        var clocks = await (await client.GetAsync("/after-sales/tickets/WO-31/clocks")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Reported", (string)messaged["state"]!);
        Assert.Equal("CustomerMessageReceived", (string)messaged["events"]![1]!["kind"]!);
        Assert.Equal("还没修好吗?", (string)messaged["events"]![1]!["note"]!);
        Assert.Contains("answer-customer", messaged["permittedCommands"]!.AsArray().Select(c => (string)c!));
        var occurrences = clocks["clocks"]!.AsArray().Where(c => (string)c!["metric"]! == "next-response").ToList();
        Assert.Equal(["1:Met:2026-03-02T04:00:00Z", "2:Breached:2026-03-02T05:00:00Z"], occurrences.Select(c => $"{(int)c!["occurrence"]!}:{(string)c["status"]!}:{(string)c["dueAt"]!}"));
        var summary = clocks["recurring"]![0]!;
        Assert.Equal("next-response", (string)summary["metric"]!);
        Assert.Equal((2, 1, 1, 0, 2), ((int)summary["count"]!, (int)summary["met"]!, (int)summary["overdue"]!, (int)summary["open"]!, (int)summary["worstOccurrence"]!));
        Assert.Null(Api.Clock(clocks, "resolved")["occurrence"]);
    }

    [Fact]
    public async Task WaitForCustomer_WithAPauseReason_PausesOnlyTheTargetsThatListIt_AndUnknownReasonsAreRefusedByField()
    {
        var (factory, client) = await Reported("WO-32");
        using var _ = factory;
        using var __ = client;

        factory.Clock.Advance(NodaTime.Duration.FromMinutes(10));
        var paused = await (await client.CommandAsync("WO-32", "wait-for-customer", """{ "reason": "主板返厂", "pauseReason": "manufacturer-parts" }""")).JsonAsync(HttpStatusCode.OK);
        factory.Clock.Advance(NodaTime.Duration.FromHours(2));
        await (await client.CommandAsync("WO-32", "resume")).JsonAsync(HttpStatusCode.OK);
        var unknown = await (await client.CommandAsync("WO-32", "wait-for-customer", """{ "reason": "台风", "pauseReason": "typhoon" }""")).JsonAsync(HttpStatusCode.BadRequest);
        var plain = await (await client.CommandAsync("WO-32", "wait-for-customer", """{ "reason": "等待客户提供日志" }""")).JsonAsync(HttpStatusCode.OK);
        var clocks = await (await client.GetAsync("/after-sales/tickets/WO-32/clocks")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("manufacturer-parts", (string)paused["events"]![1]!["pauseReason"]!);
        Assert.Null(plain["events"]![3]!["pauseReason"]);
        Assert.Contains("typhoon", (string)unknown["errors"]!["pauseReason"]![0]!, StringComparison.Ordinal);
        Assert.Equal("Breached", (string)Api.Clock(clocks, "first-response")["status"]!); // parts do not pause the response
        var resolved = Api.Clock(clocks, "resolved");
        Assert.Equal("manufacturer-parts", (string)resolved["pausedByReason"]![0]!["reason"]!);
        Assert.Contains(resolved["explanation"]!.AsArray(), l => ((string)l!).Contains("waiting for manufacturer parts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NegotiateDueDate_MovesTheClock_AndIsRefusedEarlierThanThePolicyOrForAnUnknownMetric()
    {
        var (factory, client) = await Reported("WO-33");
        using var _ = factory;
        using var __ = client;

        factory.Clock.Advance(NodaTime.Duration.FromHours(1));
        var earlier = await (await client.CommandAsync("WO-33", "negotiate-due-date", """{ "metric": "resolved", "dueAt": "2026-03-02T06:00:00Z", "reason": "x", "negotiatedBy": "张经理" }""")).JsonAsync(HttpStatusCode.BadRequest);
        var unknown = await (await client.CommandAsync("WO-33", "negotiate-due-date", """{ "metric": "loaner", "dueAt": "2026-03-06T09:00:00Z", "reason": "x", "negotiatedBy": "张经理" }""")).JsonAsync(HttpStatusCode.BadRequest);
        var agreed = await (await client.CommandAsync("WO-33", "negotiate-due-date", """{ "metric": "resolved", "dueAt": "2026-03-06T09:00:00Z", "reason": "客户同意周五前修复", "negotiatedBy": "张经理" }""")).JsonAsync(HttpStatusCode.OK);
        var clocks = await (await client.GetAsync("/after-sales/tickets/WO-33/clocks")).JsonAsync(HttpStatusCode.OK);

        Assert.True(earlier["errors"]!["dueAt"] is not null, earlier.ToJsonString());
        Assert.True(unknown["errors"]!["metric"] is not null, unknown.ToJsonString());
        var e = agreed["events"]!.AsArray()[^1]!;
        Assert.Equal("DueDateNegotiated", (string)e["kind"]!);
        Assert.Equal(("resolved", "2026-03-06T09:00:00Z", "张经理"), ((string)e["negotiation"]!["metricCode"]!, (string)e["negotiation"]!["dueAt"]!, (string)e["negotiation"]!["negotiatedBy"]!));
        var resolved = Api.Clock(clocks, "resolved");
        Assert.Equal("2026-03-06T09:00:00Z", (string)resolved["dueAt"]!);
        Assert.Equal("2026-03-06T09:00:00Z", (string)resolved["agreedDueAt"]!);
        Assert.Equal("2026-03-02T09:00:00Z", (string)resolved["policyDueAt"]!);
        Assert.Contains(resolved["explanation"]!.AsArray(), l => ((string)l!).StartsWith("due 2026-03-06 17:00 as agreed with the customer on 2026-03-02 10:00 (张经理: 客户同意周五前修复)", StringComparison.Ordinal));
    }
}
