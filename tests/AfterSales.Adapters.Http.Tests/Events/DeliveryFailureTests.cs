using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Events;

/// <summary>Receivers that fail: retried, timed out, dead-lettered, re-delivered — and none holds up another subscriber.</summary>
public sealed class DeliveryFailureTests
{
    /// <summary>Short retries; an attempt timeout long enough that a loaded machine's slow 200 is not taken for a hang (and sent again).</summary>
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["AfterSales:Watcher:AttemptTimeout"] = "00:00:02",
        ["AfterSales:Watcher:RetryBaseDelay"] = "00:00:00.050",
        ["AfterSales:Watcher:MaxDeliveryAttempts"] = "3",
    };

    [Fact]
    public async Task FailingReceivers_500Then200Retried_HangTimedOut_410DeadLettered_HealthyNotHeldUp()
    {
        await using var flaky = await WebhookReceiver.StartAsync();
        await using var hanging = await WebhookReceiver.StartAsync();
        await using var gone = await WebhookReceiver.StartAsync();
        await using var healthy = await WebhookReceiver.StartAsync();
        flaky.Respond = static (_, n, _) => Task.FromResult(n == 1 ? 500 : 200);
        hanging.Respond = static async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return 200;
        };
        gone.Respond = static (_, _, _) => Task.FromResult(410);

        using var factory = new ServiceFactory(settings: FastRetries);
        using var client = factory.ClientFor("acme");
        var ids = new Dictionary<WebhookReceiver, string>();
        foreach (var receiver in new[] { flaky, hanging, gone, healthy })
        {
            var created = await (await client.PostAsync("/after-sales/webhooks", Api.Json(
                new JsonObject { ["url"] = receiver.Url, ["eventTypes"] = new JsonArray("aftersales.ticket.reported") }.ToJsonString()))).JsonAsync(HttpStatusCode.Created);
            receiver.Secret = (string)created["secret"]!;
            ids[receiver] = (string)created["id"]!;
        }

        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        await healthy.WaitForAsync(static r => r.Count == 1, "the healthy receiver's event");
        await flaky.WaitForAsync(static r => r.Count == 1, "the flaky receiver's retried event");
        var deadHanging = await WaitForStateAsync(client, ids[hanging], "DeadLettered");
        var deadGone = await WaitForStateAsync(client, ids[gone], "DeadLettered");

        // 500 then 200: retried once, delivered.
        Assert.Equal([500, 200], flaky.Requests.Select(static r => r.Status));
        var flakyDelivery = (await DeliveriesAsync(client, ids[flaky]))[0]!;
        Assert.Equal("Delivered", (string)flakyDelivery["state"]!);
        Assert.Equal(2, (int)flakyDelivery["attempts"]!);

        // A receiver that hangs: each attempt timed out, three attempts, dead-lettered.
        Assert.Equal(3, hanging.Requests.Count);
        Assert.Equal(3, (int)deadHanging["attempts"]!);
        Assert.Contains("in time", (string)deadHanging["lastError"]!, StringComparison.Ordinal);

        // 410 Gone is not retried: one attempt, dead-lettered with its status.
        Assert.Single(gone.Requests);
        Assert.Equal(410, (int)deadGone["lastStatusCode"]!);
        Assert.Equal(1, (int)deadGone["attempts"]!);

        // The healthy subscriber got its event while the hanging one was still being tried.
        Assert.True(healthy.Requests.Single().At < hanging.Requests.Last().At, "the healthy receiver waited for the hanging one");

        // Every request was the same event, signed, whoever received it.
        var all = new[] { flaky, hanging, gone, healthy }.SelectMany(static r => r.Requests).ToList();
        Assert.Single(all.Select(static r => r.Id).Distinct());
        Assert.All(all, static r => Assert.True(r.Verified));

        // Re-delivery by command, once the receiver is back.
        gone.Respond = static (_, _, _) => Task.FromResult(204);
        var redeliver = await (await client.PostAsync($"/after-sales/webhooks/{ids[gone]}/deliveries/redeliver", null)).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(1, (int)redeliver["requeued"]!);
        await gone.WaitForAsync(static r => r.Count == 1, "the re-delivered event");
        var delivered = await WaitForStateAsync(client, ids[gone], "Delivered");
        Assert.Equal(2, (int)delivered["attempts"]!);
        Assert.Empty(await DeliveriesAsync(client, ids[gone], "DeadLettered"));
    }

    private static async Task<JsonArray> DeliveriesAsync(HttpClient client, string id, string? state = null) =>
        (await (await client.GetAsync($"/after-sales/webhooks/{id}/deliveries" + (state is null ? "" : "?state=" + state))).JsonAsync(HttpStatusCode.OK)).AsArray();

    private static async Task<JsonNode> WaitForStateAsync(HttpClient client, string id, string state)
    {
        var until = DateTime.UtcNow.AddSeconds(40);
        while (DateTime.UtcNow < until)
        {
            var deliveries = await DeliveriesAsync(client, id);
            if (deliveries.Count == 1 && (string)deliveries[0]!["state"]! == state)
            {
                return deliveries[0]!;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Webhook {id}'s delivery did not become {state}: {(await DeliveriesAsync(client, id)).ToJsonString()}");
        return null!;
    }
}
