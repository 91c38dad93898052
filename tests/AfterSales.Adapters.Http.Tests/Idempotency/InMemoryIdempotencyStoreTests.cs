using AfterSales.Http.Idempotency;
using AfterSales.Idempotency;

namespace AfterSales.Http.Tests.Idempotency;

/// <summary>The in-memory store: bounded per tenant like the durable one, with leases.</summary>
public sealed class InMemoryIdempotencyStoreTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly Instant Later = Now + Duration.FromHours(24);

    private static IdempotentResponse Response(int bodyBytes) =>
        new(201, new Dictionary<string, string> { ["Location"] = "/t/x" }, new byte[bodyBytes]);

    [Fact]
    public async Task ManyKeys_OverTheCountBound_OldestEvictedAndTheTenantStaysAtTheBound()
    {
        var store = new InMemoryIdempotencyStore(new IdempotencyStoreOptions { MaxKeysPerTenant = 100 });
        for (var i = 0; i < 1000; i++)
        {
            var r = await store.TryReserveAsync("acme", "k-" + i, "F", Now + Duration.FromMilliseconds(i), Later);
            await store.CompleteAsync(r, Response(10));
        }

        await store.CompleteAsync(await store.TryReserveAsync("globex", "k-0", "F", Now, Later), Response(10));
        Assert.Equal(101, store.Count);
        Assert.Equal(IdempotencyOutcome.Reserved, (await store.TryReserveAsync("acme", "k-899", "F", Now, Later)).Outcome);
        Assert.Equal(IdempotencyOutcome.Completed, (await store.TryReserveAsync("acme", "k-999", "F", Now, Later)).Outcome);
        Assert.Equal(IdempotencyOutcome.Completed, (await store.TryReserveAsync("globex", "k-0", "F", Now, Later)).Outcome);
    }

    [Fact]
    public async Task LargeResponses_OverTheByteBound_OldestEvictedAndBytesStayUnderTheBound()
    {
        var options = new IdempotencyStoreOptions { MaxBytesPerTenant = 1024 * 1024, MaxResponseBytes = 64 * 1024 };
        var store = new InMemoryIdempotencyStore(options);
        for (var i = 0; i < 200; i++)
        {
            var r = await store.TryReserveAsync("acme", "k-" + i, "F", Now, Later);
            await store.CompleteAsync(r, Response(60 * 1024));
            Assert.True(store.BytesOf("acme") <= options.MaxBytesPerTenant, $"{store.BytesOf("acme")} bytes after {i + 1} keys");
        }

        Assert.InRange(store.Count, 15, 17);
    }

    [Fact]
    public async Task Complete_BodyOverTheLimit_KeptAsItsLengthOnly()
    {
        var store = new InMemoryIdempotencyStore(new IdempotencyStoreOptions { MaxResponseBytes = 1024 });
        await store.CompleteAsync(await store.TryReserveAsync("acme", "big", "F", Now, Later), Response(1025));
        var big = (await store.TryReserveAsync("acme", "big", "F", Now, Later)).Response!;
        Assert.Equal((1025, 0, 201), (big.OmittedBodyLength, big.Body.Length, big.StatusCode));
        Assert.True(store.BytesOf("acme") < 1024);
    }

    [Fact]
    public async Task Lease_EndedRequestIsTakenOver_TheDeadHolderCanNeitherCompleteNorRelease()
    {
        var store = new InMemoryIdempotencyStore(new IdempotencyStoreOptions { InProgressLease = TimeSpan.FromSeconds(10) });
        var dead = await store.TryReserveAsync("acme", "k", "F", Now, Later);
        Assert.Equal(IdempotencyOutcome.InProgress, (await store.TryReserveAsync("acme", "k", "F", Now + Duration.FromSeconds(9), Later)).Outcome);
        Assert.Equal(IdempotencyOutcome.FingerprintMismatch, (await store.TryReserveAsync("acme", "k", "G", Now + Duration.FromSeconds(9), Later)).Outcome);
        var retry = await store.TryReserveAsync("acme", "k", "F", Now + Duration.FromSeconds(10), Later);
        Assert.Equal(IdempotencyOutcome.Reserved, retry.Outcome);

        await store.ReleaseAsync(dead);
        await store.CompleteAsync(dead, Response(1));
        Assert.Equal(IdempotencyOutcome.InProgress, (await store.TryReserveAsync("acme", "k", "F", Now + Duration.FromSeconds(11), Later)).Outcome);
        await store.CompleteAsync(retry, Response(2));
        Assert.Equal(2, (await store.TryReserveAsync("acme", "k", "F", Now, Later)).Response!.Body.Length);
    }

    [Fact]
    public async Task Sweep_RemovesExpiredKeysOnly()
    {
        var store = new InMemoryIdempotencyStore();
        await store.CompleteAsync(await store.TryReserveAsync("acme", "old", "F", Now, Now + Duration.FromMinutes(1)), Response(1));
        await store.CompleteAsync(await store.TryReserveAsync("acme", "new", "F", Now, Later), Response(1));
        Assert.Equal(1, await store.SweepAsync(Now + Duration.FromMinutes(1)));
        Assert.Equal(1, store.Count);
        Assert.Equal(IdempotencyOutcome.Reserved, (await store.TryReserveAsync("acme", "old", "F", Now + Duration.FromMinutes(1), Later)).Outcome);
    }

    [Fact]
    public void Options_OutOfRange_RejectedNamingTheOption()
    {
        var ex = Assert.Throws<ArgumentException>(() => new InMemoryIdempotencyStore(new IdempotencyStoreOptions { MaxKeysPerTenant = 1, InProgressLease = TimeSpan.Zero }));
        Assert.Contains("MaxKeysPerTenant must be 100 to 10000000, was 1.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("InProgressLease", ex.Message, StringComparison.Ordinal);
    }
}
