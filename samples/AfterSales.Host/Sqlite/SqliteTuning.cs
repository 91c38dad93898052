using System.Data.Common;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NodaTime;

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

/// <summary>
/// Serialises saves on SQLite, which has one writer per file: writers queue here instead of
/// spinning on SQLITE_BUSY inside the driver. Loads and queries pass through.
/// </summary>
internal sealed class SingleWriterTicketStore(ITicketStore inner) : ITicketStore
{
    private readonly SemaphoreSlim writer = new(1, 1);

    public Task<Ticket?> LoadAsync(string tenantId, TicketId id, CancellationToken cancellationToken = default) =>
        inner.LoadAsync(tenantId, id, cancellationToken);

    public async Task SaveAsync(Ticket ticket, int expectedVersion, CancellationToken cancellationToken = default)
    {
        await writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await inner.SaveAsync(ticket, expectedVersion, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writer.Release();
        }
    }

    public Task<IReadOnlyList<TicketSummary>> ListDueBeforeAsync(string tenantId, Instant before, CancellationToken cancellationToken = default) =>
        inner.ListDueBeforeAsync(tenantId, before, cancellationToken);

    public Task<IReadOnlyList<TicketSummary>> ListAsync(string tenantId, TicketQuery query, CancellationToken cancellationToken = default) =>
        inner.ListAsync(tenantId, query, cancellationToken);
}
