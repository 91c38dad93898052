using System.Collections.Concurrent;
using AfterSales.Calendars;
using AfterSales.Documents.Calendars;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// An <see cref="ICalendarCatalog"/> and <see cref="ICalendarAdoptions"/> over EF Core (EF Core 日历目录):
/// the shared default set in memory, each tenant's versions as <see cref="CalendarRow"/>s holding the
/// calendar document (<c>calendar.schema.json</c>), with the adoption progress of each version on
/// the same row — saving a version and owing its adoption are one insert.
/// </summary>
/// <remarks>
/// <para><b>Versions.</b> The key (tenant, id, version) makes two writers saving the same next version
/// conflict: the second gets a <see cref="ConcurrencyConflictException"/>. Stored versions never
/// change, so parsed definitions are cached by key for the life of the store. Which versions are a
/// tenant's latest is remembered for <see cref="RefreshInterval"/>: a save through this catalog is seen at
/// once, another node's within the interval.</para>
/// <para><b>Unknown years.</b> A stored calendar counts a year without data as plain weeks and makes
/// clocks provisional (documents do not carry <see cref="UnknownYearPolicy.Throw"/>).</para>
/// <para><b>Thread safety.</b> Thread-safe: every call uses its own context.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context.</typeparam>
public sealed class EfCoreCalendarCatalog<TContext> : ICalendarCatalog, ICalendarAdoptions
    where TContext : DbContext
{
    private readonly ContextSource<TContext> contexts;
    private readonly SharedCalendars shared;
    private readonly IClock clock;
    private readonly ConcurrentDictionary<(string Tenant, string Id, int Version), CalendarDefinition> parsed = new();
    private readonly RememberedVersions remembered;

    /// <summary>Creates a catalog that takes a new context from <paramref name="contextFactory"/> for every call.</summary>
    /// <param name="contextFactory">Creates the host's contexts.</param>
    /// <param name="shared">The calendars every tenant sees.</param>
    /// <param name="clock">The clock saves are timestamped from.</param>
    public EfCoreCalendarCatalog(IDbContextFactory<TContext> contextFactory, IEnumerable<CalendarDefinition> shared, IClock clock)
        : this(ContextSource<TContext>.From(contextFactory), shared, clock)
    {
    }

    /// <summary>Creates a catalog that resolves the context from a new DI scope for every call (for <c>AddDbContext</c> registrations).</summary>
    /// <param name="scopeFactory">Creates the scopes.</param>
    /// <param name="shared">The calendars every tenant sees.</param>
    /// <param name="clock">The clock saves are timestamped from.</param>
    public EfCoreCalendarCatalog(IServiceScopeFactory scopeFactory, IEnumerable<CalendarDefinition> shared, IClock clock)
        : this(ContextSource<TContext>.From(scopeFactory), shared, clock)
    {
    }

    private EfCoreCalendarCatalog(ContextSource<TContext> contexts, IEnumerable<CalendarDefinition> shared, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        this.contexts = contexts;
        this.shared = new SharedCalendars(shared);
        this.clock = clock;
        remembered = new RememberedVersions(clock, AfterSalesOptions.DefaultCatalogRefreshInterval);
    }

    /// <summary>
    /// How long the catalog answers "the tenant's latest calendars" from what it last read before asking the
    /// database again (<see cref="AfterSalesOptions.CatalogRefreshInterval"/>): a version saved through this
    /// catalog is seen at once, one saved on another node within the interval. Zero asks every time.
    /// </summary>
    /// <value>The default value is 1 second (<c>UseEntityFrameworkCore</c> sets <see cref="AfterSalesOptions.CatalogRefreshInterval"/>).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public Duration RefreshInterval
    {
        get => remembered.RefreshInterval;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, Duration.Zero, nameof(RefreshInterval));
            remembered = new RememberedVersions(clock, value);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CalendarDefinition>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        var result = shared.Ids.ToDictionary(static id => id, id => shared.Latest(id)!, StringComparer.Ordinal);
        var latest = await LatestAsync(tenantId, null, cancellationToken).ConfigureAwait(false);
        if (latest.Count > 0)
        {
            // LoadAsync answers the parsed versions from memory: the context opens a connection only for the others.
            var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
            await using (owner.ConfigureAwait(false))
            {
                foreach (var row in latest)
                {
                    result[row.Id] = await LoadAsync(context, tenantId, row.Id, row.Version, cancellationToken).ConfigureAwait(false)
                        ?? throw new InvalidOperationException($"Calendar {row.Id}@{row.Version} of tenant '{tenantId}' vanished while being listed.");
                }
            }
        }

        return [.. result.Values.OrderBy(static d => d.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<CalendarDefinition?> FindAsync(string tenantId, string calendarId, int? version = null, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(calendarId);
        var number = version ?? (await LatestAsync(tenantId, calendarId, cancellationToken).ConfigureAwait(false) is [var only] ? only.Version : null);
        if (number is not { } n)
        {
            return shared.Latest(calendarId);
        }

        if (parsed.TryGetValue((tenantId, calendarId, n), out var cached))
        {
            return cached;
        }

        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            if (await LoadAsync(context, tenantId, calendarId, n, cancellationToken).ConfigureAwait(false) is { } own)
            {
                return own;
            }

            // The tenant has no row of this number, and never will (its saves number from the latest
            // it sees + 1): the shared version answers for good, so remember it.
            return shared.Find(calendarId, n) is { } found ? parsed.GetOrAdd((tenantId, calendarId, n), found) : null;
        }
    }

    /// <inheritdoc />
    public async Task<CalendarDefinition> SaveAsync(string tenantId, CalendarDefinition definition, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(definition);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var id = definition.Id;
            var own = await LatestVersions.OfAsync(context, typeof(CalendarRow), tenantId, id, cancellationToken).ConfigureAwait(false);
            var latest = own ?? shared.Latest(id)?.Version ?? 0;
            if (expectedVersion is { } expected && expected != latest)
            {
                throw new ConcurrencyConflictException("calendar", id, expected, latest);
            }

            var saved = definition.WithVersion(latest + 1);
            context.Add(new CalendarRow
            {
                TenantId = tenantId,
                Id = id,
                Version = saved.Version,
                Name = saved.Name,
                Document = CalendarDocuments.Write(saved),
                SavedAt = clock.GetCurrentInstant(),
            });
            try
            {
                await SqliteWriter.RunAsync(context, ct => context.SaveChangesAsync(ct), cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // Another node saved this calendar: what this node remembers of it is out of date.
                remembered.Forget(tenantId, id);
                context.ChangeTracker.Clear();
                var actual = await LatestVersions.OfAsync(context, typeof(CalendarRow), tenantId, id, cancellationToken).ConfigureAwait(false) ?? 0;
                throw new ConcurrencyConflictException("calendar", id, expectedVersion ?? latest, actual);
            }

            parsed[(tenantId, id, saved.Version)] = saved;
            remembered.Forget(tenantId, id);
            return saved;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CalendarAdoptionProgress>> ListUnfinishedAsync(CancellationToken cancellationToken = default)
    {
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var rows = await context.Set<CalendarRow>().AsNoTracking()
                .Where(static c => c.AdoptionCompletedAt == null)
                .Select(static c => new { c.TenantId, c.Id, c.Version, c.SavedAt, c.AdoptionCursor, c.AdoptedCount })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return
            [
                .. rows.Select(static r => new CalendarAdoptionProgress
                {
                    TenantId = r.TenantId, CalendarId = r.Id, Version = r.Version, SavedAt = r.SavedAt, Cursor = r.AdoptionCursor, Adopted = r.AdoptedCount,
                }).OrderBy(static p => p.SavedAt),
            ];
        }
    }

    /// <inheritdoc />
    public async Task<CalendarAdoptionProgress?> FindProgressAsync(string tenantId, string calendarId, int version, CancellationToken cancellationToken = default)
    {
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var r = await context.Set<CalendarRow>().AsNoTracking()
                .Where(c => c.TenantId == tenantId && c.Id == calendarId && c.Version == version)
                .Select(static c => new { c.SavedAt, c.AdoptionCursor, c.AdoptedCount, c.AdoptionCompletedAt })
                .SingleOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
            return r is null ? null : new CalendarAdoptionProgress
            {
                TenantId = tenantId, CalendarId = calendarId, Version = version, SavedAt = r.SavedAt, Cursor = r.AdoptionCursor, Adopted = r.AdoptedCount, CompletedAt = r.AdoptionCompletedAt,
            };
        }
    }

    /// <inheritdoc />
    public async Task RecordAsync(CalendarAdoptionProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var updated = await SqliteWriter.RunAsync(
                context,
                ct => context.Set<CalendarRow>()
                    .Where(c => c.TenantId == progress.TenantId && c.Id == progress.CalendarId && c.Version == progress.Version)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(static c => c.AdoptionCursor, progress.Cursor)
                            .SetProperty(static c => c.AdoptedCount, progress.Adopted)
                            .SetProperty(static c => c.AdoptionCompletedAt, progress.CompletedAt),
                        ct),
                cancellationToken)
                .ConfigureAwait(false);
            if (updated != 1)
            {
                throw new ArgumentException($"progress: no saved calendar version {progress.Key} of tenant '{progress.TenantId}'.", nameof(progress));
            }
        }
    }

    /// <summary>The tenant's latest stored versions (of <paramref name="id"/> only, when given), remembered for the refresh interval.</summary>
    private Task<IReadOnlyList<(string Id, int Version)>> LatestAsync(string tenantId, string? id, CancellationToken cancellationToken) =>
        remembered.GetAsync(
            tenantId,
            id,
            async ct =>
            {
                var (context, owner) = await contexts.RentAsync(ct).ConfigureAwait(false);
                await using (owner.ConfigureAwait(false))
                {
                    return await LatestVersions.ReadAsync(context, typeof(CalendarRow), tenantId, id, ct).ConfigureAwait(false);
                }
            },
            cancellationToken);

    private async Task<CalendarDefinition?> LoadAsync(TContext context, string tenantId, string calendarId, int version, CancellationToken cancellationToken)
    {
        if (parsed.TryGetValue((tenantId, calendarId, version), out var cached))
        {
            return cached;
        }

        var document = await context.Set<CalendarRow>().AsNoTracking()
            .Where(c => c.TenantId == tenantId && c.Id == calendarId && c.Version == version)
            .Select(static c => c.Document)
            .SingleOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        if (document is null)
        {
            return null;
        }

        var read = CalendarDocuments.ReadDefinition(document);
        if (!read.Success)
        {
            throw new InvalidOperationException($"The stored calendar {calendarId}@{version} of tenant '{tenantId}' is not a valid document: {string.Join("; ", read.Errors)}");
        }

        return parsed.GetOrAdd((tenantId, calendarId, version), read.Value.WithVersion(version));
    }
}
