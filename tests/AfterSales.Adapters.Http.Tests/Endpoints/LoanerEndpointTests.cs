using System.Net;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>
/// Loaners on the work order over HTTP (备机, R-SP-5): provide-loaner names the unit, checked against the
/// device's grade from the entitlement at report; the order tracks it, and closes only once return-loaner
/// brought it back; the events and the loan survive a reload on both providers. A unit of a centre's pool
/// moves the pool's stock in the same transaction as the ticket's event.
/// </summary>
public sealed class LoanerEndpointTests
{
    [Fact]
    public Task ProvideAndReturnLoaner_R_SP_5_GradeChecked_TrackedAndStored_Sqlite() => Scenario(TestDatabase.Sqlite);

    [PostgresFact]
    public Task ProvideAndReturnLoaner_R_SP_5_GradeChecked_TrackedAndStored_PostgreSql() => Scenario(TestDatabase.PostgreSql);

    private static async Task Scenario(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");
        (await client.PostAsync("/after-sales/devices", Api.Json("""
            {"serialNumber":"SN-0001","component":"hardware","acceptedOn":"2025-07-01","centreId":"BJ","model":"KIOSK-3","grade":2}
            """))).EnsureSuccessStatusCode();
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();

        // R-SP-5: the same or a better grade; a worse one is refused naming the field, nothing recorded.
        var worse = await (await client.CommandAsync("WO-1", "provide-loaner", """{"unitSerialNumber":"LN-7","partNumber":"KIOSK-LOANER","grade":1}"""))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("below the device's grade 2", (string)worse["errors"]!["grade"]![0]!, StringComparison.Ordinal);
        var hostile = await (await client.CommandAsync("WO-1", "provide-loaner", """{"unitSerialNumber":"LN/7","partNumber":"KIOSK-LOANER","grade":2}"""))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(hostile["errors"]!["unitSerialNumber"]);
        Assert.Equal(1, (int)(await (await client.GetAsync("/after-sales/tickets/WO-1")).JsonAsync(HttpStatusCode.OK))["version"]!);

        factory.Clock.Advance(Duration.FromHours(2));
        var lent = await (await client.CommandAsync("WO-1", "provide-loaner", """{"unitSerialNumber":"LN-7","partNumber":"KIOSK-LOANER","grade":3,"note":"客户签收"}"""))
            .JsonAsync(HttpStatusCode.OK);
        var loan = Assert.Single(lent["loaners"]!.AsArray())!;
        Assert.Equal(("LN-7", "KIOSK-LOANER", 3, "2026-03-02T03:00:00Z"),
            ((string)loan["unitSerialNumber"]!, (string)loan["partNumber"]!, (int)loan["grade"]!, (string)loan["providedAt"]!));
        Assert.Null(loan["centreId"]);
        Assert.Null(loan["returnedAt"]);
        Assert.Contains("return-loaner", lent["permittedCommands"]!.AsArray().Select(static c => (string)c!));
        var last = lent["events"]!.AsArray()[^1]!;
        Assert.Equal(("LoanerProvided", "LN-7"), ((string)last["kind"]!, (string)last["loaner"]!["unitSerialNumber"]!));

        var unknown = await (await client.CommandAsync("WO-1", "return-loaner", """{"unitSerialNumber":"LN-9"}""")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["unitSerialNumber"]);
        factory.Clock.Advance(Duration.FromDays(3));
        var back = await (await client.CommandAsync("WO-1", "return-loaner", """{"unitSerialNumber":"LN-7","note":"外观完好"}""")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2026-03-05T03:00:00Z", (string)back["loaners"]![0]!["returnedAt"]!);
        Assert.DoesNotContain("return-loaner", back["permittedCommands"]!.AsArray().Select(static c => (string)c!));

        // Stored: a reload answers the same loans and events.
        var reloaded = await (await client.GetAsync("/after-sales/tickets/WO-1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(Api.Text(back["loaners"]!), Api.Text(reloaded["loaners"]!));
        Assert.Equal(Api.Text(back["events"]!), Api.Text(reloaded["events"]!));
    }

    [Fact]
    public Task LoanerFromACentresPool_R_SP_5_TheStockMovesWithTheTicket_OneTransaction_Sqlite() => PoolScenario(TestDatabase.Sqlite);

    [PostgresFact]
    public Task LoanerFromACentresPool_R_SP_5_TheStockMovesWithTheTicket_OneTransaction_PostgreSql() => PoolScenario(TestDatabase.PostgreSql);

    private static async Task PoolScenario(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        (await client.PostAsync("/after-sales/spares/BJ/KIOSK-LOANER/movements", Api.Json("""{"kind":"Received","quantity":1,"by":"仓管"}"""))).EnsureSuccessStatusCode();

        var noIssuer = await (await client.CommandAsync("WO-1", "provide-loaner", """{"unitSerialNumber":"LN-7","partNumber":"KIOSK-LOANER","centreId":"BJ"}""")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(noIssuer["errors"]!["issuedBy"]);

        factory.Clock.Advance(Duration.FromMinutes(30));
        var lent = await (await client.CommandAsync("WO-1", "provide-loaner", """{"unitSerialNumber":"LN-7","partNumber":"KIOSK-LOANER","centreId":"BJ","issuedBy":"仓管 王"}"""))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("BJ", (string)lent["loaners"]![0]!["centreId"]!);
        var pool = await (await client.GetAsync("/after-sales/spares/BJ/KIOSK-LOANER")).JsonAsync(HttpStatusCode.OK);
        var issued = pool["movements"]!.AsArray()[^1]!;
        Assert.Equal((0, "LoanerIssued", "WO-1", "2026-03-02T01:30:00Z"), ((int)pool["balance"]!, (string)issued["kind"]!, (string)issued["workOrderId"]!, (string)issued["at"]!));

        // The pool is empty: the second unit is refused and neither the ticket nor the pool changes.
        var before = await factory.DumpHashAsync();
        var empty = await client.CommandAsync("WO-1", "provide-loaner", """{"unitSerialNumber":"LN-8","partNumber":"KIOSK-LOANER","centreId":"BJ","issuedBy":"仓管 王"}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal(before, await factory.DumpHashAsync());

        var noReceiver = await (await client.CommandAsync("WO-1", "return-loaner", """{"unitSerialNumber":"LN-7"}""")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(noReceiver["errors"]!["receivedBy"]);
        (await client.CommandAsync("WO-1", "return-loaner", """{"unitSerialNumber":"LN-7","receivedBy":"仓管 王"}""")).EnsureSuccessStatusCode();
        var restocked = await (await client.GetAsync("/after-sales/spares/BJ/KIOSK-LOANER")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((1, "Returned", "WO-1"), ((int)restocked["balance"]!, (string)restocked["movements"]!.AsArray()[^1]!["kind"]!, (string)restocked["movements"]!.AsArray()[^1]!["workOrderId"]!));
    }
}
