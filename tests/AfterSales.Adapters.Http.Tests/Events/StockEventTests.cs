using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Events;

/// <summary>
/// The stock events a subscriber acts on, written into the outbox in the change's transaction and read from the feed:
/// <c>aftersales.stock.below-target</c> on the movement that crosses the target (R-SP-1), once per crossing, and
/// <c>aftersales.stock.replenishment-ordered</c> once per centre the month's run stores with orders (R-SP-3).
/// </summary>
public sealed class StockEventTests
{
    private const string BelowTarget = "aftersales.stock.below-target";
    private const string Ordered = "aftersales.stock.replenishment-ordered";

    [Fact]
    public Task StockMovements_R_SP_1_BelowTargetOncePerCrossing_NoneWhileBelowOrOnARejectedIssue_Sqlite() => BelowTargetOnCrossing(TestDatabase.Sqlite);

    [PostgresFact]
    public Task StockMovements_R_SP_1_BelowTargetOncePerCrossing_NoneWhileBelowOrOnARejectedIssue_PostgreSql() => BelowTargetOnCrossing(TestDatabase.PostgreSql);

    [Fact]
    public Task ReplenishmentRun_R_SP_3_OneEventPerCentreWithOrders_NoneOnARerunOrARejectedRun_Sqlite() => OrderedOncePerCentre(TestDatabase.Sqlite);

    [PostgresFact]
    public Task ReplenishmentRun_R_SP_3_OneEventPerCentreWithOrders_NoneOnARerunOrARejectedRun_PostgreSql() => OrderedOncePerCentre(TestDatabase.PostgreSql);

    private static async Task BelowTargetOnCrossing(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");

        // BJ serves 40 KIOSK-3: 5 % is a target of 2.
        await RegisterAsync(client, "BJ", 40);
        await MoveAsync(client, "BJ", """{"kind":"Received","quantity":3,"by":"仓管"}"""); // 3
        await MoveAsync(client, "BJ", """{"kind":"IssuedToWorkOrder","quantity":1,"by":"李工","workOrderId":"WO-1"}"""); // 2: at target

        // An issue the stock cannot cover is rejected: no movement, no event.
        var rejected = await client.PostAsync("/after-sales/spares/BJ/KIOSK-3/movements", Api.Json("""{"kind":"IssuedToWorkOrder","quantity":5,"by":"李工","workOrderId":"WO-9"}"""));
        Assert.False(rejected.IsSuccessStatusCode);

        await MoveAsync(client, "BJ", """{"kind":"IssuedToWorkOrder","quantity":1,"by":"李工","workOrderId":"WO-2"}"""); // 1: crosses
        await MoveAsync(client, "BJ", """{"kind":"Scrapped","quantity":1,"by":"仓管","note":"进水"}"""); // 0: still below
        await MoveAsync(client, "BJ", """{"kind":"Received","quantity":5,"by":"仓管"}"""); // 5: back above
        await MoveAsync(client, "BJ", """{"kind":"IssuedToWorkOrder","quantity":4,"by":"李工","workOrderId":"WO-3"}"""); // 1: crosses again

        // A loaner lent from the centre's pool moves its stock in the ticket's transaction, and crosses there too.
        await RegisterAsync(client, "BJ", 20, "KIOSK-LOANER"); // target 1
        (await client.ReportAsync("WO-L")).EnsureSuccessStatusCode();
        (await client.PostAsync("/after-sales/spares/BJ/KIOSK-LOANER/movements", Api.Json("""{"kind":"Received","quantity":1,"by":"仓管"}"""))).EnsureSuccessStatusCode();
        (await client.CommandAsync("WO-L", "provide-loaner", """{"unitSerialNumber":"LN-7","partNumber":"KIOSK-LOANER","centreId":"BJ","issuedBy":"仓管 王"}""")).EnsureSuccessStatusCode();

        var events = await FeedAsync(client);
        var loaner = Assert.Single(events, static e => (string)e["type"]! == BelowTarget && (string)e["subject"]! == "stock/BJ/KIOSK-LOANER")["data"]!;
        Assert.Equal(("LoanerIssued", "WO-L", 0, 20, 1), ((string)loaner["kind"]!, (string)loaner["workOrderId"]!, (int)loaner["balance"]!, (int)loaner["installedBase"]!, (int)loaner["target"]!));
        var below = events.Where(static e => (string)e["type"]! == BelowTarget && (string)e["subject"]! == "stock/BJ/KIOSK-3").ToList();
        Assert.Equal([3, 6], below.Select(static e => (int)e["data"]!["version"]!));
        Assert.Equal(below.Count, below.Select(static e => (string)e["id"]!).Distinct().Count());
        Assert.Equal(6, events.Count(static e => (string)e["type"]! == "aftersales.stock.moved" && (string)e["subject"]! == "stock/BJ/KIOSK-3"));

        var first = below[0];
        Assert.Equal("stock/BJ/KIOSK-3", (string)first["subject"]!);
        Assert.Equal("acme", (string)first["tenantid"]!);
        var data = first["data"]!;
        Assert.Equal(("BJ", "KIOSK-3", "IssuedToWorkOrder", 1, "李工", "WO-2"),
            ((string)data["centreId"]!, (string)data["partNumber"]!, (string)data["kind"]!, (int)data["quantity"]!, (string)data["by"]!, (string)data["workOrderId"]!));
        Assert.Equal((1, 40, 2, 1), ((int)data["balance"]!, (int)data["installedBase"]!, (int)data["target"]!, (int)data["shortfall"]!));
        Assert.Equal(Instant((string)first["time"]!), Instant((string)data["at"]!));
        var again = below[1]["data"]!;
        Assert.Equal(("IssuedToWorkOrder", 4, "WO-3", 1, 1), ((string)again["kind"]!, (int)again["quantity"]!, (string)again["workOrderId"]!, (int)again["balance"]!, (int)again["shortfall"]!));
    }

