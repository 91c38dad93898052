using AfterSales.Internal;
using AfterSales.WorkOrders;

namespace AfterSales.Calendars;

/// <summary>
/// An <see cref="ICalendarCatalog"/> and <see cref="ICalendarAdoptions"/> in memory (内存日历目录): the
/// shared default set given at construction, and each tenant's versions. Thread-safe with one lock;
/// reads of immutable definitions are cheap.
/// </summary>
public sealed class InMemoryCalendarCatalog : ICalendarCatalog, ICalendarAdoptions
{
    private readonly Lock gate = new();
    private readonly SharedCalendars shared;
    private readonly Dictionary<(string Tenant, string Id), List<CalendarDefinition>> tenants = [];
    private readonly Dictionary<(string Tenant, string Id, int Version), CalendarAdoptionProgress> adoptions = [];
    private readonly IClock clock;

    /// <summary>Creates a catalog whose shared default set is <paramref name="shared"/>.</summary>
    /// <param name="shared">The definitions every tenant sees, every version (e.g. <see cref="CalendarPresets.All"/>).</param>
    /// <param name="clock">The clock saves are timestamped from.</param>
    /// <exception cref="ArgumentException">Two shared definitions have the same key.</exception>
    public InMemoryCalendarCatalog(IEnumerable<CalendarDefinition> shared, IClock clock)
    {
        this.shared = new SharedCalendars(shared);
        this.clock = Guard.NotNull(clock);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CalendarDefinition>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        lock (gate)
        {
            var latest = shared.Ids.ToDictionary(static id => id, id => shared.Latest(id)!, StringComparer.Ordinal);
            foreach (var ((tenant, id), versions) in tenants)
            {
                if (string.Equals(tenant, tenantId, StringComparison.Ordinal))
                {
                    latest[id] = versions[^1];
                }
            }

            IReadOnlyList<CalendarDefinition> list = [.. latest.Values.OrderBy(static d => d.Id, StringComparer.Ordinal)];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<CalendarDefinition?> FindAsync(string tenantId, string calendarId, int? version = null, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(calendarId);
        lock (gate)
        {
            tenants.TryGetValue((tenantId, calendarId), out var own);
            var found = version is { } v
                ? own?.Find(d => d.Version == v) ?? shared.Find(calendarId, v)
                : own is { Count: > 0 } ? own[^1] : shared.Latest(calendarId);
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc />
    public Task<CalendarDefinition> SaveAsync(string tenantId, CalendarDefinition definition, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(definition);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var key = (tenantId, definition.Id);
            tenants.TryGetValue(key, out var own);
            var latest = own is { Count: > 0 } ? own[^1].Version : shared.Latest(definition.Id)?.Version ?? 0;
            if (expectedVersion is { } expected && expected != latest)
            {
                throw new ConcurrencyConflictException("calendar", definition.Id, expected, latest);
            }

            var saved = definition.WithVersion(latest + 1);
            if (own is null)
            {
                tenants[key] = own = [];
            }

            own.Add(saved);
            adoptions[(tenantId, saved.Id, saved.Version)] = new CalendarAdoptionProgress
            {
                TenantId = tenantId,
                CalendarId = saved.Id,
                Version = saved.Version,
                SavedAt = clock.GetCurrentInstant(),
            };
            return Task.FromResult(saved);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CalendarAdoptionProgress>> ListUnfinishedAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<CalendarAdoptionProgress> list = [.. adoptions.Values.Where(static a => a.CompletedAt is null).OrderBy(static a => a.SavedAt)];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<CalendarAdoptionProgress?> FindProgressAsync(string tenantId, string calendarId, int version, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(adoptions.GetValueOrDefault((tenantId, calendarId, version)));
        }
    }

    /// <inheritdoc />
    public Task RecordAsync(CalendarAdoptionProgress progress, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(progress);
        lock (gate)
        {
            var key = (progress.TenantId, progress.CalendarId, progress.Version);
            if (!adoptions.ContainsKey(key))
            {
                throw new ArgumentException($"progress: no saved calendar version {progress.Key} of tenant '{progress.TenantId}'.", nameof(progress));
            }

            adoptions[key] = progress;
        }

        return Task.CompletedTask;
    }
}
