using AfterSales.Quality.Complaints;
using AfterSales.WorkOrders;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// Reads what quality figures need from one consistent snapshot of the stores (质量数据快照): work
/// orders, the records kept against them, registered devices and complaints, all as they stood at
/// one moment, so a report never counts a work order twice or misses one while others are being
/// written. The EF Core adapter reads in one read-only transaction (repeatable read on PostgreSQL,
/// a deferred read transaction on SQLite's write-ahead log); <see cref="InMemoryQualitySnapshotSource"/>
/// copies the in-memory stores.
/// </summary>
public interface IQualitySnapshotSource
{
    /// <summary>Opens a snapshot of <paramref name="tenantId"/>'s data, runs <paramref name="read"/> on it and closes it.</summary>
    /// <typeparam name="T">What <paramref name="read"/> returns.</typeparam>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="read">Reads from the snapshot; the snapshot is valid only until it returns.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<T> ReadAsync<T>(string tenantId, Func<IQualitySnapshot, CancellationToken, Task<T>> read, CancellationToken cancellationToken = default);
}

/// <summary>
/// One tenant's data as it stood at one moment (<see cref="IQualitySnapshotSource"/>). Calls run one
/// at a time: finish enumerating <see cref="TicketsAsync"/> before calling anything else.
/// </summary>
public interface IQualitySnapshot
{
    /// <summary>
    /// The work orders whose life overlaps <paramref name="from"/> … <paramref name="to"/>: reported
    /// before <paramref name="to"/> and either not closed or cancelled, or with an event at or after
    /// <paramref name="from"/>. Ordered by id, streamed: one at a time in memory.
    /// </summary>
    IAsyncEnumerable<Ticket> TicketsAsync(Instant from, Instant to, CancellationToken cancellationToken = default);

    /// <summary>One work order, or <see langword="null"/>.</summary>
    Task<Ticket?> TicketAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The surveys answered on <paramref name="from"/> … <paramref name="to"/> (inclusive).</summary>
    Task<IReadOnlyList<SatisfactionSurvey>> SurveysAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken = default);

    /// <summary>The callbacks made in <paramref name="from"/> … <paramref name="to"/> (inclusive).</summary>
    Task<IReadOnlyList<CustomerCallback>> CallbacksAsync(Instant from, Instant to, CancellationToken cancellationToken = default);

    /// <summary>The parts shipments shipped on <paramref name="from"/> … <paramref name="to"/> (inclusive).</summary>
    Task<IReadOnlyList<PartsShipment>> ShipmentsAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken = default);

    /// <summary>The serial numbers of the tenant's registered devices.</summary>
    Task<IReadOnlyList<string>> DeviceSerialsAsync(CancellationToken cancellationToken = default);

    /// <summary>The complaints verified in <paramref name="from"/> … <paramref name="to"/> (inclusive).</summary>
    Task<IReadOnlyList<Complaint>> ComplaintsVerifiedAsync(Instant from, Instant to, CancellationToken cancellationToken = default);
}
