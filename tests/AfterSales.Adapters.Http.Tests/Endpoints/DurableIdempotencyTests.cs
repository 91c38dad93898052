using System.Net;
using AfterSales.EntityFrameworkCore;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Http.Tests.Support;
using AfterSales.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>Idempotency-Key across hosts and restarts, leases of requests that died, stored-size bounds; ticket events paged.</summary>
public sealed class DurableIdempotencyTests
{
    private static async Task<HttpResponseMessage> Report(HttpClient client, string key, string? id = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/after-sales/tickets") { Content = Api.Json(Api.ReportBody(id)) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    [Fact]
    public Task Report_SameKeyOnANewHostOnTheSameDatabase_ReplaysTheFirstResponseAndCreatesNoDuplicate_Sqlite() => SurvivesRestart(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Report_SameKeyOnANewHostOnTheSameDatabase_ReplaysTheFirstResponseAndCreatesNoDuplicate_PostgreSql() => SurvivesRestart(TestDatabase.PostgreSql);

    private static async Task SurvivesRestart(TestDatabase database)
    {
        using var first = new ServiceFactory(database);
        string firstBody;
        Uri? location;
        using (var client = first.ClientFor("acme"))
        {
            // No id in the body: a run that was not idempotent would assign a new one and duplicate the ticket.
            var created = await Report(client, "restart-key");
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            firstBody = await created.Content.ReadAsStringAsync();
            location = created.Headers.Location;
        }

        using var second = new ServiceFactory(database, settings: new Dictionary<string, string?> { ["ConnectionStrings:AfterSales"] = first.ConnectionString });
        using var retry = second.ClientFor("acme");
        var replayed = await Report(retry, "restart-key");
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal(location, replayed.Headers.Location);
        Assert.Equal(firstBody, await replayed.Content.ReadAsStringAsync());
        var list = await (await retry.GetAsync("/after-sales/tickets")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(list["items"]!.AsArray());
    }

    [Fact]
    public Task Report_SameKeyConcurrentlyOnTwoNodesOfOneDatabase_OneTicketAndEveryAnswerIsItsOrABusy409_Sqlite() => OneTicketAcrossNodes(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Report_SameKeyConcurrentlyOnTwoNodesOfOneDatabase_OneTicketAndEveryAnswerIsItsOrABusy409_PostgreSql() => OneTicketAcrossNodes(TestDatabase.PostgreSql);

    private static async Task OneTicketAcrossNodes(TestDatabase database)
    {
        using var first = new ServiceFactory(database);
        using var second = new ServiceFactory(database, settings: new Dictionary<string, string?> { ["ConnectionStrings:AfterSales"] = first.ConnectionString });
        using var a = first.ClientFor("acme");
        using var b = second.ClientFor("acme");
        (await a.GetAsync("/after-sales/tickets")).EnsureSuccessStatusCode();
        (await b.GetAsync("/after-sales/tickets")).EnsureSuccessStatusCode();

        for (var round = 0; round < 3; round++)
        {
            // No id in the body: each run that got through would create its own ticket.
            var key = "two-nodes-" + round;
            var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Report(i % 2 == 0 ? a : b, key)));
            var created = responses.Where(static r => r.StatusCode == HttpStatusCode.Created).ToList();
            Assert.NotEmpty(created);
            Assert.All(responses, static r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
            Assert.Single(created.Select(static r => r.Headers.Location).Distinct());
        }

        var list = await (await b.GetAsync("/after-sales/tickets")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, list["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Sweep_InTheHost_KeepsATenantsTableAtItsBoundAndForgetsExpiredKeys()
    {
        using var factory = new ServiceFactory(settings: new Dictionary<string, string?>
        {
            ["AfterSales:Idempotency:MaxKeysPerTenant"] = "100",
            ["AfterSales:Idempotency:SweepInterval"] = "00:00:01",
        });
        using var client = factory.ClientFor("acme");
        for (var i = 0; i < 110; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Report(client, $"bound-{i:000}")).StatusCode);
            factory.Clock.AdvanceSeconds(1);
        }

        await WaitForKeysAsync(factory, 100);
        Assert.Equal(110, await CountAsync<TicketRow>(factory));

        // The oldest ten were evicted: a retry of the last key replays, of the first runs again.
        Assert.Equal(HttpStatusCode.Created, (await Report(client, "bound-109")).StatusCode);
        Assert.Equal(110, await CountAsync<TicketRow>(factory));
        Assert.Equal(HttpStatusCode.Created, (await Report(client, "bound-000")).StatusCode);
        Assert.Equal(111, await CountAsync<TicketRow>(factory));

        // A day later every key has expired: the sweep empties the table.
        factory.Clock.AdvanceHours(25);
        await WaitForKeysAsync(factory, 0);
    }

    private static async Task<int> CountAsync<TRow>(ServiceFactory factory)
        where TRow : class
    {
        await using var context = await factory.Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>().CreateDbContextAsync();
        return await context.Set<TRow>().CountAsync();
    }

    private static async Task WaitForKeysAsync(ServiceFactory factory, int expected)
    {
        // The background sweep runs every second on the host's own timer; give it a bounded while.
        for (var waited = 0; waited < 200 && await CountAsync<IdempotencyKeyRow>(factory) != expected; waited++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(expected, await CountAsync<IdempotencyKeyRow>(factory));
    }

    [Fact]
    public async Task Report_KeyWhoseRequestDied_409WhileItsLeaseLivesThenTheRetryRunsOnce()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");

        // A node reserved the key for this very request and crashed before it answered.
        var store = factory.Services.GetRequiredService<IIdempotencyStore>();
        var body = Api.ReportBody("WO-died");
        var fingerprint = AfterSales.Http.Idempotency.IdempotencyFilter.Fingerprint("POST", "/after-sales/tickets", null, System.Text.Encoding.UTF8.GetBytes(body));
        var now = factory.Clock.GetCurrentInstant();
        Assert.Equal(IdempotencyOutcome.Reserved, (await store.TryReserveAsync("acme", "died", fingerprint, now, now + Duration.FromHours(24))).Outcome);

        async Task<HttpResponseMessage> Retry()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/after-sales/tickets") { Content = Api.Json(body) };
            request.Headers.Add("Idempotency-Key", "died");
            return await client.SendAsync(request);
        }

        var busy = await (await Retry()).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("in progress", (string)busy["title"]!, StringComparison.Ordinal);
        factory.Clock.AdvanceMinutes(2);
        Assert.Equal(HttpStatusCode.Created, (await Retry()).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Retry()).StatusCode);
        var list = await (await client.GetAsync("/after-sales/tickets")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Report_ResponseOverTheStoredLimit_ReplayIsA409ProblemWithTheLocationAndNothingRunsTwice()
    {
        using var factory = new ServiceFactory(settings: new Dictionary<string, string?> { ["AfterSales:Idempotency:MaxResponseBytes"] = "1024" });
        using var client = factory.ClientFor("acme");
        var created = await Report(client, "big");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True((await created.Content.ReadAsByteArrayAsync()).Length > 1024, "the ticket response should be over 1 KiB");
        var before = await factory.DumpHashAsync();

        var replay = await Report(client, "big");
        var problem = await replay.JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(created.Headers.Location, replay.Headers.Location);
        Assert.Contains("too large to keep", (string)problem["title"]!, StringComparison.Ordinal);
        Assert.Contains("201", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Equal(before, await factory.DumpHashAsync());
    }

    [Fact]
    public async Task Ticket_ManyEvents_GetShowsTheLatestPageAndHistoryPagesThroughAll()
    {
        using var factory = new ServiceFactory(settings: new Dictionary<string, string?> { ["AfterSales:Http:DefaultPageSize"] = "3" });
        using var client = factory.ClientFor("acme");
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        (await client.CommandAsync("WO-1", "acknowledge")).EnsureSuccessStatusCode();
        for (var i = 0; i < 3; i++)
        {
            (await client.CommandAsync("WO-1", "wait-for-customer", """{"reason":"parts"}""")).EnsureSuccessStatusCode();
            (await client.CommandAsync("WO-1", "resume")).EnsureSuccessStatusCode();
        }

        var ticket = await (await client.GetAsync("/after-sales/tickets/WO-1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(8, (int)ticket["version"]!);
        Assert.Equal([6, 7, 8], ticket["events"]!.AsArray().Select(static e => (int)e!["version"]!));

        var versions = new List<int>();
        var next = (string?)ticket["history"];
        var pages = 0;
        while (next is not null)
        {
            var page = await (await client.GetAsync(next)).JsonAsync(HttpStatusCode.OK);
            versions.AddRange(page["items"]!.AsArray().Select(static e => (int)e!["version"]!));
            next = (string?)page["next"];
            pages++;
        }

        Assert.Equal(Enumerable.Range(1, 8), versions);
        Assert.Equal(3, pages);
        var tooLarge = await (await client.GetAsync("/after-sales/tickets/WO-1/events?limit=201")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(tooLarge["errors"]!["limit"]);
        var past = await (await client.GetAsync("/after-sales/tickets/WO-1/events?after=8")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(past["items"]!.AsArray());
        Assert.Null(past["next"]);
    }
}
