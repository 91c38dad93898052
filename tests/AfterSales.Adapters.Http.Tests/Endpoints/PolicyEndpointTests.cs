using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>SLA policies as versioned data over HTTP (issue 12 §3): documents, versions per tenant, the dry run, a ticket under a saved policy.</summary>
public sealed class PolicyEndpointTests
{
    internal const string SitePolicy = """
        {
          "id": "acme-site",
          "name": "ACME site contract",
          "severityScale": { "code": "acme", "name": "ACME", "levels": [ { "code": "P1", "nameZh": "紧急", "nameEn": "Urgent" }, { "code": "P2", "nameZh": "一般", "nameEn": "Normal" } ] },
          "calendar": "cn-statutory-9-18",
          "warnings": [50, 90],
          "targets": [
            { "metric": "first-response", "severities": ["P1", "P2"], "amount": { "businessTime": "PT30M" }, "description": "30分钟内响应" },
            { "metric": "on-site-arrival", "severities": ["P1"], "amount": { "businessTime": "PT2H" }, "calendar": "24x7-beijing" },
            { "metric": "resolved", "severities": ["P1", "P2"], "amount": { "workingDays": 2 } }
          ]
        }
        """;

    private const string Broken = """
        {
          "id": "acme-site",
          "name": "broken",
          "severityScale": { "code": "acme", "name": "ACME", "levels": [ { "code": "P1", "nameZh": "紧急", "nameEn": "Urgent" } ] },
          "targets": [
            { "metric": "first-response", "severities": ["P9"], "amount": { "businessTime": "PT30M" }, "calendar": "24x7-beijing" },
            { "metric": "teleport", "severities": ["P1"], "amount": { "businessTime": "PT2H" }, "calendar": "mars" },
            { "metric": "resolved", "severities": ["P1"], "amount": { "businessTime": "two hours" } }
          ]
        }
        """;

    [Fact]
    public Task Policies_OnSqlite_ReadPutUnchangedVersionPerTenantAndReportUnderIt() => Policies(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Policies_OnPostgreSql_ReadPutUnchangedVersionPerTenantAndReportUnderIt() => Policies(TestDatabase.PostgreSql);

    private static async Task Policies(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");
        using var other = factory.ClientFor("globex");

        var list = await (await client.GetAsync("/after-sales/policies")).JsonAsync(HttpStatusCode.OK);
        var listed = Assert.Single(list.AsArray(), p => (string)p!["id"]! == "cn-002-system-integration")!;
        Assert.True((bool)listed["shared"]!);

        // What GET returns, PUT accepts unchanged: the tenant's next version; other tenants keep the shared one.
        var read = await client.GetAsync("/after-sales/policies/cn-002-system-integration");
        var document = await read.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("\"1\"", read.Headers.ETag!.Tag);
        var put = await CalendarEndpointTests.Put(client, "/after-sales/policies/cn-002-system-integration", document.ToJsonString(), ifMatch: 1);
        var saved = await put.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("\"2\"", put.Headers.ETag!.Tag);
        document["version"] = 2;
        Assert.True(JsonNode.DeepEquals(document, saved), saved.ToJsonString());
        Assert.Equal(2, (int)(await (await client.GetAsync("/after-sales/policies/cn-002-system-integration")).JsonAsync(HttpStatusCode.OK))["version"]!);
        Assert.Equal(1, (int)(await (await client.GetAsync("/after-sales/policies/cn-002-system-integration?version=1")).JsonAsync(HttpStatusCode.OK))["version"]!);
        Assert.Equal(1, (int)(await (await other.GetAsync("/after-sales/policies/cn-002-system-integration")).JsonAsync(HttpStatusCode.OK))["version"]!);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await CalendarEndpointTests.Put(client, "/after-sales/policies/cn-002-system-integration", saved.ToJsonString(), ifMatch: 1)).StatusCode);

