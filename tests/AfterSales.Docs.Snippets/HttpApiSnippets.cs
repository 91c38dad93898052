using System.Threading.RateLimiting;
using AfterSales.Http.Identity;
using AfterSales.Sla;
using Microsoft.AspNetCore.Authorization;
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
        app.MapAfterSales("/after-sales")      // a RouteGroupBuilder: add rate limits, CORS here
           .RequireRateLimiting("per-tenant");

        var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).Select(e => e.DisplayName ?? "").ToList();
        Assert.Contains(routes, r => r.Contains("/after-sales/tickets", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Identity_HostPoliciesReplaceTheAdaptersDefaults()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);
        builder.Services.AddAfterSales().AddHttpApi();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AfterSalesPolicies.Engineer, p => p.RequireRole("field-engineer", "dispatcher"))
            .AddPolicy(AfterSalesPolicies.Customer, p => p.RequireClaim("scope", "aftersales.customer"));
        await using var app = builder.Build();

        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var engineer = await policies.GetPolicyAsync(AfterSalesPolicies.Engineer);
        Assert.Contains(engineer!.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>(), r => r.AllowedRoles.Contains("dispatcher"));
        Assert.NotNull(await policies.GetPolicyAsync(AfterSalesPolicies.ServiceManager));
    }
}
