using AfterSales.Entitlements.Spares;
using AfterSales.Entitlements.Warranty;
using AfterSales.EntityFrameworkCore;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Quality.Complaints;
using AfterSales.Quality.Reporting;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace AfterSales.Docs.Snippets;

// docs/embedding-in-your-dbcontext.md: the host's own context.
public sealed class ServiceDeskContext(DbContextOptions<ServiceDeskContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>().ToTable("customers");
        modelBuilder.ApplyAfterSalesConfiguration(o =>
        {
            o.Schema = "service";
            o.TablePrefix = "as_";
        });
    }
}

public sealed class Customer
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;
}

/// <summary>docs/embedding-in-your-dbcontext.md, run against a SQLite file.</summary>
public sealed class EmbeddingSnippets
{
    internal static void Register(IServiceCollection services, string connectionString)
    {
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddDbContextFactory<ServiceDeskContext>(o => o.UseSqlite(connectionString));
        services.AddAfterSales(o =>
        {
            o.Policies.Add(SlaPresets.EnterpriseSystems003);
            o.DefaultPolicyId = SlaPresets.EnterpriseSystems003.Id;
        })
        .UseEntityFrameworkCore<ServiceDeskContext>();
    }

    internal static void RegisterQuickStart(IServiceCollection services, string connectionString)
    {
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddDbContextFactory<AfterSalesDbContext>(o => o.UseSqlite(connectionString));
        services.AddAfterSales(o => o.Policies.Add(SlaPresets.KioskHardware000))
                .UseEntityFrameworkCore<AfterSalesDbContext>();
    }

