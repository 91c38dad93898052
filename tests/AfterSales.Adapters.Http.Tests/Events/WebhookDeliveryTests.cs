using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Events;

/// <summary>
/// The sample host (store, AddDeadlineWatcher, MapAfterSales) with a real receiver on loopback and the
/// fake clock driving the watcher: every event arrives once, at its instant, signed so that
/// StandardWebhooks' verifier accepts it.
/// </summary>
public sealed class WebhookDeliveryTests
{
    [Fact]
    public Task ReportedTicket_WarningsAndBreachesAtTheirInstants_SignedCloudEvents_Sqlite() => WholeStory(TestDatabase.Sqlite);

    [PostgresFact]
    public Task ReportedTicket_WarningsAndBreachesAtTheirInstants_SignedCloudEvents_PostgreSql() => WholeStory(TestDatabase.PostgreSql);

    private static async Task WholeStory(TestDatabase database)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");
        receiver.Secret = await SubscribeAsync(client, receiver.Url);

        var start = factory.Clock.GetCurrentInstant();
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        await receiver.WaitForAsync(r => r.Any(e => e.Type == "aftersales.ticket.reported"), "the report");

        // First response within 15 min (warnings at 50/75/90 %): at 16 min, three warnings and the breach.
        factory.Timer.AdvanceTo(start + Duration.FromMinutes(16));
        await receiver.WaitForAsync(r => r.Count(e => e.Type.StartsWith("aftersales.clock.", StringComparison.Ordinal)) >= 4, "the first-response alerts");
        var alerts = receiver.Accepted.Where(static e => e.Type.StartsWith("aftersales.clock.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["breach/100", "warning/50", "warning/75", "warning/90"], alerts.Select(static e => Threshold(e)).Order(StringComparer.Ordinal));
        Assert.All(alerts, e => Assert.Equal("first-response", (string)e.Event["data"]!["metric"]!));
        var breach = alerts.Single(static e => e.Type == "aftersales.clock.breached");
        Assert.Equal("2026-03-02T01:15:00Z", (string)breach.Event["time"]!);
        Assert.Equal("tickets/WO-1", (string)breach.Event["subject"]!);
        Assert.False((bool)breach.Event["data"]!["late"]!);

        // A late acknowledgement is a step and a late stop.
        (await client.CommandAsync("WO-1", "acknowledge")).EnsureSuccessStatusCode();
        await receiver.WaitForAsync(r => r.Any(e => e.Type == "aftersales.clock.met-late") && r.Any(e => e.Type == "aftersales.ticket.acknowledged"), "the acknowledgement");
        var acknowledged = receiver.Accepted.Single(static e => e.Type == "aftersales.ticket.acknowledged");
        Assert.Equal("acknowledge", (string)acknowledged.Event["data"]!["command"]!);

        // On site within 2 h: three warnings and the breach once the clock passes 03:00.
        factory.Timer.AdvanceTo(start + Duration.FromHours(2) + Duration.FromSeconds(1));
        await receiver.WaitForAsync(r => r.Count(e => e.Type.StartsWith("aftersales.clock.", StringComparison.Ordinal)) >= 9, "the on-site alerts");

        var all = receiver.Accepted.ToList();
        Assert.All(all, e => Assert.True(e.Verified, $"{e.Type} {e.Id}: StandardWebhooks rejected the signature"));
        Assert.All(all, e => Assert.Equal(e.Id, (string)e.Event["id"]!));
        Assert.All(all, e => Assert.Equal("1.0", (string)e.Event["specversion"]!));
        Assert.All(all, e => Assert.Equal("acme", (string)e.Event["tenantid"]!));
        Assert.Equal(all.Count, all.Select(static e => e.Id).Distinct().Count());
        Assert.StartsWith("application/cloudevents+json", receiver.Requests.First().ContentType, StringComparison.Ordinal);

        // The feed has the same events, in order, resumable by cursor, in pages of 3. (On PostgreSQL an event
        // shows once every older transaction on the server has ended, so a reader polls as consumers do.)
        var feed = new List<string>();
        var cursor = "0-0";
        var until = DateTime.UtcNow.AddSeconds(30);
        while (feed.Count < all.Count && DateTime.UtcNow < until)
        {
            var page = await (await client.GetAsync($"/after-sales/events?limit=3&after={cursor}")).JsonAsync(HttpStatusCode.OK);
            feed.AddRange(page["events"]!.AsArray().Select(static e => (string)e!["id"]!));
            cursor = (string)page["next"]!;
        }

        Assert.Equal(feed.Count, feed.Distinct().Count());
        Assert.Equal(all.Select(static e => e.Id).Order(StringComparer.Ordinal), feed.Order(StringComparer.Ordinal));
        var last = await (await client.GetAsync($"/after-sales/events?after={cursor}")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(last["events"]!.AsArray());
        Assert.False((bool)last["hasMore"]!);
    }

    internal static async Task<string> SubscribeAsync(HttpClient client, string url, params string[] types)
    {
        var body = new JsonObject { ["url"] = url };
        if (types.Length > 0)
        {
            body["eventTypes"] = new JsonArray([.. types.Select(static t => (JsonNode)t)]);
        }

        var created = await (await client.PostAsync("/after-sales/webhooks", Api.Json(body.ToJsonString()))).JsonAsync(HttpStatusCode.Created);
        var secret = (string)created["secret"]!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        return secret;
    }

    private static string Threshold(WebhookReceiver.Received e)
    {
        var data = e.Event["data"]!;
        return $"{(string)data["threshold"]!}/{(int)data["percent"]!}";
    }
}
