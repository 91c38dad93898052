using System.Text;
using System.Text.Json.Nodes;
using AfterSales.Entitlements.Warranty;
using AfterSales.EntityFrameworkCore;
using AfterSales.Sla;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace AfterSales.Benchmarks.Http;

/// <summary>
/// Issue 14's target for the entitlement check at report (R-WO-1): POST /after-sales/tickets with the
/// device looked up in the registry and judged by its warranty policy must be at most 20 % slower than
/// the same report without the check. Two in-memory servers (TestServer, the whole HTTP pipeline and
/// the EF Core stores on their own SQLite files), alike but for
/// <c>AfterSalesOptions.CheckEntitlementAtReport</c>; both registries hold the same 1 000 devices.
/// </summary>
/// <remarks><c>dotnet run -c Release --project benchmarks/AfterSales.Benchmarks -- --filter '*ReportEntitlement*' --job short</c></remarks>
[MemoryDiagnoser]
public class ReportEntitlementBenchmarks
{
    private const int Devices = 1_000;
    private readonly string directory = Path.Combine(Path.GetTempPath(), "aftersales-bench-" + Guid.NewGuid().ToString("N"));
    private WebApplication? unchecked_;
    private WebApplication? checked_;
    private HttpClient? withoutClient;
    private HttpClient? withClient;
    private int next;

    [GlobalSetup]
    public async Task Setup()
    {
        Directory.CreateDirectory(directory);
        (unchecked_, withoutClient) = await StartAsync("without", checkEntitlement: false);
        (checked_, withClient) = await StartAsync("with", checkEntitlement: true);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        withoutClient?.Dispose();
        withClient?.Dispose();
        await unchecked_!.DisposeAsync();
        await checked_!.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "POST /tickets, no entitlement check")]
    public Task<int> ReportWithoutCheck() => ReportAsync(withoutClient!);

    [Benchmark(Description = "POST /tickets, entitlement check at report")]
    public Task<int> ReportWithCheck() => ReportAsync(withClient!);

    private async Task<int> ReportAsync(HttpClient client)
    {
        var n = Interlocked.Increment(ref next);
        var body = new JsonObject
        {
            ["id"] = "WO-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["reporter"] = new JsonObject { ["name"] = "李工", ["organization"] = "Bank of Test", ["contact"] = "13800000000" },
            ["channel"] = "Phone",
            ["site"] = new JsonObject { ["locality"] = "Local", ["name"] = "HQ", ["address"] = "1 Test Road" },
            ["deviceSerialNumber"] = Serial(n % Devices),
            ["symptom"] = "Storage array down",
            ["severityCode"] = "A",
        }.ToJsonString();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/after-sales/tickets", content);
        return response.IsSuccessStatusCode ? (int)response.StatusCode : throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
    }

    private static string Serial(int i) => "SN-" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(WebApplication App, HttpClient Client)> StartAsync(string name, bool checkEntitlement)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var connection = $"Data Source={Path.Combine(directory, name + ".db")}";
        builder.Services.AddDbContextFactory<AfterSalesDbContext>(o => o.UseSqlite(connection));
        builder.Services.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2026, 3, 2, 1, 0)));
        builder.Services
            .AddAfterSales(o =>
            {
                o.Policies.Add(SlaPresets.SystemIntegration002);
                o.DefaultPolicyId = SlaPresets.SystemIntegration002.Id;
                o.DefaultWarrantyPolicyCode = WarrantyPresets.SystemIntegration002.Code;
                o.CheckEntitlementAtReport = checkEntitlement;
            })
            .UseEntityFrameworkCore<AfterSalesDbContext>()
            .AddHttpApi()
            .ConfigureHttpIdentity(static o =>
            {
                // Gateway mode: the tenant header is trusted, so both servers measure the report, not token checks.
                o.AcceptTenantHeader = true;
                o.AllowTenantHeaderOutsideDevelopment = true;
            });
        var app = builder.Build();
        await using (var context = await app.Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>().CreateDbContextAsync())
        {
            await context.Database.OpenConnectionAsync();
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await AfterSalesSchema.MigrateAsync(context);
        }

        var registry = app.Services.GetRequiredService<IDeviceRegistry>();
        for (var i = 0; i < Devices; i++)
        {
            await registry.SaveAsync("bench", DeviceRecord.Create(Serial(i), ComponentClass.Hardware, acceptedOn: new LocalDate(2025, 6, 1)), 0);
        }

        app.MapAfterSales("/after-sales");
        await app.StartAsync();
        var client = app.GetTestClient();
        client.DefaultRequestHeaders.Add("X-Tenant-Id", "bench");
        return (app, client);
    }
}
