using System.Collections.Concurrent;
using System.Globalization;
using AfterSales.Calendars;
using AfterSales.Catalogs;
using AfterSales.Documents.Policies;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// An <see cref="ISlaPolicyCatalog"/> over EF Core (EF Core 服务级别协议目录): the shared default set in
/// memory, each tenant's versions as <see cref="PolicyRow"/>s holding the policy document
/// (<c>sla-policy.schema.json</c>) and the calendar versions its targets were bound to — the same
/// rule as <see cref="EfCoreCalendarCatalog{TContext}"/>: the tenant's latest of an id hides the
/// shared ones, older versions stay readable, a save is the latest the tenant sees + 1.
/// </summary>
/// <remarks>
/// <para><b>Versions.</b> The key (tenant, id, version) makes two writers saving the same next version
/// conflict: the second gets a <see cref="ConcurrencyConflictException"/>. Stored versions never
/// change, so built policies are cached by key for the life of the store: evaluating a ticket under
/// a stored policy costs what it costs under a compiled preset. Which version is a tenant's latest is
/// remembered for <see cref="RefreshInterval"/>: a save through this catalog is seen at once, another
/// node's within the interval.</para>
/// <para><b>Calendars.</b> A row names the calendar versions (<c>id@version</c>) it was saved with; loading
/// reads exactly those from the <see cref="ICalendarCatalog"/>, so a policy version never changes
/// meaning when a calendar gets a new version (tickets adopt those separately).</para>
/// <para><b>Thread safety.</b> Thread-safe: every call uses its own context.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context.</typeparam>
public sealed class EfCoreSlaPolicyCatalog<TContext> : ISlaPolicyCatalog
    where TContext : DbContext
{
    private const string Kind = "SLA policy";
    private readonly ContextSource<TContext> contexts;
    private readonly SharedVersions<SlaPolicy> shared;
    private readonly ICalendarCatalog calendars;
    private readonly IClock clock;
    private readonly ConcurrentDictionary<(string Tenant, string Id, int Version), SlaPolicy> built = new();
    private readonly RememberedVersions remembered;

    /// <summary>Creates a catalog that takes a new context from <paramref name="contextFactory"/> for every call.</summary>
    /// <param name="contextFactory">Creates the host's contexts.</param>
    /// <param name="shared">The policies every tenant sees, every version.</param>
    /// <param name="calendars">Where the calendar versions stored policies name are read.</param>
    /// <param name="clock">The clock saves are timestamped from.</param>
    public EfCoreSlaPolicyCatalog(IDbContextFactory<TContext> contextFactory, IEnumerable<SlaPolicy> shared, ICalendarCatalog calendars, IClock clock)
        : this(ContextSource<TContext>.From(contextFactory), shared, calendars, clock)
    {
    }

    /// <summary>Creates a catalog that resolves the context from a new DI scope for every call (for <c>AddDbContext</c> registrations).</summary>
    /// <param name="scopeFactory">Creates the scopes.</param>
    /// <param name="shared">The policies every tenant sees, every version.</param>
    /// <param name="calendars">Where the calendar versions stored policies name are read.</param>
    /// <param name="clock">The clock saves are timestamped from.</param>
    public EfCoreSlaPolicyCatalog(IServiceScopeFactory scopeFactory, IEnumerable<SlaPolicy> shared, ICalendarCatalog calendars, IClock clock)
        : this(ContextSource<TContext>.From(scopeFactory), shared, calendars, clock)
    {
    }

    private EfCoreSlaPolicyCatalog(ContextSource<TContext> contexts, IEnumerable<SlaPolicy> shared, ICalendarCatalog calendars, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        ArgumentNullException.ThrowIfNull(clock);
        this.contexts = contexts;
        this.shared = new SharedVersions<SlaPolicy>(shared, static p => p.Id, static p => p.Version, Kind);
        this.calendars = calendars;
        this.clock = clock;
        remembered = new RememberedVersions(clock, AfterSalesOptions.DefaultCatalogRefreshInterval);
    }

    /// <summary>
    /// How long the catalog answers "the tenant's latest version of a policy" from what it last read before
    /// asking the database again (<see cref="AfterSalesOptions.CatalogRefreshInterval"/>): a version saved
    /// through this catalog is seen at once, one saved on another node within the interval. Zero asks every time.
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
    public SlaPolicy? Find(string policyId, int version) => shared.Find(policyId, version);

    /// <inheritdoc />
    public SlaPolicy? Latest(string policyId) => shared.Latest(policyId);

    /// <inheritdoc />
    public async Task<IReadOnlyList<SlaPolicy>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
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
                        ?? throw new InvalidOperationException($"SLA policy {row.Id}@{row.Version} of tenant '{tenantId}' vanished while being listed.");
                }
            }
        }

        return [.. result.Values.OrderBy(static p => p.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<SlaPolicy?> FindAsync(string tenantId, string policyId, int? version = null, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(policyId);
        var number = version ?? (await LatestAsync(tenantId, policyId, cancellationToken).ConfigureAwait(false) is [var only] ? only.Version : null);
        if (number is not { } n)
        {
            return shared.Latest(policyId);
        }

        if (built.TryGetValue((tenantId, policyId, n), out var cached))
        {
            return cached;
        }

        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            if (await LoadAsync(context, tenantId, policyId, n, cancellationToken).ConfigureAwait(false) is { } own)
            {
                return own;
            }

            // The tenant has no row of this number, and never will (its saves number from the latest it
            // sees + 1): the shared version answers for good, so remember it rather than ask the
            // database again on every load of a ticket under a shared policy.
            return shared.Find(policyId, n) is { } found ? built.GetOrAdd((tenantId, policyId, n), found) : null;
        }
    }

    /// <inheritdoc />
    public async Task<SlaPolicy> SaveAsync(string tenantId, SlaPolicy policy, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(policy);
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var id = policy.Id;
            var latest = await LatestOwnAsync(context, tenantId, id, cancellationToken).ConfigureAwait(false) ?? shared.Latest(id)?.Version ?? 0;
            if (expectedVersion is { } expected && expected != latest)
            {
                throw new ConcurrencyConflictException("SLA policy", id, expected, latest);
            }

            var saved = policy.WithVersion(latest + 1);
            context.Add(new PolicyRow
            {
                TenantId = tenantId,
                Id = id,
                Version = saved.Version,
                Name = saved.Name,
                Document = PolicyDocuments.Write(saved),
                Calendars = string.Join(",", saved.Targets.Select(static t => t.Calendar.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
                SavedAt = clock.GetCurrentInstant(),
            });
            try
            {
                await SqliteWriter.RunAsync(context, ct => context.SaveChangesAsync(ct), cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // Another node saved this policy: what this node remembers of it is out of date.
                remembered.Forget(tenantId, id);
                context.ChangeTracker.Clear();
                var actual = await LatestOwnAsync(context, tenantId, id, cancellationToken).ConfigureAwait(false) ?? 0;
                throw new ConcurrencyConflictException("SLA policy", id, expectedVersion ?? latest, actual);
            }

            built[(tenantId, id, saved.Version)] = saved;
            remembered.Forget(tenantId, id);
            return saved;
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
                    return await LatestVersions.ReadAsync(context, typeof(PolicyRow), tenantId, id, ct).ConfigureAwait(false);
                }
            },
            cancellationToken);

    /// <summary>The latest version of <paramref name="id"/> in the database now, for a save's check.</summary>
    private static Task<int?> LatestOwnAsync(TContext context, string tenantId, string id, CancellationToken cancellationToken) =>
        LatestVersions.OfAsync(context, typeof(PolicyRow), tenantId, id, cancellationToken);

    private async Task<SlaPolicy?> LoadAsync(TContext context, string tenantId, string id, int version, CancellationToken cancellationToken)
    {
        if (built.TryGetValue((tenantId, id, version), out var cached))
        {
            return cached;
        }

        var row = await context.Set<PolicyRow>().AsNoTracking()
            .Where(p => p.TenantId == tenantId && p.Id == id && p.Version == version)
            .Select(static p => new { p.Document, p.Calendars })
            .SingleOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var bound = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
        foreach (var key in row.Calendars.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = key.LastIndexOf('@');
            var calendarId = key[..at];
            var calendarVersion = int.Parse(key.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture);
            var definition = await calendars.FindAsync(tenantId, calendarId, calendarVersion, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The stored SLA policy {id}@{version} of tenant '{tenantId}' counts on calendar {key}, which the tenant's calendar catalog does not have.");
            bound[calendarId] = definition.Calendar;
        }

        var read = PolicyDocuments.ReadPolicy(row.Document, bound.GetValueOrDefault);
        if (!read.Success)
        {
            throw new InvalidOperationException($"The stored SLA policy {id}@{version} of tenant '{tenantId}' is not a valid document: {string.Join("; ", read.Errors)}");
        }

        return built.GetOrAdd((tenantId, id, version), read.Value.WithVersion(version));
    }
}
