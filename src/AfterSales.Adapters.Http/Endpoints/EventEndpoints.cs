using System.Buffers;
using System.Text;
using System.Text.Json;
using AfterSales.Events;
using AfterSales.Http.Contracts;
using AfterSales.Http.Delivery;
using AfterSales.Http.Errors;
using AfterSales.Http.Internal;
using AfterSales.Http.OpenApi;
using AfterSales.Http.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Endpoints;

/// <summary>The event feed and webhook subscriptions, scoped to the request's tenant.</summary>
internal static class EventEndpoints
{
    private const int MaxDeliveries = 1000;

    public static void Map(RouteGroupBuilder tenantRoot)
    {
        var tenantScoped = tenantRoot.MapGroup(string.Empty).WithTags("Events");
        tenantScoped.MapGet("/events", Feed)
            .WithName("ReadEvents")
            .WithSummary("The tenant's events after a cursor (事件订阅源), in commit order: resumable, no gaps, no duplicates.")
            .WithDescription("Each event is a CloudEvents 1.0 JSON object, exactly as webhooks deliver it. An event appears once every "
                + "transaction that could commit an event before it has ended, so a reader resuming after a cursor never misses a late commit; poll again with next.")
            .Query("after", new ApiValue("string", Example: "0-42", Pattern: "^[0-9]+-[0-9]+$"), "The cursor of the last event read (a response's next); from the first event when omitted.")
            .Query("limit", ApiValue.Integer(1, 1000), "At most this many events; AfterSalesHttpOptions.EventPageSize (100) when omitted.")
            .Produces<EventPageResponse>(200, "application/json")
            .ProducesProblem(400);

        tenantScoped.MapPost("/webhooks", Create)
            .Accepts<CreateWebhookRequest>("application/json")
            .WithName("CreateWebhook")
            .WithSummary("Subscribe a URL to the tenant's events (事件推送订阅) → 201 with the secret, shown this once.")
            .WithDescription("Body: url (absolute http/https; loopback and private addresses only when WebhookAllowedHosts names the host), "
                + "secret (optional, whsec_ + base64 of 24–64 bytes; generated when omitted), eventTypes (optional; every type when omitted). "
                + "Requests are CloudEvents 1.0 JSON, signed the Standard Webhooks way (webhook-id, webhook-timestamp, webhook-signature).")
            .Location()
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415);

        tenantScoped.MapGet("/webhooks", List)
            .WithName("ListWebhooks")
            .WithSummary("The tenant's webhook subscriptions, oldest first, without their secrets.");

        tenantScoped.MapGet("/webhooks/{id}", Get)
            .WithName("GetWebhook")
            .WithSummary("One webhook subscription, without its secret.")
            .ProducesProblem(404);

        tenantScoped.MapDelete("/webhooks/{id}", Delete)
            .WithName("DeleteWebhook")
            .WithSummary("Unsubscribe: deletes the subscription and its deliveries → 204.")
            .ProducesProblem(404);

        tenantScoped.MapGet("/webhooks/{id}/deliveries", Deliveries)
            .WithName("ListWebhookDeliveries")
            .WithSummary("A subscription's deliveries, newest event first: state (Pending, Delivered, DeadLettered), attempts, the last status and error.")
            .Query("state", ApiValue.OneOf(Enum.GetNames<WebhookDeliveryState>()), "Only deliveries in this state.")
            .Query("limit", ApiValue.Integer(1, MaxDeliveries), "At most this many; 100 when omitted.")
            .ProducesProblem(400).ProducesProblem(404);

