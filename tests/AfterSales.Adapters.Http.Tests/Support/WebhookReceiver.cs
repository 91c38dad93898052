using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace AfterSales.Http.Tests.Support;

/// <summary>
/// A real webhook receiver: Kestrel on a free loopback port. It records every request (headers, body,
/// whether StandardWebhooks' verifier accepts its signature) and answers what <see cref="Respond"/> says.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookReceiver(WebApplication app) => this.app = app;

    /// <summary>The URL to subscribe.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>The subscription's secret, for verifying; set after subscribing.</summary>
    public string? Secret { get; set; }

    /// <summary>Decides each answer from the request and its number for this event id (1 for the first); 200 by default.</summary>
    public Func<Received, int, CancellationToken, Task<int>> Respond { get; set; } = static (_, _, _) => Task.FromResult(200);

    /// <summary>Every request, in arrival order (<see cref="Received.Status"/> 0 while unanswered, -1 when the sender gave up).</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The requests answered 2xx.</summary>
    public IEnumerable<Received> Accepted => Requests.Where(static r => r.Status is >= 200 and < 300);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        var attempts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            var id = http.Request.Headers["webhook-id"].ToString();
            var verified = false;
            if (receiver.Secret is { } secret)
            {
                try
                {
                    new StandardWebhook(secret).Verify(body, http.Request.Headers);
                    verified = true;
                }
                catch (Exception)
                {
                    verified = false;
                }
            }

            var received = new Received(id, http.Request.Headers["webhook-timestamp"].ToString(), http.Request.ContentType, body, verified, DateTimeOffset.UtcNow);
            receiver.Requests.Enqueue(received);
            var n = attempts.AddOrUpdate(id, 1, static (_, c) => c + 1);
            try
            {
                received.Status = await receiver.Respond(received, n, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                received.Status = -1;
                return Results.Empty;
            }

            return Results.StatusCode(received.Status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    /// <summary>Waits (real time) until <paramref name="condition"/> holds over the accepted requests, or fails after <paramref name="seconds"/>.</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<Received>, bool> condition, string what, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (condition([.. Accepted]))
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"Timed out waiting for {what}; received: {string.Join(", ", Requests.Select(static r => $"{r.Type} {r.Status}"))}");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>One request as received.</summary>
    public sealed class Received(string id, string timestamp, string? contentType, string body, bool verified, DateTimeOffset at)
    {
        public string Id { get; } = id;

        public string Timestamp { get; } = timestamp;

        public string? ContentType { get; } = contentType;

        public string Body { get; } = body;

        public bool Verified { get; } = verified;

        public DateTimeOffset At { get; } = at;

        public int Status { get; set; }

        public JsonObject Event => JsonNode.Parse(Body)!.AsObject();

        public string Type => (string)Event["type"]!;
    }
}
