using System.Net;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

public sealed class ConcurrencyAndIdempotencyTests
{
    [Fact]
    public async Task TwoCommands_SameIfMatch_ExactlyOne412()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        for (var round = 0; round < 10; round++)
        {
            var id = $"WO-race-{round}";
            (await client.ReportAsync(id)).EnsureSuccessStatusCode();
            var first = client.CommandAsync(id, "acknowledge", ifMatch: 1);
            var second = client.CommandAsync(id, "cancel", """{"reason":"duplicate"}""", ifMatch: 1);
            var statuses = (await Task.WhenAll(first, second)).Select(r => r.StatusCode).Order().ToArray();
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], statuses);

            var ticket = await (await client.GetAsync($"/after-sales/tickets/{id}")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(2, (int)ticket["version"]!);
        }
    }

    [Fact]
    public async Task Command_StaleOrForeignIfMatch_412AndNothingChanged()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        (await client.CommandAsync("WO-1", "acknowledge", ifMatch: 1)).EnsureSuccessStatusCode();
        var before = await factory.DumpHashAsync();

        var stale = await client.CommandAsync("WO-1", "start-remote-diagnosis", ifMatch: 1);
        var problem = await stale.JsonAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(412, (int)problem["status"]!);

        using var weird = new HttpRequestMessage(HttpMethod.Post, "/after-sales/tickets/WO-1/start-remote-diagnosis");
        weird.Headers.TryAddWithoutValidation("If-Match", "\"abc\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(weird)).StatusCode);
        Assert.Equal(before, await factory.DumpHashAsync());
    }

    [Fact]
    public async Task Report_RetryWithSameKey_ReturnsFirstResponseAndCreatesNothing()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");

        async Task<HttpResponseMessage> Send(string key, string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/after-sales/tickets") { Content = Api.Json(body) };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        var body = Api.ReportBody();
        var first = await Send("key-1", body);
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var afterFirst = await factory.DumpHashAsync();

        factory.Clock.AdvanceMinutes(3);
        for (var i = 0; i < 3; i++)
        {
            var retry = await Send("key-1", body);
            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
            Assert.Equal(first.Headers.Location, retry.Headers.Location);
            Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
            Assert.Equal(first.Content.Headers.ContentType, retry.Content.Headers.ContentType);
            Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync());
        }

        Assert.Equal(afterFirst, await factory.DumpHashAsync());
        var list = await (await client.GetAsync("/after-sales/tickets")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(list["items"]!.AsArray());

        // The same key with another body is a client error; nothing is created.
        var other = await Send("key-1", Api.ReportBody(severity: "B"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(afterFirst, await factory.DumpHashAsync());

        // Keys are per tenant: another tenant's same key creates its own ticket.
        using var globex = factory.ClientFor("globex");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/after-sales/tickets") { Content = Api.Json(body) };
        request.Headers.Add("Idempotency-Key", "key-1");
        Assert.Equal(HttpStatusCode.Created, (await globex.SendAsync(request)).StatusCode);

        // A failed request is not remembered: after a fix, the same key runs.
        var invalid = await Send("key-2", Api.ReportBody(severity: "Z"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var fixedRequest = await Send("key-2", Api.ReportBody(severity: "Z"));
        Assert.Equal(HttpStatusCode.BadRequest, fixedRequest.StatusCode);
    }

    [Fact]
    public async Task Report_ConcurrentRetriesSameKey_OneTicket()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        var body = Api.ReportBody();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/after-sales/tickets") { Content = Api.Json(body) };
            request.Headers.Add("Idempotency-Key", "same");
            return (await client.SendAsync(request)).StatusCode;
        }));
        Assert.All(responses, s => Assert.Contains(s, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var list = await (await client.GetAsync("/after-sales/tickets")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(list["items"]!.AsArray());
    }
}
