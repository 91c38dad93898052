using System.Net;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

public sealed class EntitlementAndQualityEndpointTests
{
    [Fact]
    public async Task Warranty_AcceptedFourteenMonthsAgo_OneYearHardwareTerm_OutOfWarranty()
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient();
        var within = await (await client.PostAsync("/after-sales/warranty/assessments", Api.Json(
            """{"policy":"cn-000-kiosk","serialNumber":"K-1","component":"hardware","acceptedOn":"2025-06-01","on":"2026-03-02"}"""))).JsonAsync(HttpStatusCode.OK);
        Assert.True((bool)within["isCovered"]!);
        Assert.Equal("2026-05-31", (string)within["lastCoveredDay"]!);

        var after = await (await client.PostAsync("/after-sales/warranty/assessments", Api.Json(
            """{"policy":"cn-000-kiosk","serialNumber":"K-1","component":"hardware","acceptedOn":"2025-01-01","on":"2026-03-02"}"""))).JsonAsync(HttpStatusCode.OK);
        Assert.False((bool)after["isCovered"]!);
        Assert.NotEmpty(after["reasons"]!.AsArray());

        var unknown = await (await client.PostAsync("/after-sales/warranty/assessments", Api.Json(
            """{"policy":"nope","serialNumber":"K-1","component":"hardware","on":"2026-03-02"}"""))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["policy"]);
        Assert.NotEmpty((await (await client.GetAsync("/after-sales/warranty/policies")).JsonAsync(HttpStatusCode.OK)).AsArray());
    }

    [Fact]
    public async Task RegisteredDevice_WarrantyBySerial_ExpiringList_PerTenant()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        var created = await client.PostAsync("/after-sales/devices", Api.Json("""{"serialNumber":"K-1","component":"hardware","acceptedOn":"2025-04-15"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/after-sales/devices/K-1", created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync("/after-sales/devices", Api.Json("""{"serialNumber":"K-1","component":"hardware","acceptedOn":"2025-05-01"}"""))).StatusCode);

        var warranty = await (await client.GetAsync("/after-sales/devices/K-1/warranty?policy=cn-000-kiosk&on=2026-03-02")).JsonAsync(HttpStatusCode.OK);
        Assert.True((bool)warranty["isCovered"]!);
        Assert.Equal("2026-04-14", (string)warranty["lastCoveredDay"]!);

        var expiring = await (await client.GetAsync("/after-sales/warranty/expiring?policy=cn-000-kiosk&from=2026-03-02")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("K-1", (string)expiring["items"]!.AsArray().Single()!["serialNumber"]!);
        Assert.False((bool)expiring["hasMore"]!);

        using var other = factory.ClientFor("globex");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/after-sales/devices/K-1/warranty?policy=cn-000-kiosk")).StatusCode);
        Assert.Empty((await (await other.GetAsync("/after-sales/warranty/expiring?policy=cn-000-kiosk&from=2026-03-02")).JsonAsync(HttpStatusCode.OK))["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/after-sales/devices/K-1/warranty?policy=cn-000-kiosk&on=2026-02-30")).StatusCode);
    }

    [Fact]
    public async Task Spares_LedgerRefusesNegativeStock()
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient();
        var ledger = await (await client.PostAsync("/after-sales/spares/ledger", Api.Json(
            """{"centreId":"BJ","partNumber":"P-1","movements":[{"kind":"Received","quantity":5,"by":"w","at":"2026-03-01T00:00:00Z"},{"kind":"IssuedToWorkOrder","quantity":2,"by":"w","at":"2026-03-02T00:00:00Z","workOrderId":"WO-1"}]}"""))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, (int)ledger["balance"]!);

        var negative = await client.PostAsync("/after-sales/spares/ledger", Api.Json(
            """{"centreId":"BJ","partNumber":"P-1","movements":[{"kind":"Scrapped","quantity":1,"by":"w","at":"2026-03-01T00:00:00Z"}]}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, negative.StatusCode);
    }

    [Fact]
    public async Task Complaint_Unanswered_ClocksRunningOrBreached_EscalationReported()
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient();
        var result = await (await client.PostAsync("/after-sales/complaints/evaluations", Api.Json(
            """{"id":"C-1","workOrderId":"WO-1","engineerId":"E-1","filedAt":"2026-03-02T01:00:00Z","summary":"late","at":"2026-03-09T01:00:00Z"}"""))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Open", (string)result["status"]!);
        Assert.NotEmpty(result["clocks"]!.AsArray());
        Assert.Contains(result["clocks"]!.AsArray(), c => (string)c!["status"]! == "Breached");
        Assert.NotNull(result["escalationLevel"]);
    }

    [Fact]
    public async Task QuarterlyReport_FromTenantTickets_JsonMarkdownHtml()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        factory.Clock.AdvanceMinutes(5);
        (await client.CommandAsync("WO-1", "acknowledge")).EnsureSuccessStatusCode();
        using var other = factory.ClientFor("globex");
        (await other.ReportAsync("WO-9")).EnsureSuccessStatusCode();

        var json = await (await client.GetAsync("/after-sales/reports/quarterly/2026/1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)json["workOrders"]!);
        Assert.Equal("2026-03-31", (string)json["end"]!);

        using var md = new HttpRequestMessage(HttpMethod.Get, "/after-sales/reports/quarterly/2026/1");
        md.Headers.Accept.ParseAdd("text/markdown");
        var markdown = await client.SendAsync(md);
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType!.MediaType);
        Assert.Contains("#", await markdown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var html = await client.GetAsync("/after-sales/reports/quarterly/2026/1?format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/after-sales/reports/quarterly/2026/5")).StatusCode);
    }
}