    internal static async Task<int> MigrateAtStartUp(IServiceProvider provider)
    {
        var factory = provider.GetRequiredService<IDbContextFactory<ServiceDeskContext>>();
        await using var context = await factory.CreateDbContextAsync();
        if (context.Database.IsSqlite())
        {
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var applied = await AfterSalesSchema.MigrateAsync(context); // 0 when already up to date
        return applied;
    }

    internal static async Task<TicketId> ReportAndAcknowledge(IServiceProvider provider)
    {
        var tickets = provider.GetRequiredService<TicketService>();
        var ticket = await tickets.ReportAsync(new TicketReport
        {
            Id = TicketId.From("WO-1"),
            TenantId = "hospital",
            Reporter = new TicketReporter { Name = "张伟", Organization = "某市人民医院 信息科", Contact = "138-0000-0000" },
            Channel = ReportChannel.Phone,
            Site = new TicketSite { Location = ServiceSite.Local, Name = "门诊楼", Address = "某市某路 1 号" },
            DeviceSerialNumber = "SN-0001",
            Symptom = "自助机无法打印",
            SeverityCode = "2",
        });
        await tickets.AcknowledgeAsync("hospital", ticket.Id);
        return ticket.Id;
    }

    internal static async Task<List<TicketRow>> DueSoon(IServiceProvider provider)
    {
        var factory = provider.GetRequiredService<IDbContextFactory<ServiceDeskContext>>();
        var clock = provider.GetRequiredService<IClock>();
        await using var context = await factory.CreateDbContextAsync();
        Instant? horizon = clock.GetCurrentInstant() + Duration.FromHours(4);
        var dueSoon = await context.Set<TicketRow>()
            .AsNoTracking()
            .Where(r => r.TenantId == "hospital" && r.NextDeadline != null && r.NextDeadline <= horizon)
            .OrderBy(r => r.NextDeadline)
            .ToListAsync();
        return dueSoon;
    }

    internal static (long Nanoseconds, int DayNumber) RawValues()
    {
        var nanoseconds = InstantToUnixNanosecondsConverter.ToUnixNanoseconds(Instant.FromUtc(2026, 3, 2, 2, 0));
        var dayNumber = LocalDateToDayNumberConverter.ToDayNumber(new LocalDate(2026, 3, 2));
        return (nanoseconds, dayNumber);
    }

    internal static async Task StartRemoteDiagnosisWithRetry(TicketService tickets, TicketId id)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await tickets.StartRemoteDiagnosisAsync("hospital", id);
                break;
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // Another request saved first: the next attempt reloads the ticket and decides again.
            }
        }
    }

    /// <summary>How many scripts a fresh database gets: versions are not contiguous while issues land their numbered scripts.</summary>
    private static int SqliteScripts => AfterSalesSchema.GetScripts("Microsoft.EntityFrameworkCore.Sqlite", new AfterSalesModelOptions()).Count;

    [Fact]
    public async Task OwnContext_MigrateReportQueryAndRetry_OnSqlite()
    {
        await using var db = await SqliteFile.CreateAsync();
        var services = new ServiceCollection();
        Register(services, db.ConnectionString);
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(SqliteScripts, await MigrateAtStartUp(provider));
        Assert.Equal(0, await MigrateAtStartUp(provider));

        // The stores UseEntityFrameworkCore registered.
        Assert.IsType<EfCoreTicketStore<ServiceDeskContext>>(provider.GetRequiredService<ITicketStore>());
        Assert.IsType<EfCoreStockLedgerStore<ServiceDeskContext>>(provider.GetRequiredService<IStockLedgerStore>());
        Assert.IsType<EfCoreComplaintStore<ServiceDeskContext>>(provider.GetRequiredService<IComplaintStore>());
        Assert.IsType<EfCoreDeviceRegistry<ServiceDeskContext>>(provider.GetRequiredService<IDeviceRegistry>());
        Assert.IsType<EfCorePriceListCatalog<ServiceDeskContext>>(provider.GetRequiredService<AfterSales.Entitlements.Quotes.IPriceListCatalog>());
        Assert.IsType<EfCoreQualitySnapshotSource<ServiceDeskContext>>(provider.GetRequiredService<IQualitySnapshotSource>());

        var id = await ReportAndAcknowledge(provider);

        // The prefix is honoured (SQLite has no schemas, so "service" is ignored there).
        await using (var context = await provider.GetRequiredService<IDbContextFactory<ServiceDeskContext>>().CreateDbContextAsync())
        {
            var tables = await context.Database
                .SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name LIKE 'as\\_%' ESCAPE '\\' ORDER BY name")
                .ToListAsync();
            Assert.Equal(
                ["as_calendars", "as_complaints", "as_devices", "as_due_notices", "as_duty_rotas", "as_engineer_dispatches", "as_engineers", "as_idempotency_keys", "as_inspection_plans", "as_inspection_records", "as_outbox", "as_price_lists", "as_quality_callbacks", "as_quality_shipments", "as_quality_surveys", "as_quality_terms", "as_replenishment_runs", "as_schema_history", "as_sla_policies", "as_stock_movements", "as_stock_positions", "as_ticket_events", "as_tickets", "as_webhook_deliveries", "as_webhook_subscriptions"],
                tables);
        }

        var due = Assert.Single(await DueSoon(provider));
        Assert.Equal("WO-1", due.Id);
        Assert.Equal(2, due.Version);

        var (nanoseconds, dayNumber) = RawValues();
        Assert.Equal(1_772_416_800_000_000_000L, nanoseconds);
        Assert.Equal(20_514, dayNumber);

        // A stale save conflicts.
        var store = provider.GetRequiredService<ITicketStore>();
        var stale = await store.LoadAsync("hospital", id);
        var fresh = await store.LoadAsync("hospital", id);
        fresh!.StartRemoteDiagnosis();
        await store.SaveAsync(fresh, 2);
        stale!.StartRemoteDiagnosis();
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(stale, 2));
        Assert.Equal(3, conflict.ActualVersion);

        // The retry loop runs the command on the current version.
        var tickets = provider.GetRequiredService<TicketService>();
        var id2 = await ReportAndAcknowledgeAnother(provider, "WO-2");
        await StartRemoteDiagnosisWithRetry(tickets, id2);
        Assert.Equal(TicketState.RemoteDiagnosis, (await tickets.GetAsync("hospital", id2)).State);
    }

    internal static async Task<TicketId> ReportAndAcknowledgeAnother(IServiceProvider provider, string id)
    {
        var tickets = provider.GetRequiredService<TicketService>();
        var ticket = await tickets.ReportAsync(new TicketReport
        {
            Id = TicketId.From(id),
            TenantId = "hospital",
            Reporter = new TicketReporter { Name = "李娜", Organization = "某市人民医院 设备科", Contact = "139-0000-0000" },
            Channel = ReportChannel.Phone,
            Site = new TicketSite { Location = ServiceSite.Local, Name = "住院楼", Address = "某市某路 1 号" },
            DeviceSerialNumber = "SN-" + id,
            Symptom = "排队叫号屏黑屏",
            SeverityCode = "2",
        });
        await tickets.AcknowledgeAsync("hospital", ticket.Id);
        return ticket.Id;
    }

    [Fact]
    public async Task QuickStartContext_MigratesWithTheDefaultNames_OnSqlite()
    {
        await using var db = await SqliteFile.CreateAsync();
        var services = new ServiceCollection();
        RegisterQuickStart(services, db.ConnectionString);
        await using var provider = services.BuildServiceProvider();
        await using var context = await provider.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>().CreateDbContextAsync();
        Assert.Equal(SqliteScripts, await AfterSalesSchema.MigrateAsync(context));
        Assert.Equal(1, await context.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'aftersales_tickets'").SingleAsync());
    }
}

/// <summary>A temporary SQLite database file, deleted on disposal.</summary>
internal sealed class SqliteFile : IAsyncDisposable
{
    private readonly string path;

    private SqliteFile(string path)
    {
        this.path = path;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString();
    }

    public string ConnectionString { get; }

    public static Task<SqliteFile> CreateAsync() =>
        Task.FromResult(new SqliteFile(Path.Combine(Path.GetTempPath(), $"aftersales-docs-{Guid.NewGuid():N}.db")));

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }
}
