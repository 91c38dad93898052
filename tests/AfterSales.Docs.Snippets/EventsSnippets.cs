using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AfterSales.Events;
using AfterSales.Sla;
using AfterSales.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace AfterSales.Docs.Snippets;

/// <summary>docs/events-and-webhooks.md: a receiver that verifies signatures with the StandardWebhooks package.</summary>
public static class AfterSalesReceiver
{
    public static void MapAfterSalesReceiver(WebApplication app, string secret, Func<JsonNode, Task> handle)
    {
        var webhook = new StandardWebhook(secret); // "whsec_…", as POST /webhooks returned it
        var seen = new ConcurrentDictionary<string, bool>(); // use a table in production

        app.MapPost("/hooks/after-sales", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            try
            {
                webhook.Verify(body, request.Headers); // webhook-id, webhook-timestamp (±5 min), webhook-signature
            }
            catch (WebhookVerificationException)
            {
                return Results.Unauthorized();
            }

            // At least once: a re-delivery repeats the id; handle each id once.
            if (seen.TryAdd(request.Headers["webhook-id"].ToString(), true))
            {
                await handle(JsonNode.Parse(body)!);
            }

            return Results.NoContent();
        });
    }
}

/// <summary>docs/events-and-webhooks.md: the registration, the fake timer, and the receiver — run here against a real signed request.</summary>
public sealed class EventsSnippets
{
    internal static void RegisterWatcher(IServiceCollection services, string connectionString)
    {
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddDbContextFactory<ServiceDeskContext>(o => o.UseNpgsql(connectionString));
        services.AddAfterSales(o => o.Policies.Add(SlaPresets.EnterpriseSystems003))
                .UseEntityFrameworkCore<ServiceDeskContext>()
                .AddDeadlineWatcher(o => o.MaxNap = TimeSpan.FromSeconds(30));
    }

    internal static FakeDeadlineTimer DriveWithAFakeClock(IServiceCollection services)
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 1, 0));
        var timer = new FakeDeadlineTimer(clock);
        services.AddSingleton<IClock>(clock);
        services.AddSingleton<IDeadlineTimer>(timer);
        // … start the host, report a ticket …
        timer.Advance(Duration.FromMinutes(16)); // the watcher wakes, the first-response alerts go out
        return timer;
    }

    [Fact]
    public void RegisterWatcher_ResolvesTheWatchersServices()
    {
        var services = new ServiceCollection().AddLogging();
        RegisterWatcher(services, "Host=127.0.0.1;Database=none");
        using var provider = services.BuildServiceProvider();
        Assert.IsType<AfterSales.EntityFrameworkCore.EfCoreTicketStore<ServiceDeskContext>>(provider.GetRequiredService<IDeadlineQueue>());
        Assert.NotNull(provider.GetRequiredService<IEventFormatter>());
        Assert.Equal(2, provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Count(static s => s.GetType().Namespace == "AfterSales.Http.Delivery"));
    }

    [Fact]
    public async Task DriveWithAFakeClock_WakesWhatTheClockPassed()
    {
        var services = new ServiceCollection();
        var timer = DriveWithAFakeClock(services);
        var wait = timer.WaitUntilAsync(Instant.FromUtc(2026, 3, 2, 1, 20), CancellationToken.None);
        Assert.False(wait.IsCompleted);
        timer.Advance(Duration.FromMinutes(5));
        await wait;
    }

    [Fact]
    public async Task Receiver_SignedRequestHandledOnce_TamperedRefused()
    {
        var secret = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("a secret of twenty-four+ bytes"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        var handled = new ConcurrentBag<string>();
        AfterSalesReceiver.MapAfterSalesReceiver(app, secret, e =>
        {
            handled.Add((string)e["type"]!);
            return Task.CompletedTask;
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hooks/after-sales";
        using var client = new HttpClient();

        const string Body = """{"specversion":"1.0","id":"e-1","type":"aftersales.clock.breached","source":"/after-sales/tenants/acme","data":{}}""";
        async Task<HttpStatusCode> Post(string body, string signedBody)
        {
            var now = DateTimeOffset.UtcNow;
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/cloudevents+json") };
            request.Headers.Add("webhook-id", "e-1");
            request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", new StandardWebhook(secret).Sign("e-1", now, signedBody));
            return (await client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.NoContent, await Post(Body, Body));
        Assert.Equal(HttpStatusCode.NoContent, await Post(Body, Body));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(Body.Replace("breached", "warning", StringComparison.Ordinal), Body));
        Assert.Equal(["aftersales.clock.breached"], handled);
        await app.StopAsync();
    }
}
