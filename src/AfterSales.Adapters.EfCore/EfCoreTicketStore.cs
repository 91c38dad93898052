using System.Data.Common;
using System.Globalization;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.EntityFrameworkCore.Tickets;
using AfterSales.Events;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// An <see cref="ITicketStore"/> over EF Core (EF Core 工单存储), generic over the host's context: the
/// context must map AfterSales.Kit's tables (<c>modelBuilder.ApplyAfterSalesConfiguration()</c>, or
/// <see cref="AfterSalesDbContext"/>). Events are appended to an append-only table and the ticket's
/// row refreshed in one transaction: all or nothing.
/// </summary>
/// <remarks>
/// <para><b>Concurrency.</b> The row's version is the concurrency token: a save from version
/// <c>n</c> updates the row only <c>WHERE version = n</c>, and a new ticket inserts it. A stale
/// writer's update hits no row (or its insert hits the key), the transaction rolls back and a
/// <see cref="ConcurrencyConflictException"/> is thrown with the stored version; the unique (tenant,
/// ticket, version) key of the events is the final guard (a violation of it is the same conflict).</para>
/// <para><b>Thread safety.</b> Thread-safe: every call uses its own context (from the
/// <see cref="IDbContextFactory{TContext}"/>, or resolved from a new DI scope), so it can be a singleton.</para>
/// <para><b>Loading.</b> A ticket's events are read with one parameterised <c>SELECT</c> on the
/// context's connection (opened through EF Core, so connection interceptors run), not through EF
/// Core's query pipeline: command interceptors and EF Core's query logging do not see that read.</para>
/// <para><b>Saving.</b> Likewise the row and the events are written with parameterised commands on the
/// context's connection in a transaction begun through EF Core (or the context's current one), the
/// names taken from the model; not through change tracking and <c>SaveChanges</c>, so
/// <c>SaveChanges</c> and command interceptors do not see the save. On SQLite (one writer per file)
/// the store's saves are queued and run one at a time, in arrival order, by one loop; a save still
/// queued when its token is cancelled is not run.</para>
/// <para><b>Outbox.</b> Given an <see cref="IEventFormatter"/>, a save also writes its domain events
/// (<see cref="TicketDomainEvents.ForSave"/>: the ticket's new events and the clock thresholds newly
/// reached) into the outbox in the same transaction. As an <see cref="IDeadlineQueue"/> it serves the
/// deadline watcher: due tickets are claimed with leases and each visit writes the thresholds reached
/// and moves the next deadline in one transaction.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context.</typeparam>
public sealed class EfCoreTicketStore<TContext> : ITicketStore, IDeadlineQueue, ITicketStockStore, Entitlements.Warranty.IDeviceRepairLog
    where TContext : DbContext
{
    private const string Store = "tickets";

    private readonly TicketEventReader reader = new();
    private readonly TicketHistoryCache histories = new(DefaultCachedEvents);
    private readonly int cachedEvents = DefaultCachedEvents;
    private readonly TicketWriter writer = new();
    private readonly ContextSource<TContext> contexts;
    private readonly TicketRehydrator tickets;
    private readonly IClock clock;
    private readonly IEventFormatter? formatter;
    private readonly EventSignals? signals;

    /// <summary>
    /// The target (R-SP-1) the movements of a ticket save with a pool's ledger (lending a loaner) are checked against,
    /// as <see cref="EfCoreStockLedgerStore{TContext}.StockTarget"/> is for the ledger store's own saves.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: no <see cref="AfterSalesEventTypes.StockBelowTarget"/> events (<c>UseEntityFrameworkCore</c> sets <c>AfterSalesOptions.StockTarget</c>).</value>
    public Entitlements.Spares.ReplenishmentPolicy? StockTarget { get; init; }

    /// <summary>The default of <see cref="CachedEvents"/>.</summary>
    public const int DefaultCachedEvents = 100_000;

    /// <summary>
    /// How many events of the tickets it loaded the store keeps in memory (least recently used first out), so
    /// the next load of one of them reads only the events stored since and does not check the known ones again.
    /// A load still reads from the database every time (other nodes' writes are always seen); 0 keeps none.
    /// </summary>
    /// <value>The default is <see cref="DefaultCachedEvents"/> (100 000).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int CachedEvents
    {
        get => cachedEvents;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            cachedEvents = value;
            histories = new TicketHistoryCache(value);
        }
    }

    /// <summary>Creates a store that takes a new context from <paramref name="contextFactory"/> for every call.</summary>
    /// <param name="contextFactory">Creates the host's contexts.</param>
    /// <param name="catalog">Where the policies tickets are pinned to are found when loading.</param>
    /// <param name="clock">The clock loaded tickets timestamp their events from and summaries are computed at.</param>
    /// <param name="formatter">Formats the events written into the outbox; without one no events are written.</param>
    /// <param name="signals">Wakes this node's watcher and dispatcher after a commit; optional.</param>
    public EfCoreTicketStore(IDbContextFactory<TContext> contextFactory, ISlaPolicyCatalog catalog, IClock clock, IEventFormatter? formatter = null, EventSignals? signals = null)
        : this(ContextSource<TContext>.From(contextFactory), new SlaTermsResolver(catalog, new Calendars.InMemoryCalendarCatalog(Calendars.CalendarPresets.All, clock)), clock, formatter, signals)
    {
    }

    /// <summary>Creates a store that takes a new context from <paramref name="contextFactory"/> for every call.</summary>
    /// <param name="contextFactory">Creates the host's contexts.</param>
    /// <param name="terms">Where the policy and calendar versions tickets are pinned to are found when loading.</param>
    /// <param name="clock">The clock loaded tickets timestamp their events from and summaries are computed at.</param>
    /// <param name="formatter">Formats the events written into the outbox; without one no events are written.</param>
    /// <param name="signals">Wakes this node's watcher and dispatcher after a commit; optional.</param>
    public EfCoreTicketStore(IDbContextFactory<TContext> contextFactory, SlaTermsResolver terms, IClock clock, IEventFormatter? formatter = null, EventSignals? signals = null)
        : this(ContextSource<TContext>.From(contextFactory), terms, clock, formatter, signals)
    {
    }

    /// <summary>Creates a store that resolves the context from a new DI scope for every call (for <c>AddDbContext</c> registrations).</summary>
    /// <param name="scopeFactory">Creates the scopes.</param>
    /// <param name="terms">Where the policy and calendar versions tickets are pinned to are found when loading.</param>
    /// <param name="clock">The clock loaded tickets timestamp their events from and summaries are computed at.</param>
    /// <param name="formatter">Formats the events written into the outbox; without one no events are written.</param>
    /// <param name="signals">Wakes this node's watcher and dispatcher after a commit; optional.</param>
    public EfCoreTicketStore(IServiceScopeFactory scopeFactory, SlaTermsResolver terms, IClock clock, IEventFormatter? formatter = null, EventSignals? signals = null)
        : this(ContextSource<TContext>.From(scopeFactory), terms, clock, formatter, signals)
    {
    }

    /// <summary>Creates a store that resolves the context from a new DI scope for every call (for <c>AddDbContext</c> registrations).</summary>
    /// <param name="scopeFactory">Creates the scopes.</param>
    /// <param name="catalog">Where the policies tickets are pinned to are found when loading.</param>
    /// <param name="clock">The clock loaded tickets timestamp their events from and summaries are computed at.</param>
    /// <param name="formatter">Formats the events written into the outbox; without one no events are written.</param>
    /// <param name="signals">Wakes this node's watcher and dispatcher after a commit; optional.</param>
    public EfCoreTicketStore(IServiceScopeFactory scopeFactory, ISlaPolicyCatalog catalog, IClock clock, IEventFormatter? formatter = null, EventSignals? signals = null)
        : this(ContextSource<TContext>.From(scopeFactory), new SlaTermsResolver(catalog, new Calendars.InMemoryCalendarCatalog(Calendars.CalendarPresets.All, clock)), clock, formatter, signals)
    {
    }

    private EfCoreTicketStore(ContextSource<TContext> contexts, SlaTermsResolver terms, IClock clock, IEventFormatter? formatter, EventSignals? signals)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(clock);
        this.contexts = contexts;
        this.clock = clock;
        this.formatter = formatter;
        this.signals = signals;
        tickets = new TicketRehydrator(terms, clock);
    }

    /// <inheritdoc />
    public Task<Ticket?> LoadAsync(string tenantId, TicketId id, CancellationToken cancellationToken = default) =>
        StoreTelemetry.RunAsync(Store, "load", tenantId, () => LoadCoreAsync(tenantId, id, cancellationToken));

    /// <inheritdoc />
    public Task SaveAsync(Ticket ticket, int expectedVersion, CancellationToken cancellationToken = default) =>
        StoreTelemetry.RunAsync(Store, "save", ticket?.TenantId, async () =>
        {
            await SaveCoreAsync(ticket!, expectedVersion, cancellationToken).ConfigureAwait(false);
            return true;
        });

    /// <inheritdoc />
    /// <remarks>One transaction on one context: the ledger's movements and its position's balance, then the
    /// ticket's version-checked row and events (on SQLite, one turn of the writer loop). Either conflict rolls
    /// both back and throws <see cref="ConcurrencyConflictException"/> naming the one that moved.</remarks>
    public Task SaveAsync(Ticket ticket, int expectedVersion, Entitlements.Spares.StockLedger ledger, int expectedLedgerVersion, CancellationToken cancellationToken = default) =>
        StoreTelemetry.RunAsync(Store, "save", ticket?.TenantId, async () =>
        {
            await SaveWithStockCoreAsync(ticket!, expectedVersion, ledger, expectedLedgerVersion, cancellationToken).ConfigureAwait(false);
            return true;
        });

    /// <inheritdoc />
    public Task<IReadOnlyList<TicketSummary>> ListDueBeforeAsync(string tenantId, Instant before, CancellationToken cancellationToken = default) =>
        StoreTelemetry.RunAsync(Store, "list_due", tenantId, () => ListDueBeforeCoreAsync(tenantId, before, cancellationToken));

    private async Task<Ticket?> LoadCoreAsync(string tenantId, TicketId id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            if (histories.Find(tenantId, id.Value) is { } known)
            {
                // The events since the last known one, that one included (to see it is still there).
                var tail = await reader.ReadAsync(context, tenantId, id.Value, known.Length, cancellationToken).ConfigureAwait(false);
                if (TicketHistoryCache.Extend(known, tail) is { } history)
                {
                    var ticket = await tickets.Terms.RebuildAsync(history, clock, known.Length, cancellationToken).ConfigureAwait(false);
                    if (history != known)
                    {
                        histories.Remember(tenantId, id.Value, history);
                    }

                    return ticket;
                }

                histories.Forget(tenantId, id.Value);
            }

            var rows = await reader.ReadAsync(context, tenantId, id.Value, cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                return null;
            }

            var events = TicketRehydrator.ToEvents(rows);
            var rebuilt = await tickets.Terms.RebuildAsync(events, clock, cancellationToken).ConfigureAwait(false);
            histories.Remember(tenantId, id.Value, events);
            return rebuilt;
        }
    }

    private async Task SaveCoreAsync(Ticket ticket, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (expectedVersion < 0 || expectedVersion > ticket.Version)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion,
                $"expectedVersion must be 0 to the ticket's version {ticket.Version}, was {expectedVersion}.");
        }

        var (row, events, outbox, notices) = ToRows(ticket, expectedVersion, clock.GetCurrentInstant());

        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            // SQLite has one writer per file: queue writers here, around the write only, instead of
            // letting them spin on SQLITE_BUSY inside the driver; one loop runs the queued writes in
            // arrival order, back to back.
            bool written;
            try
            {
                written = await SqliteWriter.RunAsync(context, ct => writer.WriteAsync(context, row, expectedVersion, events, outbox, notices, formatter, ct), cancellationToken).ConfigureAwait(false);
            }
            catch (DbException)
            {
                // A concurrent writer got there first (the ticket's key or the events' unique
                // (tenant, ticket, version) key) when the stored version moved; anything else is rethrown.
                var stored = await StoredVersionAsync(context, row.TenantId, row.Id, cancellationToken).ConfigureAwait(false);
                if (stored != expectedVersion)
                {
                    throw new ConcurrencyConflictException(ticket.Id, expectedVersion, stored);
                }

                throw;
            }

            if (!written)
            {
                var stored = await StoredVersionAsync(context, row.TenantId, row.Id, cancellationToken).ConfigureAwait(false);
                throw new ConcurrencyConflictException(ticket.Id, expectedVersion, stored);
            }
        }

        Signal(row.NextDeadline, outbox.Count, notices);
    }

    private void Signal(Instant? deadline, int events, IReadOnlyList<DueNotice> notices)
    {
        if (signals is not null)
        {
            signals.DeadlineStored(deadline);
            foreach (var notice in notices)
            {
                signals.DeadlineStored(notice.Event?.OccurredAt);
            }

            if (events > 0)
            {
                signals.EventsStored();
            }
        }
    }

    private async Task SaveWithStockCoreAsync(Ticket ticket, int expectedVersion, Entitlements.Spares.StockLedger ledger, int expectedLedgerVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(expectedVersion, ticket.Version);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedLedgerVersion);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(expectedLedgerVersion, ledger.Version);
        var (row, events, ticketOutbox, notices) = ToRows(ticket, expectedVersion, clock.GetCurrentInstant());

        // The ticket's events and the pool's stock events (moved, below target) go to the outbox in the one transaction.
        IReadOnlyList<DomainEvent> outbox = ticketOutbox;

        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            async Task<bool> WriteAsync(CancellationToken ct)
            {
                var database = context.Database;
                await database.OpenConnectionAsync(ct).ConfigureAwait(false);
                try
                {
                    await using var transaction = await database.BeginTransactionAsync(ct).ConfigureAwait(false);
                    try
                    {
                        await StockLedgerWrites.WriteAsync(context, ticket.TenantId, ledger, expectedLedgerVersion, ct).ConfigureAwait(false);
                        if (formatter is not null)
                        {
                            outbox = [.. ticketOutbox, .. await StockLedgerWrites.EventsAsync(context, ticket.TenantId, ledger, expectedLedgerVersion, StockTarget, ct).ConfigureAwait(false)];
                        }

                        if (!await writer.WriteAsync(context, row, expectedVersion, events, outbox, notices, formatter, ct).ConfigureAwait(false))
                        {
                            await transaction.RollbackAsync(ct).ConfigureAwait(false);
                            return false;
                        }

                        await transaction.CommitAsync(ct).ConfigureAwait(false);
                        return true;
                    }
                    catch
                    {
                        await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                        throw;
                    }
                }
                finally
                {
                    context.ChangeTracker.Clear();
                    await database.CloseConnectionAsync().ConfigureAwait(false);
                }
            }

            bool written;
            try
            {
                written = await SqliteWriter.RunAsync(context, WriteAsync, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DbException or DbUpdateException)
            {
                // Name the one that moved: the ledger (its key or its position) or the ticket.
                var storedLedger = await StockLedgerWrites.StoredVersionAsync(context, ticket.TenantId, ledger, cancellationToken).ConfigureAwait(false);
                if (e is ConcurrencyConflictException || storedLedger != expectedLedgerVersion)
                {
                    throw StockLedgerWrites.Conflict(ledger, expectedLedgerVersion, storedLedger);
                }

                var stored = await StoredVersionAsync(context, row.TenantId, row.Id, cancellationToken).ConfigureAwait(false);
                if (stored != expectedVersion)
                {
                    throw new ConcurrencyConflictException(ticket.Id, expectedVersion, stored);
                }

                throw;
            }

            if (!written)
            {
                throw new ConcurrencyConflictException(ticket.Id, expectedVersion, await StoredVersionAsync(context, row.TenantId, row.Id, cancellationToken).ConfigureAwait(false));
            }
        }

        Signal(row.NextDeadline, outbox.Count, notices);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Ticket>> ListOpenAsync(string tenantId, string? afterId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            return await TicketListQueries.ListOpenAsync(context, tickets, tenantId, afterId, limit, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>One transaction for the whole batch (on SQLite, one turn of the writer loop): each ticket's
    /// row is updated only where its stored version is the expected one, and only then are its events
    /// written. New tickets (expected version 0) are inserted; one whose id exists fails the whole batch
    /// with the database's exception, as the batch is meant for bulk work on tickets the caller loaded.</remarks>
    public async Task<IReadOnlyList<TicketId>> SaveAllAsync(IReadOnlyList<(Ticket Ticket, int ExpectedVersion)> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return [];
        }

        var now = clock.GetCurrentInstant();
        var saves = new List<(TicketRow, int, TicketEventRow[])>(batch.Count);
        var outbox = new List<IReadOnlyList<DomainEvent>>(batch.Count);
        var notices = new List<IReadOnlyList<DueNotice>>(batch.Count);
        foreach (var (ticket, expected) in batch)
        {
            if (expected < 0 || expected > ticket.Version)
            {
                throw new ArgumentOutOfRangeException(nameof(batch), expected, $"batch: the expected version of '{ticket.Id}' must be 0 to its version {ticket.Version}, was {expected}.");
            }

            var (row, events, published, scheduled) = ToRows(ticket, expected, now);
            saves.Add((row, expected, events));
            outbox.Add(published);
            notices.Add(scheduled);
        }

        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            // On SQLite the batch takes one turn of the writer loop, as a single save does.
            var skipped = await SqliteWriter.RunAsync(context, ct => writer.WriteManyAsync(context, saves, outbox, notices, formatter, ct), cancellationToken).ConfigureAwait(false);

            for (var i = 0; i < saves.Count; i++)
            {
                if (!skipped.Contains(i))
                {
                    Signal(saves[i].Item1.NextDeadline, outbox[i].Count, notices[i]);
                }
            }

            return [.. skipped.Select(i => batch[i].Ticket.Id)];
        }
    }

    private async Task<IReadOnlyList<TicketSummary>> ListDueBeforeCoreAsync(string tenantId, Instant before, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            return await TicketListQueries.ListDueBeforeAsync(context, tickets, tenantId, before, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due work orders of every tenant — next deadline at or
    /// before <paramref name="now"/>, not claimed by a live lease — soonest first, stamping
    /// <paramref name="claimant"/> and a lease until <paramref name="now"/> + <paramref name="leaseDuration"/>.
    /// Several nodes may call it at once: no ticket is handed to two claimants while a lease lives.
    /// </summary>
    /// <remarks>
    /// PostgreSQL: one <c>UPDATE … WHERE (key) IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING</c> in a
    /// transaction, so concurrent claimers skip each other's rows instead of waiting or double-claiming.
    /// SQLite: the same statement in an immediate (write-locked) transaction — one writer at a time.
    /// Other providers are not supported.
    /// </remarks>
    /// <param name="now">The instant deadlines are compared with.</param>
    /// <param name="batchSize">At most this many, at least 1.</param>
    /// <param name="claimant">The claiming node's name, not blank, at most 200 characters.</param>
    /// <param name="leaseDuration">How long the claim excludes other claimants; positive.</param>
    /// <param name="cancellationToken">Cancels the claim; nothing is claimed then.</param>
    /// <returns>The claimed tickets, soonest deadline first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> or <paramref name="leaseDuration"/> is out of range.</exception>
    /// <exception cref="NotSupportedException">The provider is neither PostgreSQL nor SQLite.</exception>
    public async Task<IReadOnlyList<DueTicketClaim>> ClaimDueAsync(Instant now, int batchSize, string claimant, Duration leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(claimant);
        if (claimant.Length > 200)
        {
            throw new ArgumentException($"claimant must be at most 200 characters, was {claimant.Length.ToString(CultureInfo.InvariantCulture)}.", nameof(claimant));
        }

        if (leaseDuration <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(leaseDuration), leaseDuration, $"leaseDuration must be positive, was {leaseDuration}.");
        }

        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            return await DueTicketClaims.ClaimAsync(context, now, batchSize, claimant, now + leaseDuration, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Ends a claim once its ticket was processed: reloads the ticket, recomputes its next deadline as
    /// of the clock's current instant (so a passed deadline no longer counts as due) and clears the
    /// claim. Does nothing when the claim was lost (its lease ran out and someone else claimed it).
    /// </summary>
    /// <param name="claim">A claim from <see cref="ClaimDueAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the claim was still held and is now released.</returns>
    public async Task<bool> CompleteClaimAsync(DueTicketClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var ticket = await LoadAsync(claim.TenantId, claim.Id, cancellationToken).ConfigureAwait(false);
        var summary = ticket is null ? null : TicketSummary.Of(ticket, clock.GetCurrentInstant());
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            return await DueTicketClaims.CompleteAsync(context, claim, summary, ticket?.Version ?? 0, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>State, severity and the due horizon are filtered in SQL; the site name is in the report
    /// event's payload, so with a site filter the candidates' report events are read and matched here.</remarks>
    public Task<IReadOnlyList<TicketSummary>> ListAsync(string tenantId, TicketQuery query, CancellationToken cancellationToken = default) =>
        StoreTelemetry.RunAsync(Store, "list", tenantId, () => ListCoreAsync(tenantId, query, cancellationToken));

    private async Task<IReadOnlyList<TicketSummary>> ListCoreAsync(string tenantId, TicketQuery query, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            return await TicketListQueries.ListAsync(context, tickets, tenantId, query, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>The resolve events of the tickets on the serial number, through the tickets' (tenant, device) index.</remarks>
    public async Task<IReadOnlyList<Entitlements.Warranty.DeviceRepair>> ListRepairsAsync(string tenantId, string serialNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(serialNumber);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            return await DeviceRepairQueries.ListAsync(context, tenantId, serialNumber, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<int> StoredVersionAsync(TContext context, string tenantId, string id, CancellationToken cancellationToken) =>
        context.Set<TicketRow>()
            .AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.Id == id)
            .Select(static r => r.Version)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The rows of a save and, given a formatter, its domain events (with the summary they were evaluated with).</summary>
    private (TicketRow Row, TicketEventRow[] Events, IReadOnlyList<DomainEvent> Outbox, IReadOnlyList<DueNotice> Notices) ToRows(Ticket ticket, int expectedVersion, Instant now)
    {
        TicketSummary summary;
        IReadOnlyList<DomainEvent> outbox = [];
        IReadOnlyList<DueNotice> notices = [];
        if (formatter is null)
        {
            summary = TicketSummary.Of(ticket, now);
        }
        else
        {
            var evaluation = TicketDomainEvents.ForSave(ticket, expectedVersion, now);
            summary = evaluation.Summary;
            outbox = evaluation.Events;
            notices = DueNotices.ForTicketSave(ticket, expectedVersion);
        }

        var row = new TicketRow
        {
            TenantId = ticket.TenantId,
            Id = ticket.Id.Value,
            State = summary.State,
            SeverityCode = summary.SeverityCode,
            PolicyKey = summary.PolicyKey,
            DeviceSerialNumber = summary.DeviceSerialNumber,
            ReportedAt = summary.ReportedAt,
            LastEventAt = summary.LastEventAt,
            AsOf = summary.AsOf,
            NextDeadline = summary.NextDeadline,
            IsLegacyIssue = summary.IsLegacyIssue,
            IsProvisional = summary.IsProvisional,
            Version = ticket.Version,
        };

        var events = new TicketEventRow[ticket.Events.Count - expectedVersion];
        for (var i = expectedVersion; i < ticket.Events.Count; i++)
        {
            events[i - expectedVersion] = EventMapper.ToRow(ticket.TenantId, ticket.Events[i]);
        }

        return (row, events, outbox, notices);
    }
    /// <inheritdoc />
    async Task<IReadOnlyList<DeadlineClaim>> IDeadlineQueue.ClaimDueAsync(Instant now, int batchSize, string claimant, Duration lease, CancellationToken cancellationToken)
    {
        CheckClaim(batchSize, claimant, lease);
        var until = now + lease;
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var rows = await SqliteWriter.RunAsync(context, ct => DueTicketClaims.ClaimRowsAsync(context, now, batchSize, claimant, until, strict: true, ct), cancellationToken).ConfigureAwait(false);
            return
            [
                .. rows.Select(r => new DeadlineClaim(
                    r.TenantId,
                    r.Id,
                    r.Version,
                    InstantToUnixNanosecondsConverter.FromUnixNanoseconds(r.NextDeadline),
                    InstantToUnixNanosecondsConverter.FromUnixNanoseconds(r.AsOf),
                    claimant,
                    until)),
            ];
        }
    }

    /// <inheritdoc />
    async Task<int> IDeadlineQueue.ProcessAsync(DeadlineClaim claim, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var rows = await reader.ReadAsync(context, claim.TenantId, claim.Key, cancellationToken).ConfigureAwait(false);
            var ticket = rows.Count == claim.Version ? await tickets.RebuildAsync(rows, cancellationToken).ConfigureAwait(false) : null;

            // Saved since the claim (or gone): the save published what it reached; only let go.
            var evaluation = ticket is null ? null : TicketDomainEvents.ForDeadline(ticket, claim.Since, now);
            var summary = evaluation?.Summary;
            IReadOnlyList<DomainEvent> events = evaluation?.Events ?? [];
            var written = await SqliteWriter.RunAsync(context, ct => TicketDeadlines.WriteAsync(context, claim, summary, events, formatter, ct), cancellationToken).ConfigureAwait(false);
            if (signals is not null && written > 0)
            {
                signals.EventsStored();
            }

            return written;
        }
    }

    /// <inheritdoc />
    async Task<Instant?> IDeadlineQueue.NextDeadlineAsync(Instant now, CancellationToken cancellationToken)
    {
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            return await TicketDeadlines.NextAsync(context, now, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void CheckClaim(int batchSize, string claimant, Duration leaseDuration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(claimant);
        if (claimant.Length > 200)
        {
            throw new ArgumentException($"claimant must be at most 200 characters, was {claimant.Length.ToString(CultureInfo.InvariantCulture)}.", nameof(claimant));
        }

        if (leaseDuration <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(leaseDuration), leaseDuration, $"leaseDuration must be positive, was {leaseDuration}.");
        }
    }
}
