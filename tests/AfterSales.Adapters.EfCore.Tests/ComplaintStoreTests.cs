using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.Quality.Complaints;
using AfterSales.WorkOrders;
using FsCheck.Xunit;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>The complaint store against a real database, on both providers.</summary>
public sealed class ComplaintStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 1, 0);

    // FsCheck.Xunit runs every case of a property on one instance of this class, so the cases of a run
    // share this tenant: each adds a complaint, and the open lists are compared over all of them so far.
    private readonly string tenant = "t-" + Guid.NewGuid().ToString("N")[..8];
    private readonly InMemoryComplaintStore baseline = new();
    private EfCoreComplaintStore<HostDbContext>? store;

    [Property(Arbitrary = new[] { typeof(RandomAggregates) }, MaxTest = 60)]
    public Task RandomComplaints_SaveAndLoad_RoundTripEqual_Sqlite(RandomAggregates.ComplaintScript script) => RoundTrip(Provider.Sqlite, script);

    [PostgresProperty(Arbitrary = new[] { typeof(RandomAggregates) }, MaxTest = 60)]
    public Task RandomComplaints_SaveAndLoad_RoundTripEqual_PostgreSql(RandomAggregates.ComplaintScript script) => RoundTrip(Provider.PostgreSql, script);

    [Fact]
    public Task SaveAsync_TwoWritersFromOneVersion_OneCommitsOtherConflicts_Sqlite() => TwoWriters(Provider.Sqlite);

    [PostgresFact]
    public Task SaveAsync_TwoWritersFromOneVersion_OneCommitsOtherConflicts_PostgreSql() => TwoWriters(Provider.PostgreSql);

    private async Task RoundTrip(Provider provider, RandomAggregates.ComplaintScript script)
    {
        var store = this.store ??= await OpenTenantAsync(provider);
        var id = "C-" + Guid.NewGuid().ToString("N");
        var complaint = RandomAggregates.Build(script, id, Start);

        // Filed first, then saved again as it is now.
        var filed = Complaint.File(id, complaint.WorkOrderId, complaint.EngineerId, complaint.FiledAt, complaint.Summary);
        Assert.Equal(1, await store.SaveAsync(tenant, filed, 0));
        Assert.Equal(2, await store.SaveAsync(tenant, complaint, 1));
        await baseline.SaveAsync(tenant, complaint, 0);

        var loaded = await store.LoadAsync(tenant, id);
        Assert.NotNull(loaded);
        Assert.Equal(2, loaded.Version);
        Assert.Equal(RandomAggregates.Describe(complaint), RandomAggregates.Describe(loaded.Value));

        // The open list answers as the in-memory reference store does.
        var expected = (await baseline.ListOpenAsync(tenant)).Select(static c => RandomAggregates.Describe(c.Value));
        var actual = (await store.ListOpenAsync(tenant)).Select(static c => RandomAggregates.Describe(c.Value));
        Assert.Equal(expected, actual);
        Assert.Null(await store.LoadAsync(tenant, "missing"));
    }

    /// <summary>The store, with one complaint closed for certain in the tenant, so the open-list comparison always has a closed one to leave out.</summary>
    private async Task<EfCoreComplaintStore<HostDbContext>> OpenTenantAsync(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var store = new EfCoreComplaintStore<HostDbContext>(db.HostFactory());
        var surelyClosed = RandomAggregates.Build(
            new RandomAggregates.ComplaintScript("WO-1", "E-1", "closed for certain", 0, [new(3, 60_000_000_000, true), new(4, 120_000_000_000, true), new(5, 180_000_000_000, true)]),
            "C-closed-" + Guid.NewGuid().ToString("N"),
            Start);
        Assert.Equal(ComplaintStatus.Closed, surelyClosed.Status);
        Assert.Equal(1, await store.SaveAsync(tenant, surelyClosed, 0));
        await baseline.SaveAsync(tenant, surelyClosed, 0);
        return store;
    }

    private async Task TwoWriters(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var store = new EfCoreComplaintStore<HostDbContext>(db.HostFactory());
        var id = "C-" + Guid.NewGuid().ToString("N");
        var complaint = Complaint.File(id, "WO-1", "engineer-7", Start, "工程师迟到");
        await store.SaveAsync("t1", complaint, 0);

        // A second "new" complaint with the same id conflicts too.
        var duplicate = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync("t1", complaint, 0));
        Assert.Equal(1, duplicate.ActualVersion);

        var a = (await store.LoadAsync("t1", id))!;
        var b = (await store.LoadAsync("t1", id))!;
        await store.SaveAsync("t1", a.Value.RecordFirstReply(Start + Duration.FromMinutes(5)), a.Version);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => store.SaveAsync("t1", b.Value.RecordVerification(Start + Duration.FromMinutes(9), engineerResponsible: true), b.Version));
        Assert.Equal(("complaint", id, 1, 2), (conflict.Aggregate, conflict.AggregateId, conflict.ExpectedVersion, conflict.ActualVersion));

        var stored = (await store.LoadAsync("t1", id))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(Start + Duration.FromMinutes(5), stored.Value.FirstRepliedAt);
        Assert.Null(stored.Value.VerifiedAt);
    }
}
