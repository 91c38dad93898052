using System.Globalization;
using AfterSales.EntityFrameworkCore;
using AfterSales.Http.Idempotency;
using AfterSales.Idempotency;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;

namespace AfterSales.Benchmarks.Idempotency;

/// <summary>
/// The stores measured, each on its own fresh database where it has one (SQLite file in WAL mode;
/// PostgreSQL from AFTERSALES_TEST_POSTGRES), and the response they keep: a created ticket's 1.5 KiB
/// body with its Location, ETag and Content-Type, as the HTTP adapter stores it.
/// </summary>
internal sealed class IdempotencyBenchData : IAsyncDisposable
{
    public const string Tenant = "bench";
    public static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 1, 0);
    public static readonly Instant Expires = Now + Duration.FromHours(24);

    public static readonly IdempotentResponse Response = new(
        201,
        new Dictionary<string, string> { ["Location"] = "/after-sales/tickets/WO-0000001", ["ETag"] = "\"1\"", ["Content-Type"] = "application/json; charset=utf-8" },
        Enumerable.Range(0, 1536).Select(static i => (byte)('a' + (i % 26))).ToArray());

    private readonly string? sqliteFile;
    private readonly string? postgresDatabase;
    private readonly DbContextOptions<AfterSalesDbContext>? database;

    private IdempotencyBenchData(IIdempotencyStore store, string? sqliteFile, string? postgresDatabase, DbContextOptions<AfterSalesDbContext>? database = null)
    {
        Store = store;
        this.database = database;
        this.sqliteFile = sqliteFile;
        this.postgresDatabase = postgresDatabase;
    }

    public IIdempotencyStore Store { get; }

    public static string Fingerprint(int i) => i.ToString("x64", CultureInfo.InvariantCulture);

    public static string Key(int i) => "key-" + i.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>A store of <paramref name="kind"/> (Unbounded, InMemory, Sqlite, PostgreSql) with the default bounds.</summary>
    public static async Task<IdempotencyBenchData> CreateAsync(string kind, IdempotencyStoreOptions? options = null)
    {
        options ??= new IdempotencyStoreOptions();
        switch (kind)
        {
            case "Unbounded":
                return new IdempotencyBenchData(new UnboundedIdempotencyStore(), null, null);
            case "InMemory":
                return new IdempotencyBenchData(new InMemoryIdempotencyStore(options), null, null);
            case "Sqlite":
            {
                var file = Path.Combine(Path.GetTempPath(), $"aftersales-idempotency-{Guid.NewGuid():N}.db");
                var connection = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 60, Pooling = true }.ToString();
                var dbOptions = new DbContextOptionsBuilder<AfterSalesDbContext>().UseSqlite(connection).AddInterceptors(new SqliteTuning()).Options;
                await using (var context = new AfterSalesDbContext(dbOptions))
                {
                    await context.Database.OpenConnectionAsync();
                    await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                    await AfterSalesSchema.MigrateAsync(context);
                }

                return new IdempotencyBenchData(new EfCoreIdempotencyStore<AfterSalesDbContext>(new PooledFactory(dbOptions), options), file, null, dbOptions);
            }

            case "PostgreSql":
            {
                var configured = Environment.GetEnvironmentVariable("AFTERSALES_TEST_POSTGRES")
                    ?? throw new InvalidOperationException("AFTERSALES_TEST_POSTGRES is not set.");
                var name = "aftersales_idempotency_" + Guid.NewGuid().ToString("N")[..12];
                await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString))
                {
                    await admin.OpenAsync();
                    await using var create = admin.CreateCommand();
                    create.CommandText = $"CREATE DATABASE \"{name}\"";
                    await create.ExecuteNonQueryAsync();
                }

                var dbOptions = new DbContextOptionsBuilder<AfterSalesDbContext>()
                    .UseNpgsql(new NpgsqlConnectionStringBuilder(configured) { Database = name }.ConnectionString).Options;
                await using (var context = new AfterSalesDbContext(dbOptions))
                {
                    await AfterSalesSchema.MigrateAsync(context);
                }

                return new IdempotencyBenchData(new EfCoreIdempotencyStore<AfterSalesDbContext>(new PooledFactory(dbOptions), options), null, name, dbOptions);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unbounded, InMemory, Sqlite or PostgreSql.");
        }
    }

    /// <summary>Reserves and completes key <paramref name="i"/>: what a first request with a new key costs the store.</summary>
    public async Task RecordAsync(int i)
    {
        var reservation = await Store.TryReserveAsync(Tenant, Key(i), Fingerprint(i), Now, Expires);
        if (reservation.Outcome != IdempotencyOutcome.Reserved)
        {
            throw new InvalidOperationException($"{Key(i)}: {reservation.Outcome}");
        }

        // Each request's response is its own bytes, as the HTTP adapter copies them from the response stream.
        await Store.CompleteAsync(reservation, new IdempotentResponse(Response.StatusCode, Response.Headers, Response.Body.ToArray()));
    }

    /// <summary>Looks key <paramref name="i"/> up: what a retry costs the store.</summary>
    public async Task<IdempotentResponse> ReplayAsync(int i)
    {
        var reservation = await Store.TryReserveAsync(Tenant, Key(i), Fingerprint(i), Now, Expires);
        return reservation.Response ?? throw new InvalidOperationException($"{Key(i)}: {reservation.Outcome}");
    }

    /// <summary>The keys the store holds: in its memory, or in its table.</summary>
    public async Task<int> KeysHeldAsync()
    {
        switch (Store)
        {
            case UnboundedIdempotencyStore unbounded:
                return unbounded.Count;
            case InMemoryIdempotencyStore bounded:
                return bounded.Count;
            default:
                await using (var context = new AfterSalesDbContext(database!))
                {
                    return await context.Set<AfterSales.EntityFrameworkCore.Storage.IdempotencyKeyRow>().CountAsync();
                }
        }
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (sqliteFile is not null)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(sqliteFile + suffix);
            }
        }

        if (postgresDatabase is not null)
        {
            var configured = Environment.GetEnvironmentVariable("AFTERSALES_TEST_POSTGRES")!;
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            await using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>synchronous=NORMAL under WAL once per native connection, as the sample host runs SQLite (no fsync per commit).</summary>
    private sealed class SqliteTuning : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Tuned = [];

        public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            ConnectionOpened(connection, eventData);
            return Task.CompletedTask;
        }

        public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
        {
            if (((SqliteConnection)connection).Handle is { } handle && !Tuned.TryGetValue(handle, out _))
            {
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA synchronous=NORMAL;";
                command.ExecuteNonQuery();
                Tuned.AddOrUpdate(handle, handle);
            }
        }
    }

    private sealed class PooledFactory(DbContextOptions<AfterSalesDbContext> options) : IDbContextFactory<AfterSalesDbContext>
    {
        public AfterSalesDbContext CreateDbContext() => new(options);
    }
}
