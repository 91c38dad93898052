using System.Collections.Concurrent;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>
/// A catalog's answers to "which versions are a tenant's latest", kept for at most a refresh interval.
/// Every report asks for its policy's and its calendars' latest versions. Each ask was a query, with a
/// connection opened and closed for it: two of a report's four trips to the database. Remembering the
/// answers for a second raised the report's rate by 8–12 % in three A/B rounds (benchmarks/README.md).
/// </summary>
/// <remarks>
/// A save through the same catalog forgets its tenant's answers before it returns, so this node sees
/// its own saves at once. Another node's save is seen within the interval. An answer read while a save
/// forgot is not kept, so a read that raced a save cannot bring the old version back. Zero keeps nothing.
/// </remarks>
internal sealed class RememberedVersions(IClock clock, Duration refreshInterval)
{
    private readonly ConcurrentDictionary<(string Tenant, string? Id), Answer> answers = new();
    private long forgettings;

    /// <summary>How long an answer is kept; zero keeps none.</summary>
    public Duration RefreshInterval => refreshInterval;

    /// <summary>The remembered answer for <paramref name="tenantId"/> (and <paramref name="id"/>), or <paramref name="read"/>'s, then kept.</summary>
    public async Task<IReadOnlyList<(string Id, int Version)>> GetAsync(
        string tenantId, string? id, Func<CancellationToken, Task<List<(string Id, int Version)>>> read, CancellationToken cancellationToken)
    {
        if (refreshInterval <= Duration.Zero)
        {
            return await read(cancellationToken).ConfigureAwait(false);
        }

        var key = (tenantId, id);
        var now = clock.GetCurrentInstant();
        if (answers.TryGetValue(key, out var kept) && now >= kept.ReadAt && now < kept.ReadAt + refreshInterval)
        {
            return kept.Versions;
        }

        var before = Volatile.Read(ref forgettings);
        var versions = await read(cancellationToken).ConfigureAwait(false);
        var answer = new Answer(now, versions);
        answers[key] = answer;

        // A save forgot while this read ran: its answer may predate the save.
        if (Volatile.Read(ref forgettings) != before)
        {
            answers.TryRemove(new KeyValuePair<(string, string?), Answer>(key, answer));
        }

        return versions;
    }

    /// <summary>Forgets what was kept for <paramref name="tenantId"/>'s list and for <paramref name="id"/>: call after a save of it.</summary>
    public void Forget(string tenantId, string id)
    {
        Interlocked.Increment(ref forgettings);
        answers.TryRemove((tenantId, null), out _);
        answers.TryRemove((tenantId, id), out _);
    }

    private sealed record Answer(Instant ReadAt, List<(string Id, int Version)> Versions);
}
