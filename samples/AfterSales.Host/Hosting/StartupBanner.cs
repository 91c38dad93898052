using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AfterSales.Host.Hosting;

/// <summary>Tells a newcomer where everything is, once the server listens.</summary>
internal static class StartupBanner
{
    public static void PrintBannerWhenStarted(this WebApplication app, string database, bool demo)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is not { Count: > 0 })
            {
                return; // in-memory test server: nobody to tell
            }

            var root = addresses.First().TrimEnd('/');
            var lines = new List<string>
            {
                string.Empty,
                "AfterSales.Kit sample service" + (demo ? " — DEMO (tenant \"demo\", demo clock and policy)" : string.Empty),
                app.Environment.IsDevelopment()
                    ? $"  API               {root}/after-sales   (X-Tenant-Id without a token, or a bearer token: dotnet run --project samples/AfterSales.Host -- token)"
                    : $"  API               {root}/after-sales   (bearer token with a tenant_id claim)",
                app.Environment.IsDevelopment()
                    ? $"  API reference     {root}/   (Scalar; the OpenAPI document is {root}/openapi/v1.json)"
                    : $"  OpenAPI document  {root}/openapi/v1.json",
                $"  Workflow diagram  {root}/after-sales/workflow?format=html",
                app.Environment.IsDevelopment()
                    ? $"  Quarterly report  {root}/after-sales/reports/quarterly/{{year}}/{{quarter}}?format=html&tenant={(demo ? "demo" : "acme")}"
                    : $"  Quarterly report  {root}/after-sales/reports/quarterly/{{year}}/{{quarter}}?format=html (with a bearer token)",
                $"  Health            {root}/health",
                $"  Database          {database}",
                $"  Telemetry         {Telemetry.Exporter(app.Configuration)} (AfterSales:Telemetry:Exporter = none, console or otlp)",
            };
            if (demo)
            {
                lines.Add($"  Demo clock        POST {root}/demo/clock {{\"advance\":\"PT10M\"}}; start afresh with --demo --reset");
            }

            Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
        });
    }
}
