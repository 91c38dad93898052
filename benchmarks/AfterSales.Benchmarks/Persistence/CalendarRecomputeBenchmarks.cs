using AfterSales.Calendars;
using AfterSales.EntityFrameworkCore;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using Npgsql;

namespace AfterSales.Benchmarks.Persistence;

/// <summary>
/// The recompute after a calendar year is loaded: <see cref="Tickets"/> open tickets (seed 002 on 5×8,
/// reported in late December 2026, each pinned to <c>cn-statutory-9-18@1</c>) adopt version 2 through
/// <see cref="CalendarAdoptionRunner"/> in pages of 500 — load a page (keyset), adopt, save the page
/// in one transaction, record the cursor. The baseline walks the same pages and adopts in memory
/// without saving: the cost of reading and rebuilding alone. One iteration per case (each is a
/// minute-scale run on a fresh database); PostgreSQL from AFTERSALES_TEST_POSTGRES.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class CalendarRecomputeBenchmarks
{
    private const string Tenant = "bench";
    private static readonly SlaPolicy Policy = SlaPresets.SystemIntegration002On(ChinaCalendars.Statutory9To18, "cn-002-5x8");
    private static readonly HolidayYear Year2027 = HolidayYear.Create(2027, [CalendarDay.Holiday(new LocalDate(2027, 1, 1), "元旦")], [], "benchmark data, not a State Council notice");

    private DbContextOptions<AfterSalesDbContext> options = null!;
    private string? cleanup;
    private FakeClock clock = null!;
    private EfCoreCalendarCatalog<AfterSalesDbContext> calendars = null!;
    private EfCoreTicketStore<AfterSalesDbContext> store = null!;

    /// <summary>The database.</summary>
    [Params("Sqlite", "PostgreSql")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Open tickets to recompute.</summary>
    [Params(100_000)]
    public int Tickets { get; set; }

    /// <summary>A fresh database with the open tickets, and the 2027 year saved as version 2.</summary>
    [IterationSetup]
    public void Seed() => SeedAsync().GetAwaiter().GetResult();

    /// <summary>Drops the database.</summary>
    [IterationCleanup]
    public void Drop() => DropAsync().GetAwaiter().GetResult();

    /// <summary>Reading and rebuilding every open ticket a page at a time, adopting in memory only.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> WalkWithoutSaving()
    {
        var definition = (await calendars.FindAsync(Tenant, "cn-statutory-9-18"))!;
        string? cursor = null;
        var adopted = 0;
        while (true)
        {
            var page = await store.ListOpenAsync(Tenant, cursor, 500);
            if (page.Count == 0)
            {
                return Check(adopted);
            }

            adopted += page.Count(t => t.AdoptCalendars([definition.Calendar]));
            cursor = page[^1].Id.Value;
        }
    }

    /// <summary>The recompute: every open ticket adopts version 2, saved page by page, resumably.</summary>
    [Benchmark]
    public async Task<int> Recompute() =>
        Check(await new CalendarAdoptionRunner(store, calendars, calendars, clock, batchSize: 500).RunPendingAsync());

    private int Check(int adopted) =>
        adopted == Tickets ? adopted : throw new InvalidOperationException($"{adopted} of {Tickets} tickets adopted.");

    private async Task SeedAsync()
    {
        if (Provider == "Sqlite")
        {
            cleanup = Path.Combine(Path.GetTempPath(), $"aftersales-recompute-{Guid.NewGuid():N}.db");
            var connection = new SqliteConnectionStringBuilder { DataSource = cleanup, DefaultTimeout = 60 }.ToString();
            options = new DbContextOptionsBuilder<AfterSalesDbContext>().UseSqlite(connection).Options;
        }
        else
        {
            var configured = Environment.GetEnvironmentVariable("AFTERSALES_TEST_POSTGRES")
                ?? throw new InvalidOperationException("AFTERSALES_TEST_POSTGRES is not set.");
            cleanup = "aftersales_recompute_" + Guid.NewGuid().ToString("N")[..12];
            await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString))
            {
                await admin.OpenAsync();
                await using var create = admin.CreateCommand();
                create.CommandText = $"CREATE DATABASE \"{cleanup}\"";
                await create.ExecuteNonQueryAsync();
            }

            options = new DbContextOptionsBuilder<AfterSalesDbContext>().UseNpgsql(new NpgsqlConnectionStringBuilder(configured) { Database = cleanup }.ConnectionString).Options;
        }

        await using (var context = new AfterSalesDbContext(options))
        {
            if (context.Database.IsSqlite())
            {
                await context.Database.OpenConnectionAsync();
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            await AfterSalesSchema.MigrateAsync(context);
        }

        clock = new FakeClock(Instant.FromUtc(2026, 12, 21, 1, 0));
        var factory = new Factory(options);
        calendars = new EfCoreCalendarCatalog<AfterSalesDbContext>(factory, CalendarPresets.All, clock);
        var terms = new SlaTermsResolver(new InMemorySlaPolicyCatalog([Policy]), calendars);
        store = new EfCoreTicketStore<AfterSalesDbContext>(factory, terms, clock);
        var reportTerms = await terms.ForReportAsync(Tenant, Policy);
        var batch = new List<(Ticket, int)>(1000);
        for (var i = 0; i < Tickets; i++)
        {
            var ticket = Ticket.Report(Report(i), reportTerms, clock);
            ticket.Acknowledge();
            batch.Add((ticket, 0));
            if (batch.Count == 1000)
            {
                await store.SaveAllAsync(batch);
                batch.Clear();
            }
        }

        await store.SaveAllAsync(batch);
        clock.AdvanceDays(14);
        await calendars.SaveAsync(Tenant, CalendarPresets.ChinaStatutory9To18.WithYear(Year2027), 1);
    }

    private async Task DropAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (Provider == "Sqlite")
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(cleanup + suffix);
            }

            return;
        }

        var configured = Environment.GetEnvironmentVariable("AFTERSALES_TEST_POSTGRES")!;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync();
        await using var drop = admin.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{cleanup}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }

    private static TicketReport Report(int i) => new()
    {
        Id = TicketId.From("WO-" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)),
        TenantId = Tenant,
        Reporter = new TicketReporter { Name = "李工", Organization = "Bank", Contact = "138" },
        Channel = ReportChannel.Email,
        Site = new TicketSite { Location = ServiceSite.Local, Name = "HQ", Address = "1 Road" },
        DeviceSerialNumber = "SN-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Symptom = "down",
        SeverityCode = "C",
    };

    private sealed class Factory(DbContextOptions<AfterSalesDbContext> options) : IDbContextFactory<AfterSalesDbContext>
    {
        public AfterSalesDbContext CreateDbContext() => new(options);
    }
}
