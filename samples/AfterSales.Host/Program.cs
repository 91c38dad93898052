// The runnable AfterSales.Kit service: the HTTP API over SQLite (default) or PostgreSQL, the seed
// plans' SLA policies, the OpenAPI document at /openapi/v1.json. Listens on loopback only.
using AfterSales.EntityFrameworkCore;
using AfterSales.Host.Sqlite;
using AfterSales.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

var database = builder.Configuration["AfterSales:Database"] ?? "Sqlite";
var connectionString = builder.Configuration.GetConnectionString("AfterSales");
builder.Services.AddPooledDbContextFactory<AfterSalesDbContext>(o =>
{
    switch (database)
    {
        case "Sqlite":
            o.UseSqlite(connectionString ?? "Data Source=aftersales.db").AddInterceptors(new SqliteConnectionTuning());
            break;
        case "PostgreSql":
            o.UseNpgsql(connectionString ?? throw new InvalidOperationException(
                "AfterSales:Database is PostgreSql, so ConnectionStrings:AfterSales must be set, e.g. Host=127.0.0.1;Username=…;Password=…;Database=aftersales."));
            break;
        default:
            throw new InvalidOperationException($"AfterSales:Database must be Sqlite or PostgreSql, was '{database}'.");
    }
});

// Only the domain bans the ambient clock; the host supplies it.
builder.Services.TryAddSingleton<IClock>(SystemClock.Instance);
builder.Services
    .AddAfterSales(o =>
    {
        foreach (var policy in SlaPresets.All)
        {
            o.Policies.Add(policy);
        }

        o.DefaultPolicyId = SlaPresets.SystemIntegration002.Id;
        o.DefaultWarrantyPolicyCode = AfterSales.Entitlements.Warranty.WarrantyPresets.SystemIntegration002.Code;
        o.CheckEntitlementAtReport = builder.Configuration.GetValue("AfterSales:CheckEntitlementAtReport", true);
    })
    .UseEntityFrameworkCore<AfterSalesDbContext>()
    .AddHttpApi(o => builder.Configuration.GetSection("AfterSales:Http").Bind(o));
builder.Services.AddOpenApi(o => o.AddAfterSalesSchemas());

var app = builder.Build();

await using (var context = await app.Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>().CreateDbContextAsync())
{
    if (context.Database.IsSqlite())
    {
        await context.Database.OpenConnectionAsync();
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    await AfterSalesSchema.MigrateAsync(context);
}

// Problem details for responses the routing layer ends with an empty body (404, 405, 415).
app.UseStatusCodePages();
app.MapOpenApi();
app.MapGet("/ping", static () => TypedResults.Ok(new { status = "ok" }));
app.MapAfterSales("/after-sales");
app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
