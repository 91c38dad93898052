using System.Net;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

public sealed class TenantIsolationTests
{
    private static readonly string[] Commands =
    [
        "acknowledge", "start-remote-diagnosis", "arrive-on-site", "restore-service", "start-observation", "close", "resume",
    ];

    [Fact]
    public Task CrossTenant_RandomAttempts_All404AndNothingChanged_Sqlite() => CrossTenant(TestDatabase.Sqlite);

    [PostgresFact]
    public Task CrossTenant_RandomAttempts_All404AndNothingChanged_PostgreSql() => CrossTenant(TestDatabase.PostgreSql);

    private static async Task CrossTenant(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        var tenants = new[] { "acme", "globex", "initech" };
        var clients = tenants.ToDictionary(t => t, factory.ClientFor);
        var owned = new List<(string Tenant, string Id)>();
        foreach (var tenant in tenants)
        {
            for (var i = 0; i < 3; i++)
            {
                var id = $"{tenant}-WO-{i}";
                (await clients[tenant].ReportAsync(id)).EnsureSuccessStatusCode();
                owned.Add((tenant, id));
            }
        }

        var before = await factory.DumpHashAsync();
        var random = new Random(20260302);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var (owner, id) = owned[random.Next(owned.Count)];
            var intruder = tenants.Where(t => t != owner).ElementAt(random.Next(tenants.Length - 1));
            var client = clients[intruder];
            HttpResponseMessage response = random.Next(5) switch
            {
                0 => await client.GetAsync($"/after-sales/tickets/{id}"),
                1 => await client.GetAsync($"/after-sales/tickets/{id}/clocks"),
                2 => await client.CommandAsync(id, "cancel", """{"reason":"not yours"}""", ifMatch: random.Next(2) == 0 ? 1 : null),
                3 => await client.CommandAsync(id, "dispatch", """{"engineer":"mallory"}"""),
                _ => await client.CommandAsync(id, Commands[random.Next(Commands.Length)], ifMatch: random.Next(2) == 0 ? 1 : null),
            };
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{intruder} → {owner}'s {id}: {(int)response.StatusCode} {text}");
            Assert.DoesNotContain(owner, text, StringComparison.Ordinal);

            var list = await (await client.GetAsync("/after-sales/tickets?pageSize=200")).JsonAsync(HttpStatusCode.OK);
            Assert.All(list["items"]!.AsArray(), item => Assert.StartsWith(intruder + "-", (string)item!["id"]!, StringComparison.Ordinal));
        }

        Assert.Equal(before, await factory.DumpHashAsync());
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task SameId_TwoTenants_AreTwoTickets()
    {
        using var factory = new ServiceFactory();
        using var acme = factory.ClientFor("acme");
        using var globex = factory.ClientFor("globex");
        Assert.Equal(HttpStatusCode.Created, (await acme.ReportAsync("WO-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await globex.ReportAsync("WO-1")).StatusCode);
        (await acme.CommandAsync("WO-1", "acknowledge")).EnsureSuccessStatusCode();
        var theirs = await (await globex.GetAsync("/after-sales/tickets/WO-1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Reported", (string)theirs["state"]!);
    }

    [Fact]
    public async Task MissingOrInvalidTenant_400()
    {
        using var factory = new ServiceFactory();
        using var anonymous = factory.CreateClient();
        var problem = await (await anonymous.GetAsync("/after-sales/tickets")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["tenant"]);
        var post = await anonymous.PostAsync("/after-sales/tickets", Api.Json(Api.ReportBody()));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        using var tooLong = factory.ClientFor(new string('t', 101));
        Assert.Equal(HttpStatusCode.BadRequest, (await tooLong.GetAsync("/after-sales/tickets")).StatusCode);
    }
}
