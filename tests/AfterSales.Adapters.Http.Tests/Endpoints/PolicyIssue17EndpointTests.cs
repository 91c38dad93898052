using System.Net;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>Issue 17 over HTTP: a policy document with end-of-working-day deadlines, calendar periods and escalation levels drives a ticket's clocks.</summary>
public sealed class PolicyIssue17EndpointTests
{
    private const string Policy = """
        {
          "id": "acme-desk",
          "name": "ACME desk",
          "severityScale": { "code": "acme", "name": "ACME", "levels": [ { "code": "P1", "nameZh": "紧急", "nameEn": "Urgent" } ] },
          "calendar": "cn-statutory-9-18",
          "conventions": { "budgetEndingAtClose": "NextOpening" },
          "targets": [
            { "metric": "first-response", "severities": ["P1"], "amount": { "businessTime": "PT30M" }, "calendar": "24x7-beijing",
              "escalations": [
                { "name": "QA", "notify": ["qa"], "before": "PT10M" },
                { "name": "PM", "notify": ["project-manager"], "percent": 100 },
                { "name": "leadership", "notify": ["project-leadership", "decision-makers"], "after": "PT1H", "counting": "ElapsedTime" } ] },
            { "metric": "resolved", "severities": ["P1"], "amount": { "closeOfWorkingDay": 1 } },
            { "metric": "repair-plan", "severities": ["P1"], "amount": { "calendarPeriod": "P1M" } }
          ]
        }
        """;

    [Fact]
    public async Task Clocks_CloseOfWorkingDayCalendarMonthAndEscalationLevels_FromThePolicyDocument()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        var saved = await (await CalendarEndpointTests.Put(client, "/after-sales/policies/acme-desk", Policy)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("NextOpening", (string)saved["conventions"]!["budgetEndingAtClose"]!);

        // Reported Monday 2026-03-02 09:00 Beijing (01:00Z): nobody answers.
        var report = Api.ReportBody("WO-9", "P1").Replace("\"severityCode\"", "\"policyId\":\"acme-desk\",\"severityCode\"", StringComparison.Ordinal);
        await (await client.PostAsync("/after-sales/tickets", Api.Json(report))).JsonAsync(HttpStatusCode.Created);
        factory.Clock.Advance(NodaTime.Duration.FromMinutes(75));
        var clocks = await (await client.GetAsync("/after-sales/tickets/WO-9/clocks")).JsonAsync(HttpStatusCode.OK);

        var response = Api.Clock(clocks, "first-response");
        Assert.Equal("Breached", (string)response["status"]!);
        Assert.Equal(
            ["first-response/1/QA@2026-03-02T01:20:00Z:True", "first-response/1/PM@2026-03-02T01:30:00Z:True", "first-response/1/leadership@2026-03-02T02:30:00Z:False"],
            response["escalations"]!.AsArray().Select(e => $"{(string)e!["key"]!}@{(string)e["at"]!}:{(bool)e["isReached"]!}"));
        Assert.Equal(["project-leadership", "decision-makers"], response["escalations"]![2]!["notify"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("2026-03-03T10:00:00Z", (string)Api.Clock(clocks, "resolved")["dueAt"]!); // the close of the next working day, 18:00
        Assert.Equal("2026-04-02T01:00:00Z", (string)Api.Clock(clocks, "repair-plan")["dueAt"]!); // a calendar month later
        Assert.Contains(Api.Clock(clocks, "resolved")["explanation"]!.AsArray(), l => ((string)l!).StartsWith("conventions: a budget ending at closing time is due at the next opening", StringComparison.Ordinal));
    }
}