        // A policy of the tenant's own; a ticket reported under it keeps that version.
        var own = await (await CalendarEndpointTests.Put(client, "/after-sales/policies/acme-site", SitePolicy)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)own["version"]!);
        var report = Api.ReportBody("WO-7", "P1").Replace("\"severityCode\"", "\"policyId\":\"acme-site\",\"severityCode\"", StringComparison.Ordinal);
        await (await client.PostAsync("/after-sales/tickets", Api.Json(report))).JsonAsync(HttpStatusCode.Created);
        await CalendarEndpointTests.Put(client, "/after-sales/policies/acme-site", SitePolicy.Replace("PT30M", "PT15M", StringComparison.Ordinal));
        var clocks = await (await client.GetAsync("/after-sales/tickets/WO-7/clocks")).JsonAsync(HttpStatusCode.OK);
        var response = Api.Clock(clocks, "first-response");
        Assert.Equal("acme-site@1", (string)response["policyKey"]!);
        Assert.Equal("cn-statutory-9-18@1", (string)response["calendarKey"]!);
        Assert.Equal("24x7-beijing@1", (string)Api.Clock(clocks, "on-site-arrival")["calendarKey"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/after-sales/policies/acme-site")).StatusCode);

        // Moving the open ticket to the tenant's version 2 is the explicit adopt-policy command.
        await (await client.CommandAsync("WO-7", "adopt-policy", "{}")).JsonAsync(HttpStatusCode.OK);
        var adopted = Api.Clock(await (await client.GetAsync("/after-sales/tickets/WO-7/clocks")).JsonAsync(HttpStatusCode.OK), "first-response");
        Assert.Equal("acme-site@2", (string)adopted["policyKey"]!);
        Assert.Equal("PT15M", (string)adopted["allowed"]!);
    }

    [Fact]
    public async Task Validate_BrokenDocument_Is400WithEveryErrorByPath_TheSameAPutGets_AndSavesNothing()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");

        var dryRun = await (await client.PostAsync("/after-sales/policies/validate", Api.Json(Broken))).JsonAsync(HttpStatusCode.BadRequest);
        var schemaErrors = dryRun["errors"]!.AsObject();
        Assert.Equal(["$.targets[2].amount.businessTime"], schemaErrors.Select(static e => e.Key));

        var fixedSchema = Broken.Replace("two hours", "PT2H", StringComparison.Ordinal);
        var domain = await (await client.PostAsync("/after-sales/policies/validate", Api.Json(fixedSchema))).JsonAsync(HttpStatusCode.BadRequest);
        var put = await (await CalendarEndpointTests.Put(client, "/after-sales/policies/acme-site", fixedSchema)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(
            ["$.targets[0].severities", "$.targets[1].calendar", "$.targets[1].metric", "$.targets[2].calendar"],
            domain["errors"]!.AsObject().Select(static e => e.Key).Order(StringComparer.Ordinal));
        Assert.True(JsonNode.DeepEquals(domain["errors"], put["errors"]));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/after-sales/policies/acme-site")).StatusCode);
    }

    [Fact]
    public async Task Validate_ValidDocument_Is200AndSavesNothing()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");

        var ok = await (await client.PostAsync("/after-sales/policies/validate", Api.Json(SitePolicy))).JsonAsync(HttpStatusCode.OK);

        Assert.True((bool)ok["valid"]!);
        Assert.Equal(3, (int)ok["targets"]!);
        Assert.Equal(["24x7-beijing@1", "cn-statutory-9-18@1"], ok["calendars"]!.AsArray().Select(static c => (string)c!));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/after-sales/policies/acme-site")).StatusCode);
    }

    [Fact]
    public async Task PutPolicy_IdOtherThanTheAddress_Is400AtId()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");

        var problem = await (await CalendarEndpointTests.Put(client, "/after-sales/policies/other", SitePolicy)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["$.id"], problem["errors"]!.AsObject().Select(static e => e.Key));
    }

    [Fact]
    public async Task Schema_IsPublished()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");

        var response = await client.GetAsync("/after-sales/policies/schema");
        var schema = await response.JsonAsync(HttpStatusCode.OK);

        Assert.Equal("application/schema+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("urn:aftersales-kit:schemas:sla-policy", (string)schema["$id"]!);
    }
}
