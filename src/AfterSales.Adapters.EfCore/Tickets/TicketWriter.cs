using System.Data;
using System.Data.Common;
using System.Globalization;
using AfterSales.EntityFrameworkCore.Deadlines;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Outbox;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AfterSales.EntityFrameworkCore.Tickets;

/// <summary>
/// Writes a save — the hot path of every command: the ticket's row (inserted, or updated only where
/// the stored version is the expected one) and the new event rows, with parameterised commands on
/// the context's connection in one transaction (the context's own, if it has one), instead of change
/// tracking and <c>SaveChanges</c>. The names come from the context's model, the conversions are the
/// model's. The save's domain events go into the outbox in the same transaction, and the due notices it
/// schedules or withdraws (a loaner's return-by) into theirs.
/// </summary>
internal sealed class TicketWriter
{
    private static readonly string[] TicketColumns =
    [
        nameof(TicketRow.TenantId), nameof(TicketRow.Id), nameof(TicketRow.State), nameof(TicketRow.SeverityCode),
        nameof(TicketRow.PolicyKey), nameof(TicketRow.DeviceSerialNumber), nameof(TicketRow.ReportedAt),
        nameof(TicketRow.LastEventAt), nameof(TicketRow.AsOf), nameof(TicketRow.NextDeadline),
        nameof(TicketRow.IsLegacyIssue), nameof(TicketRow.Version), nameof(TicketRow.IsProvisional),
    ];

    private static readonly string[] EventColumns =
    [
        nameof(TicketEventRow.TenantId), nameof(TicketEventRow.TicketId), nameof(TicketEventRow.Version),
        nameof(TicketEventRow.Kind), nameof(TicketEventRow.At), nameof(TicketEventRow.Payload), nameof(TicketEventRow.RecordedAt),
        nameof(TicketEventRow.ActorSubject), nameof(TicketEventRow.ActorName),
    ];

    private static readonly string[] DispatchColumns =
    [
        nameof(EngineerDispatchRow.TenantId), nameof(EngineerDispatchRow.EngineerId), nameof(EngineerDispatchRow.TicketId),
        nameof(EngineerDispatchRow.Version), nameof(EngineerDispatchRow.DispatchedAt),
    ];

    // The SQL for the last model seen, replaced whole (see TicketEventReader).
    private Sql? sql;

