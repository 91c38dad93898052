using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.EntityFrameworkCore.Tickets;
using AfterSales.Quality.Complaints;
using AfterSales.Quality.Reporting;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// An <see cref="IQualitySnapshotSource"/> over EF Core (EF Core 质量数据快照): every read of one
/// snapshot runs on one connection inside one read-only transaction, so a report sees the tables as
/// they stood at one moment while others keep writing.
/// </summary>
/// <remarks>
/// <para><b>Isolation.</b> PostgreSQL: <c>REPEATABLE READ READ ONLY</c> — one snapshot for every
/// statement, no locks taken. SQLite: a deferred transaction (<c>BEGIN</c>, not <c>BEGIN IMMEDIATE</c>)
/// whose first read, made when the snapshot opens, pins the write-ahead log's snapshot; writers go on
/// committing. In SQLite's rollback-journal mode the read lock makes writers wait until the snapshot
/// closes; use WAL (<c>PRAGMA journal_mode=WAL</c>), as the sample host does.</para>
/// <para><b>Streaming.</b> Work orders come from one query over the tickets and their events, ordered by
/// ticket and version, and are rebuilt one at a time as the reader moves: memory holds one ticket,
/// not the tenant's. No other query runs on the connection while that reader is open.</para>
/// <para><b>Thread safety.</b> Thread-safe: every snapshot uses its own context.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context.</typeparam>
public sealed class EfCoreQualitySnapshotSource<TContext> : IQualitySnapshotSource
    where TContext : DbContext
{
    private readonly ContextSource<TContext> contexts;
    private readonly TicketRehydrator tickets;
    private readonly TicketEventReader reader = new();

    /// <summary>Creates a source that takes a new context from <paramref name="contextFactory"/> for every snapshot, over the preset calendars.</summary>
    /// <param name="contextFactory">Creates the host's contexts.</param>
    /// <param name="catalog">Where the policies tickets are pinned to are found.</param>
    /// <param name="clock">The clock rebuilt tickets are given (they are read, not changed).</param>
    public EfCoreQualitySnapshotSource(IDbContextFactory<TContext> contextFactory, ISlaPolicyCatalog catalog, IClock clock)
        : this(ContextSource<TContext>.From(contextFactory), new SlaTermsResolver(catalog, new Calendars.InMemoryCalendarCatalog(Calendars.CalendarPresets.All, clock)), clock)
    {
    }

    /// <summary>Creates a source that takes a new context from <paramref name="contextFactory"/> for every snapshot.</summary>
    /// <param name="contextFactory">Creates the host's contexts.</param>
    /// <param name="terms">Where the policy and calendar versions tickets are pinned to are found.</param>
    /// <param name="clock">The clock rebuilt tickets are given (they are read, not changed).</param>
    public EfCoreQualitySnapshotSource(IDbContextFactory<TContext> contextFactory, SlaTermsResolver terms, IClock clock)
        : this(ContextSource<TContext>.From(contextFactory), terms, clock)
    {
    }

    /// <summary>Creates a source that resolves the context from a new DI scope for every snapshot (for <c>AddDbContext</c> registrations).</summary>
    /// <param name="scopeFactory">Creates the scopes.</param>
    /// <param name="terms">Where the policy and calendar versions tickets are pinned to are found.</param>
    /// <param name="clock">The clock rebuilt tickets are given.</param>
    public EfCoreQualitySnapshotSource(IServiceScopeFactory scopeFactory, SlaTermsResolver terms, IClock clock)
        : this(ContextSource<TContext>.From(scopeFactory), terms, clock)
    {
    }

    private EfCoreQualitySnapshotSource(ContextSource<TContext> contexts, SlaTermsResolver terms, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(clock);
        this.contexts = contexts;
        tickets = new TicketRehydrator(terms, clock);
    }

    /// <inheritdoc />
    public async Task<T> ReadAsync<T>(string tenantId, Func<IQualitySnapshot, CancellationToken, Task<T>> read, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(read);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var database = context.Database;
            var postgres = DbCommands.ProviderOf(context) == DbCommands.PostgreSqlProvider;
            await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // SQLite maps ReadUncommitted to a deferred BEGIN (its read_uncommitted pragma only
                // matters with a shared cache, which the library does not use).
                var transaction = await database.BeginTransactionAsync(postgres ? IsolationLevel.RepeatableRead : IsolationLevel.ReadUncommitted, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    if (postgres)
                    {
                        await database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", cancellationToken).ConfigureAwait(false);
                    }

                    // The snapshot is taken by the first read, now, not by the caller's first read.
                    _ = await context.Set<TicketRow>().AsNoTracking().Where(r => r.TenantId == tenantId).Select(static r => r.Version).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                    var result = await read(new Snapshot(context, tenantId, tickets, reader), cancellationToken).ConfigureAwait(false);
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    return result;
                }
            }
            finally
            {
                await database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
    }

    private sealed class Snapshot(DbContext context, string tenantId, TicketRehydrator tickets, TicketEventReader reader) : IQualitySnapshot
    {
        private bool streaming;

        public async IAsyncEnumerable<Ticket> TicketsAsync(Instant from, Instant to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Enter();
            try
            {
                var events = StoreNames.Of(context, typeof(TicketEventRow));
                var rows = StoreNames.Of(context, typeof(TicketRow));
                var sql = events.Sql;
                string E(string property) => "e." + events.Column(property);
                string T(string property) => "t." + rows.Column(property);
                var text =
                    $"SELECT {E(nameof(TicketEventRow.TicketId))}, {E(nameof(TicketEventRow.Version))}, {E(nameof(TicketEventRow.Kind))}, {E(nameof(TicketEventRow.At))}, {E(nameof(TicketEventRow.Payload))}"
                    + $" FROM {rows.Table} t JOIN {events.Table} e ON {E(nameof(TicketEventRow.TenantId))} = {T(nameof(TicketRow.TenantId))} AND {E(nameof(TicketEventRow.TicketId))} = {T(nameof(TicketRow.Id))}"
                    + $" WHERE {T(nameof(TicketRow.TenantId))} = {sql.GenerateParameterNamePlaceholder("tenant")}"
                    + $" AND {T(nameof(TicketRow.ReportedAt))} < {sql.GenerateParameterNamePlaceholder("to")}"
                    + $" AND ({T(nameof(TicketRow.LastEventAt))} >= {sql.GenerateParameterNamePlaceholder("from")}"
                    + $" OR {T(nameof(TicketRow.State))} NOT IN ('{nameof(TicketState.Closed)}', '{nameof(TicketState.Cancelled)}'))"
                    + $" ORDER BY {E(nameof(TicketEventRow.TicketId))}, {E(nameof(TicketEventRow.Version))}";
                var command = DbCommands.Create(context.Database, text);
                await using (command.ConfigureAwait(false))
                {
                    command.AddParameter(sql.GenerateParameterName("tenant"), DbType.String, tenantId);
                    command.AddParameter(sql.GenerateParameterName("to"), DbType.Int64, InstantToUnixNanosecondsConverter.ToUnixNanoseconds(to));
                    command.AddParameter(sql.GenerateParameterName("from"), DbType.Int64, InstantToUnixNanosecondsConverter.ToUnixNanoseconds(from));
                    var data = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
                    await using (data.ConfigureAwait(false))
                    {
                        var history = new List<TicketEventRow>();
                        while (await data.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            var row = Read(data, tenantId);
                            if (history.Count > 0 && !string.Equals(history[0].TicketId, row.TicketId, StringComparison.Ordinal))
                            {
                                yield return await tickets.RebuildAsync(history, cancellationToken).ConfigureAwait(false);
                                history = [];
                            }

                            history.Add(row);
                        }

                        if (history.Count > 0)
                        {
                            yield return await tickets.RebuildAsync(history, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }
            finally
            {
                streaming = false;
            }
        }

        public async Task<Ticket?> TicketAsync(string id, CancellationToken cancellationToken = default)
        {
            NotStreaming();
            if (id.Length is 0 or > 100)
            {
                return null;
            }

            var rows = await reader.ReadAsync(context, tenantId, id, cancellationToken).ConfigureAwait(false);
            return rows.Count == 0 ? null : await tickets.RebuildAsync(rows, cancellationToken).ConfigureAwait(false);
        }

        public async Task<IReadOnlyList<SatisfactionSurvey>> SurveysAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken = default)
        {
            NotStreaming();
            var rows = await context.Set<QualitySurveyRow>().AsNoTracking()
                .Where(s => s.TenantId == tenantId && s.AnsweredOn >= from && s.AnsweredOn <= to)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(QualityRows.ToSurvey)];
        }

        public async Task<IReadOnlyList<CustomerCallback>> CallbacksAsync(Instant from, Instant to, CancellationToken cancellationToken = default)
        {
            NotStreaming();
            var rows = await context.Set<QualityCallbackRow>().AsNoTracking()
                .Where(c => c.TenantId == tenantId && c.CalledAt >= from && c.CalledAt <= to)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(QualityRows.ToCallback)];
        }

        public async Task<IReadOnlyList<PartsShipment>> ShipmentsAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken = default)
        {
            NotStreaming();
            var rows = await context.Set<QualityShipmentRow>().AsNoTracking()
                .Where(s => s.TenantId == tenantId && s.ShippedOn >= from && s.ShippedOn <= to)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(QualityRows.ToShipment)];
        }

        public async Task<IReadOnlyList<string>> DeviceSerialsAsync(CancellationToken cancellationToken = default)
        {
            NotStreaming();
            return await context.Set<DeviceRow>().AsNoTracking().Where(d => d.TenantId == tenantId).Select(static d => d.SerialNumber)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        public async Task<IReadOnlyList<Complaint>> ComplaintsVerifiedAsync(Instant from, Instant to, CancellationToken cancellationToken = default)
        {
            NotStreaming();
            Instant? start = from, end = to;
            var rows = await context.Set<ComplaintRow>().AsNoTracking()
                .Where(c => c.TenantId == tenantId && c.VerifiedAt != null && c.VerifiedAt >= start && c.VerifiedAt <= end)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(EfCoreComplaintStore<TContext>.Rebuild)];
        }

        private static TicketEventRow Read(DbDataReader data, string tenantId) => new()
        {
            TenantId = tenantId,
            TicketId = data.GetString(0),
            Version = data.GetInt32(1),
            Kind = Enum.Parse<TicketEventKind>(data.GetString(2)),
            At = InstantToUnixNanosecondsConverter.FromUnixNanoseconds(data.GetInt64(3)),
            Payload = data.IsDBNull(4) ? null : data.GetString(4),
        };

        private void Enter()
        {
            NotStreaming();
            streaming = true;
        }

        private void NotStreaming()
        {
            if (streaming)
            {
                throw new InvalidOperationException("A snapshot runs one read at a time: finish enumerating TicketsAsync before another call.");
            }
        }
    }
}
