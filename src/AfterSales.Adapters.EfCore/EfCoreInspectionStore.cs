using AfterSales.EntityFrameworkCore.Deadlines;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Quality.Inspections;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// An <see cref="IInspectionStore"/> over EF Core (EF Core 巡检存储), generic over the host's context:
/// a plan per row as a JSON document with a version token; a record per row with its subject and day
/// as columns and the rest as JSON. Loading rebuilds plans and records through their factories, so
/// they obey the same rules as ones built in memory.
/// </summary>
/// <remarks>Thread-safe: every call uses its own context. A stale plan save or a repeated record id is a <see cref="ConcurrencyConflictException"/>.
/// When events are formatted, a plan's save and a record's schedule or move each covered subject's
/// <see cref="Events.AfterSalesEventTypes.InspectionDue"/> notice in the same transaction (R-IN-1).</remarks>
/// <typeparam name="TContext">The host's context.</typeparam>
public sealed class EfCoreInspectionStore<TContext> : IInspectionStore
    where TContext : DbContext
{
    private readonly ContextSource<TContext> contexts;

    /// <summary>Schedules the plans' inspection-due notices in the saves' transactions; set by <c>UseEntityFrameworkCore</c> when events are formatted, otherwise none.</summary>
    internal InspectionDueNotices? Notices { get; init; }

    /// <summary>Creates a store that takes a new context from <paramref name="contextFactory"/> for every call.</summary>
    /// <param name="contextFactory">Creates the host's contexts.</param>
    public EfCoreInspectionStore(IDbContextFactory<TContext> contextFactory) => contexts = ContextSource<TContext>.From(contextFactory);

    /// <summary>Creates a store that resolves the context from a new DI scope for every call (for <c>AddDbContext</c> registrations).</summary>
    /// <param name="scopeFactory">Creates the scopes.</param>
    public EfCoreInspectionStore(IServiceScopeFactory scopeFactory) => contexts = ContextSource<TContext>.From(scopeFactory);

    /// <inheritdoc />
    public async Task<int> SavePlanAsync(string tenantId, InspectionPlan plan, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(plan);
        ContextSource<TContext>.Key(plan.Code, nameof(plan));
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        var row = new InspectionPlanRow { TenantId = tenantId, Code = plan.Code, Document = InspectionPayload.PlanJson(plan), Version = expectedVersion + 1 };
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            Instant? deadline = null;
            try
            {
                // The plan and its notices change together; behind every other write on SQLite (see SqliteWriter).
                await SqliteWriter.InTransactionAsync(
                    context,
                    async (transaction, ct) =>
                    {
                        var code = plan.Code;
                        var previous = Notices is null || expectedVersion == 0
                            ? null
                            : await context.Set<InspectionPlanRow>().AsNoTracking()
                                .Where(r => r.TenantId == tenantId && r.Code == code).Select(static r => r.Document)
                                .FirstOrDefaultAsync(ct).ConfigureAwait(false);
                        VersionedRows.Stage(context, row, expectedVersion);

                        await context.SaveChangesAsync(ct).ConfigureAwait(false);
                        if (Notices is { } notices)
                        {
                            var scheduled = await notices.ForPlanAsync(context, tenantId, previous is null ? null : InspectionPayload.Plan(code, previous), plan, ct).ConfigureAwait(false);
                            deadline = await DueNoticeWrites.WriteAsync(context, scheduled, notices.Formatter, ct).ConfigureAwait(false);
                        }

                        await transaction.CommitAsync(ct).ConfigureAwait(false);
                    },
                    cancellationToken).ConfigureAwait(false);
                Notices?.Signals?.DeadlineStored(deadline);
                return row.Version;
            }
            catch (DbUpdateException ex)
            {
                context.ChangeTracker.Clear();
                var code = plan.Code;
                var actual = await context.Set<InspectionPlanRow>().AsNoTracking()
                    .Where(r => r.TenantId == tenantId && r.Code == code).Select(static r => r.Version)
                    .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                if (ex is DbUpdateConcurrencyException || actual != expectedVersion)
                {
                    throw new ConcurrencyConflictException("inspection plan", plan.Code, expectedVersion, actual);
                }

                throw;
            }
        }
    }

    /// <inheritdoc />
    public async Task<Versioned<InspectionPlan>?> GetPlanAsync(string tenantId, string code, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ContextSource<TContext>.Key(code, nameof(code));
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var row = await context.Set<InspectionPlanRow>().AsNoTracking()
                .SingleOrDefaultAsync(r => r.TenantId == tenantId && r.Code == code, cancellationToken).ConfigureAwait(false);
            return row is null ? null : new Versioned<InspectionPlan>(InspectionPayload.Plan(row.Code, row.Document), row.Version);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Versioned<InspectionPlan>>> ListPlansAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var rows = await context.Set<InspectionPlanRow>().AsNoTracking().Where(r => r.TenantId == tenantId).ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.OrderBy(static r => r.Code, StringComparer.Ordinal).Select(static r => new Versioned<InspectionPlan>(InspectionPayload.Plan(r.Code, r.Document), r.Version))];
        }
    }

    /// <inheritdoc />
    public async Task AddRecordAsync(string tenantId, InspectionRecord record, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(record);
        ContextSource<TContext>.Key(record.Id, nameof(record));
        ContextSource<TContext>.Key(record.Subject.Id, nameof(record));
        var row = new InspectionRecordRow
        {
            TenantId = tenantId,
            Id = record.Id,
            SubjectKind = record.Subject.Kind.ToString(),
            SubjectId = record.Subject.Id,
            InspectedOn = record.InspectedOn,
            Document = InspectionPayload.RecordJson(record),
        };
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            context.Add(row);
            try
            {
                Instant? deadline = null;
                await SqliteWriter.InTransactionAsync(
                    context,
                    async (transaction, ct) =>
                    {
                        // The record and the notices it moves change together.
                        await context.SaveChangesAsync(ct).ConfigureAwait(false);
                        if (Notices is { } notices)
                        {
                            var scheduled = await notices.ForRecordAsync(context, tenantId, record.Subject, ct).ConfigureAwait(false);
                            deadline = await DueNoticeWrites.WriteAsync(context, scheduled, notices.Formatter, ct).ConfigureAwait(false);
                        }

                        await transaction.CommitAsync(ct).ConfigureAwait(false);
                    },
                    cancellationToken).ConfigureAwait(false);
                Notices?.Signals?.DeadlineStored(deadline);
            }
            catch (DbUpdateException)
            {
                context.ChangeTracker.Clear();
                var id = record.Id;
                if (await context.Set<InspectionRecordRow>().AsNoTracking().AnyAsync(r => r.TenantId == tenantId && r.Id == id, cancellationToken).ConfigureAwait(false))
                {
                    throw new ConcurrencyConflictException("inspection record", id, 0, 1);
                }

                throw;
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<InspectionRecord>> ListRecordsAsync(string tenantId, InspectionSubject? subject = null, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var rows = context.Set<InspectionRecordRow>().AsNoTracking().Where(r => r.TenantId == tenantId);
            if (subject is not null)
            {
                var kind = subject.Kind.ToString();
                var id = subject.Id;
                rows = rows.Where(r => r.SubjectKind == kind && r.SubjectId == id);
            }

            var list = await rows.ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. list.Select(InspectionPayload.Record).OrderBy(static r => r.InspectedOn).ThenBy(static r => r.Id, StringComparer.Ordinal)];
        }
    }
}
