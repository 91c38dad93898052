using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.People;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// An <see cref="IEngineerStore"/> over EF Core (EF Core 工程师与值班表存储), generic over the host's
/// context: an engineer per row (listed by centre from the (tenant, centre, id) index), a centre's rota
/// per row with its shifts as JSON. Loading rebuilds both through their factories, so they obey the
/// same rules as ones built in memory.
/// </summary>
/// <remarks>Thread-safe: every call uses its own context. A stale save is a <see cref="ConcurrencyConflictException"/>.</remarks>
/// <typeparam name="TContext">The host's context.</typeparam>
public sealed class EfCoreEngineerStore<TContext> : IEngineerStore
    where TContext : DbContext
{
    private readonly ContextSource<TContext> contexts;

    /// <summary>Creates a store that takes a new context from <paramref name="contextFactory"/> for every call.</summary>
    /// <param name="contextFactory">Creates the host's contexts.</param>
    public EfCoreEngineerStore(IDbContextFactory<TContext> contextFactory) => contexts = ContextSource<TContext>.From(contextFactory);

    /// <summary>Creates a store that resolves the context from a new DI scope for every call (for <c>AddDbContext</c> registrations).</summary>
    /// <param name="scopeFactory">Creates the scopes.</param>
    public EfCoreEngineerStore(IServiceScopeFactory scopeFactory) => contexts = ContextSource<TContext>.From(scopeFactory);

    /// <inheritdoc />
    public Task<int> SaveEngineerAsync(string tenantId, Engineer engineer, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(engineer);
        var row = new EngineerRow
        {
            TenantId = tenantId,
            Id = engineer.Id,
            Name = engineer.Name,
            CentreId = engineer.CentreId,
            Contact = engineer.Contact,
            Skills = PeoplePayload.SkillsJson(engineer),
            Version = expectedVersion + 1,
        };
        return SaveAsync(row, expectedVersion, "engineer", engineer.Id,
            (set, ct) => set.AsNoTracking().Where(r => r.TenantId == tenantId && r.Id == engineer.Id).Select(static r => r.Version).FirstOrDefaultAsync(ct),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Versioned<Engineer>?> GetEngineerAsync(string tenantId, string engineerId, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ContextSource<TContext>.Key(engineerId, nameof(engineerId));
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var row = await context.Set<EngineerRow>().AsNoTracking()
                .SingleOrDefaultAsync(r => r.TenantId == tenantId && r.Id == engineerId, cancellationToken).ConfigureAwait(false);
            return row is null ? null : ToEngineer(row);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Versioned<Engineer>>> ListEngineersAsync(string tenantId, string? centreId, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var rows = context.Set<EngineerRow>().AsNoTracking().Where(r => r.TenantId == tenantId);
            if (centreId is not null)
            {
                rows = rows.Where(r => r.CentreId == centreId);
            }

            // By id as the database collates it: ordinal on SQLite; a paging order, not a display order.
            var page = await rows.OrderBy(static r => r.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. page.Select(ToEngineer)];
        }
    }

    /// <inheritdoc />
    public async Task<bool> HasEngineersAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            return await context.Set<EngineerRow>().AsNoTracking().AnyAsync(r => r.TenantId == tenantId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task<int> SaveRotaAsync(string tenantId, DutyRota rota, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(rota);
        var row = new DutyRotaRow
        {
            TenantId = tenantId,
            CentreId = rota.CentreId,
            Zone = rota.Zone.Id,
            Document = PeoplePayload.ShiftsJson(rota),
            Version = expectedVersion + 1,
        };
        return SaveAsync(row, expectedVersion, "duty rota", rota.CentreId,
            (set, ct) => set.AsNoTracking().Where(r => r.TenantId == tenantId && r.CentreId == rota.CentreId).Select(static r => r.Version).FirstOrDefaultAsync(ct),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Versioned<DutyRota>?> GetRotaAsync(string tenantId, string centreId, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ContextSource<TContext>.Key(centreId, nameof(centreId));
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var row = await context.Set<DutyRotaRow>().AsNoTracking()
                .SingleOrDefaultAsync(r => r.TenantId == tenantId && r.CentreId == centreId, cancellationToken).ConfigureAwait(false);
            return row is null ? null : new Versioned<DutyRota>(PeoplePayload.Rota(row.CentreId, row.Zone, row.Document), row.Version);
        }
    }

    private static Versioned<Engineer> ToEngineer(EngineerRow r) =>
        new(Engineer.Create(r.Id, r.Name, r.CentreId, r.Contact, PeoplePayload.Skills(r.Skills)), r.Version);

    /// <summary>Inserts (version 0) or updates where the stored version is the expected one; a lost race is a conflict naming the stored version.</summary>
    private async Task<int> SaveAsync<TRow>(
        TRow row, int expectedVersion, string aggregate, string id, Func<DbSet<TRow>, CancellationToken, Task<int>> storedVersion, CancellationToken cancellationToken)
        where TRow : class
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            VersionedRows.Stage(context, row, expectedVersion);

            try
            {
                // Behind every other write on SQLite (see SqliteWriter).
                await SqliteWriter.RunAsync(context, ct => context.SaveChangesAsync(ct), cancellationToken).ConfigureAwait(false);
                return expectedVersion + 1;
            }
            catch (DbUpdateException ex)
            {
                context.ChangeTracker.Clear();
                var actual = await storedVersion(context.Set<TRow>(), cancellationToken).ConfigureAwait(false);
                if (ex is DbUpdateConcurrencyException || actual != expectedVersion)
                {
                    throw new ConcurrencyConflictException(aggregate, id, expectedVersion, actual);
                }

                throw;
            }
        }
    }
}
