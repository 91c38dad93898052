using AfterSales.EntityFrameworkCore;
using AfterSales.Events;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Npgsql;

namespace AfterSales.Benchmarks.Events;

/// <summary>
/// The outbox's cost on a ticket command, in one run: a work order reported (a save) and acknowledged
/// (a load and a save), through the EF Core store without the outbox (the baseline: no formatter, no
/// events written) and with it (each save also evaluates the events, formats them as CloudEvents and
/// inserts them in the same transaction). SQLite in a WAL file; PostgreSQL from AFTERSALES_TEST_POSTGRES
/// (a fresh database, dropped after). One writer, so the numbers are latency, not contention.
/// </summary>
[MemoryDiagnoser]
public class OutboxOverheadBenchmarks
{
    private const string Tenant = "bench";
    private static readonly SlaPolicy Policy = SlaPresets.SystemIntegration002;

    private readonly FakeClock clock = new(Instant.FromUtc(2026, 3, 2, 1, 0));
    private DbContextOptions<AfterSalesDbContext> options = null!;
    private string? cleanup;
    private EfCoreTicketStore<AfterSalesDbContext> without = null!;
    private EfCoreTicketStore<AfterSalesDbContext> with = null!;
    private int next;

    /// <summary>The database.</summary>
    [Params("Sqlite", "PostgreSql")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>A fresh database and the two stores over it.</summary>
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>Drops the database.</summary>
    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    /// <summary>Report and acknowledge without the outbox.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> WithoutOutbox() => ReportAndAcknowledge(without);

    /// <summary>Report and acknowledge with the outbox: the same saves, and their events in the same transactions.</summary>
    [Benchmark]
    public Task<int> WithOutbox() => ReportAndAcknowledge(with);

    private async Task<int> ReportAndAcknowledge(EfCoreTicketStore<AfterSalesDbContext> store)
    {
        var id = TicketId.From("WO-" + Interlocked.Increment(ref next).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await store.SaveAsync(Ticket.Report(Report(id), Policy, clock), 0);
        var ticket = (await store.LoadAsync(Tenant, id))!;
        ticket.Acknowledge();
        await store.SaveAsync(ticket, 1);
        return ticket.Version;
    }

    private async Task SetupAsync()
    {
        if (Provider == "Sqlite")
        {
            cleanup = Path.Combine(Path.GetTempPath(), $"aftersales-outbox-{Guid.NewGuid():N}.db");
            options = new DbContextOptionsBuilder<AfterSalesDbContext>().UseSqlite(new SqliteConnectionStringBuilder { DataSource = cleanup, DefaultTimeout = 60 }.ToString()).Options;
        }
        else
        {
            var configured = Environment.GetEnvironmentVariable("AFTERSALES_TEST_POSTGRES")
                ?? throw new InvalidOperationException("AFTERSALES_TEST_POSTGRES is not set.");
            cleanup = "aftersales_outbox_" + Guid.NewGuid().ToString("N")[..12];
            await Execute(new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString, $"CREATE DATABASE \"{cleanup}\"");
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

        var formatter = new ServiceCollection().AddAfterSales().AddHttpApi().Services.BuildServiceProvider().GetRequiredService<IEventFormatter>();
        var catalog = new InMemorySlaPolicyCatalog([Policy]);
        without = new EfCoreTicketStore<AfterSalesDbContext>(new Factory(options), catalog, clock);
        with = new EfCoreTicketStore<AfterSalesDbContext>(new Factory(options), catalog, clock, formatter);
    }

    private async Task CleanupAsync()
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
        await Execute(new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString, $"DROP DATABASE IF EXISTS \"{cleanup}\" WITH (FORCE)");
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static TicketReport Report(TicketId id) => new()
    {
        Id = id,
        TenantId = Tenant,
        Reporter = new TicketReporter { Name = "李工", Organization = "Bank", Contact = "138" },
        Channel = ReportChannel.Phone,
        Site = new TicketSite { Location = ServiceSite.Local, Name = "HQ", Address = "1 Road" },
        DeviceSerialNumber = "SN-1",
        Symptom = "down",
        SeverityCode = "A",
    };

    private sealed class Factory(DbContextOptions<AfterSalesDbContext> options) : IDbContextFactory<AfterSalesDbContext>
    {
        public AfterSalesDbContext CreateDbContext() => new(options);
    }
}
