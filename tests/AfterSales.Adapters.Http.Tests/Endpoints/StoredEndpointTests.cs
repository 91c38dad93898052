using System.Net;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

public sealed class StoredEndpointTests
{
    [Fact]
    public Task ComplaintLife_OnSqlite_FiledToClosed_WithIfMatchAndTenantIsolation() => ComplaintLife(TestDatabase.Sqlite);

    [PostgresFact]
    public Task ComplaintLife_OnPostgreSql_FiledToClosed_WithIfMatchAndTenantIsolation() => ComplaintLife(TestDatabase.PostgreSql);

    private static async Task ComplaintLife(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");
        var filed = await client.PostAsync("/after-sales/complaints", Api.Json("""{"id":"C-1","workOrderId":"WO-1","engineerId":"E-7","summary":"engineer late"}"""));
        var complaint = await filed.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("/after-sales/complaints/C-1", filed.Headers.Location!.OriginalString);
        Assert.Equal("Open", (string)complaint["status"]!);
        Assert.NotEmpty(complaint["clocks"]!.AsArray());
        var version = (int)complaint["version"]!;

        version = await PostStep(client, factory, "first-reply", null, version);
        var stale = await PostRaw(client, "first-reply", null, version - 1);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var early = await PostRaw(client, "close", null, version);
        var refused = await early.JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("close", (string)refused["command"]!);
        Assert.Equal(["the complaint is not solved yet"], refused["unmetGuards"]!.AsArray().Select(static g => (string)g!));
        Assert.Equal(["verification", "formal-answer", "solved"], refused["permittedCommands"]!.AsArray().Select(static c => (string)c!));
        version = await PostStep(client, factory, "verification", """{"engineerResponsible":true}""", version);
        version = await PostStep(client, factory, "formal-answer", null, version);
        version = await PostStep(client, factory, "solved", null, version);
        version = await PostStep(client, factory, "verdict", """{"satisfied":true}""", version);
        version = await PostStep(client, factory, "close", null, version);

        var closed = await (await client.GetAsync("/after-sales/complaints/C-1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Closed", (string)closed["status"]!);
        Assert.True((bool)closed["engineerResponsible"]!);

        using var other = factory.ClientFor("globex");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/after-sales/complaints/C-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync("/after-sales/complaints/C-1/first-reply", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync("/after-sales/complaints", Api.Json("""{"id":"C-1","workOrderId":"WO-1","engineerId":"E-7","summary":"again"}"""))).StatusCode);
    }

    private static async Task<int> PostStep(HttpClient client, ServiceFactory factory, string step, string? body, int version)
    {
        factory.Clock.AdvanceMinutes(30);
        var r = await PostRaw(client, step, body, version);
        return (int)(await r.JsonAsync(HttpStatusCode.OK))["version"]!;
    }

    private static async Task<HttpResponseMessage> PostRaw(HttpClient client, string step, string? body, int version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/after-sales/complaints/C-1/{step}");
        if (body is not null)
        {
            request.Content = Api.Json(body);
        }

        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task StockMovements_BalanceKept_NegativeRefused_PerTenant()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        var received = await (await client.PostAsync("/after-sales/spares/BJ/P-1/movements", Api.Json("""{"kind":"Received","quantity":5,"by":"warehouse"}"""))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(5, (int)received["balance"]!);
        var issued = await client.PostAsync("/after-sales/spares/BJ/P-1/movements", Api.Json("""{"kind":"IssuedToWorkOrder","quantity":2,"by":"eng","workOrderId":"WO-1"}"""));
        Assert.Equal("\"2\"", issued.Headers.ETag!.Tag);
        var before = await factory.DumpHashAsync();
        var tooMany = await client.PostAsync("/after-sales/spares/BJ/P-1/movements", Api.Json("""{"kind":"Scrapped","quantity":9,"by":"eng"}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        using var stale = new HttpRequestMessage(HttpMethod.Post, "/after-sales/spares/BJ/P-1/movements") { Content = Api.Json("""{"kind":"Received","quantity":1,"by":"w"}""") };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(stale)).StatusCode);
        Assert.Equal(before, await factory.DumpHashAsync());

        var ledger = await (await client.GetAsync("/after-sales/spares/BJ/P-1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, (int)ledger["balance"]!);
        using var other = factory.ClientFor("globex");
        var theirs = await (await other.GetAsync("/after-sales/spares/BJ/P-1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, (int)theirs["balance"]!);
    }
}