        tenantScoped.MapPost("/webhooks/{id}/deliveries/redeliver", Redeliver)
            .Accepts<RedeliverRequest>(isOptional: true, "application/json")
            .WithName("RedeliverWebhookDeliveries")
            .WithSummary("Queue dead-lettered deliveries again (重新推送): one event's (eventId), or every dead-lettered one → 202 with the count.")
            .ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Feed(HttpContext http, IEventFeed feed, IOptions<AfterSalesHttpOptions> options)
    {
        var q = http.Request.Query;
        var after = EventPosition.Start;
        if (q.TryGetValue("after", out var cursor) && !EventPosition.TryParse(cursor.Count == 1 ? cursor[0] : null, out after))
        {
            throw RequestRejectedException.Validation("after", "after must be a cursor this API returned (next), such as 0-42.");
        }

        var limit = q.TryGetValue("limit", out var l) ? Parse.Int(l.Count == 1 ? l[0]! : "", "limit", 1, 1000) : options.Value.EventPageSize;
        var events = await feed.ReadAsync(http.Tenant(), after, limit, http.RequestAborted).ConfigureAwait(false);

        // The stored events are written as they are: the feed serves the webhooks' bytes.
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("events");
            foreach (var e in events)
            {
                writer.WriteRawValue(e.Payload, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteString("next", (events.Count > 0 ? events[^1].Position : after).ToString());
            writer.WriteBoolean("hasMore", events.Count == limit);
            writer.WriteEndObject();
        }

        return TypedResults.File(buffer.WrittenSpan.ToArray(), "application/json");
    }

    private static async Task<Results<Created<CreatedWebhookResponse>, ProblemHttpResult>> Create(
        HttpContext http, IWebhookStore store, WebhookUrlPolicy policy, IClock clock, IOptions<AfterSalesHttpOptions> options)
    {
        var r = (await RequestBody.ReadAsync<CreateWebhookRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (policy.Refusal(r.Url) is { } refusal)
        {
            errors["url"] = [refusal];
        }

        if (r.Secret is { } given && (WebhookSignature.Key(given) is not { Length: >= 24 and <= 64 }))
        {
            errors["secret"] = ["secret must be whsec_ followed by the base64 of 24 to 64 bytes."];
        }

        var types = r.EventTypes ?? [];
        for (var i = 0; i < types.Count; i++)
        {
            if (!AfterSalesEventTypes.Known.Contains(types[i], StringComparer.Ordinal))
            {
                errors[$"eventTypes[{i}]"] = [$"eventTypes[{i}] '{types[i]}' is not an event type; see AfterSalesEventTypes (e.g. {AfterSalesEventTypes.ClockBreached})."];
            }
        }

        if (errors.Count > 0)
        {
            throw RequestRejectedException.Validation(errors);
        }

        var secret = r.Secret ?? WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription("wh_" + Guid.NewGuid().ToString("N"), http.Tenant(), new Uri(r.Url, UriKind.Absolute), secret, types, clock.GetCurrentInstant());
        await store.AddAsync(subscription, http.RequestAborted).ConfigureAwait(false);
        var location = $"{http.Request.PathBase}{http.GetEndpoint()?.Metadata.GetMetadata<AfterSalesGroupMarker>()?.Prefix}/webhooks/{subscription.Id}";
        return TypedResults.Created(location, new CreatedWebhookResponse(subscription.Id, subscription.Url.AbsoluteUri, subscription.EventTypes, subscription.CreatedAt, secret));
    }

    private static async Task<Ok<WebhookResponse[]>> List(HttpContext http, IWebhookStore store) =>
        TypedResults.Ok((await store.ListAsync(http.Tenant(), http.RequestAborted).ConfigureAwait(false)).Select(WebhookResponse.From).ToArray());

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> Get(HttpContext http, string id, IWebhookStore store) =>
        TypedResults.Ok(WebhookResponse.From(await Find(http, id, store).ConfigureAwait(false)));

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(HttpContext http, string id, IWebhookStore store)
    {
        if (id.Length > 100 || !await store.DeleteAsync(http.Tenant(), id, http.RequestAborted).ConfigureAwait(false))
        {
            throw NotFound();
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<WebhookDeliveryResponse[]>, ProblemHttpResult>> Deliveries(HttpContext http, string id, IWebhookStore store)
    {
        var subscription = await Find(http, id, store).ConfigureAwait(false);
        var q = http.Request.Query;
        WebhookDeliveryState? state = q.TryGetValue("state", out var s) ? Parse.Enum<WebhookDeliveryState>(s.Count == 1 ? s[0] : null, "state") : null;
        var limit = q.TryGetValue("limit", out var l) ? Parse.Int(l.Count == 1 ? l[0]! : "", "limit", 1, MaxDeliveries) : 100;
        var deliveries = await store.ListDeliveriesAsync(subscription.TenantId, subscription.Id, state, limit, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(deliveries.Select(WebhookDeliveryResponse.From).ToArray());
    }

    private static async Task<Results<Accepted<RedeliverResponse>, ProblemHttpResult>> Redeliver(
        HttpContext http, string id, IWebhookStore store, EventSignals signals, IOptions<AfterSalesHttpOptions> options)
    {
        var body = await RequestBody.ReadAsync<RedeliverRequest>(http, options.Value.MaxRequestBodySize, optional: true).ConfigureAwait(false);
        var subscription = await Find(http, id, store).ConfigureAwait(false);
        var requeued = await store.RedeliverAsync(subscription.TenantId, subscription.Id, body?.EventId, http.RequestAborted).ConfigureAwait(false);
        if (requeued > 0)
        {
            signals.EventsStored();
        }

        return TypedResults.Accepted((string?)null, new RedeliverResponse(requeued));
    }

    private static async Task<WebhookSubscription> Find(HttpContext http, string id, IWebhookStore store) =>
        (id.Length <= 100 ? await store.GetAsync(http.Tenant(), id, http.RequestAborted).ConfigureAwait(false) : null) ?? throw NotFound();

    private static RequestRejectedException NotFound() =>
        new(404, "The webhook subscription was not found.", "No webhook subscription with this id exists for the tenant.");
}
