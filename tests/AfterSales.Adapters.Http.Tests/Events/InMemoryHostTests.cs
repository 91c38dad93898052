using System.Net;
using AfterSales.Events;
using AfterSales.Http.Tests.Support;
using AfterSales.Sla;
using AfterSales.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime.Testing;

namespace AfterSales.Http.Tests.Events;

/// <summary>A host of its own with only the in-memory stores: AddDeadlineWatcher and MapAfterSales deliver signed webhooks of every kind.</summary>
public sealed class InMemoryHostTests
{
    [Fact]
    public async Task InMemoryStores_AddDeadlineWatcherAndMapAfterSales_DeliverStepsAlertsComplaintsStockAndReplenishment()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var timer = new FakeDeadlineTimer(FakeClock.FromUtc(2026, 3, 2, 1, 0, 0));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IClock>(timer.Clock);
        builder.Services.AddSingleton<IDeadlineTimer>(timer);
        builder.Services.AddAuthentication(); // the host's; no scheme: requests name their tenant by header below
        builder.Services.AddAfterSales(static o =>
            {
                o.Policies.Add(SlaPresets.SystemIntegration002);
                o.DefaultPolicyId = SlaPresets.SystemIntegration002.Id;
            })
            .AddHttpApi(static o => o.WebhookAllowedHosts.Add("127.0.0.1"))
            .ConfigureHttpIdentity(static o => o.AcceptTenantHeader = true) // the tenant header, as in development: no token to mint
            .AddDeadlineWatcher();
        await using var app = builder.Build();
        app.MapAfterSales();
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        client.DefaultRequestHeaders.Add("X-Tenant-Id", "acme");

        receiver.Secret = await WebhookDeliveryTests.SubscribeAsync(client, receiver.Url);
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        (await client.PostAsync("/after-sales/complaints", Api.Json("""{"id":"C-1","workOrderId":"WO-1","engineerId":"E-7","summary":"late"}"""))).EnsureSuccessStatusCode();
        (await client.PostAsync("/after-sales/spares/BJ/P-1/movements", Api.Json("""{"kind":"Received","quantity":5,"by":"warehouse"}"""))).EnsureSuccessStatusCode();

        // One P-1 in service at BJ: a target of 1 (5 %, rounded up); issuing all 5 crosses it, and the month's run orders 1.
        (await client.PostAsync("/after-sales/devices", Api.Json("""{"serialNumber":"SN-1","component":"hardware","acceptedOn":"2025-01-01","centreId":"BJ","model":"P-1"}"""))).EnsureSuccessStatusCode();
        (await client.PostAsync("/after-sales/spares/BJ/P-1/movements", Api.Json("""{"kind":"IssuedToWorkOrder","quantity":5,"by":"engineer","workOrderId":"WO-1"}"""))).EnsureSuccessStatusCode();
        (await client.PostAsync("/after-sales/spares/replenishment-runs/2026-03", null)).EnsureSuccessStatusCode();
        timer.Advance(Duration.FromMinutes(16));

        string[] expected =
        [
            "aftersales.ticket.reported", "aftersales.complaint.filed", "aftersales.stock.moved", "aftersales.stock.below-target",
            "aftersales.stock.replenishment-ordered", "aftersales.clock.warning", "aftersales.clock.breached",
        ];
        await receiver.WaitForAsync(r => expected.All(t => r.Any(e => e.Type == t)), "every kind of event");
        Assert.All(receiver.Accepted, static e => Assert.True(e.Verified));
        Assert.Equal(receiver.Accepted.Count(), receiver.Accepted.Select(static e => e.Id).Distinct().Count());

        var feed = await (await client.GetAsync("/after-sales/events")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(receiver.Accepted.Select(static e => e.Id).Order(StringComparer.Ordinal), feed["events"]!.AsArray().Select(static e => (string)e!["id"]!).Order(StringComparer.Ordinal));
        await app.StopAsync();
    }
}
