using System.Net;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>The monthly replenishment run and stock report from stored data (R-SP-1, R-SP-3), on both providers.</summary>
public sealed class SparesEndpointTests
{
    [Fact]
    public Task ReplenishmentRun_FromTheLedgerAndTheRegistry_TwiceTheSame_StoredOnce_Sqlite() => Run(TestDatabase.Sqlite);

    [PostgresFact]
    public Task ReplenishmentRun_FromTheLedgerAndTheRegistry_TwiceTheSame_StoredOnce_PostgreSql() => Run(TestDatabase.PostgreSql);

    private static async Task Run(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");

        // BJ serves 40 KIOSK-3 (target 2) and holds 1; SH serves 20 (target 1) and holds 1.
        for (var i = 0; i < 60; i++)
        {
            var centre = i < 40 ? "BJ" : "SH";
            (await client.PostAsync("/after-sales/devices", Api.Json($$"""{"serialNumber":"K-{{i}}","component":"hardware","acceptedOn":"2025-01-01","centreId":"{{centre}}","model":"KIOSK-3"}""")))
                .EnsureSuccessStatusCode();
        }

        foreach (var centre in new[] { "BJ", "SH" })
        {
            (await client.PostAsync($"/after-sales/spares/{centre}/KIOSK-3/movements", Api.Json("""{"kind":"Received","quantity":3,"by":"仓管"}"""))).EnsureSuccessStatusCode();
            (await client.PostAsync($"/after-sales/spares/{centre}/KIOSK-3/movements", Api.Json("""{"kind":"IssuedToWorkOrder","quantity":2,"by":"李工","workOrderId":"WO-1"}"""))).EnsureSuccessStatusCode();
        }

        var first = await (await client.PostAsync("/after-sales/spares/replenishment-runs/2026-03", null)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal((2, 1L, 1L), ((int)first["storedNow"]!, (long)first["orderCount"]!, (long)first["totalUnits"]!));
        Assert.Equal(["BJ", "SH"], first["centres"]!.AsArray().Select(static c => (string)c!["centreId"]!));

        factory.Clock.AdvanceHours(2);
        var second = await (await client.PostAsync("/after-sales/spares/replenishment-runs/2026-03", Api.Json("""{"ratio":0.5}"""))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, (int)second["storedNow"]!);
        Assert.Equal(Api.Text(first["centres"]!), Api.Text(second["centres"]!));
        Assert.Equal(Api.Text(first["centres"]!), Api.Text((await (await client.GetAsync("/after-sales/spares/replenishment-runs/2026-03")).JsonAsync(HttpStatusCode.OK))["centres"]!));

        var orders = await (await client.GetAsync("/after-sales/spares/replenishment-runs/2026-03/centres/BJ/orders?pageSize=10")).JsonAsync(HttpStatusCode.OK);
        var order = Assert.Single(orders["items"]!.AsArray())!;
        Assert.Equal(("KIOSK-3", 1, 1, 2), ((string)order["partNumber"]!, (int)order["quantity"]!, (int)order["onHand"]!, (int)order["target"]!));
        Assert.Empty((await (await client.GetAsync("/after-sales/spares/replenishment-runs/2026-03/centres/SH/orders")).JsonAsync(HttpStatusCode.OK))["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/after-sales/spares/replenishment-runs/2026-02")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/after-sales/spares/replenishment-runs/2026-03/centres/GZ/orders")).StatusCode);

        // R-SP-3: the month's use and stock, from the stored ledger.
        var report = await (await client.GetAsync("/after-sales/spares/stock-reports/2026-03?centre=BJ")).JsonAsync(HttpStatusCode.OK);
        var line = Assert.Single(report["items"]!.AsArray())!;
        Assert.Equal((0, 3, 2, 1), ((int)line["opening"]!, (int)line["received"]!, (int)line["issued"]!, (int)line["closing"]!));

        var future = await (await client.PostAsync("/after-sales/spares/replenishment-runs/2026-04", null)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(future["errors"]!["month"]);
        var malformed = await (await client.PostAsync("/after-sales/spares/replenishment-runs/2026-13", null)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(malformed["errors"]!["month"]);
        Assert.NotNull((await (await client.GetAsync("/after-sales/spares/stock-reports/2026-03")).JsonAsync(HttpStatusCode.BadRequest))["errors"]!["centre"]);

        using var other = factory.ClientFor("globex");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/after-sales/spares/replenishment-runs/2026-03")).StatusCode);
    }
}
