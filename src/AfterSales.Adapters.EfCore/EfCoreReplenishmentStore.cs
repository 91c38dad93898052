using System.Buffers;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Outbox;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Entitlements.Spares;
using AfterSales.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// An <see cref="IReplenishmentStore"/> over EF Core (EF Core 备件补充存储), generic over the host's
/// context: per centre and part, one <see cref="StockPositionRow"/> holding the balance the ledger store
/// keeps (less the movements since the instant asked about) and the installed base the device registry
/// keeps; and one <see cref="ReplenishmentRunRow"/> per tenant, month and centre.
/// </summary>
/// <remarks>
/// <para><b>Scale.</b> 200 centres × 5 000 part types are a million position rows, read in one query:
/// streamed with a raw command on the context's connection into a list of four integers per row and two
/// dense arrays (8 MB), never materialised as entities. A centre's orders are one JSON array on its run's row, so a
/// month's run writes one row per centre.</para>
/// <para><b>Idempotency.</b> Runs are inserted with <c>ON CONFLICT DO NOTHING</c> on their key: a centre
/// run twice, or by two nodes at once, keeps the first run.</para>
/// <para><b>Events.</b> Given a formatter, a centre's run stored now with orders writes one
/// <see cref="AfterSalesEventTypes.ReplenishmentOrdered"/> into the outbox in the run's transaction; a centre already
/// stored writes none (and its id, from tenant, month and centre, is the stored one's anyway).</para>
/// <para><b>Thread safety.</b> Thread-safe: every call uses its own context.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context.</typeparam>
public sealed class EfCoreReplenishmentStore<TContext> : IReplenishmentStore
    where TContext : DbContext
{
    private readonly ContextSource<TContext> contexts;
    private readonly IEventFormatter? formatter;
    private readonly EventSignals? signals;

    /// <summary>Creates a store that takes a new context from <paramref name="contextFactory"/> for every call.</summary>
    /// <param name="contextFactory">Creates the host's contexts.</param>
    /// <param name="formatter">Formats the events written into the outbox (one <see cref="AfterSalesEventTypes.ReplenishmentOrdered"/> per centre run stored with orders); without one no events are written.</param>
    /// <param name="signals">Wakes this node's dispatcher after a commit; optional.</param>
    public EfCoreReplenishmentStore(IDbContextFactory<TContext> contextFactory, IEventFormatter? formatter = null, EventSignals? signals = null)
    {
        contexts = ContextSource<TContext>.From(contextFactory);
        this.formatter = formatter;
        this.signals = signals;
    }

    /// <summary>Creates a store that resolves the context from a new DI scope for every call (for <c>AddDbContext</c> registrations).</summary>
    /// <param name="scopeFactory">Creates the scopes.</param>
    /// <param name="formatter">Formats the events written into the outbox; without one no events are written.</param>
    /// <param name="signals">Wakes this node's dispatcher after a commit; optional.</param>
    public EfCoreReplenishmentStore(IServiceScopeFactory scopeFactory, IEventFormatter? formatter = null, EventSignals? signals = null)
    {
        contexts = ContextSource<TContext>.From(scopeFactory);
        this.formatter = formatter;
        this.signals = signals;
    }

    /// <inheritdoc />
    public async Task<StockPositions> LoadPositionsAsync(string tenantId, Instant asOf, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var positions = StoreNames.Of(context, typeof(StockPositionRow));
            var movements = StoreNames.Of(context, typeof(StockMovementRow));
            var p = positions.Sql;
            var tenant = p.GenerateParameterNamePlaceholder("tenant");
            var since = p.GenerateParameterNamePlaceholder("since");
            var centres = new Ids();
            var parts = new Ids();
            var rows = new List<(int Centre, int Part, int OnHand, int Installed)>();
            var later = new List<(int Centre, int Part, int Units)>();
            var database = context.Database;
            await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var command = DbCommands.Create(database,
                    $"SELECT {positions.Column(nameof(StockPositionRow.CentreId))}, {positions.Column(nameof(StockPositionRow.PartNumber))}, "
                    + $"{positions.Column(nameof(StockPositionRow.OnHand))}, {positions.Column(nameof(StockPositionRow.InstalledBase))} "
                    + $"FROM {positions.Table} WHERE {positions.Column(nameof(StockPositionRow.TenantId))} = {tenant} "
                    + $"AND ({positions.Column(nameof(StockPositionRow.Version))} > 0 OR {positions.Column(nameof(StockPositionRow.InstalledBase))} > 0)");
                await using (command.ConfigureAwait(false))
                {
                    command.AddParameter(p.GenerateParameterName("tenant"), DbType.String, tenantId);
                    var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            rows.Add((centres.Of(reader.GetString(0)), parts.Of(reader.GetString(1)), reader.GetInt32(2), reader.GetInt32(3)));
                        }
                    }
                }

                // Movements from the instant asked about on are taken back off the balances.
                var kind = movements.Column(nameof(StockMovementRow.Kind));
                var quantity = movements.Column(nameof(StockMovementRow.Quantity));
                var sinceCommand = DbCommands.Create(database,
                    $"SELECT {movements.Column(nameof(StockMovementRow.CentreId))}, {movements.Column(nameof(StockMovementRow.PartNumber))}, "
                    + $"SUM(CASE WHEN {kind} IN ('{nameof(StockMovementKind.Received)}', '{nameof(StockMovementKind.Returned)}') THEN {quantity} ELSE -{quantity} END) "
                    + $"FROM {movements.Table} WHERE {movements.Column(nameof(StockMovementRow.TenantId))} = {tenant} AND {movements.Column(nameof(StockMovementRow.At))} >= {since} "
                    + $"GROUP BY {movements.Column(nameof(StockMovementRow.CentreId))}, {movements.Column(nameof(StockMovementRow.PartNumber))}");
                await using (sinceCommand.ConfigureAwait(false))
                {
                    sinceCommand.AddParameter(p.GenerateParameterName("tenant"), DbType.String, tenantId);
                    sinceCommand.AddParameter(p.GenerateParameterName("since"), DbType.Int64, InstantToUnixNanosecondsConverter.ToUnixNanoseconds(asOf));
                    var reader = await sinceCommand.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            later.Add((centres.Of(reader.GetString(0)), parts.Of(reader.GetString(1)), checked((int)reader.GetInt64(2))));
                        }
                    }
                }
            }
            finally
            {
                await database.CloseConnectionAsync().ConfigureAwait(false);
            }

            // Ordinal order of ids, so runs and reports read the same way on every store.
            var (centreIds, centreOrder) = centres.Sorted();
            var (partIds, partOrder) = parts.Sorted();
            var onHand = new int[checked(centreIds.Length * partIds.Length)];
            var installedBase = new int[onHand.Length];
            foreach (var (c, part, units, installed) in rows)
            {
                var cell = (centreOrder[c] * partIds.Length) + partOrder[part];
                onHand[cell] = units;
                installedBase[cell] = Math.Max(installed, 0);
            }

            foreach (var (c, part, units) in later)
            {
                onHand[(centreOrder[c] * partIds.Length) + partOrder[part]] -= units;
            }

            return StockPositions.Create(centreIds, partIds, onHand, installedBase);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReplenishmentCentreRun>> ListRunsAsync(string tenantId, YearMonth month, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        var key = MonthKey(month);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var rows = await context.Set<ReplenishmentRunRow>().AsNoTracking()
                .Where(r => r.TenantId == tenantId && r.Month == key)
                .Select(static r => new { r.CentreId, r.RanAt, r.CellsChecked, r.OrderCount, r.TotalUnits })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return [.. rows.OrderBy(static r => r.CentreId, StringComparer.Ordinal)
                .Select(r => ReplenishmentCentreRun.Summary(month, r.CentreId, r.RanAt, r.CellsChecked, r.OrderCount, r.TotalUnits))];
        }
    }

    /// <inheritdoc />
    public async Task<ReplenishmentCentreRun?> FindRunAsync(string tenantId, YearMonth month, string centreId, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ContextSource<TContext>.Key(centreId, nameof(centreId));
        var key = MonthKey(month);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var row = await context.Set<ReplenishmentRunRow>().AsNoTracking()
                .SingleOrDefaultAsync(r => r.TenantId == tenantId && r.Month == key && r.CentreId == centreId, cancellationToken)
                .ConfigureAwait(false);
            return row is null ? null : new ReplenishmentCentreRun(month, row.CentreId, row.RanAt, row.CellsChecked, ReadOrders(month, row.CentreId, row.Orders));
        }
    }

    /// <inheritdoc />
    public async Task<int> SaveRunsAsync(string tenantId, IReadOnlyList<ReplenishmentCentreRun> runs, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(runs);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var names = StoreNames.Of(context, typeof(ReplenishmentRunRow));
            var columns = new[]
            {
                nameof(ReplenishmentRunRow.TenantId), nameof(ReplenishmentRunRow.Month), nameof(ReplenishmentRunRow.CentreId), nameof(ReplenishmentRunRow.RanAt),
                nameof(ReplenishmentRunRow.CellsChecked), nameof(ReplenishmentRunRow.OrderCount), nameof(ReplenishmentRunRow.TotalUnits), nameof(ReplenishmentRunRow.Orders),
            };
            var placeholders = columns.Select((_, i) => names.Sql.GenerateParameterNamePlaceholder("r" + i.ToString(CultureInfo.InvariantCulture)));
            var sql = $"INSERT INTO {names.Table} ({string.Join(", ", columns.Select(names.Column))}) VALUES ({string.Join(", ", placeholders)}) "
                + $"ON CONFLICT ({names.Column(nameof(ReplenishmentRunRow.TenantId))}, {names.Column(nameof(ReplenishmentRunRow.Month))}, {names.Column(nameof(ReplenishmentRunRow.CentreId))}) DO NOTHING";
            var database = context.Database;
            var events = 0;
            var stored = await SqliteWriter.InTransactionAsync(context, async (transaction, ct) =>
            {
                events = 0;
                var outbox = formatter is null ? null : new List<DomainEvent>();
                var command = DbCommands.Create(database, sql, transaction);
                await using (command.ConfigureAwait(false))
                {
                    var parameters = columns.Select((_, i) => command.AddParameter(names.Sql.GenerateParameterName("r" + i.ToString(CultureInfo.InvariantCulture)), DbType.String, null)).ToArray();
                    parameters[0].Value = tenantId;
                    parameters[1].DbType = DbType.Int32;
                    parameters[3].DbType = DbType.Int64;
                    parameters[4].DbType = DbType.Int32;
                    parameters[5].DbType = DbType.Int32;
                    parameters[6].DbType = DbType.Int64;
                    var stored = 0;
                    foreach (var run in runs)
                    {
                        ContextSource<TContext>.Key(run.CentreId, nameof(runs));
                        parameters[1].Value = MonthKey(run.Month);
                        parameters[2].Value = run.CentreId;
                        parameters[3].Value = InstantToUnixNanosecondsConverter.ToUnixNanoseconds(run.RanAt);
                        parameters[4].Value = run.CellsChecked;
                        parameters[5].Value = run.OrderCount;
                        parameters[6].Value = run.TotalUnits;
                        parameters[7].Value = WriteOrders(run.Orders);
                        var inserted = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                        stored += inserted;

                        // Only a run stored now has its event: a centre already run keeps its run, and its event.
                        if (inserted == 1 && outbox is not null)
                        {
                            outbox.AddRange(AggregateDomainEvents.ForReplenishmentRun(tenantId, run));
                        }
                    }

                    if (outbox is { Count: > 0 })
                    {
                        events = await OutboxWriter.WriteAsync(context, transaction, outbox, formatter!, ct).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                    return stored;
                }
            }, cancellationToken).ConfigureAwait(false);
            if (events > 0)
            {
                signals?.EventsStored();
            }

            return stored;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StockReportLine>> ReportAsync(string tenantId, string centreId, Interval month, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ContextSource<TContext>.Key(centreId, nameof(centreId));
        var start = month.Start;
        var end = month.End;
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var parts = await context.Set<StockPositionRow>().AsNoTracking()
                .Where(b => b.TenantId == tenantId && b.CentreId == centreId && b.Version > 0)
                .Select(static b => new { b.PartNumber, Balance = b.OnHand })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            var page = parts.OrderBy(static b => b.PartNumber, StringComparer.Ordinal).Skip(offset).Take(limit).ToList();
            if (page.Count == 0)
            {
                return [];
            }

            // The page's movements since the month began: in the month by kind, and all of them to take the balance back.
            var numbers = page.Select(static b => b.PartNumber).ToList();
            var since = await context.Set<StockMovementRow>().AsNoTracking()
                .Where(m => m.TenantId == tenantId && m.CentreId == centreId && numbers.Contains(m.PartNumber) && m.At >= start)
                .GroupBy(static m => new { m.PartNumber, m.Kind })
                .Select(g => new { g.Key.PartNumber, g.Key.Kind, InMonth = g.Sum(m => m.At < end ? m.Quantity : 0), All = g.Sum(static m => m.Quantity) })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            var lines = new List<StockReportLine>(page.Count);
            foreach (var part in page)
            {
                int received = 0, issued = 0, loaned = 0, returned = 0, scrapped = 0, signedSinceStart = 0;
                foreach (var sum in since.Where(s => string.Equals(s.PartNumber, part.PartNumber, StringComparison.Ordinal)))
                {
                    var adds = sum.Kind is StockMovementKind.Received or StockMovementKind.Returned;
                    signedSinceStart += adds ? sum.All : -sum.All;
                    switch (sum.Kind)
                    {
                        case StockMovementKind.Received: received = sum.InMonth; break;
                        case StockMovementKind.IssuedToWorkOrder: issued = sum.InMonth; break;
                        case StockMovementKind.LoanerIssued: loaned = sum.InMonth; break;
                        case StockMovementKind.Returned: returned = sum.InMonth; break;
                        case StockMovementKind.Scrapped: scrapped = sum.InMonth; break;
                    }
                }

                lines.Add(StockReportLine.FromTotals(centreId, part.PartNumber, part.Balance - signedSinceStart, received, issued, loaned, returned, scrapped));
            }

            return lines;
        }
    }

    private static int MonthKey(YearMonth month) => (month.Year * 100) + month.Month;

    // A compact array per order: part, quantity, on hand, target — a fifth of named objects' size.
    private static string WriteOrders(IReadOnlyList<ReplenishmentOrder> orders)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, orders.Count * 24));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var order in orders)
            {
                json.WriteStartArray();
                json.WriteStringValue(order.PartNumber);
                json.WriteNumberValue(order.Quantity);
                json.WriteNumberValue(order.OnHand);
                json.WriteNumberValue(order.Target);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static List<ReplenishmentOrder> ReadOrders(YearMonth month, string centreId, string text)
    {
        var orders = new List<ReplenishmentOrder>();
        var json = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
        json.Read();
        while (json.Read() && json.TokenType == JsonTokenType.StartArray)
        {
            json.Read();
            var part = json.GetString()!;
            json.Read();
            var quantity = json.GetInt32();
            json.Read();
            var onHand = json.GetInt32();
            json.Read();
            var target = json.GetInt32();
            json.Read();
            orders.Add(new ReplenishmentOrder(month, centreId, part, quantity, onHand, target));
        }

        return orders;
    }

    /// <summary>Ids seen while streaming, numbered in arrival order, then sorted ordinally.</summary>
    private sealed class Ids
    {
        private readonly Dictionary<string, int> numbers = new(StringComparer.Ordinal);
        private readonly List<string> ids = [];

        public int Of(string id)
        {
            if (!numbers.TryGetValue(id, out var number))
            {
                number = ids.Count;
                numbers.Add(id, number);
                ids.Add(id);
            }

            return number;
        }

        /// <summary>The ids in ordinal order, and for each arrival number its place in that order.</summary>
        public (string[] Ids, int[] Order) Sorted()
        {
            var sorted = ids.ToArray();
            Array.Sort(sorted, StringComparer.Ordinal);
            var order = new int[ids.Count];
            for (var i = 0; i < sorted.Length; i++)
            {
                order[numbers[sorted[i]]] = i;
            }

            return (sorted, order);
        }
    }
}
