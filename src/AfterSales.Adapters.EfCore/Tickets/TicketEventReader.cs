using System.Data;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AfterSales.EntityFrameworkCore.Tickets;

/// <summary>
/// Reads one ticket's event rows — the hot path of every read and command: one parameterised
/// SELECT on the context's connection, read straight into rows, bypassing EF Core's query pipeline
/// and materialiser (≈ 40 → 10 µs per load). The names come from the context's model (schema,
/// prefix), the conversions are the ones the model configures (kind by name, instant as Unix nanoseconds).
/// </summary>
internal sealed class TicketEventReader
{
    // The SQL for the last model seen (one context type may be mapped for several providers, so it
    // is keyed by the model); replaced whole, so a reader sees a consistent pair.
    private Sql? sql;

    public Task<List<TicketEventRow>> ReadAsync(DbContext context, string tenantId, string ticketId, CancellationToken cancellationToken) =>
        ReadAsync(context, tenantId, ticketId, 1, cancellationToken);

    /// <summary>The ticket's event rows from version <paramref name="fromVersion"/> on, oldest first.</summary>
    public async Task<List<TicketEventRow>> ReadAsync(DbContext context, string tenantId, string ticketId, int fromVersion, CancellationToken cancellationToken)
    {
        var current = sql;
        if (current is null || !ReferenceEquals(current.Model, context.Model))
        {
            current = sql = Sql.Of(context);
        }

        var rows = new List<TicketEventRow>();
        var database = context.Database;
        await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = DbCommands.Create(database, current.Text);
            await using (command.ConfigureAwait(false))
            {
                command.AddParameter(current.TenantParameter, DbType.String, tenantId);
                command.AddParameter(current.TicketParameter, DbType.String, ticketId);
                command.AddParameter(current.FromParameter, DbType.Int32, fromVersion);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        rows.Add(new TicketEventRow
                        {
                            TenantId = tenantId,
                            TicketId = ticketId,
                            Version = reader.GetInt32(0),
                            Kind = Enum.Parse<TicketEventKind>(reader.GetString(1)),
                            At = InstantToUnixNanosecondsConverter.FromUnixNanoseconds(reader.GetInt64(2)),
                            Payload = reader.IsDBNull(3) ? null : reader.GetString(3),
                            RecordedAt = reader.IsDBNull(4) ? null : InstantToUnixNanosecondsConverter.FromUnixNanoseconds(reader.GetInt64(4)),
                            ActorSubject = reader.IsDBNull(5) ? null : reader.GetString(5),
                            ActorName = reader.IsDBNull(6) ? null : reader.GetString(6),
                        });
                    }
                }
            }
        }
        finally
        {
            await database.CloseConnectionAsync().ConfigureAwait(false);
        }

        return rows;
    }

    /// <summary>The event load's SQL for one model, with its parameters' names.</summary>
    private sealed class Sql
    {
        private Sql(IModel model, string text, string tenantParameter, string ticketParameter, string fromParameter)
        {
            Model = model;
            Text = text;
            TenantParameter = tenantParameter;
            TicketParameter = ticketParameter;
            FromParameter = fromParameter;
        }

        public IModel Model { get; }

        public string Text { get; }

        public string TenantParameter { get; }

        public string TicketParameter { get; }

        public string FromParameter { get; }

        public static Sql Of(DbContext context)
        {
            var names = StoreNames.Of(context, typeof(TicketEventRow));
            var helper = names.Sql;
            return new Sql(
                context.Model,
                $"SELECT {names.Column(nameof(TicketEventRow.Version))}, {names.Column(nameof(TicketEventRow.Kind))}, {names.Column(nameof(TicketEventRow.At))}, {names.Column(nameof(TicketEventRow.Payload))}, {names.Column(nameof(TicketEventRow.RecordedAt))}"
                    + $", {names.Column(nameof(TicketEventRow.ActorSubject))}, {names.Column(nameof(TicketEventRow.ActorName))}"
                    + $" FROM {names.Table}"
                    + $" WHERE {names.Column(nameof(TicketEventRow.TenantId))} = {helper.GenerateParameterNamePlaceholder("tenant")}"
                    + $" AND {names.Column(nameof(TicketEventRow.TicketId))} = {helper.GenerateParameterNamePlaceholder("ticket")}"
                    + $" AND {names.Column(nameof(TicketEventRow.Version))} >= {helper.GenerateParameterNamePlaceholder("from")}"
                    + $" ORDER BY {names.Column(nameof(TicketEventRow.Version))}",
                helper.GenerateParameterName("tenant"),
                helper.GenerateParameterName("ticket"),
                helper.GenerateParameterName("from"));
        }
    }
}
