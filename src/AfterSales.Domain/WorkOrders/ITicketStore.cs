namespace AfterSales.WorkOrders;

/// <summary>
/// Where work orders live (工单存储): their events, appended with optimistic concurrency, and a
/// <see cref="TicketSummary"/> per ticket for queries. A port: <see cref="InMemoryTicketStore"/> is
/// the default for embedding and tests; adapters implement it over a database.
/// </summary>
/// <remarks>Implementations must be thread-safe and must append a save's events atomically: all or none.</remarks>
public interface ITicketStore
{
    /// <summary>Loads a work order, rebuilt from its events, or <see langword="null"/> when the tenant has none with that id.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="id">The work order.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    Task<Ticket?> LoadAsync(string tenantId, TicketId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends the events of <paramref name="ticket"/> after <paramref name="expectedVersion"/>
    /// atomically and refreshes its summary.
    /// </summary>
    /// <param name="ticket">The ticket with its new events.</param>
    /// <param name="expectedVersion">The version it was loaded at; 0 for a new ticket.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <exception cref="ConcurrencyConflictException">The stored version is not <paramref name="expectedVersion"/>; nothing was appended.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative or above the ticket's version.</exception>
    Task SaveAsync(Ticket ticket, int expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// The tenant's work orders whose next SLA warning or due instant (as of their last save) is at or
    /// before <paramref name="before"/> — those breaching or crossing a warning by then — soonest first.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="before">The horizon.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<TicketSummary>> ListDueBeforeAsync(string tenantId, Instant before, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the tenant's work orders matching <paramref name="query"/>, in the query's order
    /// (see <see cref="TicketQuery"/>), as summaries of their last save.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="query">The filters and the page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="ArgumentOutOfRangeException">The query's paging is out of range.</exception>
    Task<IReadOnlyList<TicketSummary>> ListAsync(string tenantId, TicketQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the tenant's open work orders (not closed or cancelled) in id order, after
    /// <paramref name="afterId"/> (keyset paging, so a walk over many tickets holds one page at a time
    /// and can resume from the last id seen), loaded whole.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="afterId">The last id of the previous page, or <see langword="null"/> for the first.</param>
    /// <param name="limit">At most this many, at least 1.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<Ticket>> ListOpenAsync(string tenantId, string? afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves several tickets, each as <see cref="SaveAsync"/> would (its new events after its expected
    /// version, atomically per ticket), in as few round trips as the store can; a ticket whose stored
    /// version moved is not saved and its id is returned, the others are.
    /// </summary>
    /// <param name="batch">The tickets with the versions they were loaded at.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The ids that conflicted.</returns>
    Task<IReadOnlyList<TicketId>> SaveAllAsync(IReadOnlyList<(Ticket Ticket, int ExpectedVersion)> batch, CancellationToken cancellationToken = default);
}
