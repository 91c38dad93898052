using System.Net;
using System.Net.Http.Headers;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>
/// Quotes belong to a ticket and come from the tenant's stored, versioned tendered price list (R-WAR-8):
/// a line above the cap is refused with the line and the cap; the customer accepts a stored quote by id;
/// parts are replaced against the accepted quote (R-WO-7); totals are the service's.
/// </summary>
public sealed class QuoteEndpointTests
{
    [Fact]
    public Task QuoteFromThePriceList_Sqlite() => QuoteFromThePriceList(TestDatabase.Sqlite);

    [PostgresFact]
    public Task QuoteFromThePriceList_PostgreSql() => QuoteFromThePriceList(TestDatabase.PostgreSql);

    private static async Task QuoteFromThePriceList(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");

        // The contract's price list, versioned: v1, then v2 lowers P-1.
        var v1 = await (await client.PutAsync("/after-sales/price-lists/CT-1", Api.Json("""
            {"parts":[{"partNumber":"P-1","maxUnitPrice":120.5},{"partNumber":"P-2","maxUnitPrice":80}]}
            """))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, (int)v1["version"]!);
        using (var update = new HttpRequestMessage(HttpMethod.Put, "/after-sales/price-lists/CT-1") { Content = Api.Json("""{"parts":[{"partNumber":"P-1","maxUnitPrice":110},{"partNumber":"P-2","maxUnitPrice":80}]}""") })
        {
            update.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
            Assert.Equal(2, (int)(await (await client.SendAsync(update)).JsonAsync(HttpStatusCode.OK))["version"]!);
        }

        using (var stale = new HttpRequestMessage(HttpMethod.Put, "/after-sales/price-lists/CT-1") { Content = Api.Json("""{"parts":[{"partNumber":"P-1","maxUnitPrice":1}]}""") })
        {
            stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
            Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(stale)).StatusCode);
        }

        var twice = await (await client.PutAsync("/after-sales/price-lists/CT-2", Api.Json("""{"parts":[{"partNumber":"P-1","maxUnitPrice":1},{"partNumber":"P-1","maxUnitPrice":2}]}""")))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(twice["errors"]!["parts[1].partNumber"]);
        Assert.Equal("120.5", (await (await client.GetAsync("/after-sales/price-lists/CT-1?version=1")).JsonAsync(HttpStatusCode.OK))["parts"]![0]!["maxUnitPrice"]!.ToJsonString());

        // The device's contract names the price list; out of warranty, so the work is billable.
        (await client.PostAsync("/after-sales/devices", Api.Json("""{"serialNumber":"SN-0001","component":"hardware","acceptedOn":"2022-07-01","contractId":"CT-1"}""")))
            .EnsureSuccessStatusCode();
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();

        // R-WAR-8: one line above the cap is refused with the line and the cap; nothing is stored.
        var above = await (await client.PostAsync("/after-sales/tickets/WO-1/quotes", Api.Json("""
            {"lines":[{"kind":"Part","partNumber":"P-1","quantity":2},{"kind":"Part","partNumber":"P-2","unitPrice":90}]}
            """))).JsonAsync(HttpStatusCode.BadRequest);
        var message = (string)above["errors"]!["lines[1].unitPrice"]![0]!;
        Assert.Contains("CNY 80.00", message, StringComparison.Ordinal);
        Assert.Equal((80m, 90m, "P-2"), ((decimal)above["tenderedUnitPrice"]!, (decimal)above["quotedUnitPrice"]!, (string)above["partNumber"]!));
        var missing = await (await client.PostAsync("/after-sales/tickets/WO-1/quotes", Api.Json("""{"lines":[{"kind":"Part","partNumber":"P-9"}]}""")))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["lines[0].partNumber"]);
        Assert.Equal(1, (int)(await (await client.GetAsync("/after-sales/tickets/WO-1")).JsonAsync(HttpStatusCode.OK))["version"]!);

        // Priced from the latest list (P-1 at its cap, 110), total computed by the service; a retry is answered once.
        const string Body = """{"lines":[{"kind":"Part","partNumber":"P-1","quantity":2},{"kind":"Travel","unitPrice":50},{"kind":"PhoneSupport"}]}""";
        using var first = new HttpRequestMessage(HttpMethod.Post, "/after-sales/tickets/WO-1/quotes") { Content = Api.Json(Body) };
        first.Headers.Add("Idempotency-Key", "quote-1");
        var created = await client.SendAsync(first);
        var quote = await created.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("Q-1", "CT-1@2", 270m, 220m, true), ((string)quote["id"]!, (string)quote["priceListKey"]!, (decimal)quote["total"]!, (decimal)quote["partsTotal"]!, (bool)quote["isCurrent"]!));
        Assert.Equal("/after-sales/tickets/WO-1/quotes/Q-1", created.Headers.Location!.OriginalString);
        using var retry = new HttpRequestMessage(HttpMethod.Post, "/after-sales/tickets/WO-1/quotes") { Content = Api.Json(Body) };
        retry.Headers.Add("Idempotency-Key", "quote-1");
        Assert.Equal("Q-1", (string)(await (await client.SendAsync(retry)).JsonAsync(HttpStatusCode.Created))["id"]!);
        Assert.Single((await (await client.GetAsync("/after-sales/tickets/WO-1/quotes")).JsonAsync(HttpStatusCode.OK)).AsArray());
        Assert.Equal(270m, (decimal)(await (await client.GetAsync("/after-sales/tickets/WO-1/quotes/Q-1")).JsonAsync(HttpStatusCode.OK))["total"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/after-sales/tickets/WO-1/quotes/Q-9")).StatusCode);

        // R-WO-7: parts wait for acceptance, which names the stored quote.
        var early = await (await client.CommandAsync("WO-1", "replace-parts", """{"oldPartNumber":"P-1","newPartNumber":"P-1","signedBy":"赵"}""")).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("R-WO-7", (string)early["unmetGuards"]![0]!, StringComparison.Ordinal);
        var wrong = await (await client.CommandAsync("WO-1", "accept-quote", """{"quoteId":"Q-7","acceptedBy":"赵经理"}""")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(wrong["errors"]!["quoteId"]);
        (await client.CommandAsync("WO-1", "accept-quote", """{"quoteId":"Q-1","acceptedBy":"赵经理"}""")).EnsureSuccessStatusCode();

        // Only the accepted quote's parts, up to its quantities.
        var other = await (await client.CommandAsync("WO-1", "replace-parts", """{"oldPartNumber":"P-2","newPartNumber":"P-2","signedBy":"赵"}""")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(other["errors"]!["newPartNumber"]);
        for (var i = 0; i < 2; i++)
        {
            var replaced = await (await client.CommandAsync("WO-1", "replace-parts", """{"oldPartNumber":"P-1","newPartNumber":"P-1","signedBy":"赵","quoteId":"Q-1"}""")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal("Q-1", (string)replaced["events"]!.AsArray()[^1]!["partsExchange"]!["quoteId"]!);
        }

        var third = await (await client.CommandAsync("WO-1", "replace-parts", """{"oldPartNumber":"P-1","newPartNumber":"P-1","signedBy":"赵"}""")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("allows 2", (string)third["errors"]!["newPartNumber"]![0]!, StringComparison.Ordinal);

        // A quote from an older version of the list, through the command route.
        var older = await (await client.CommandAsync("WO-1", "submit-quote", """{"id":"Q-2","priceListId":"CT-1","priceListVersion":1,"lines":[{"kind":"Part","partNumber":"P-1"}]}"""))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(120.5m, (decimal)older["events"]!.AsArray()[^1]!["quote"]!["total"]!);
        var noList = await (await client.CommandAsync("WO-1", "submit-quote", """{"priceListId":"CT-404","lines":[{"kind":"PhoneSupport"}]}""")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(noList["errors"]!["priceListId"]);
    }
}
