using AfterSales.Internal;
using AfterSales.WorkOrders;

namespace AfterSales.Catalogs;

/// <summary>
/// The one rule of every versioned, per-tenant catalog (calendars, SLA policies): a shared default
/// set every tenant sees, and each tenant's own versions; the tenant's latest of an id hides the
/// shared ones, older versions stay readable by number, and a save is the latest the tenant sees + 1.
/// The in-memory catalogs keep their tenants' versions here; the EF Core catalogs apply the same
/// rule to rows, with <see cref="Shared"/> as their default set.
/// </summary>
/// <remarks>Not thread-safe: the catalog that owns it locks around every call.</remarks>
/// <typeparam name="T">The versioned definition.</typeparam>
internal sealed class TenantVersions<T>
    where T : class
{
    private readonly Func<T, string> idOf;
    private readonly Func<T, int> versionOf;
    private readonly Dictionary<(string Tenant, string Id), List<T>> tenants = [];

    public TenantVersions(IEnumerable<T> shared, Func<T, string> idOf, Func<T, int> versionOf, string kind)
    {
        this.idOf = idOf;
        this.versionOf = versionOf;
        Shared = new SharedVersions<T>(shared, idOf, versionOf, kind);
    }

    /// <summary>The shared default set; replaced whole when a host adds a shared version.</summary>
    public SharedVersions<T> Shared { get; set; }

    /// <summary>The latest version of every id the tenant sees, by id.</summary>
    public IReadOnlyList<T> List(string tenantId)
    {
        var latest = Shared.Ids.ToDictionary(static id => id, id => Shared.Latest(id)!, StringComparer.Ordinal);
        foreach (var ((tenant, id), versions) in tenants)
        {
            if (string.Equals(tenant, tenantId, StringComparison.Ordinal))
            {
                latest[id] = versions[^1];
            }
        }

        return [.. latest.Values.OrderBy(idOf, StringComparer.Ordinal)];
    }

    /// <summary>The tenant's version of that number, else the shared one; the latest when <paramref name="version"/> is null.</summary>
    public T? Find(string tenantId, string id, int? version)
    {
        tenants.TryGetValue((tenantId, id), out var own);
        return version is { } v
            ? own?.Find(d => versionOf(d) == v) ?? Shared.Find(id, v)
            : own is { Count: > 0 } ? own[^1] : Shared.Latest(id);
    }

    /// <summary>The latest version number the tenant sees of <paramref name="id"/>, 0 when none.</summary>
    public int LatestVersion(string tenantId, string id) =>
        tenants.TryGetValue((tenantId, id), out var own) && own.Count > 0 ? versionOf(own[^1]) : Shared.Latest(id) is { } s ? versionOf(s) : 0;

    /// <summary>Adds the tenant's next version, made by <paramref name="withVersion"/>, after checking <paramref name="expectedVersion"/>.</summary>
    /// <exception cref="ConcurrencyConflictException">The latest version is not the expected one.</exception>
    public T Save(string tenantId, T definition, int? expectedVersion, Func<T, int, T> withVersion, string kind)
    {
        var id = idOf(definition);
        var latest = LatestVersion(tenantId, id);
        if (expectedVersion is { } expected && expected != latest)
        {
            throw new ConcurrencyConflictException(kind, id, expected, latest);
        }

        var saved = withVersion(definition, latest + 1);
        if (!tenants.TryGetValue((tenantId, id), out var own))
        {
            tenants[(tenantId, id)] = own = [];
        }

        own.Add(saved);
        return saved;
    }
}

/// <summary>
/// A shared default set of versioned definitions (共享默认版本集), every version by id, immutable: what
/// every tenant of a catalog sees unless it saved its own. The in-memory and EF Core catalogs of
/// calendars and SLA policies resolve "the tenant's own, else shared" over it the same way.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <typeparam name="T">The versioned definition.</typeparam>
public sealed class SharedVersions<T>
    where T : class
{
    private readonly Dictionary<string, T[]> byId;
    private readonly Func<T, int> versionOf;

    /// <summary>Creates the set.</summary>
    /// <param name="definitions">The definitions, every version; the same instance twice counts once.</param>
    /// <param name="idOf">A definition's id.</param>
    /// <param name="versionOf">A definition's version.</param>
    /// <param name="kind">What the definitions are, for messages (e.g. <c>SLA policy</c>).</param>
    /// <exception cref="ArgumentException">Two different definitions have the same id and version.</exception>
    public SharedVersions(IEnumerable<T> definitions, Func<T, string> idOf, Func<T, int> versionOf, string kind)
    {
        Guard.NotNull(idOf);
        this.versionOf = Guard.NotNull(versionOf);
        var all = Guard.NotNull(definitions).Distinct().ToArray();
        foreach (var group in all.GroupBy(d => (idOf(d), versionOf(d))))
        {
            if (group.Count() > 1)
            {
                throw new ArgumentException($"definitions: {kind} {group.Key.Item1}@{group.Key.Item2} appears twice with different content; give the new one a higher version.", nameof(definitions));
            }
        }

        byId = all.GroupBy(idOf, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, g => g.OrderBy(versionOf).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The ids held, in ordinal order.</summary>
    public IEnumerable<string> Ids => byId.Keys.Order(StringComparer.Ordinal);

    /// <summary>Every version of every id.</summary>
    public IEnumerable<T> All => byId.Values.SelectMany(static v => v);

    /// <summary>The highest version of <paramref name="id"/>, or <see langword="null"/>.</summary>
    /// <param name="id">The id.</param>
    public T? Latest(string id) => byId.TryGetValue(Guard.NotNull(id), out var versions) ? versions[^1] : null;

    /// <summary>The version <paramref name="version"/> of <paramref name="id"/>, or <see langword="null"/>.</summary>
    /// <param name="id">The id.</param>
    /// <param name="version">The version.</param>
    public T? Find(string id, int version) => byId.TryGetValue(Guard.NotNull(id), out var versions) ? Array.Find(versions, d => versionOf(d) == version) : null;
}
