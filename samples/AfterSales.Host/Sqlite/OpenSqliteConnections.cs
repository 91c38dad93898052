using System.Collections.Concurrent;
using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Host.Sqlite;

/// <summary>
/// The host's pooled contexts, each keeping one SQLite connection open from its first use to the
/// host's shutdown. A pooled context otherwise closes its connection when it goes back to the pool.
/// The stores then open it again for every load, save and query, and each open costs more than the
/// statement often does: EF Core's SQLite provider registers its 11 SQL functions on the connection every
/// time it is opened (and Microsoft.Data.Sqlite removes them again on close), under the driver pool's
/// lock. About a sixth of a report's allocations went there (benchmarks/README.md).
/// </summary>
/// <remarks>
/// <para>The connection is opened through EF Core once, so the connection interceptors
/// (<see cref="SqliteConnectionTuning"/>) run on it. It is then handed back to the context as the
/// host's own connection: EF Core neither opens nor closes a connection it did not open, and a
/// transaction a use left open is still rolled back when the context goes back to the pool. A
/// context is used by one request at a time, and so is its connection.</para>
/// <para>The connections are closed when the host stops (this factory is disposed). A context the
/// pool discards because it is full (more than 1 024 in use at once) keeps its connection until then.
/// Do not delete the database file while the host runs.</para>
/// </remarks>
internal sealed class OpenSqliteConnections<TContext>(IDbContextFactory<TContext> pool) : IDbContextFactory<TContext>, IDisposable
    where TContext : DbContext
{
    private readonly ConcurrentBag<SqliteConnection> opened = [];

    public TContext CreateDbContext()
    {
        var context = pool.CreateDbContext();
        var database = context.Database;
        if (database.GetDbConnection().State != ConnectionState.Open)
        {
            var connection = Adopt(context);
            database.OpenConnection();
            database.SetDbConnection(connection, contextOwnsConnection: false);
        }

        return context;
    }

    public async Task<TContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        var context = await pool.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var database = context.Database;
        if (database.GetDbConnection().State != ConnectionState.Open)
        {
            var connection = Adopt(context);
            await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

            // Set again once open: from now on EF Core takes the connection as opened by the host.
            database.SetDbConnection(connection, contextOwnsConnection: false);
        }

        return context;
    }

    public void Dispose()
    {
        while (opened.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    private SqliteConnection Adopt(TContext context)
    {
        var connection = new SqliteConnection(context.Database.GetConnectionString());
        context.Database.SetDbConnection(connection, contextOwnsConnection: false);
        opened.Add(connection);
        return connection;
    }
}
