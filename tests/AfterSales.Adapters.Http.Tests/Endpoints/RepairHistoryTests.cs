using System.Net;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>Repair history fed by the tickets (R-WAR-6): the obligation is raised on the ticket and shown on the device.</summary>
public sealed class RepairHistoryTests
{
    [Fact]
    public Task FourthRepair_RaisesTheObligation_ShownOnTheDevice_Sqlite() => FourthRepair(TestDatabase.Sqlite);

    [PostgresFact]
    public Task FourthRepair_RaisesTheObligation_ShownOnTheDevice_PostgreSql() => FourthRepair(TestDatabase.PostgreSql);

    private static async Task FourthRepair(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");
        (await client.PostAsync("/after-sales/devices", Api.Json("""{"serialNumber":"SN-0001","component":"hardware","acceptedOn":"2025-06-01","warrantyPolicy":"cn-001-lighting"}""")))
            .EnsureSuccessStatusCode();
        System.Text.Json.Nodes.JsonNode? last = null;
        for (var i = 1; i <= 4; i++)
        {
            var id = $"WO-{i}";
            (await client.ReportAsync(id)).EnsureSuccessStatusCode();
            (await client.CommandAsync(id, "acknowledge")).EnsureSuccessStatusCode();
            (await client.CommandAsync(id, "start-remote-diagnosis")).EnsureSuccessStatusCode();
            last = await (await client.CommandAsync(id, "resolve-remotely", """{"resolution":"更换驱动器","repairedPartNumber":"DRIVER"}""")).JsonAsync(HttpStatusCode.OK);
            factory.Clock.AdvanceMinutes(30);
        }

        var events = last!["events"]!.AsArray();
        Assert.Equal("ReplacementObligationRaised", (string)events[^1]!["kind"]!);
        Assert.Equal(("KeyPart", "DRIVER", 4, 3), ((string)events[^1]!["obligation"]!["scope"]!, (string)events[^1]!["obligation"]!["partNumber"]!,
            (int)events[^1]!["obligation"]!["repairCount"]!, (int)events[^1]!["obligation"]!["limit"]!));
        Assert.Single(last["replacementObligations"]!.AsArray());
        var stored = await (await client.GetAsync("/after-sales/tickets/WO-4")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(Api.Text(last["events"]!), Api.Text(stored["events"]!));

        var device = await (await client.GetAsync("/after-sales/devices/SN-0001")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["WO-1", "WO-2", "WO-3", "WO-4"], device["repairs"]!.AsArray().Select(static r => (string)r!["workOrderId"]!));
        var owed = Assert.Single(device["obligations"]!.AsArray())!;
        Assert.Contains("R-WAR-6", (string)owed["reason"]!, StringComparison.Ordinal);
    }
}
