using AfterSales.Documents.Quality;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Quality.Terms;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// An <see cref="IQualityTermsCatalog"/> over EF Core (EF Core 质量条款目录), generic over the host's
/// context: one row per adopted version, never changed, keyed by (tenant, version), the terms as their
/// published document (<c>quality-terms.schema.json</c>, <see cref="QualityTermsDocuments"/>).
/// </summary>
/// <remarks>
/// <b>Adopting</b> reads the latest version and inserts the next in one transaction; two adopters
/// from the same version collide on the key and one gets a <see cref="ConcurrencyConflictException"/>.
/// Thread-safe: every call uses its own context.
/// </remarks>
/// <typeparam name="TContext">The host's context.</typeparam>
public sealed class EfCoreQualityTermsCatalog<TContext> : IQualityTermsCatalog
    where TContext : DbContext
{
    private readonly ContextSource<TContext> contexts;

    /// <summary>Creates a catalog that takes a new context from <paramref name="contextFactory"/> for every call.</summary>
    /// <param name="contextFactory">Creates the host's contexts.</param>
    public EfCoreQualityTermsCatalog(IDbContextFactory<TContext> contextFactory) => contexts = ContextSource<TContext>.From(contextFactory);

    /// <summary>Creates a catalog that resolves the context from a new DI scope for every call (for <c>AddDbContext</c> registrations).</summary>
    /// <param name="scopeFactory">Creates the scopes.</param>
    public EfCoreQualityTermsCatalog(IServiceScopeFactory scopeFactory) => contexts = ContextSource<TContext>.From(scopeFactory);

    /// <inheritdoc />
    public Task<QualityTermsVersion?> GetLatestAsync(string tenantId, CancellationToken cancellationToken = default) =>
        FindAsync(tenantId, q => q.OrderByDescending(static r => r.Version), cancellationToken);

    /// <inheritdoc />
    public Task<QualityTermsVersion?> GetAsync(string tenantId, int version, CancellationToken cancellationToken = default) =>
        FindAsync(tenantId, q => q.Where(r => r.Version == version), cancellationToken);

    /// <inheritdoc />
    public async Task<QualityTermsVersion> InForceAtAsync(string tenantId, Instant at, CancellationToken cancellationToken = default) =>
        await FindAsync(tenantId, q => q.Where(r => r.AdoptedAt <= at).OrderByDescending(static r => r.Version), cancellationToken).ConfigureAwait(false)
        ?? QualityTermsVersion.Default;

    /// <inheritdoc />
    public async Task<QualityTermsVersion> AdoptAsync(string tenantId, QualityTerms terms, int expectedVersion, Instant adoptedAt, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            // Behind every other write on SQLite (see SqliteWriter).
            return await SqliteWriter.InTransactionAsync(
                context,
                async (transaction, ct) =>
                {
                    var latest = await context.Set<QualityTermsRow>().AsNoTracking().Where(r => r.TenantId == tenantId)
                        .OrderByDescending(static r => r.Version).Select(static r => new { r.Version, r.AdoptedAt })
                        .FirstOrDefaultAsync(ct).ConfigureAwait(false);
                    var actual = latest?.Version ?? 0;
                    if (actual != expectedVersion)
                    {
                        throw new ConcurrencyConflictException("quality terms", tenantId, expectedVersion, actual);
                    }

                    if (latest is not null && adoptedAt < latest.AdoptedAt)
                    {
                        throw new ArgumentOutOfRangeException(nameof(adoptedAt), adoptedAt, $"adoptedAt must not be before version {actual}'s adoption at {latest.AdoptedAt}.");
                    }

                    var adopted = new QualityTermsVersion(terms, actual + 1, adoptedAt);
                    context.Add(new QualityTermsRow { TenantId = tenantId, Version = adopted.Version, AdoptedAt = adoptedAt, Document = QualityTermsDocuments.Write(adopted) });
                    try
                    {
                        await context.SaveChangesAsync(ct).ConfigureAwait(false);
                        await transaction.CommitAsync(ct).ConfigureAwait(false);
                    }
                    catch (DbUpdateException)
                    {
                        throw new ConcurrencyConflictException("quality terms", tenantId, expectedVersion, actual + 1);
                    }

                    return adopted;
                },
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<QualityTermsVersion?> FindAsync(string tenantId, Func<IQueryable<QualityTermsRow>, IQueryable<QualityTermsRow>> query, CancellationToken cancellationToken)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var row = await query(context.Set<QualityTermsRow>().AsNoTracking().Where(r => r.TenantId == tenantId)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return row is null ? null : new QualityTermsVersion(QualityTermsDocuments.ReadStored(row.Document), row.Version, row.AdoptedAt);
        }
    }
}
