using System.Data.Common;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using AfterSales.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime.Testing;
using Npgsql;

namespace AfterSales.Http.Tests.Support;

/// <summary>The database a test runs the host on.</summary>
public enum TestDatabase
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// The sample host (samples/AfterSales.Host) in memory, on its own SQLite file or its own PostgreSQL
/// database, with a fake clock. Disposing it deletes the file or drops the database.
/// </summary>
public sealed class ServiceFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "AFTERSALES_TEST_POSTGRES";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "aftersales-http-" + Guid.NewGuid().ToString("N"));
    private readonly string? postgresAdmin;
    private readonly string databaseName = "aftersales_http_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The tests' own signing key (not the development one): tokens minted with it are accepted by every factory.</summary>
    public static readonly SymmetricSecurityKey TestSigningKey = new(SHA256.HashData(Encoding.UTF8.GetBytes("AfterSales.Kit HTTP tests")));

    public const string TestIssuer = "aftersales-tests";

    public ServiceFactory(
        TestDatabase database = TestDatabase.Sqlite,
        Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null,
        string environment = "Development")
    {
        Environment = environment;
        Database = database;
        ExtraServices = services;
        Settings = settings;
        Directory.CreateDirectory(directory);
        if (database == TestDatabase.PostgreSql)
        {
            var configured = System.Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"{PostgresVariable} is not set; the PostgreSQL tests need a server (see .ci/run).");

            // Create and drop from the maintenance database: the configured one may not exist.
            postgresAdmin = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString;
            var builder = new NpgsqlConnectionStringBuilder(configured) { Database = databaseName };
            ConnectionString = builder.ConnectionString;
        }
        else
        {
            ConnectionString = $"Data Source={Path.Combine(directory, "aftersales.db")}";
        }
    }

    public TestDatabase Database { get; }

    public string Environment { get; }

    public string ConnectionString { get; }

    public FakeClock Clock { get; } = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);

    /// <summary>Whether the host keeps its own clock (the system's, or the demo's) instead of <see cref="Clock"/>.</summary>
    public bool RealClock { get; init; }

    private Action<IServiceCollection>? ExtraServices { get; }

    private IDictionary<string, string?>? Settings { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (Database == TestDatabase.PostgreSql)
        {
            using var admin = new NpgsqlConnection(postgresAdmin);
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{databaseName}\"";
            create.ExecuteNonQuery();
        }

        builder.UseEnvironment(Environment);
        builder.UseSetting("AfterSales:Database", Database.ToString());
        builder.UseSetting("AfterSales:Jwt:SigningKey", Convert.ToBase64String(TestSigningKey.Key));
        builder.UseSetting("AfterSales:Jwt:Issuer", TestIssuer);
        builder.UseSetting("AfterSales:Jwt:Audience", "aftersales");
        builder.UseSetting("ConnectionStrings:AfterSales", ConnectionString);
        builder.UseSetting("AfterSales:DemoDatabase", Path.Combine(directory, "aftersales-demo.db"));

        // The sample host's request limits are for people; tests that count them set their own.
        builder.UseSetting("AfterSales:Http:TenantRequestLimit", "0");
        builder.UseSetting("AfterSales:Http:ClientRequestLimit", "0");
        foreach (var (key, value) in Settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(static l => l.ClearProviders());
        builder.ConfigureTestServices(services =>
        {
            if (!RealClock)
            {
                services.AddSingleton<IClock>(Clock);
            }

            ExtraServices?.Invoke(services);
        });
    }

    /// <summary>A client whose requests carry <paramref name="tenant"/> in X-Tenant-Id.</summary>
    public HttpClient ClientFor(string tenant)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Tenant-Id", tenant);

        // Tests read explanations in English unless they ask otherwise (the China presets explain in Chinese by default).
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    /// <summary>A bearer token signed with <see cref="TestSigningKey"/>; <paramref name="tenant"/> null leaves the tenant claim out.</summary>
    public static string Token(string? tenant, string[] roles, string subject = "u-1", string? name = "Test User", SymmetricSecurityKey? key = null, TimeSpan? lifetime = null)
    {
        var claims = new List<Claim> { new("sub", subject) };
        if (name is not null)
        {
            claims.Add(new Claim("name", name));
        }

        if (tenant is not null)
        {
            claims.Add(new Claim("tenant_id", tenant));
        }

        claims.AddRange(roles.Select(static r => new Claim("role", r)));
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromHours(1));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = TestIssuer,
            Audience = "aftersales",
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            NotBefore = expires < now ? expires.AddMinutes(-10) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key ?? TestSigningKey, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A client whose requests carry a bearer token for <paramref name="tenant"/> with <paramref name="roles"/>.</summary>
    public HttpClient ClientWithToken(string tenant, string subject = "u-1", string? name = "Test User", params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(tenant, roles, subject, name));
        return client;
    }

    /// <summary>A SHA-256 over every row of every table, in key order: equal hashes, equal database.</summary>
    public async Task<string> DumpHashAsync()
    {
        var factory = Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>();
        await using var context = await factory.CreateDbContextAsync();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = connection is SqliteConnection
                ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var text = new StringBuilder();
        foreach (var table in tables)
        {
            text.Append("## ").AppendLine(table);
            var rows = new List<string>();
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            rows.ForEach(r => text.AppendLine(r));
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>For SQLite: checkpoints the WAL and hashes the database file's bytes.</summary>
    public async Task<string?> FileHashAsync()
    {
        if (Database != TestDatabase.Sqlite)
        {
            return null;
        }

        var factory = Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>();
        await using (var context = await factory.CreateDbContextAsync())
        {
            await context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        return Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(directory, "aftersales.db"))));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }

        if (postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(postgresAdmin);
            admin.Open();
            using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)";
            drop.ExecuteNonQuery();
        }
    }
}

/// <summary>A fact that needs PostgreSQL: skipped without AFTERSALES_TEST_POSTGRES locally, failing under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(System.Environment.GetEnvironmentVariable(ServiceFactory.PostgresVariable))
            && !string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"{ServiceFactory.PostgresVariable} is not set (e.g. Host=127.0.0.1;Username=postgres;Password=postgres;Database=postgres).";
        }
    }
}
