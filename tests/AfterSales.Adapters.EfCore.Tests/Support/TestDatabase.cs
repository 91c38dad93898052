using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AfterSales.EntityFrameworkCore.Tests.Support;

public enum Provider
{
    Sqlite,
    PostgreSql,
}

/// <summary>A real database for one test class: a SQLite file in WAL mode, or a fresh PostgreSQL database, dropped afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqliteFile;
    private readonly string? adminConnectionString;
    private readonly string? databaseName;

    private TestDatabase(Provider provider, string connectionString, string? sqliteFile, string? adminConnectionString, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteFile = sqliteFile;
        this.adminConnectionString = adminConnectionString;
        this.databaseName = databaseName;
    }

    public Provider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(Provider provider, bool migrate = true)
    {
        TestDatabase db;
        if (provider == Provider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"aftersales-test-{Guid.NewGuid():N}.db");
            var cs = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 120, Pooling = true }.ToString();
            await using (var connection = new SqliteConnection(cs))
            {
                await connection.OpenAsync();
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA journal_mode=WAL;";
                await pragma.ExecuteNonQueryAsync();
            }

            db = new TestDatabase(provider, cs, file, null, null);
        }
        else
        {
            var configured = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable);
            if (string.IsNullOrWhiteSpace(configured))
            {
                throw new InvalidOperationException(
                    $"{PostgresFactAttribute.Variable} is not set, and CI=true forbids skipping the PostgreSQL tests. "
                    + "Install and start PostgreSQL (see .ci/run) and set it, e.g. Host=127.0.0.1;Username=postgres;Password=postgres;Database=aftersales_test.");
            }

            var builder = new NpgsqlConnectionStringBuilder(configured);
            var baseName = builder.Database ?? "aftersales_test";
            var name = $"{baseName[..Math.Min(baseName.Length, 24)]}_{Guid.NewGuid():N}".ToLowerInvariant();
            var admin = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres", Pooling = false }.ToString();
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = connection.CreateCommand();
                create.CommandText = $"CREATE DATABASE \"{name}\"";
                await create.ExecuteNonQueryAsync();
            }

            var cs = new NpgsqlConnectionStringBuilder(configured) { Database = name, MaxPoolSize = 100, CommandTimeout = 120 }.ToString();
            db = new TestDatabase(provider, cs, null, admin, name);
        }

        if (migrate)
        {
            await using var context = db.NewHostContext();
            await AfterSalesSchema.MigrateAsync(context);
            await using var quickStart = db.NewQuickStartContext();
            await AfterSalesSchema.MigrateAsync(quickStart);
        }

        return db;
    }

    public DbContextOptions<TContext> Options<TContext>()
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        return Provider == Provider.Sqlite
            ? builder.UseSqlite(ConnectionString).Options
            : builder.UseNpgsql(ConnectionString).Options;
    }

    public HostDbContext NewHostContext() => new(Options<HostDbContext>());

    public AfterSalesDbContext NewQuickStartContext() => new(Options<AfterSalesDbContext>());

    public IDbContextFactory<HostDbContext> HostFactory() => new Factory<HostDbContext>(NewHostContext);

    public async ValueTask DisposeAsync()
    {
        if (sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try
                {
                    File.Delete(sqliteFile + suffix);
                }
                catch (IOException)
                {
                    // A leftover temp file is harmless.
                }
            }
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(adminConnectionString);
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
    }

    private sealed class Factory<TContext>(Func<TContext> create) : IDbContextFactory<TContext>
        where TContext : DbContext
    {
        public TContext CreateDbContext() => create();
    }
}

/// <summary>One database per provider per test class, created on first use and dropped after the class.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private readonly Dictionary<Provider, Task<TestDatabase>> databases = [];
    private readonly Lock gate = new();

    public Task<TestDatabase> GetAsync(Provider provider)
    {
        lock (gate)
        {
            if (!databases.TryGetValue(provider, out var db))
            {
                db = TestDatabase.CreateAsync(provider);
                databases.Add(provider, db);
            }

            return db;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var db in databases.Values)
        {
            if (db.IsCompletedSuccessfully)
            {
                await db.Result.DisposeAsync();
            }
        }
    }
}
