using System.Threading.RateLimiting;
using AfterSales.Sla;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace AfterSales.Docs.Snippets;

/// <summary>docs/http-api.md</summary>
public class HttpApiSnippets
{
    [Fact]
    public void Hosting_MapsTheApiUnderItsPrefix()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("per-tenant", w => { w.PermitLimit = 100; w.Window = TimeSpan.FromSeconds(1); }));

        builder.Services.AddSingleton<IClock>(SystemClock.Instance);
        builder.Services.AddAfterSales(o => { o.Policies.Add(SlaPresets.SystemIntegration002); o.DefaultPolicyId = "cn-002-system-integration"; })
            .AddHttpApi(o => o.MaxRequestBodySize = 64 * 1024);
        builder.Services.AddOpenApi(o => o.AddAfterSalesSchemas());
        var app = builder.Build();
        app.UseStatusCodePages();              // problem details for routing-level 404/405/415 too
        app.MapOpenApi();
        app.MapAfterSales("/after-sales")      // a RouteGroupBuilder: add auth, rate limits, CORS here
           .RequireRateLimiting("per-tenant");

        var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).Select(e => e.DisplayName ?? "").ToList();
        Assert.Contains(routes, r => r.Contains("/after-sales/tickets", StringComparison.Ordinal));
    }
}
