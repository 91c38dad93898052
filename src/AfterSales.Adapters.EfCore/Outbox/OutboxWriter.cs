using System.Data;
using System.Globalization;
using System.Text;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AfterSales.EntityFrameworkCore.Outbox;

/// <summary>
/// Writes events into the outbox inside the caller's transaction: one multi-row <c>INSERT … ON CONFLICT
/// (id) DO NOTHING</c>, so an event computed twice (two nodes, a retry) is kept once. On PostgreSQL each
/// row records the writing transaction (<c>pg_current_xact_id()</c>) for the feed's position.
/// </summary>
internal static class OutboxWriter
{
    private static readonly string[] Columns =
    [
        nameof(OutboxRow.TransactionId), nameof(OutboxRow.Id), nameof(OutboxRow.TenantId), nameof(OutboxRow.Type),
        nameof(OutboxRow.Subject), nameof(OutboxRow.OccurredAt), nameof(OutboxRow.Payload), nameof(OutboxRow.State),
    ];

    // The column list and conflict target for the last model seen (see TicketEventReader).
    private static Names? names;

    /// <summary>Inserts <paramref name="events"/> formatted by <paramref name="formatter"/>; returns the rows written (duplicates skipped).</summary>
    public static async Task<int> WriteAsync(
        DbContext context, IDbContextTransaction? transaction, IReadOnlyList<DomainEvent> events, IEventFormatter formatter, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return 0;
        }

        var current = names;
        if (current is null || !ReferenceEquals(current.Model, context.Model))
        {
            current = names = Names.Of(context);
        }

        var postgres = DbCommands.ProviderOf(context) == DbCommands.PostgreSqlProvider;
        var helper = current.Helper;
        var sql = new StringBuilder(current.Insert.Length + events.Count * 80).Append(current.Insert);
        var command = DbCommands.Create(context.Database, string.Empty, transaction);
        await using (command.ConfigureAwait(false))
        {
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                string P(int column)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"o{i}_{column}");
                    return helper.GenerateParameterNamePlaceholder(name);
                }

                string N(int column) => helper.GenerateParameterName(string.Create(CultureInfo.InvariantCulture, $"o{i}_{column}"));
                sql.Append(i == 0 ? " VALUES (" : ", (")
                    .Append(postgres ? "pg_current_xact_id()::text::bigint" : "0")
                    .Append(", ").Append(P(1)).Append(", ").Append(P(2)).Append(", ").Append(P(3)).Append(", ").Append(P(4))
                    .Append(", ").Append(P(5)).Append(", ").Append(P(6)).Append(", '").Append(nameof(OutboxState.Pending)).Append("')");
                command.AddParameter(N(1), DbType.String, e.Id);
                command.AddParameter(N(2), DbType.String, e.TenantId);
                command.AddParameter(N(3), DbType.String, e.Type);
                command.AddParameter(N(4), DbType.String, e.Subject);
                command.AddParameter(N(5), DbType.Int64, InstantToUnixNanosecondsConverter.ToUnixNanoseconds(e.OccurredAt));
                command.AddParameter(N(6), DbType.String, formatter.Format(e));
            }

            sql.Append(" ON CONFLICT (").Append(current.IdColumn).Append(") DO NOTHING");
            command.CommandText = sql.ToString();
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class Names
    {
        private Names(IModel model, ISqlGenerationHelper helper, string insert, string idColumn)
        {
            Model = model;
            Helper = helper;
            Insert = insert;
            IdColumn = idColumn;
        }

        public IModel Model { get; }

        public ISqlGenerationHelper Helper { get; }

        public string Insert { get; }

        public string IdColumn { get; }

        public static Names Of(DbContext context)
        {
            var outbox = StoreNames.Of(context, typeof(OutboxRow));
            return new Names(
                context.Model,
                outbox.Sql,
                $"INSERT INTO {outbox.Table} ({string.Join(", ", Columns.Select(outbox.Column))})",
                outbox.Column(nameof(OutboxRow.Id)));
        }
    }
}
