using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Entitlements.Quotes;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// An <see cref="IPriceListCatalog"/> over EF Core (EF Core 投标报价单目录), generic over the host's
/// context: each version of a tenant's list is a <see cref="PriceListRow"/> holding the parts and their
/// tendered prices as a JSON document — the same shape as the calendar catalog's versions.
/// </summary>
/// <remarks>
/// <para><b>Versions.</b> The key (tenant, id, version) makes two writers saving the same next version
/// conflict: the second gets a <see cref="ConcurrencyConflictException"/>. Stored versions never change,
/// so parsed lists are cached by key for the life of the store.</para>
/// <para><b>Thread safety.</b> Thread-safe: every call uses its own context.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context.</typeparam>
public sealed class EfCorePriceListCatalog<TContext> : IPriceListCatalog
    where TContext : DbContext
{
    private readonly ContextSource<TContext> contexts;
    private readonly IClock clock;
    private readonly ConcurrentDictionary<(string Tenant, string Id, int Version), TenderedPriceList> parsed = new();

    /// <summary>Creates a catalog that takes a new context from <paramref name="contextFactory"/> for every call.</summary>
    /// <param name="contextFactory">Creates the host's contexts.</param>
    /// <param name="clock">The clock saves are timestamped from.</param>
    public EfCorePriceListCatalog(IDbContextFactory<TContext> contextFactory, IClock clock)
    {
        contexts = ContextSource<TContext>.From(contextFactory);
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Creates a catalog that resolves the context from a new DI scope for every call (for <c>AddDbContext</c> registrations).</summary>
    /// <param name="scopeFactory">Creates the scopes.</param>
    /// <param name="clock">The clock saves are timestamped from.</param>
    public EfCorePriceListCatalog(IServiceScopeFactory scopeFactory, IClock clock)
    {
        contexts = ContextSource<TContext>.From(scopeFactory);
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TenderedPriceList>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var latest = await context.Set<PriceListRow>().AsNoTracking()
                .Where(l => l.TenantId == tenantId)
                .GroupBy(static l => l.Id)
                .Select(static g => new { Id = g.Key, Version = g.Max(static l => l.Version) })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            var lists = new List<TenderedPriceList>(latest.Count);
            foreach (var row in latest.OrderBy(static r => r.Id, StringComparer.Ordinal))
            {
                lists.Add(await LoadAsync(context, tenantId, row.Id, row.Version, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Price list {row.Id}@{row.Version} of tenant '{tenantId}' vanished while being listed."));
            }

            return lists;
        }
    }

    /// <inheritdoc />
    public async Task<TenderedPriceList?> FindAsync(string tenantId, string id, int? version = null, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(id);
        if (!Identifier.IsValid(id))
        {
            return null;
        }

        if (version is { } v && parsed.TryGetValue((tenantId, id, v), out var cached))
        {
            return cached;
        }

        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var target = version ?? await LatestVersionAsync(context, tenantId, id, cancellationToken).ConfigureAwait(false);
            return target == 0 ? null : await LoadAsync(context, tenantId, id, target, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<TenderedPriceList> SaveAsync(string tenantId, TenderedPriceList list, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        ContextSource<TContext>.Key(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(list);
        Identifier.Check(list.Id, "list.Id");
        var (context, owner) = await contexts.RentAsync(cancellationToken).ConfigureAwait(false);
        await using (owner.ConfigureAwait(false))
        {
            var latest = await LatestVersionAsync(context, tenantId, list.Id, cancellationToken).ConfigureAwait(false);
            if (expectedVersion is { } expected && expected != latest)
            {
                throw new ConcurrencyConflictException("price list", list.Id, expected, latest);
            }

            var saved = list.WithVersion(latest + 1);
            context.Add(new PriceListRow
            {
                TenantId = tenantId,
                Id = saved.Id,
                Version = saved.Version,
                Currency = saved.Currency,
                Document = PriceListDocument.ToJson(saved),
                SavedAt = clock.GetCurrentInstant(),
            });
            try
            {
                await SqliteWriter.RunAsync(context, ct => context.SaveChangesAsync(ct), cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // Another writer saved the same next version first (the key).
                context.ChangeTracker.Clear();
                throw new ConcurrencyConflictException("price list", list.Id, expectedVersion ?? latest,
                    await LatestVersionAsync(context, tenantId, list.Id, cancellationToken).ConfigureAwait(false));
            }

            parsed[(tenantId, saved.Id, saved.Version)] = saved;
            return saved;
        }
    }

    private static async Task<int> LatestVersionAsync(TContext context, string tenantId, string id, CancellationToken cancellationToken) =>
        await context.Set<PriceListRow>().AsNoTracking()
            .Where(l => l.TenantId == tenantId && l.Id == id)
            .MaxAsync(static l => (int?)l.Version, cancellationToken)
            .ConfigureAwait(false) ?? 0;

    private async Task<TenderedPriceList?> LoadAsync(TContext context, string tenantId, string id, int version, CancellationToken cancellationToken)
    {
        if (parsed.TryGetValue((tenantId, id, version), out var cached))
        {
            return cached;
        }

        var row = await context.Set<PriceListRow>().AsNoTracking()
            .SingleOrDefaultAsync(l => l.TenantId == tenantId && l.Id == id && l.Version == version, cancellationToken)
            .ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var list = PriceListDocument.FromJson(row.Currency, row.Document).WithId(row.Id).WithVersion(row.Version);
        parsed[(tenantId, id, version)] = list;
        return list;
    }
}

/// <summary>The JSON shape of a stored price list's parts; our own DTO so the stored format does not follow domain refactorings.</summary>
internal static class PriceListDocument
{
    public static string ToJson(TenderedPriceList list) => JsonSerializer.Serialize(
        list.Prices.OrderBy(static p => p.Key, StringComparer.Ordinal).Select(static p => new PriceEntry { PartNumber = p.Key, MaxUnitPrice = p.Value.Amount }).ToList(),
        PriceListJsonContext.Default.ListPriceEntry);

    public static TenderedPriceList FromJson(string currency, string json)
    {
        var entries = JsonSerializer.Deserialize(json, PriceListJsonContext.Default.ListPriceEntry)
            ?? throw new InvalidOperationException("A stored price list has an empty document.");
        return TenderedPriceList.From(entries.Select(e => KeyValuePair.Create(e.PartNumber, Money.Of(e.MaxUnitPrice, currency))), currency);
    }
}

internal sealed class PriceEntry
{
    public string PartNumber { get; set; } = string.Empty;

    public decimal MaxUnitPrice { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<PriceEntry>))]
internal sealed partial class PriceListJsonContext : JsonSerializerContext;
