using System.Net;
using System.Text.Json.Nodes;

namespace AfterSales.Http.Tests.Support;

/// <summary>Reads a tenant's event feed (<c>GET /after-sales/events</c>) as the due-notice tests do: every page, one event type.</summary>
public static class EventFeed
{
    /// <summary>The CloudEvent's subject.</summary>
    public static string Subject(JsonNode e) => (string)e["subject"]!;

    /// <summary>The tenant's events of <paramref name="type"/> in feed order, all pages.</summary>
    public static async Task<List<JsonNode>> ReadAsync(HttpClient client, string type)
    {
        var events = new List<JsonNode>();
        var cursor = "0-0";
        while (true)
        {
            var page = await (await client.GetAsync($"{Api.Prefix}/events?limit=500&after={cursor}")).JsonAsync(HttpStatusCode.OK);
            events.AddRange(page["events"]!.AsArray().Select(static e => e!).Where(e => (string)e["type"]! == type));
            cursor = (string)page["next"]!;
            if (!(bool)page["hasMore"]!)
            {
                return events;
            }
        }
    }

    /// <summary>Reads the events of <paramref name="type"/> until <paramref name="done"/> holds; fails after 30 s, naming what did show.</summary>
    public static async Task<List<JsonNode>> WaitForAsync(HttpClient client, string type, Func<List<JsonNode>, bool> done)
    {
        for (var until = DateTime.UtcNow.AddSeconds(30); ; await Task.Delay(20))
        {
            var events = await ReadAsync(client, type);
            if (done(events))
            {
                return events;
            }

            Assert.True(DateTime.UtcNow < until, $"the events did not show within 30 s; shown: {string.Join(", ", events.Select(Subject))}");
        }
    }
}
