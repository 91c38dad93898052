using System.Net;
using System.Net.Http.Headers;
using AfterSales.Http.Identity;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>
/// People over HTTP (R-ORG-1/2): engineers and a centre's duty rota with ETags and If-Match, who is on duty,
/// dispatch refused off duty (409 naming engineer) or for an unknown engineer (400), the override kept on
/// the event with who decided, and an engineer's tickets. The clock starts at 09:00 Beijing, 2 March 2026.
/// </summary>
public sealed class PeopleEndpointTests
{
    [Fact]
    public Task People_Sqlite() => People(TestDatabase.Sqlite);

    [PostgresFact]
    public Task People_PostgreSql() => People(TestDatabase.PostgreSql);

    private static async Task People(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");

        // R-ORG-1: engineers of two centres; ETag is the version, If-Match guards a replace.
        var created = await client.PutAsync("/after-sales/engineers/E-1", Api.Json("""{"name":"李雷","centreId":"SH-01","contact":"13800000001","skills":["cctv","kiosk"]}"""));
        var e1 = await created.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("\"1\"", "/after-sales/engineers/E-1"), (created.Headers.ETag!.Tag, created.Headers.Location!.OriginalString));
        Assert.Equal(("E-1", 1, "SH-01", 2), ((string)e1["id"]!, (int)e1["version"]!, (string)e1["centreId"]!, e1["skills"]!.AsArray().Count));
        (await client.PutAsync("/after-sales/engineers/E-2", Api.Json("""{"name":"韩梅梅","centreId":"SH-01","contact":"13800000002"}"""))).EnsureSuccessStatusCode();
        (await client.PutAsync("/after-sales/engineers/E-3", Api.Json("""{"name":"王工","centreId":"BJ-01","contact":"13800000003"}"""))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await Put(client, "/after-sales/engineers/E-1", """{"name":"李雷","centreId":"SH-01","contact":"13900000001"}""", 1)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Put(client, "/after-sales/engineers/E-1", """{"name":"x","centreId":"SH-01","contact":"c"}""", 1)).StatusCode);
        var got = await client.GetAsync("/after-sales/engineers/E-1");
        Assert.Equal(("13900000001", "\"2\""), ((string)(await got.JsonAsync(HttpStatusCode.OK))["contact"]!, got.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/after-sales/engineers/E-9")).StatusCode);
        var blank = await (await client.PutAsync("/after-sales/engineers/E-9", Api.Json("""{"name":" ","centreId":"SH-01","contact":"c"}"""))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(blank["errors"]!["name"]);

        var shanghai = await (await client.GetAsync("/after-sales/engineers?centreId=SH-01&pageSize=1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("E-1", true), ((string)shanghai["items"]![0]!["id"]!, (bool)shanghai["hasMore"]!));
        var second = await (await client.GetAsync("/after-sales/engineers?centreId=SH-01&pageSize=1&page=2")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("E-2", false), ((string)second["items"]![0]!["id"]!, (bool)second["hasMore"]!));

        // R-ORG-2: the centre's rota in Beijing time; E-1 on the day shift, E-2 on the evening shift.
        const string Rota = """
            {"shifts":[
              {"engineerId":"E-1","start":"2026-03-02T09:00:00","end":"2026-03-02T17:00:00"},
              {"engineerId":"E-2","start":"2026-03-02T17:00:00","end":"2026-03-03T01:00:00"}]}
            """;
        var rota = await client.PutAsync("/after-sales/service-centres/SH-01/duty-rota", Api.Json(Rota));
        Assert.Equal("Asia/Shanghai", (string)(await rota.JsonAsync(HttpStatusCode.Created))["zone"]!);
        Assert.Equal(2, (await (await client.GetAsync("/after-sales/service-centres/SH-01/duty-rota")).JsonAsync(HttpStatusCode.OK))["shifts"]!.AsArray().Count);
        Assert.Equal(["E-1"], (await (await client.GetAsync("/after-sales/service-centres/SH-01/on-duty")).JsonAsync(HttpStatusCode.OK))["engineerIds"]!.AsArray().Select(static e => (string)e!));
        Assert.Equal(["E-2"], (await (await client.GetAsync("/after-sales/service-centres/SH-01/on-duty?at=2026-03-02T10:00:00Z")).JsonAsync(HttpStatusCode.OK))["engineerIds"]!.AsArray().Select(static e => (string)e!));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/after-sales/service-centres/BJ-01/duty-rota")).StatusCode);
        var backwards = await (await client.PutAsync("/after-sales/service-centres/BJ-01/duty-rota",
            Api.Json("""{"shifts":[{"engineerId":"E-3","start":"2026-03-02T17:00:00","end":"2026-03-02T09:00:00"}]}"""))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(backwards["errors"]!["shifts[0].end"]);
        var stranger = await (await client.PutAsync("/after-sales/service-centres/BJ-01/duty-rota",
            Api.Json("""{"shifts":[{"engineerId":"E-1","start":"2026-03-02T09:00:00","end":"2026-03-02T17:00:00"}]}"""))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("not an engineer of centre 'BJ-01'", (string)stranger["errors"]!["shifts[0].engineerId"]![0]!, StringComparison.Ordinal);
        var zone = await (await client.PutAsync("/after-sales/service-centres/BJ-01/duty-rota", Api.Json("""{"zone":"Mars/Olympus","shifts":[]}"""))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(zone["errors"]!["zone"]);

        // Dispatch: a kept engineer on duty now (R-ORG-1/2) …
        foreach (var id in new[] { "WO-1", "WO-2" })
        {
            (await client.ReportAsync(id)).EnsureSuccessStatusCode();
            (await client.CommandAsync(id, "acknowledge")).EnsureSuccessStatusCode();
            (await client.CommandAsync(id, "start-remote-diagnosis")).EnsureSuccessStatusCode();
        }

        var unknown = await (await client.CommandAsync("WO-1", "dispatch", """{"engineer":"E-9"}""")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("not an engineer of the tenant", (string)unknown["errors"]!["engineer"]![0]!, StringComparison.Ordinal);
        var offDuty = await (await client.CommandAsync("WO-1", "dispatch", """{"engineer":"E-2"}""")).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("R-ORG-2", (string)offDuty["errors"]!["engineer"]![0]!, StringComparison.Ordinal);
        Assert.Equal(["E-1"], offDuty["onDuty"]!.AsArray().Select(static e => (string)e!));
        var blankOverride = await (await client.CommandAsync("WO-1", "dispatch", """{"engineer":"E-2","override":{"reason":" "}}""")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(blankOverride["errors"]!["override.reason"]);
        var dispatched = await (await client.CommandAsync("WO-1", "dispatch", """{"engineer":"E-1"}""")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Dispatched", 4), ((string)dispatched["state"]!, (int)dispatched["version"]!));

        // … or anyone kept, with an override whose reason and author the event keeps.
        using var lead = factory.ClientWithToken("acme", "lead-7", "区域主管 王", AfterSalesPolicies.DefaultRoles.Engineer);
        lead.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var overridden = await (await lead.CommandAsync("WO-2", "dispatch", """{"engineer":"E-2","override":{"reason":"E-1 在 WO-1 现场"}}""")).JsonAsync(HttpStatusCode.OK);
        var e = overridden["events"]!.AsArray()[^1]!;
        Assert.Equal(("E-2", "E-1 在 WO-1 现场", "lead-7"), ((string)e["engineer"]!, (string)e["reason"]!, (string)e["actor"]!["subject"]!));

        // An engineer's tickets, from the dispatch index.
        var ofE1 = await (await client.GetAsync("/after-sales/engineers/E-1/tickets")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["WO-1"], ofE1["items"]!.AsArray().Select(static t => (string)t!["id"]!));
        var ofE2 = await (await client.GetAsync("/after-sales/engineers/E-2/tickets")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["WO-2"], ofE2["items"]!.AsArray().Select(static t => (string)t!["id"]!));
        Assert.Empty((await (await client.GetAsync("/after-sales/engineers/E-3/tickets")).JsonAsync(HttpStatusCode.OK))["items"]!.AsArray());

        // Another tenant sees none of it, and keeps no engineers: it dispatches by name, as before.
        using var globex = factory.ClientFor("globex");
        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetAsync("/after-sales/engineers/E-1")).StatusCode);
        Assert.Empty((await (await globex.GetAsync("/after-sales/engineers/E-1/tickets")).JsonAsync(HttpStatusCode.OK))["items"]!.AsArray());
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, string path, string body, int ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = Api.Json(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{ifMatch}\""));
        return client.SendAsync(request);
    }
}
