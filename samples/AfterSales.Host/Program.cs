// The runnable AfterSales.Kit service: the HTTP API over SQLite (default) or PostgreSQL, the seed
// plans' SLA policies, the OpenAPI document at /openapi/v1.json and, in Development, its reference at /.
// /health includes the calendar-coverage check (Degraded when a calendar in use lacks the coming
// year's holidays). The deadline watcher sends signed webhooks (Development allows receivers on
// loopback: appsettings.Development.json). Listens on loopback only. `--demo` runs a demo tenant on its
// own database with a movable clock; `--demo --reset` starts that demo afresh.
using AfterSales.EntityFrameworkCore;
using AfterSales.Host.Demo;
using AfterSales.Host.Hosting;
using AfterSales.Host.Identity;
using AfterSales.Http.Health;
using AfterSales.Host.Sqlite;
using AfterSales.Sla;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Scalar.AspNetCore;

// Flags without values are not configuration keys: take them out before the builder reads the rest.
var demoFlag = args.Contains("--demo");
var reset = args.Contains("--reset");
var builder = WebApplication.CreateBuilder(args.Where(static a => a is not ("--demo" or "--reset")).ToArray());
if (args is ["token", .. var tokenArgs])
{
    return TokenCommand.Run(tokenArgs, builder.Configuration);
}

var demo = demoFlag || builder.Configuration.GetValue<bool>("AfterSales:Demo");
if (reset && !demo)
{
    throw new InvalidOperationException("--reset starts the demo afresh; run it with --demo.");
}

if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

var database = builder.Configuration["AfterSales:Database"] ?? "Sqlite";
var connectionString = demo && database == "Sqlite"
    ? "Data Source=" + (builder.Configuration["AfterSales:DemoDatabase"] ?? "aftersales-demo.db")
    : builder.Configuration.GetConnectionString("AfterSales");
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

// The health check takes a context from the pool for each run.
builder.Services.TryAddScoped(static sp => sp.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>().CreateDbContext());
builder.Services.AddHealthChecks().AddDbContextCheck<AfterSalesDbContext>("database", tags: ["ready"]);

// Only the domain bans the ambient clock; the host supplies it. The demo's clock can be moved forward.
if (demo)
{
    builder.Services.TryAddSingleton(static _ => new DemoClock(SystemClock.Instance));
    builder.Services.TryAddSingleton<IClock>(static sp => sp.GetRequiredService<DemoClock>());
}
else
{
    builder.Services.TryAddSingleton<IClock>(SystemClock.Instance);
}

builder.Services
    .AddAfterSales(o =>
    {
        foreach (var policy in SlaPresets.All)
        {
            o.Policies.Add(policy);
        }

        o.Policies.Add(DemoPolicy.Policy);
        o.DefaultPolicyId = demo ? DemoPolicy.Id : SlaPresets.SystemIntegration002.Id;
        o.DefaultWarrantyPolicyCode = AfterSales.Entitlements.Warranty.WarrantyPresets.SystemIntegration002.Code;
        o.CheckEntitlementAtReport = builder.Configuration.GetValue("AfterSales:CheckEntitlementAtReport", true);
    })
    .UseEntityFrameworkCore<AfterSalesDbContext>()
    .AddHttpApi(o => builder.Configuration.GetSection("AfterSales:Http").Bind(o))
    .ConfigureHttpIdentity(o => builder.Configuration.GetSection("AfterSales:Identity").Bind(o))
    .ConfigureIdempotency(o => builder.Configuration.GetSection("AfterSales:Idempotency").Bind(o))
    .AddDeadlineWatcher(o => builder.Configuration.GetSection("AfterSales:Watcher").Bind(o));
builder.AddBearerTokens();
if (string.Equals(builder.Configuration["AfterSales:Idempotency:Store"], "Memory", StringComparison.OrdinalIgnoreCase))
{
    // One node only, keys lost on restart: for measuring the in-memory store's bound.
    builder.Services.Replace(ServiceDescriptor.Singleton<AfterSales.Idempotency.IIdempotencyStore>(static sp =>
        new AfterSales.Http.Idempotency.InMemoryIdempotencyStore(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AfterSales.Idempotency.IdempotencyStoreOptions>>().Value)));
}
builder.Services.AddOpenApi(o => o.AddAfterSalesSchemas().AddDocumentTransformer(static (document, _, _) =>
{
    document.Info.Title = "AfterSales.Kit sample service";
    document.Info.Version = "0.2";
    document.Info.Description = "After-sales service (售后服务): work orders with explainable SLA clocks, warranty, spare parts, complaints and reports.";
    document.Info.License = new Microsoft.OpenApi.OpenApiLicense { Name = "MIT", Identifier = "MIT" };
    return Task.CompletedTask;
}));
builder.Services.AddHttpLogging(static o =>
{
    // One structured entry per request: method, path, status and duration, no bodies or headers.
    o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
    o.CombineLogs = true;
});
builder.AddTelemetry();
builder.Services.AddHealthChecks()
    .AddAfterSalesCalendarCoverage(o => builder.Configuration.GetSection("AfterSales:CalendarCoverage").Bind(o));

var app = builder.Build();

var location = DatabaseLocation(database, connectionString);
if (reset && database == "Sqlite")
{
    SqliteConnection.ClearAllPools();
    var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
    foreach (var path in new[] { file, file + "-wal", file + "-shm" })
    {
        File.Delete(path);
    }
}

await using (var context = await app.Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>().CreateDbContextAsync())
{
    if (context.Database.IsSqlite())
    {
        await context.Database.OpenConnectionAsync();
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    await AfterSalesSchema.MigrateAsync(context);
}

// A calendar in use without next year's holidays: the same warning as /health, once at start.
foreach (var (_, _, message) in app.Services.GetRequiredService<CalendarCoverageHealthCheck>().MissingYears())
{
    app.Logger.LogWarning("{Warning}", message);
}

if (demo)
{
    await DemoSeed.SeedAsync(app.Services);
}

app.UseHttpLogging();
app.UseTenantFromQueryInDevelopment();

// Problem details for responses the routing layer ends with an empty body (404, 405, 415).
app.UseStatusCodePages();
app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference(static o => o.WithTitle("AfterSales.Kit API"));
    app.MapGet("/", static () => Results.Redirect("/scalar/v1")).ExcludeFromDescription();
}

app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
app.MapGet("/ping", static () => TypedResults.Ok(new { status = "ok" })).ExcludeFromDescription(); // the load test's trivial baseline
app.MapAfterSales("/after-sales");
if (demo)
{
    app.MapDemo();
}

app.PrintBannerWhenStarted(location, demo);
app.Run();
return 0;

static string DatabaseLocation(string database, string? connectionString)
{
    if (database == "Sqlite")
    {
        return "SQLite file " + Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString ?? "Data Source=aftersales.db").DataSource);
    }

    var postgres = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
    return $"PostgreSQL {postgres.Host}:{postgres.Port}/{postgres.Database}";
}

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
