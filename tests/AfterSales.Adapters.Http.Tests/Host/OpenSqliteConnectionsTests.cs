using System.Data;
using AfterSales.EntityFrameworkCore;
using AfterSales.Host.Sqlite;
using AfterSales.Http.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Http.Tests.Host;

/// <summary>
/// The sample host's pooled contexts keep their SQLite connection open between uses: tuned once
/// through the interceptors, never left in a transaction, closed when the host stops.
/// </summary>
public sealed class OpenSqliteConnectionsTests
{
    [Fact]
    public async Task Contexts_TakenFromThePool_ComeWithTheirConnectionOpenAndTuned_AndKeepIt()
    {
        using var factory = new ServiceFactory();
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>();
        Assert.IsType<OpenSqliteConnections<AfterSalesDbContext>>(contexts);

        // The pool is a queue the host's background services share: take contexts until one comes back.
        var seen = new Dictionary<AfterSalesDbContext, System.Data.Common.DbConnection>(ReferenceEqualityComparer.Instance);
        var returned = false;
        for (var i = 0; i < 50 && !returned; i++)
        {
            await using var context = await contexts.CreateDbContextAsync();
            var connection = context.Database.GetDbConnection();
            Assert.Equal(ConnectionState.Open, connection.State);
            Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA synchronous;")); // NORMAL, set by SqliteConnectionTuning
            await context.Database.OpenConnectionAsync();
            await context.Database.CloseConnectionAsync();
            Assert.Equal(ConnectionState.Open, connection.State);
            if (seen.TryGetValue(context, out var before))
            {
                Assert.Same(before, connection);
                returned = true;
            }

            seen[context] = connection;
        }

        Assert.True(returned, "no context came back from the pool in 50 rentals");
    }

    [Fact]
    public async Task TransactionLeftOpen_IsRolledBackWhenTheContextGoesBackToThePool()
    {
        using var factory = new ServiceFactory();
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>();
        await using (var setup = await contexts.CreateDbContextAsync())
        {
            await setup.Database.ExecuteSqlRawAsync("CREATE TABLE probe (x INTEGER)");
        }

        await using (var context = await contexts.CreateDbContextAsync())
        {
            await context.Database.BeginTransactionAsync();
            await context.Database.ExecuteSqlRawAsync("INSERT INTO probe VALUES (1)");
        }

        // Another connection can write at once (no write lock is held) and sees no row.
        await using var other = new SqliteConnection(factory.ConnectionString);
        await other.OpenAsync();
        await ScalarAsync(other, "PRAGMA busy_timeout = 100;");
        await ScalarAsync(other, "INSERT INTO probe VALUES (2);");
        Assert.Equal(0L, await ScalarAsync(other, "SELECT COUNT(*) FROM probe WHERE x = 1;"));
    }

    [Fact]
    public async Task HostStopping_ClosesTheConnections()
    {
        System.Data.Common.DbConnection kept;
        using (var factory = new ServiceFactory())
        {
            var contexts = factory.Services.GetRequiredService<IDbContextFactory<AfterSalesDbContext>>();
            await using var context = await contexts.CreateDbContextAsync();
            kept = context.Database.GetDbConnection();
            Assert.Equal(ConnectionState.Open, kept.State);
        }

        Assert.Equal(ConnectionState.Closed, kept.State);
    }

    private static async Task<long> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync() is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}
