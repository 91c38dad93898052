using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>The durable idempotency store against a real database, on both providers.</summary>
public sealed class IdempotencyStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly Instant Later = Now + Duration.FromHours(24);

    [Fact]
    public Task Reserve_CompleteThenRetry_ReplaysTheStoredResponseFromAnotherStore_Sqlite() => ReplaysAcrossStores(Provider.Sqlite);

    [PostgresFact]
    public Task Reserve_CompleteThenRetry_ReplaysTheStoredResponseFromAnotherStore_PostgreSql() => ReplaysAcrossStores(Provider.PostgreSql);

    [Fact]
    public Task Reserve_ConcurrentlyFromManyNodes_ExactlyOneReserves_Sqlite() => ExactlyOneReserves(Provider.Sqlite);

    [PostgresFact]
    public Task Reserve_ConcurrentlyFromManyNodes_ExactlyOneReserves_PostgreSql() => ExactlyOneReserves(Provider.PostgreSql);

    [Fact]
    public Task Reserve_AfterTheHoldersLeaseEnded_TakesOverAndTheOldHolderCannotComplete_Sqlite() => LeaseTakeover(Provider.Sqlite);

    [PostgresFact]
    public Task Reserve_AfterTheHoldersLeaseEnded_TakesOverAndTheOldHolderCannotComplete_PostgreSql() => LeaseTakeover(Provider.PostgreSql);

    [Fact]
    public Task Sweep_ExpiredAndOverBound_RemovesExpiredAndOldestButNeverALiveLease_Sqlite() => SweepBounds(Provider.Sqlite);

    [PostgresFact]
    public Task Sweep_ExpiredAndOverBound_RemovesExpiredAndOldestButNeverALiveLease_PostgreSql() => SweepBounds(Provider.PostgreSql);

    [Fact]
    public Task Complete_OversizedBody_KeepsStatusHeadersAndLengthOnly_Sqlite() => Oversized(Provider.Sqlite);

    [PostgresFact]
    public Task Complete_OversizedBody_KeepsStatusHeadersAndLengthOnly_PostgreSql() => Oversized(Provider.PostgreSql);

    private static IdempotentResponse Created(string location, int bodyBytes = 20) =>
        new(201, new Dictionary<string, string> { ["Location"] = location, ["ETag"] = "\"1\"" }, Enumerable.Range(0, bodyBytes).Select(static i => (byte)('a' + (i % 26))).ToArray());

    private static string Tenant() => "t-" + Guid.NewGuid().ToString("N")[..12];

    private EfCoreIdempotencyStore<HostDbContext> Store(TestDatabase db, IdempotencyStoreOptions? options = null) =>
        new(db.HostFactory(), options ?? new IdempotencyStoreOptions());

    private async Task ReplaysAcrossStores(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var tenant = Tenant();
        var first = await Store(db).TryReserveAsync(tenant, "k-1", "F1", Now, Later);
        Assert.Equal(IdempotencyOutcome.Reserved, first.Outcome);
        Assert.Equal(IdempotencyOutcome.InProgress, (await Store(db).TryReserveAsync(tenant, "k-1", "F1", Now, Later)).Outcome);
        await Store(db).CompleteAsync(first, Created("/t/WO-1"));

        // Another store on the same database: another node, or the same host after a restart.
        var replay = await Store(db).TryReserveAsync(tenant, "k-1", "F1", Now + Duration.FromMinutes(5), Later);
        Assert.Equal(IdempotencyOutcome.Completed, replay.Outcome);
        Assert.Equal(201, replay.Response!.StatusCode);
        Assert.Equal("/t/WO-1", replay.Response.Headers["location"]);
        Assert.Equal(Created("/t/WO-1").Body.ToArray(), replay.Response.Body.ToArray());
        Assert.Equal(IdempotencyOutcome.FingerprintMismatch, (await Store(db).TryReserveAsync(tenant, "k-1", "F2", Now, Later)).Outcome);
        Assert.Equal(IdempotencyOutcome.Reserved, (await Store(db).TryReserveAsync(Tenant(), "k-1", "F2", Now, Later)).Outcome);

        // Past its expiry the key is new again, whatever the request.
        Assert.Equal(IdempotencyOutcome.Reserved, (await Store(db).TryReserveAsync(tenant, "k-1", "F2", Later, Later + Duration.FromHours(1))).Outcome);
    }

    private async Task ExactlyOneReserves(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        for (var round = 0; round < 5; round++)
        {
            var tenant = Tenant();
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
                (await Store(db).TryReserveAsync(tenant, "k", "F", Now, Later)).Outcome)));
            Assert.Single(outcomes, static o => o == IdempotencyOutcome.Reserved);
            Assert.All(outcomes.Where(static o => o != IdempotencyOutcome.Reserved), static o => Assert.Equal(IdempotencyOutcome.InProgress, o));
        }
    }

    private async Task LeaseTakeover(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var tenant = Tenant();
        var lease = TimeSpan.FromSeconds(30);
        var store = Store(db, new IdempotencyStoreOptions { InProgressLease = lease });
        var died = await store.TryReserveAsync(tenant, "k", "F", Now, Later);
        Assert.Equal(IdempotencyOutcome.InProgress, (await store.TryReserveAsync(tenant, "k", "F", Now + Duration.FromSeconds(29), Later)).Outcome);

        var retry = await store.TryReserveAsync(tenant, "k", "F", Now + Duration.FromSeconds(30), Later);
        Assert.Equal(IdempotencyOutcome.Reserved, retry.Outcome);
        Assert.NotEqual(died.LeaseId, retry.LeaseId);

        // The first holder wakes up: its completion and release touch nothing.
        await store.CompleteAsync(died, Created("/t/stale"));
        await store.ReleaseAsync(died);
        Assert.Equal(IdempotencyOutcome.InProgress, (await store.TryReserveAsync(tenant, "k", "F", Now + Duration.FromSeconds(31), Later)).Outcome);
        await store.CompleteAsync(retry, Created("/t/WO-2"));
        var replay = await store.TryReserveAsync(tenant, "k", "F", Now + Duration.FromMinutes(1), Later);
        Assert.Equal("/t/WO-2", replay.Response!.Headers["Location"]);

        // A released key runs again.
        var failed = await store.TryReserveAsync(tenant, "k2", "F", Now, Later);
        await store.ReleaseAsync(failed);
        Assert.Equal(IdempotencyOutcome.Reserved, (await store.TryReserveAsync(tenant, "k2", "F", Now, Later)).Outcome);
    }

    private async Task SweepBounds(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var tenant = Tenant();
        var other = Tenant();
        var store = Store(db, new IdempotencyStoreOptions { MaxKeysPerTenant = 100 });
        var holder = await store.TryReserveAsync(tenant, "k-000", "F", Now, Later);
        for (var i = 1; i < 130; i++)
        {
            var r = await store.TryReserveAsync(tenant, $"k-{i:000}", "F", Now + Duration.FromSeconds(i), i < 10 ? Now + Duration.FromMinutes(1) : Later);
            await store.CompleteAsync(r, Created("/t/" + i));
        }

        await store.CompleteAsync(await store.TryReserveAsync(other, "k", "F", Now, Later), Created("/t/other"));

        var removed = await store.SweepAsync(Now + Duration.FromSeconds(90));
        await using var context = db.NewHostContext();
        var keys = await context.Set<IdempotencyKeyRow>().Where(k => k.TenantId == tenant).Select(static k => k.Key).ToListAsync();
        Assert.Equal(100, keys.Count);
        Assert.Equal(30, removed);

        // 9 expired (k-001…k-009), then the oldest completed (k-010…k-030); k-000's lease is live.
        Assert.Contains("k-000", keys);
        Assert.DoesNotContain("k-030", keys);
        Assert.Contains("k-031", keys);
        Assert.Equal(1, await context.Set<IdempotencyKeyRow>().CountAsync(k => k.TenantId == other));
        Assert.Equal(IdempotencyOutcome.InProgress, (await store.TryReserveAsync(tenant, "k-000", "F", Now + Duration.FromSeconds(1), Later)).Outcome);
        Assert.Equal(IdempotencyOutcome.Reserved, holder.Outcome);
    }

    private async Task Oversized(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var tenant = Tenant();
        var store = Store(db, new IdempotencyStoreOptions { MaxResponseBytes = 1024 });
        var r = await store.TryReserveAsync(tenant, "big", "F", Now, Later);
        await store.CompleteAsync(r, Created("/t/big", 5000));
        var r2 = await store.TryReserveAsync(tenant, "small", "F", Now, Later);
        await store.CompleteAsync(r2, Created("/t/small", 1024));

        var big = (await store.TryReserveAsync(tenant, "big", "F", Now, Later)).Response!;
        Assert.Equal((201, 5000, 0, "/t/big"), (big.StatusCode, big.OmittedBodyLength, big.Body.Length, big.Headers["Location"]));
        var small = (await store.TryReserveAsync(tenant, "small", "F", Now, Later)).Response!;
        Assert.Equal((null, 1024), (small.OmittedBodyLength, small.Body.Length));
    }
}
