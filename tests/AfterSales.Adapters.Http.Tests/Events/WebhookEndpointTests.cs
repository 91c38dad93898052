using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Http.Delivery;
using AfterSales.Http.Tests.Support;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Tests.Events;

/// <summary>Subscribing: validation by field, secrets shown once, tenants apart; the options validated at start.</summary>
public sealed class WebhookEndpointTests
{
    [Theory]
    [InlineData("""{"url":"ftp://example.com/hook"}""", "url")]
    [InlineData("""{"url":"/relative"}""", "url")]
    [InlineData("""{"url":"http://user:pw@example.com/hook"}""", "url")]
    [InlineData("""{"url":"http://10.1.2.3/hook"}""", "url")]
    [InlineData("""{"url":"http://192.168.0.7/hook"}""", "url")]
    [InlineData("""{"url":"http://169.254.169.254/latest/meta-data"}""", "url")]
    [InlineData("""{"url":"http://[::1]:8080/hook"}""", "url")]
    [InlineData("""{"url":"http://localhost:8080/hook"}""", "url")]
    [InlineData("""{"url":"http://localhost.:8080/hook"}""", "url")]
    [InlineData("""{"url":"http://127.0.0.2/hook"}""", "url")]
    [InlineData("""{"url":"http://[::ffff:10.0.0.1]/hook"}""", "url")]
    [InlineData("""{"url":"http://192.0.2.2/hook"}""", "url")]
    [InlineData("""{"url":"https://example.com/hook","secret":"plain"}""", "secret")]
    [InlineData("""{"url":"https://example.com/hook","secret":"whsec_AAAA"}""", "secret")]
    [InlineData("""{"url":"https://example.com/hook","eventTypes":["aftersales.clock.breached","clock.breached"]}""", "eventTypes[1]")]
    public async Task Create_Refused_400NamingTheField(string body, string field)
    {
        // The allow-list names another host (replacing the sample's Development loopback entries): loopback is refused like any internal address.
        using var factory = new ServiceFactory(settings: OnlyAllowed("receiver.example"));
        using var client = factory.ClientFor("acme");
        var problem = await (await client.PostAsync("/after-sales/webhooks", Api.Json(body))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Empty((await (await client.GetAsync("/after-sales/webhooks")).JsonAsync(HttpStatusCode.OK)).AsArray());
    }

    [Fact]
    public async Task Create_SecretShownOnce_ListedWithoutIt_OtherTenants404_DeleteRemovesIt()
    {
        using var factory = new ServiceFactory(settings: OnlyAllowed("127.0.0.1"));
        using var acme = factory.ClientFor("acme");
        using var globex = factory.ClientFor("globex");
        var secret = "whsec_" + Convert.ToBase64String(Enumerable.Range(0, 32).Select(static i => (byte)i).ToArray());
        var response = await acme.PostAsync("/after-sales/webhooks", Api.Json(new JsonObject { ["url"] = "http://127.0.0.1:9/hook", ["secret"] = secret }.ToJsonString()));
        var created = await response.JsonAsync(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        Assert.Equal(secret, (string)created["secret"]!);
        Assert.EndsWith("/after-sales/webhooks/" + id, response.Headers.Location!.ToString(), StringComparison.Ordinal);

        var listed = await (await acme.GetAsync("/after-sales/webhooks")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(listed.AsArray());
        Assert.DoesNotContain("whsec_", listed.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", (await (await acme.GetAsync($"/after-sales/webhooks/{id}")).JsonAsync(HttpStatusCode.OK)).ToJsonString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetAsync($"/after-sales/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetAsync($"/after-sales/webhooks/{id}/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await globex.DeleteAsync($"/after-sales/webhooks/{id}")).StatusCode);
        Assert.Empty((await (await globex.GetAsync("/after-sales/webhooks")).JsonAsync(HttpStatusCode.OK)).AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await acme.DeleteAsync($"/after-sales/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync($"/after-sales/webhooks/{id}")).StatusCode);
    }

    [Fact]
    public async Task Feed_BadCursorOrLimit_400NamingTheParameter()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        Assert.NotNull((await (await client.GetAsync("/after-sales/events?after=42")).JsonAsync(HttpStatusCode.BadRequest))["errors"]!["after"]);
        Assert.NotNull((await (await client.GetAsync("/after-sales/events?limit=0")).JsonAsync(HttpStatusCode.BadRequest))["errors"]!["limit"]);
        Assert.NotNull((await (await client.GetAsync("/after-sales/events?limit=1001")).JsonAsync(HttpStatusCode.BadRequest))["errors"]!["limit"]);
    }

    [Fact]
    public async Task Delivery_ANameThatResolvesInside_RefusedWhenConnecting_DeadLettered()
    {
        // The machine's own name passes the subscription check (not an address, not localhost) but
        // resolves to an internal address: the connection is refused, nothing is sent.
        var host = System.Net.Dns.GetHostName();
        var addresses = await System.Net.Dns.GetHostAddressesAsync(host);
        if (addresses.Length == 0 || !addresses.All(WebhookUrlPolicy.IsInternal))
        {
            // Only run where the name is internal: the test must never make the service call out.
            return;
        }

        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = OnlyAllowed("127.0.0.1");
        settings["AfterSales:Watcher:RetryBaseDelay"] = "00:00:00.050";
        using var factory = new ServiceFactory(settings: settings);
        using var client = factory.ClientFor("acme");
        var url = new UriBuilder(receiver.Url) { Host = host }.Uri.ToString();
        var created = await (await client.PostAsync("/after-sales/webhooks", Api.Json(new JsonObject { ["url"] = url }.ToJsonString()))).JsonAsync(HttpStatusCode.Created);
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        var until = DateTime.UtcNow.AddSeconds(30);
        JsonNode? delivery = null;
        while (DateTime.UtcNow < until)
        {
            var list = (await (await client.GetAsync($"/after-sales/webhooks/{(string)created["id"]!}/deliveries?state=DeadLettered")).JsonAsync(HttpStatusCode.OK)).AsArray();
            if (list.Count == 1)
            {
                delivery = list[0];
                break;
            }

            await Task.Delay(50);
        }

        Assert.NotNull(delivery);
        Assert.Contains("internal addresses", (string)delivery["lastError"]!, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    /// <summary>Settings whose allow-list holds only <paramref name="host"/> (the sample's Development file lists three loopback names).</summary>
    private static Dictionary<string, string?> OnlyAllowed(string host) => new()
    {
        ["AfterSales:Http:WebhookAllowedHosts:0"] = host,
        ["AfterSales:Http:WebhookAllowedHosts:1"] = host,
        ["AfterSales:Http:WebhookAllowedHosts:2"] = host,
    };

    [Theory]
    [InlineData("MaxNap", "00:00:00", "MaxNap must be positive, at most 01:00:00, was 00:00:00.")]
    [InlineData("BatchSize", "0", "BatchSize must be 1 to 10000, was 0.")]
    [InlineData("DeliveryLease", "00:00:10", "DeliveryLease must be longer than MaxDeliveryAttempts × AttemptTimeout (00:00:50) by a quarter, was 00:00:10.")]
    public void Start_InvalidWatcherOption_TheHostStopsNamingIt(string option, string value, string message)
    {
        using var factory = new ServiceFactory(settings: new Dictionary<string, string?> { ["AfterSales:Watcher:" + option] = value });
        var ex = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains("DeadlineWatcherOptions." + message, ex.Message, StringComparison.Ordinal);
    }
}