    /// <summary>Writes <paramref name="row"/> and <paramref name="events"/>; false, rolled back, when the version-checked update hit no row.</summary>
    public Task<bool> WriteAsync(
        DbContext context, TicketRow row, int expectedVersion, TicketEventRow[] events, IReadOnlyList<DomainEvent> outbox, IReadOnlyList<DueNotice> notices, IEventFormatter? formatter, CancellationToken cancellationToken)
    {
        var current = sql;
        if (current is null || !ReferenceEquals(current.Model, context.Model))
        {
            current = sql = Sql.Of(context);
        }

        var database = context.Database;
        return database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await database.OpenConnectionAsync(ct).ConfigureAwait(false);
            try
            {
                var ambient = database.CurrentTransaction;
                var transaction = ambient ?? await database.BeginTransactionAsync(ct).ConfigureAwait(false);
                try
                {
                    if (!await WriteRowAsync(database, transaction, current, row, expectedVersion, ct).ConfigureAwait(false))
                    {
                        if (ambient is null)
                        {
                            await transaction.RollbackAsync(ct).ConfigureAwait(false);
                        }

                        return false;
                    }

                    await WriteEventsAsync(database, transaction, current, row, events, ct).ConfigureAwait(false);
                    if (formatter is not null)
                    {
                        await OutboxWriter.WriteAsync(context, transaction, outbox, formatter, ct).ConfigureAwait(false);
                        await DueNoticeWrites.WriteAsync(context, notices, formatter, ct).ConfigureAwait(false);
                    }

                    if (ambient is null)
                    {
                        await transaction.CommitAsync(ct).ConfigureAwait(false);
                    }

                    return true;
                }
                finally
                {
                    if (ambient is null)
                    {
                        await transaction.DisposeAsync().ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                await database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Writes several saves in one transaction; a save whose version-checked update hits no row is
    /// skipped (its events are not written, nor its outbox events) and its index returned. The others commit together.
    /// </summary>
    public Task<List<int>> WriteManyAsync(
        DbContext context,
        IReadOnlyList<(TicketRow Row, int ExpectedVersion, TicketEventRow[] Events)> saves,
        IReadOnlyList<IReadOnlyList<DomainEvent>> outbox,
        IReadOnlyList<IReadOnlyList<DueNotice>> notices,
        IEventFormatter? formatter,
        CancellationToken cancellationToken)
    {
        var current = sql;
        if (current is null || !ReferenceEquals(current.Model, context.Model))
        {
            current = sql = Sql.Of(context);
        }

        var database = context.Database;
        return database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            var skipped = new List<int>();
            await database.OpenConnectionAsync(ct).ConfigureAwait(false);
            try
            {
                await using var transaction = await database.BeginTransactionAsync(ct).ConfigureAwait(false);
                var connection = database.GetDbConnection();
                if (connection.CanCreateBatch && saves.All(static s => s.ExpectedVersion > 0))
                {
                    // A server round trip per statement would dominate a bulk save (PostgreSQL): the
                    // rows' version-checked updates go in one batch, then the events of those that matched.
                    skipped = await WriteBatchedAsync(connection, transaction.GetDbTransaction(), database.GetCommandTimeout(), current, saves, ct).ConfigureAwait(false);
                }
                else
                {
                    for (var i = 0; i < saves.Count; i++)
                    {
                        var (row, expected, events) = saves[i];
                        if (await WriteRowAsync(database, transaction, current, row, expected, ct).ConfigureAwait(false))
                        {
                            await WriteEventsAsync(database, transaction, current, row, events, ct).ConfigureAwait(false);
                        }
                        else
                        {
                            skipped.Add(i);
                        }
                    }
                }

                if (formatter is not null)
                {
                    var written = outbox.Where((_, i) => !skipped.Contains(i)).SelectMany(static e => e).ToList();
                    await OutboxWriter.WriteAsync(context, transaction, written, formatter, ct).ConfigureAwait(false);
                    for (var i = 0; i < notices.Count; i++)
                    {
                        if (!skipped.Contains(i))
                        {
                            await DueNoticeWrites.WriteAsync(context, notices[i], formatter, ct).ConfigureAwait(false);
                        }
                    }
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return skipped;
            }
            finally
            {
                await database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }, cancellationToken);
    }

    private static async Task<List<int>> WriteBatchedAsync(
        DbConnection connection,
        DbTransaction transaction,
        int? timeout,
        Sql sql,
        IReadOnlyList<(TicketRow Row, int ExpectedVersion, TicketEventRow[] Events)> saves,
        CancellationToken cancellationToken)
    {
        var skipped = new List<int>();
        var updates = connection.CreateBatch();
        await using (updates.ConfigureAwait(false))
        {
            updates.Transaction = transaction;
            if (timeout is { } seconds)
            {
                updates.Timeout = seconds;
            }

            foreach (var (row, expected, _) in saves)
            {
                var command = updates.CreateBatchCommand();
                command.CommandText = sql.UpdateTicket;
                RowParameters(sql, row, expected, (name, type, value) => Add(command, name, type, value));
                updates.BatchCommands.Add(command);
            }

            await updates.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < saves.Count; i++)
            {
                if (updates.BatchCommands[i].RecordsAffected != 1)
                {
                    skipped.Add(i);
                }
            }
        }

        var inserts = connection.CreateBatch();
        await using (inserts.ConfigureAwait(false))
        {
            inserts.Transaction = transaction;
            if (timeout is { } seconds)
            {
                inserts.Timeout = seconds;
            }

            for (var i = 0; i < saves.Count; i++)
            {
                if (skipped.Contains(i))
                {
                    continue;
                }

                var (row, _, events) = saves[i];
                foreach (var e in events)
                {
                    var command = inserts.CreateBatchCommand();
                    command.CommandText = sql.InsertEvent;
                    var p = sql.EventParameters;
                    Add(command, p[0], DbType.String, row.TenantId);
                    Add(command, p[1], DbType.String, row.Id);
                    Add(command, p[2], DbType.Int32, e.Version);
                    Add(command, p[3], DbType.String, e.Kind.ToString());
                    Add(command, p[4], DbType.Int64, InstantToUnixNanosecondsConverter.ToUnixNanoseconds(e.At));
                    Add(command, p[5], DbType.String, e.Payload);
                    Add(command, p[6], DbType.Int64, e.RecordedAt is { } recorded ? InstantToUnixNanosecondsConverter.ToUnixNanoseconds(recorded) : null);
                    Add(command, p[7], DbType.String, e.ActorSubject);
                    Add(command, p[8], DbType.String, e.ActorName);
                    inserts.BatchCommands.Add(command);
                }

                foreach (var (engineer, e) in Dispatches(events))
                {
                    var command = inserts.CreateBatchCommand();
                    command.CommandText = sql.InsertDispatch;
                    DispatchParameters(sql, row, engineer, e, (name, type, value) => Add(command, name, type, value));
                    inserts.BatchCommands.Add(command);
                }
            }

            if (inserts.BatchCommands.Count > 0)
            {
                await inserts.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return skipped;

        static void Add(DbBatchCommand command, string name, DbType type, object? value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }

    /// <summary>The row's parameters in <see cref="Sql.TicketParameters"/> order (the expected version last, for an update).</summary>
    private static void RowParameters(Sql sql, TicketRow row, int expectedVersion, Action<string, DbType, object?> add)
    {
        var p = sql.TicketParameters;
        add(p[0], DbType.String, row.TenantId);
        add(p[1], DbType.String, row.Id);
        add(p[2], DbType.String, row.State.ToString());
        add(p[3], DbType.String, row.SeverityCode);
        add(p[4], DbType.String, row.PolicyKey);
        add(p[5], DbType.String, row.DeviceSerialNumber);
        add(p[6], DbType.Int64, InstantToUnixNanosecondsConverter.ToUnixNanoseconds(row.ReportedAt));
        add(p[7], DbType.Int64, InstantToUnixNanosecondsConverter.ToUnixNanoseconds(row.LastEventAt));
        add(p[8], DbType.Int64, InstantToUnixNanosecondsConverter.ToUnixNanoseconds(row.AsOf));
        add(p[9], DbType.Int64, row.NextDeadline is { } deadline ? InstantToUnixNanosecondsConverter.ToUnixNanoseconds(deadline) : null);
        add(p[10], DbType.Boolean, row.IsLegacyIssue);
        add(p[11], DbType.Int32, row.Version);
        add(p[12], DbType.Boolean, row.IsProvisional);
        if (expectedVersion != 0)
        {
            add(p[13], DbType.Int32, expectedVersion);
        }
    }

    private static async Task<bool> WriteRowAsync(
        DatabaseFacade database,
        IDbContextTransaction transaction,
        Sql sql,
        TicketRow row,
        int expectedVersion,
        CancellationToken cancellationToken)
    {
        var command = DbCommands.Create(database, expectedVersion == 0 ? sql.InsertTicket : sql.UpdateTicket, transaction);
        await using (command.ConfigureAwait(false))
        {
            RowParameters(sql, row, expectedVersion, (name, type, value) => command.AddParameter(name, type, value));

            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    private static async Task WriteEventsAsync(
        DatabaseFacade database,
        IDbContextTransaction transaction,
        Sql sql,
        TicketRow row,
        TicketEventRow[] events,
        CancellationToken cancellationToken)
    {
        var command = DbCommands.Create(database, sql.InsertEvent, transaction);
        await using (command.ConfigureAwait(false))
        {
            var p = sql.EventParameters;
            command.AddParameter(p[0], DbType.String, row.TenantId);
            command.AddParameter(p[1], DbType.String, row.Id);
            var version = command.AddParameter(p[2], DbType.Int32, 0);
            var kind = command.AddParameter(p[3], DbType.String, string.Empty);
            var at = command.AddParameter(p[4], DbType.Int64, 0L);
            var payload = command.AddParameter(p[5], DbType.String, null);
            var recorded = command.AddParameter(p[6], DbType.Int64, null);
            var actorSubject = command.AddParameter(p[7], DbType.String, null);
            var actorName = command.AddParameter(p[8], DbType.String, null);
            foreach (var e in events)
            {
                actorSubject.Value = (object?)e.ActorSubject ?? DBNull.Value;
                actorName.Value = (object?)e.ActorName ?? DBNull.Value;
                version.Value = e.Version;
                kind.Value = e.Kind.ToString();
                at.Value = InstantToUnixNanosecondsConverter.ToUnixNanoseconds(e.At);
                payload.Value = (object?)e.Payload ?? DBNull.Value;
                recorded.Value = e.RecordedAt is { } r ? InstantToUnixNanosecondsConverter.ToUnixNanoseconds(r) : DBNull.Value;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var (engineer, e) in Dispatches(events))
        {
            var dispatch = DbCommands.Create(database, sql.InsertDispatch, transaction);
            await using (dispatch.ConfigureAwait(false))
            {
                DispatchParameters(sql, row, engineer, e, (name, type, value) => dispatch.AddParameter(name, type, value));
                await dispatch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The save's Dispatched events with their engineer: each is indexed (R-ORG-1) with the event, in the same transaction.</summary>
    private static IEnumerable<(string Engineer, TicketEventRow Event)> Dispatches(TicketEventRow[] events)
    {
        foreach (var e in events)
        {
            if (e.Kind == WorkOrders.TicketEventKind.Dispatched && EventMapper.ToEvent(e).Engineer is { Length: <= Identifier.MaxLength } engineer)
            {
                yield return (engineer, e);
            }
        }
    }

    private static void DispatchParameters(Sql sql, TicketRow row, string engineer, TicketEventRow e, Action<string, DbType, object?> add)
    {
        var p = sql.DispatchParameters;
        add(p[0], DbType.String, row.TenantId);
        add(p[1], DbType.String, engineer);
        add(p[2], DbType.String, row.Id);
        add(p[3], DbType.Int32, e.Version);
        add(p[4], DbType.Int64, InstantToUnixNanosecondsConverter.ToUnixNanoseconds(e.At));
    }

    /// <summary>The save's SQL for one model, with its parameters' names.</summary>
    private sealed class Sql
    {
        private Sql(IModel model, string insertTicket, string updateTicket, string insertEvent, string[] ticketParameters, string[] eventParameters, string insertDispatch, string[] dispatchParameters)
        {
            InsertDispatch = insertDispatch;
            DispatchParameters = dispatchParameters;
            Model = model;
            InsertTicket = insertTicket;
            UpdateTicket = updateTicket;
            InsertEvent = insertEvent;
            TicketParameters = ticketParameters;
            EventParameters = eventParameters;
        }

        public IModel Model { get; }

        /// <summary>Inserts the ticket's row: parameters 0–12 of <see cref="TicketParameters"/>.</summary>
        public string InsertTicket { get; }

        /// <summary>Updates every column but the claim's where the stored version is parameter 13 (the expected one).</summary>
        public string UpdateTicket { get; }

        public string InsertEvent { get; }

        /// <summary>The ticket's columns in <see cref="TicketColumns"/> order, then the expected version.</summary>
        public string[] TicketParameters { get; }

        public string[] EventParameters { get; }

        /// <summary>Inserts an engineer's dispatch: tenant, engineer, ticket, version, instant.</summary>
        public string InsertDispatch { get; }

        public string[] DispatchParameters { get; }

        public static Sql Of(DbContext context)
        {
            var tickets = StoreNames.Of(context, typeof(TicketRow));
            var events = StoreNames.Of(context, typeof(TicketEventRow));
            var helper = tickets.Sql;
            string Placeholder(string prefix, int i) => helper.GenerateParameterNamePlaceholder(prefix + i.ToString(CultureInfo.InvariantCulture));
            string Name(string prefix, int i) => helper.GenerateParameterName(prefix + i.ToString(CultureInfo.InvariantCulture));

            var ticketColumns = TicketColumns.Select(tickets.Column).ToArray();
            var insertTicket = $"INSERT INTO {tickets.Table} ({string.Join(", ", ticketColumns)}) VALUES ({string.Join(", ", ticketColumns.Select((_, i) => Placeholder("t", i)))})";
            var updateTicket = $"UPDATE {tickets.Table} SET {string.Join(", ", ticketColumns.Select((c, i) => (c, i)).Skip(2).Select(x => $"{x.c} = {Placeholder("t", x.i)}"))}"
                + $" WHERE {ticketColumns[0]} = {Placeholder("t", 0)} AND {ticketColumns[1]} = {Placeholder("t", 1)}"
                + $" AND {tickets.Column(nameof(TicketRow.Version))} = {Placeholder("t", TicketColumns.Length)}";
            var eventColumns = EventColumns.Select(events.Column).ToArray();
            var insertEvent = $"INSERT INTO {events.Table} ({string.Join(", ", eventColumns)}) VALUES ({string.Join(", ", eventColumns.Select((_, i) => Placeholder("e", i)))})";
            var dispatches = StoreNames.Of(context, typeof(EngineerDispatchRow));
            var dispatchColumns = DispatchColumns.Select(dispatches.Column).ToArray();
            var insertDispatch = $"INSERT INTO {dispatches.Table} ({string.Join(", ", dispatchColumns)}) VALUES ({string.Join(", ", dispatchColumns.Select((_, i) => Placeholder("d", i)))})";
            return new Sql(
                context.Model,
                insertTicket,
                updateTicket,
                insertEvent,
                [.. Enumerable.Range(0, TicketColumns.Length + 1).Select(i => Name("t", i))],
                [.. Enumerable.Range(0, EventColumns.Length).Select(i => Name("e", i))],
                insertDispatch,
                [.. Enumerable.Range(0, DispatchColumns.Length).Select(i => Name("d", i))]);
        }
    }
}
