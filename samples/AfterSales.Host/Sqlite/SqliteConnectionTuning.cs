using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AfterSales.Host.Sqlite;

/// <summary>
/// Sets <c>synchronous=NORMAL</c> on every SQLite connection the host opens: with the WAL journal a
/// commit then survives a crash of the process (not of the machine) without an fsync per commit.
/// </summary>
internal sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Tune(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Tune(connection);
        return Task.CompletedTask;
    }

    private static void Tune(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
