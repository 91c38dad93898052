using System.Net;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>Reporting a fault looks the device up and assesses its warranty (R-WO-1); a device's work orders are listed (R-WO-10).</summary>
public sealed class EntitlementAtReportTests
{
    [Fact]
    public Task ReportOnRegisteredAndUnknownDevices_EntitlementRecorded_DeviceTicketsListed_Sqlite() => Scenario(TestDatabase.Sqlite);

    [PostgresFact]
    public Task ReportOnRegisteredAndUnknownDevices_EntitlementRecorded_DeviceTicketsListed_PostgreSql() => Scenario(TestDatabase.PostgreSql);

    private static async Task Scenario(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");
        var device = await (await client.PostAsync("/after-sales/devices", Api.Json("""
            {"serialNumber":"SN-0001","component":"hardware","acceptedOn":"2022-07-01","warrantyPolicy":"cn-002-integration",
             "contractId":"CT-2022-07","centreId":"BJ","model":"KIOSK-3","grade":2}
            """))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("cn-002-integration", "CT-2022-07", "BJ", "KIOSK-3", 2),
            ((string)device["warrantyPolicy"]!, (string)device["contractId"]!, (string)device["centreId"]!, (string)device["model"]!, (int)device["grade"]!));

        // R-WAR-8: accepted 2022-07-01, three years: out of warranty on 2026-03-02, so the work is billable.
        var billable = await (await client.ReportAsync("WO-1")).JsonAsync(HttpStatusCode.Created);
        Assert.True((bool)billable["isBillable"]!);
        var entitlement = billable["report"]!["entitlement"]!;
        Assert.Equal(("Billable", "OutOfWarranty", "2026-03-02", "CT-2022-07", true),
            ((string)entitlement["status"]!, (string)entitlement["warrantyStatus"]!, (string)entitlement["assessedOn"]!, (string)entitlement["contractId"]!, (bool)entitlement["dataBackupRequired"]!));
        Assert.Contains(entitlement["reasons"]!.AsArray(), r => ((string)r!).StartsWith("billable: out of warranty since 2025-07-01", StringComparison.Ordinal));
        var reloaded = await (await client.GetAsync("/after-sales/tickets/WO-1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(Api.Text(billable["report"]!), Api.Text(reloaded["report"]!));

        // A fault that occurred while in warranty is covered, whenever it is reported.
        var body = System.Text.Json.Nodes.JsonNode.Parse(Api.ReportBody("WO-2"))!;
        body["faultOccurredAt"] = "2025-06-20T02:00:00Z";
        var covered = await (await client.PostAsync("/after-sales/tickets", Api.Json(body.ToJsonString()))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Covered", (string)covered["report"]!["entitlement"]!["status"]!);
        Assert.False((bool)covered["isBillable"]!);

        // An unknown serial number is accepted and marked so.
        var unknownBody = System.Text.Json.Nodes.JsonNode.Parse(Api.ReportBody("WO-3"))!;
        unknownBody["deviceSerialNumber"] = "SN-NEVER-SEEN";
        var unknown = await (await client.PostAsync("/after-sales/tickets", Api.Json(unknownBody.ToJsonString()))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("UnknownDevice", false, false),
            ((string)unknown["report"]!["entitlement"]!["status"]!, (bool)unknown["report"]!["entitlement"]!["isDeviceKnown"]!, (bool)unknown["isBillable"]!));

        // R-WO-10: the device's work orders, and only them; another tenant sees none.
        var list = await (await client.GetAsync("/after-sales/devices/SN-0001/tickets?pageSize=1")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(list["items"]!.AsArray());
        Assert.True((bool)list["hasMore"]!);
        var all = await (await client.GetAsync("/after-sales/devices/SN-0001/tickets")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["WO-1", "WO-2"], all["items"]!.AsArray().Select(static i => (string)i!["id"]!).Order(StringComparer.Ordinal));
        using var other = factory.ClientFor("globex");
        Assert.Empty((await (await other.GetAsync("/after-sales/devices/SN-0001/tickets")).JsonAsync(HttpStatusCode.OK))["items"]!.AsArray());
        var hostile = await (await client.GetAsync("/after-sales/devices/%E2%80%AESN/tickets")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(hostile["errors"]!["serialNumber"]);

        // R-WAR-10: a move is recorded and read: the assessment names it and the coverage is unchanged.
        var moved = await (await client.PostAsync("/after-sales/devices/SN-0001/relocations", Api.Json("""{"on":"2025-05-01","from":"一号楼","to":"二号楼"}"""))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)moved["version"]!);
        var warranty = await (await client.GetAsync("/after-sales/devices/SN-0001/warranty?on=2025-06-01")).JsonAsync(HttpStatusCode.OK);
        Assert.True((bool)warranty["isCovered"]!);
        Assert.Contains(warranty["reasons"]!.AsArray(), r => ((string)r!).Contains("R-WAR-10", StringComparison.Ordinal));
        Assert.Equal("二号楼", (string)warranty["relocations"]![0]!["to"]!);
    }

    [Fact]
    public async Task RegisterDevice_UnknownWarrantyPolicy_400NamingTheField()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        var problem = await (await client.PostAsync("/after-sales/devices", Api.Json("""{"serialNumber":"SN-9","component":"hardware","acceptedOn":"2025-01-01","warrantyPolicy":"nope"}""")))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["warrantyPolicy"]);
        var grade = await (await client.PostAsync("/after-sales/devices", Api.Json("""{"serialNumber":"SN-9","component":"hardware","acceptedOn":"2025-01-01","grade":-1}""")))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(grade["errors"]!["grade"]);
    }

    [Fact]
    public async Task CheckOff_ReportRecordsNoEntitlement()
    {
        using var factory = new ServiceFactory(settings: new Dictionary<string, string?> { ["AfterSales:CheckEntitlementAtReport"] = "false" });
        using var client = factory.ClientFor("acme");
        var ticket = await (await client.ReportAsync("WO-1")).JsonAsync(HttpStatusCode.Created);
        Assert.Null(ticket["report"]!["entitlement"]);
        Assert.False((bool)ticket["isBillable"]!);
    }
}
