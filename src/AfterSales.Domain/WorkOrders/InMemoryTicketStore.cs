using AfterSales.Events;
using AfterSales.Internal;

namespace AfterSales.WorkOrders;

/// <summary>
/// An <see cref="ITicketStore"/> in memory (内存工单存储), for embedding and tests. Thread-safe with
/// one lock; the version check and the append happen under it, so of two writers saving from the
/// same version exactly one wins and the other gets a <see cref="ConcurrencyConflictException"/>.
/// Events are immutable and the store keeps its own lists, so callers cannot change what is stored.
/// Given an <see cref="InMemoryEventLog"/> and an <see cref="IEventFormatter"/>, a save appends its domain
/// events to the log under the same lock, and the store serves the deadline watcher as an <see cref="IDeadlineQueue"/>.
/// </summary>
public sealed class InMemoryTicketStore : ITicketStore, IDeadlineQueue, Entitlements.Warranty.IDeviceRepairLog
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Tenant, TicketId Id), Entry> tickets = [];
    private readonly SlaTermsResolver terms;
    private readonly IClock clock;
    private readonly InMemoryEventLog? log;
    private readonly IEventFormatter? formatter;
    private readonly EventSignals? signals;

    /// <summary>Creates an empty store whose tickets count on their policies' own calendars and the shared presets.</summary>
    /// <param name="catalog">Where the policies tickets are pinned to are found when loading.</param>
    /// <param name="clock">The clock loaded tickets timestamp their events from, and summaries are computed at.</param>
    public InMemoryTicketStore(ISlaPolicyCatalog catalog, IClock clock)
        : this(new SlaTermsResolver(catalog, new Calendars.InMemoryCalendarCatalog(Calendars.CalendarPresets.All, clock)), clock)
    {
    }

    /// <summary>Creates an empty store.</summary>
    /// <param name="terms">Where the policy and calendar versions tickets are pinned to are found when loading.</param>
    /// <param name="clock">The clock loaded tickets timestamp their events from, and summaries are computed at.</param>
    /// <param name="log">Where saves append their domain events; none when <see langword="null"/>.</param>
    /// <param name="formatter">Formats the appended events; none are appended without it.</param>
    /// <param name="signals">Wakes this process's watcher and dispatcher after a save; optional.</param>
    public InMemoryTicketStore(SlaTermsResolver terms, IClock clock, InMemoryEventLog? log = null, IEventFormatter? formatter = null, EventSignals? signals = null)
    {
        this.terms = Guard.NotNull(terms);
        this.clock = Guard.NotNull(clock);
        this.log = log;
        this.formatter = formatter;
        this.signals = signals;
    }

    /// <summary>The number of events stored for a ticket (0 when unknown): for diagnostics and tests.</summary>
    public int EventCount(string tenantId, TicketId id)
    {
        lock (gate)
        {
            return tickets.TryGetValue((tenantId, id), out var entry) ? entry.Events.Count : 0;
        }
    }

    /// <inheritdoc />
    public async Task<Ticket?> LoadAsync(string tenantId, TicketId id, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        cancellationToken.ThrowIfCancellationRequested();
        TicketEvent[] history;
        lock (gate)
        {
            if (!tickets.TryGetValue((tenantId, id), out var entry))
            {
                return null;
            }

            history = [.. entry.Events];
        }

        return await terms.RebuildAsync(history, clock, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Ticket>> ListOpenAsync(string tenantId, string? afterId, int limit, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.Positive(limit);
        cancellationToken.ThrowIfCancellationRequested();
        List<TicketEvent[]> histories;
        lock (gate)
        {
            histories =
            [
                .. tickets
                    .Where(p => string.Equals(p.Key.Tenant, tenantId, StringComparison.Ordinal)
                        && (afterId is null || string.CompareOrdinal(p.Key.Id.Value, afterId) > 0)
                        && p.Value.Summary!.State is not (TicketState.Closed or TicketState.Cancelled))
                    .OrderBy(static p => p.Key.Id.Value, StringComparer.Ordinal)
                    .Take(limit)
                    .Select(static p => p.Value.Events.ToArray()),
            ];
        }

        var result = new List<Ticket>(histories.Count);
        foreach (var history in histories)
        {
            result.Add(await terms.RebuildAsync(history, clock, cancellationToken).ConfigureAwait(false));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TicketId>> SaveAllAsync(IReadOnlyList<(Ticket Ticket, int ExpectedVersion)> batch, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(batch);
        var conflicts = new List<TicketId>();
        foreach (var (ticket, expected) in batch)
        {
            try
            {
                await SaveAsync(ticket, expected, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException)
            {
                conflicts.Add(ticket.Id);
            }
        }

        return conflicts;
    }

    /// <inheritdoc />
    public Task SaveAsync(Ticket ticket, int expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(ticket);
        if (expectedVersion < 0 || expectedVersion > ticket.Version)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion,
                $"expectedVersion must be 0 to the ticket's version {ticket.Version}, was {expectedVersion}.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var added = ticket.Events.Skip(expectedVersion).ToArray();
        var publish = log is not null && formatter is not null;
        var evaluation = publish ? TicketDomainEvents.ForSave(ticket, expectedVersion, clock.GetCurrentInstant()) : null;
        var summary = evaluation?.Summary ?? TicketSummary.Of(ticket, clock.GetCurrentInstant());
        var key = (ticket.TenantId, ticket.Id);
        lock (gate)
        {
            var actual = tickets.TryGetValue(key, out var entry) ? entry.Events.Count : 0;
            if (actual != expectedVersion)
            {
                throw new ConcurrencyConflictException(ticket.Id, expectedVersion, actual);
            }

            if (entry is null)
            {
                entry = new Entry();
                tickets.Add(key, entry);
            }

            entry.Events.AddRange(added);
            entry.Summary = summary;
            if (evaluation is not null)
            {
                log!.Append(evaluation.Events, formatter!);
            }
        }

        signals?.DeadlineStored(summary.NextDeadline);
        if (evaluation?.Events.Count > 0)
        {
            signals?.EventsStored();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DeadlineClaim>> ClaimDueAsync(Instant now, int batchSize, string claimant, Duration lease, CancellationToken cancellationToken = default)
    {
        Guard.Positive(batchSize);
        Guard.NotBlank(claimant);
        lock (gate)
        {
            var due = tickets
                .Where(p => p.Value.Summary!.NextDeadline < now && (p.Value.ClaimedUntil is null || p.Value.ClaimedUntil <= now))
                .OrderBy(static p => p.Value.Summary!.NextDeadline)
                .Take(batchSize)
                .ToList();
            IReadOnlyList<DeadlineClaim> claims =
            [
                .. due.Select(p =>
                {
                    p.Value.ClaimedBy = claimant;
                    p.Value.ClaimedUntil = now + lease;
                    var s = p.Value.Summary!;
                    return new DeadlineClaim(p.Key.Tenant, p.Key.Id.Value, s.Version, s.NextDeadline!.Value, s.AsOf, claimant, now + lease);
                }),
            ];
            return Task.FromResult(claims);
        }
    }

    /// <inheritdoc />
    public async Task<int> ProcessAsync(DeadlineClaim claim, Instant now, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(claim);
        var ticket = await LoadAsync(claim.TenantId, TicketId.From(claim.Key), cancellationToken).ConfigureAwait(false);
        var evaluation = ticket is null || ticket.Version != claim.Version ? null : TicketDomainEvents.ForDeadline(ticket, claim.Since, now);
        var written = 0;
        lock (gate)
        {
            if (!tickets.TryGetValue((claim.TenantId, TicketId.From(claim.Key)), out var entry) || entry.ClaimedBy != claim.Claimant)
            {
                return 0;
            }

            entry.ClaimedBy = null;
            entry.ClaimedUntil = null;
            if (evaluation is not null && entry.Events.Count == claim.Version)
            {
                entry.Summary = evaluation.Summary;
                if (log is not null && formatter is not null)
                {
                    written = log.Append(evaluation.Events, formatter);
                }
            }
        }

        if (written > 0)
        {
            signals?.EventsStored();
        }

        return written;
    }

    /// <inheritdoc />
    public Task<Instant?> NextDeadlineAsync(Instant now, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(tickets.Values
                .Where(e => e.Summary!.NextDeadline is not null && (e.ClaimedUntil is null || e.ClaimedUntil <= now))
                .Min(static e => e.Summary!.NextDeadline));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TicketSummary>> ListDueBeforeAsync(string tenantId, Instant before, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            IReadOnlyList<TicketSummary> due =
            [
                .. tickets
                    .Where(p => string.Equals(p.Key.Tenant, tenantId, StringComparison.Ordinal) && p.Value.Summary!.NextDeadline <= before)
                    .Select(static p => p.Value.Summary!)
                    .OrderBy(static s => s.NextDeadline)
                    .ThenBy(static s => s.Id.Value, StringComparer.Ordinal),
            ];
            return Task.FromResult(due);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TicketSummary>> ListAsync(string tenantId, TicketQuery query, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(query);
        query.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var matching = tickets
                .Where(p => string.Equals(p.Key.Tenant, tenantId, StringComparison.Ordinal)
                    && query.Matches(p.Value.Summary!, p.Value.Events[0].Report!.Site.Name)
                    && (query.Engineer is null || p.Value.Events.Any(e => e.Kind == TicketEventKind.Dispatched && string.Equals(e.Engineer, query.Engineer, StringComparison.Ordinal))))
                .Select(static p => p.Value.Summary!);
            var ordered = query.DueBefore is null
                ? matching.OrderByDescending(static s => s.ReportedAt).ThenBy(static s => s.Id.Value, StringComparer.Ordinal)
                : matching.OrderBy(static s => s.NextDeadline).ThenBy(static s => s.Id.Value, StringComparer.Ordinal);
            IReadOnlyList<TicketSummary> page = [.. ordered.Skip(query.Offset).Take(query.Limit)];
            return Task.FromResult(page);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Entitlements.Warranty.DeviceRepair>> ListRepairsAsync(string tenantId, string serialNumber, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotBlank(serialNumber);
        List<TicketEvent[]> histories;
        lock (gate)
        {
            histories =
            [
                .. tickets.Where(p => string.Equals(p.Key.Tenant, tenantId, StringComparison.Ordinal)
                        && string.Equals(p.Value.Events[0].Report!.DeviceSerialNumber, serialNumber, StringComparison.Ordinal))
                    .Select(static p => p.Value.Events.ToArray()),
            ];
        }

        IReadOnlyList<Entitlements.Warranty.DeviceRepair> repairs =
        [
            .. histories.SelectMany(static h => h.Where(static e => e.Kind is TicketEventKind.Resolved or TicketEventKind.ResolvedRemotely)
                    .Select(e => new Entitlements.Warranty.DeviceRepair(h[0].TicketId.Value, e.At, e.Repair?.PartNumber, e.Repair?.Unfixable ?? false)))
                .OrderBy(static r => r.At)
                .ThenBy(static r => r.WorkOrderId, StringComparer.Ordinal),
        ];
        return Task.FromResult(repairs);
    }

    /// <summary>Every ticket of the tenant, rebuilt from a copy of its events taken under the lock, for the in-memory quality snapshot.</summary>
    internal async Task<List<Ticket>> AllAsync(string tenantId, CancellationToken cancellationToken)
    {
        List<TicketEvent[]> histories;
        lock (gate)
        {
            histories = [.. tickets.Where(p => p.Key.Tenant == tenantId).Select(static p => p.Value.Events.ToArray())];
        }

        var all = new List<Ticket>(histories.Count);
        foreach (var history in histories)
        {
            all.Add(await terms.RebuildAsync(history, clock, cancellationToken).ConfigureAwait(false));
        }

        return all;
    }

    private sealed class Entry
    {
        public List<TicketEvent> Events { get; } = [];

        public TicketSummary? Summary { get; set; }

        public string? ClaimedBy { get; set; }

        public Instant? ClaimedUntil { get; set; }
    }
}