    private static async Task OrderedOncePerCentre(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");

        // BJ serves 40 (target 2) and holds 1: an order of 1. SH serves 20 (target 1) and holds 1: no order, no event.
        await RegisterAsync(client, "BJ", 40);
        await RegisterAsync(client, "SH", 20);
        await MoveAsync(client, "BJ", """{"kind":"Received","quantity":1,"by":"仓管"}""");
        await MoveAsync(client, "SH", """{"kind":"Received","quantity":1,"by":"仓管"}""");

        // A run of a month not over yet is rejected before anything is stored.
        (await (await client.PostAsync("/after-sales/spares/replenishment-runs/2026-04", null)).JsonAsync(HttpStatusCode.BadRequest)).AsObject();
        (await client.PostAsync("/after-sales/spares/replenishment-runs/2026-03", null)).EnsureSuccessStatusCode();
        var afterFirst = (await FeedAsync(client)).Where(static e => (string)e["type"]! == Ordered).ToList();

        // The month again, later, with another ratio: every centre was run, nothing is stored, nothing is emitted.
        factory.Clock.AdvanceHours(2);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/after-sales/spares/replenishment-runs/2026-03", Api.Json("""{"ratio":0.5}"""))).StatusCode);
        var events = (await FeedAsync(client)).Where(static e => (string)e["type"]! == Ordered).ToList();

        var ordered = Assert.Single(events);
        Assert.Equal((string)Assert.Single(afterFirst)["id"]!, (string)ordered["id"]!);
        Assert.Equal("replenishments/2026-03/BJ", (string)ordered["subject"]!);
        Assert.Equal(Instant((string)ordered["data"]!["ranAt"]!), Instant((string)ordered["time"]!));
        var data = ordered["data"]!;
        Assert.Equal(("2026-03", "BJ", 1, 1, 1L), ((string)data["month"]!, (string)data["centreId"]!, (int)data["cellsChecked"]!, (int)data["orderCount"]!, (long)data["totalUnits"]!));
        var order = Assert.Single(data["orders"]!.AsArray())!;
        Assert.Equal(("BJ", "KIOSK-3", 1, 1, 2), ((string)order["centreId"]!, (string)order["partNumber"]!, (int)order["quantity"]!, (int)order["onHand"]!, (int)order["target"]!));

        // Another tenant's run of the same month and centre is its own fact.
        using var other = factory.ClientFor("globex");
        await RegisterAsync(other, "BJ", 40);
        (await other.PostAsync("/after-sales/spares/replenishment-runs/2026-03", null)).EnsureSuccessStatusCode();
        var theirs = Assert.Single(await FeedAsync(other), static e => (string)e["type"]! == Ordered);
        Assert.NotEqual((string)ordered["id"]!, (string)theirs["id"]!);
        Assert.Equal(2, (int)theirs["data"]!["orders"]![0]!["quantity"]!);
    }

    private static Instant Instant(string text) => NodaTime.Text.InstantPattern.ExtendedIso.Parse(text).Value;

    private static async Task RegisterAsync(HttpClient client, string centre, int count, string model = "KIOSK-3")
    {
        for (var i = 0; i < count; i++)
        {
            (await client.PostAsync("/after-sales/devices", Api.Json($$"""{"serialNumber":"{{centre}}-{{model}}-{{i}}","component":"hardware","acceptedOn":"2025-01-01","centreId":"{{centre}}","model":"{{model}}"}""")))
                .EnsureSuccessStatusCode();
        }
    }

    private static async Task MoveAsync(HttpClient client, string centre, string body) =>
        (await client.PostAsync($"/after-sales/spares/{centre}/KIOSK-3/movements", Api.Json(body))).EnsureSuccessStatusCode();

    /// <summary>
    /// The tenant's whole feed once a sentinel movement, committed after everything before it, shows: the feed has no
    /// gaps, so every earlier event shows too (on PostgreSQL an event shows once older transactions have ended). The
    /// sentinel is a part of BJ nobody's installed base needs (target 0), so it adds no centre to a run and no crossing.
    /// </summary>
    private static async Task<List<JsonNode>> FeedAsync(HttpClient client)
    {
        var sentinel = "S-" + Guid.NewGuid().ToString("N")[..8];
        (await client.PostAsync($"/after-sales/spares/BJ/{sentinel}/movements", Api.Json("""{"kind":"Received","quantity":1,"by":"test"}"""))).EnsureSuccessStatusCode();
        var events = new List<JsonNode>();
        var cursor = "0-0";
        for (var until = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < until;)
        {
            var page = await (await client.GetAsync($"/after-sales/events?limit=200&after={cursor}")).JsonAsync(HttpStatusCode.OK);
            events.AddRange(page["events"]!.AsArray().Select(static e => e!));
            cursor = (string)page["next"]!;
            if (events.Any(e => (string)e["subject"]! == $"stock/BJ/{sentinel}"))
            {
                return events;
            }

            if (!(bool)page["hasMore"]!)
            {
                await Task.Delay(20);
            }
        }

        throw new TimeoutException("The sentinel movement did not show in the feed within 30 s.");
    }
}
