using Microsoft.Data.Sqlite;
using Npgsql;

namespace AfterSales.Http.Tests.Support;

/// <summary>One database several test hosts share (nodes of one deployment), created empty and dropped at the end; each host migrates it at start.</summary>
public sealed class SharedDatabase : IDisposable
{
    private readonly string? admin;
    private readonly string? name;
    private readonly string? file;

    public SharedDatabase(TestDatabase database)
    {
        Database = database;
        if (database == TestDatabase.PostgreSql)
        {
            var configured = Environment.GetEnvironmentVariable(ServiceFactory.PostgresVariable)
                ?? throw new InvalidOperationException($"{ServiceFactory.PostgresVariable} is not set; the PostgreSQL tests need a server (see .ci/run).");
            name = "aftersales_shared_" + Guid.NewGuid().ToString("N")[..12];
            admin = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres", Pooling = false }.ConnectionString;
            using (var connection = new NpgsqlConnection(admin))
            {
                connection.Open();
                using var create = connection.CreateCommand();
                create.CommandText = $"CREATE DATABASE \"{name}\"";
                create.ExecuteNonQuery();
            }

            ConnectionString = new NpgsqlConnectionStringBuilder(configured) { Database = name, MaxPoolSize = 50 }.ConnectionString;
        }
        else
        {
            file = Path.Combine(Path.GetTempPath(), $"aftersales-shared-{Guid.NewGuid():N}.db");
            ConnectionString = $"Data Source={file}";
        }
    }

    public TestDatabase Database { get; }

    public string ConnectionString { get; }

    public void Dispose()
    {
        if (admin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(admin);
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
            drop.ExecuteNonQuery();
        }
        else if (file is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }
}
