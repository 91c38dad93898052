using System.Runtime.CompilerServices;
using System.Text;
using AfterSales.Events;
using Polly.Timeout;

namespace AfterSales.Http.Delivery;

/// <summary>
/// Sends one claimed delivery: a POST of the stored CloudEvent with the Standard Webhooks headers, through
/// the named client whose resilience pipeline (Microsoft.Extensions.Http.Resilience) times out and
/// retries with exponential backoff and jitter. 2xx is delivered; anything else once the pipeline gives up
/// (a non-retried 4xx, or the last attempt) is dead-lettered; a shutdown leaves the delivery pending.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, TimeProvider time, IClock clock, Microsoft.Extensions.Options.IOptions<DeadlineWatcherOptions> options)
{
    public const string ClientName = "AfterSales.Webhooks";

    // Tells receivers (and their logs) which library and which node sent a request.
    private readonly string userAgent = $"AfterSales.Kit-Webhooks/{typeof(WebhookSender).Assembly.GetName().Version?.ToString(3)} ({options.Value.Node})";

    internal static readonly HttpRequestOptionsKey<StrongBox<int>> AttemptsKey = new("AfterSales.Webhooks.Attempts");

    public async Task<WebhookDeliveryOutcome> SendAsync(WebhookDeliveryClaim claim, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(ClientName);
        var message = claim.Message;
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, claim.Subscription.Url)
        {
            Content = new StringContent(message.Payload, Encoding.UTF8, "application/cloudevents+json"),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        request.Headers.Add("webhook-id", message.Id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(claim.Subscription.Secret, message.Id, timestamp, message.Payload));
        var attempts = new StrongBox<int>();
        request.Options.Set(AttemptsKey, attempts);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new WebhookDeliveryOutcome(WebhookDeliveryState.Delivered, attempts.Value, status, null, clock.GetCurrentInstant())
                : new WebhookDeliveryOutcome(WebhookDeliveryState.DeadLettered, attempts.Value, status, $"The receiver answered {status} {response.ReasonPhrase}.", clock.GetCurrentInstant());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new WebhookDeliveryOutcome(WebhookDeliveryState.Pending, attempts.Value, null, "The node stopped during the delivery.", clock.GetCurrentInstant());
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or OperationCanceledException)
        {
            var why = ex is TimeoutRejectedException or OperationCanceledException ? "The receiver did not answer in time." : ex.Message;
            return new WebhookDeliveryOutcome(WebhookDeliveryState.DeadLettered, attempts.Value, null, why, clock.GetCurrentInstant());
        }
    }

    /// <summary>Counts the HTTP attempts of a delivery; sits inside the resilience handler, so it sees every retry.</summary>
    internal sealed class AttemptCounter : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Options.TryGetValue(AttemptsKey, out var attempts))
            {
                Interlocked.Increment(ref attempts.Value);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
