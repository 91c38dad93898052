using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Outbox;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Events;
using AfterSales.Entitlements.Spares;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// An <see cref="IStockLedgerStore"/> over EF Core (EF Core 备件台账存储), generic over the host's
/// context: a ledger is its rows in the append-only <see cref="StockMovementRow"/> table, keyed by
/// (tenant, centre, part, version); the balance is their sum, rebuilt on load, and kept in a
/// <see cref="StockPositionRow"/> written with them for the replenishment run. Given a formatter, each save writes
/// its events into the outbox in its transaction: <see cref="AfterSalesEventTypes.StockMoved"/> per movement and, given a
/// <see cref="StockTarget"/>, <see cref="AfterSalesEventTypes.StockBelowTarget"/> for a movement that crosses it.
/// </summary>
/// <remarks>
/// <para><b>Concurrency.</b> A save from version <c>n</c> first checks that the stored version is
/// <c>n</c>, then inserts versions <c>n + 1 …</c> in one <c>SaveChanges</c> (one transaction). Two
/// writers from the same version insert the same key: the database lets one commit and the other's
/// whole save rolls back and throws <see cref="ConcurrencyConflictException"/>. So two issues decided on
/// one balance can never both be stored and stock never goes negative.</para>
/// <para><b>Thread safety.</b> Thread-safe: every call uses its own context.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context.</typeparam>
public sealed class EfCoreStockLedgerStore<TContext> : IStockLedgerStore
    where TContext : DbContext
{
    private readonly ContextSource<TContext> contexts;
    private readonly IEventFormatter? formatter;
    private readonly EventSignals? signals;

    /// <summary>Creates a store that takes a new context from <paramref name="contextFactory"/> for every call.</summary>
    /// <param name="contextFactory">Creates the host's contexts.</param>
    /// <param name="formatter">Formats the events written into the outbox (one <see cref="AfterSalesEventTypes.StockMoved"/> per movement); without one no events are written.</param>
    /// <param name="signals">Wakes this node's dispatcher after a commit; optional.</param>
    public EfCoreStockLedgerStore(IDbContextFactory<TContext> contextFactory, IEventFormatter? formatter = null, EventSignals? signals = null)
    {
        contexts = ContextSource<TContext>.From(contextFactory);
        this.formatter = formatter;
        this.signals = signals;
    }

    /// <summary>Creates a store that resolves the context from a new DI scope for every call (for <c>AddDbContext</c> registrations).</summary>
    /// <param name="scopeFactory">Creates the scopes.</param>
    /// <param name="formatter">Formats the events written into the outbox; without one no events are written.</param>
    /// <param name="signals">Wakes this node's dispatcher after a commit; optional.</param>
    public EfCoreStockLedgerStore(IServiceScopeFactory scopeFactory, IEventFormatter? formatter = null, EventSignals? signals = null)
    {
        contexts = ContextSource<TContext>.From(scopeFactory);
        this.formatter = formatter;
        this.signals = signals;
    }

    /// <summary>
    /// The target (R-SP-1) each save's movements are checked against: a movement that takes the stock from at or above it
    /// to below it writes an <see cref="AfterSalesEventTypes.StockBelowTarget"/> into the outbox with its
    /// <see cref="AfterSalesEventTypes.StockMoved"/>, against the installed base the device registry keeps.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: no such events (<c>UseEntityFrameworkCore</c> sets <c>AfterSalesOptions.StockTarget</c>).</value>
    public ReplenishmentPolicy? StockTarget { get; init; }

    /// <inheritdoc />
    public async Task<StockLedger> LoadAsync(string tenantId, string centreId, string partNumber, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ContextSource<TContext>.Key(centreId, nameof(centreId));
        ContextSource<TContext>.Key(partNumber, nameof(partNumber));
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var rows = await context.Set<StockMovementRow>()
                .AsNoTracking()
                .Where(m => m.TenantId == tenantId && m.CentreId == centreId && m.PartNumber == partNumber)
                .OrderBy(static m => m.Version)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            var ledger = StockLedger.Open(centreId, partNumber);
            foreach (var row in rows)
            {
                ledger = Replay(ledger, row);
            }

            return ledger;
        }
    }

    /// <inheritdoc />
    public async Task SaveAsync(string tenantId, StockLedger ledger, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(ledger);
        ContextSource<TContext>.Key(ledger.CentreId, nameof(ledger));
        ContextSource<TContext>.Key(ledger.PartNumber, nameof(ledger));
        if (expectedVersion < 0 || expectedVersion > ledger.Version)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion,
                $"expectedVersion must be 0 to the ledger's version {ledger.Version}, was {expectedVersion}.");
        }

        if (expectedVersion == ledger.Version)
        {
            return;
        }

        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            // The movements and the position's balance in one transaction, behind every other write on SQLite.
            await SqliteWriter.InTransactionAsync(
                context,
                async (transaction, ct) =>
                {
                    try
                    {
                        await StockLedgerWrites.WriteAsync(context, tenantId, ledger, expectedVersion, ct).ConfigureAwait(false);
                        var events = formatter is null ? [] : await StockLedgerWrites.EventsAsync(context, tenantId, ledger, expectedVersion, StockTarget, ct).ConfigureAwait(false);
                        if (formatter is not null && events.Count > 0)
                        {
                            // The stock events in the movements' own transaction (the outbox).
                            await OutboxWriter.WriteAsync(context, transaction, events, formatter, ct).ConfigureAwait(false);
                        }

                        await transaction.CommitAsync(ct).ConfigureAwait(false);
                        if (events.Count > 0)
                        {
                            signals?.EventsStored();
                        }
                    }
                    catch (Exception e) when (e is ConcurrencyConflictException or DbUpdateException)
                    {
                        await transaction.RollbackAsync(ct).ConfigureAwait(false);
                        context.ChangeTracker.Clear();
                        var actual = await StockLedgerWrites.StoredVersionAsync(context, tenantId, ledger, ct).ConfigureAwait(false);
                        if (e is ConcurrencyConflictException || actual != expectedVersion)
                        {
                            throw StockLedgerWrites.Conflict(ledger, expectedVersion, actual);
                        }

                        throw;
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
    }

    private static StockLedger Replay(StockLedger ledger, StockMovementRow row) => row.Kind switch
    {
        StockMovementKind.Received => ledger.Receive(row.Quantity, row.By, row.At, row.Note),
        StockMovementKind.IssuedToWorkOrder => ledger.IssueToWorkOrder(row.Quantity, row.WorkOrderId!, row.By, row.At),
        StockMovementKind.LoanerIssued => ledger.IssueLoaner(row.Quantity, row.WorkOrderId!, row.By, row.At),
        StockMovementKind.Returned => ledger.Return(row.Quantity, row.By, row.At, row.WorkOrderId),
        StockMovementKind.Scrapped => ledger.Scrap(row.Quantity, row.By, row.At, row.Note),
        _ => throw new InvalidOperationException($"Stock movement {row.CentreId}/{row.PartNumber} v{row.Version} has an unknown kind {row.Kind}."),
    };
}
