using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Deadlines;
using AfterSales.EntityFrameworkCore.Outbox;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Events;
using AfterSales.Quality.Complaints;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// An <see cref="IComplaintStore"/> over EF Core (EF Core 投诉存储), generic over the host's context:
/// one <see cref="ComplaintRow"/> per complaint with its fields and a version.
/// </summary>
/// <remarks>
/// <para><b>Loading</b> rebuilds the complaint through its own intents (file, then the recorded
/// reply, verification, answer, solution, last verdict and closing), so a loaded complaint obeys the
/// same rules as one built in memory and equals the saved one field for field.</para>
/// <para><b>Concurrency.</b> The row's version is EF Core's concurrency token: a save from version
/// <c>n</c> updates the row only <c>WHERE version = n</c> (to <c>n + 1</c>) and a new complaint inserts
/// it; a stale writer hits no row (or the key) and gets a <see cref="ConcurrencyConflictException"/>.</para>
/// <para><b>Outbox.</b> Given an <see cref="IEventFormatter"/>, a save writes its events
/// (<see cref="AggregateDomainEvents.ForComplaintSave"/>: filed, closed) into the outbox in its transaction.</para>
/// <para><b>Thread safety.</b> Thread-safe: every call uses its own context.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context.</typeparam>
public sealed class EfCoreComplaintStore<TContext> : IComplaintStore
    where TContext : DbContext
{
    private readonly ContextSource<TContext> contexts;
    private readonly IEventFormatter? formatter;
    private readonly EventSignals? signals;

    /// <summary>Schedules each saved complaint's next escalation notice in the save's transaction; set by <c>UseEntityFrameworkCore</c> when events are formatted, otherwise none.</summary>
    internal ComplaintEscalationNotices? EscalationNotices { get; init; }

    /// <summary>Creates a store that takes a new context from <paramref name="contextFactory"/> for every call.</summary>
    /// <param name="contextFactory">Creates the host's contexts.</param>
    /// <param name="formatter">Formats the events written into the outbox; without one no events are written.</param>
    /// <param name="signals">Wakes this node's dispatcher after a commit; optional.</param>
    public EfCoreComplaintStore(IDbContextFactory<TContext> contextFactory, IEventFormatter? formatter = null, EventSignals? signals = null)
    {
        contexts = ContextSource<TContext>.From(contextFactory);
        this.formatter = formatter;
        this.signals = signals;
    }

    /// <summary>Creates a store that resolves the context from a new DI scope for every call (for <c>AddDbContext</c> registrations).</summary>
    /// <param name="scopeFactory">Creates the scopes.</param>
    /// <param name="formatter">Formats the events written into the outbox; without one no events are written.</param>
    /// <param name="signals">Wakes this node's dispatcher after a commit; optional.</param>
    public EfCoreComplaintStore(IServiceScopeFactory scopeFactory, IEventFormatter? formatter = null, EventSignals? signals = null)
    {
        contexts = ContextSource<TContext>.From(scopeFactory);
        this.formatter = formatter;
        this.signals = signals;
    }

    /// <inheritdoc />
    public async Task<Versioned<Complaint>?> LoadAsync(string tenantId, string complaintId, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ContextSource<TContext>.Key(complaintId, nameof(complaintId));
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var row = await context.Set<ComplaintRow>()
                .AsNoTracking()
                .SingleOrDefaultAsync(c => c.TenantId == tenantId && c.Id == complaintId, cancellationToken)
                .ConfigureAwait(false);
            return row is null ? null : new Versioned<Complaint>(Rebuild(row), row.Version);
        }
    }

    /// <inheritdoc />
    public async Task<int> SaveAsync(string tenantId, Complaint complaint, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(complaint);
        ContextSource<TContext>.Key(complaint.Id, nameof(complaint));
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        var row = ToRow(tenantId, complaint, expectedVersion + 1);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            VersionedRows.Stage(context, row, expectedVersion);

            try
            {
                var events = formatter is null ? [] : AggregateDomainEvents.ForComplaintSave(tenantId, complaint, expectedVersion, wasClosed: false);
                if (EscalationNotices is { } notices)
                {
                    // The complaint, its events and its next escalation's notice change together (R-CP-5).
                    var notice = notices.ForSave(tenantId, complaint);
                    Instant? deadline = null;
                    await SqliteWriter.InTransactionAsync(
                        context,
                        async (transaction, ct) =>
                        {
                            await context.SaveChangesAsync(ct).ConfigureAwait(false);
                            await OutboxWriter.WriteAsync(context, transaction, events, formatter!, ct).ConfigureAwait(false);
                            deadline = await DueNoticeWrites.WriteAsync(context, [notice], notices.Formatter, ct).ConfigureAwait(false);
                            await transaction.CommitAsync(ct).ConfigureAwait(false);
                        },
                        cancellationToken).ConfigureAwait(false);
                    notices.Signals?.DeadlineStored(deadline);
                }
                else
                {
                    await OutboxSaves.SaveChangesAsync(context, events, formatter, cancellationToken).ConfigureAwait(false);
                }

                if (events.Count > 0)
                {
                    signals?.EventsStored();
                }

                return row.Version;
            }
            catch (DbUpdateException ex)
            {
                context.ChangeTracker.Clear();
                var id = complaint.Id;
                var actual = await context.Set<ComplaintRow>()
                    .AsNoTracking()
                    .Where(c => c.TenantId == tenantId && c.Id == id)
                    .Select(static c => c.Version)
                    .FirstOrDefaultAsync(cancellationToken)
                    .ConfigureAwait(false);
                if (ex is DbUpdateConcurrencyException || actual != expectedVersion)
                {
                    throw new ConcurrencyConflictException("complaint", complaint.Id, expectedVersion, actual);
                }

                throw;
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Versioned<Complaint>>> ListOpenAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var rows = await context.Set<ComplaintRow>()
                .AsNoTracking()
                .Where(c => c.TenantId == tenantId && c.Status == ComplaintStatus.Open)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return
            [
                .. rows
                    .Select(static r => new Versioned<Complaint>(Rebuild(r), r.Version))
                    .OrderBy(static c => c.Value.FiledAt)
                    .ThenBy(static c => c.Value.Id, StringComparer.Ordinal),
            ];
        }
    }

    private static ComplaintRow ToRow(string tenantId, Complaint c, int version) => new()
    {
        TenantId = tenantId,
        Id = c.Id,
        WorkOrderId = c.WorkOrderId,
        EngineerId = c.EngineerId,
        FiledAt = c.FiledAt,
        Summary = c.Summary,
        Status = c.Status,
        FirstRepliedAt = c.FirstRepliedAt,
        VerifiedAt = c.VerifiedAt,
        EngineerResponsible = c.EngineerResponsible,
        FormallyAnsweredAt = c.FormallyAnsweredAt,
        SolvedAt = c.SolvedAt,
        VerdictAt = c.VerdictAt,
        CustomerSatisfied = c.CustomerSatisfied,
        ClosedAt = c.ClosedAt,
        Version = version,
    };

    internal static Complaint Rebuild(ComplaintRow r)
    {
        var c = Complaint.File(r.Id, r.WorkOrderId, r.EngineerId, r.FiledAt, r.Summary);
        if (r.FirstRepliedAt is { } replied)
        {
            c = c.RecordFirstReply(replied);
        }

        if (r.VerifiedAt is { } verified)
        {
            c = c.RecordVerification(verified, r.EngineerResponsible ?? false);
        }

        if (r.FormallyAnsweredAt is { } answered)
        {
            c = c.RecordFormalAnswer(answered);
        }

        if (r.SolvedAt is { } solved)
        {
            c = c.RecordSolved(solved);
        }

        if (r.VerdictAt is { } verdict)
        {
            c = c.RecordCustomerVerdict(verdict, r.CustomerSatisfied ?? false);
        }

        if (r.ClosedAt is { } closed)
        {
            c = c.Close(closed);
        }

        return c;
    }
}
