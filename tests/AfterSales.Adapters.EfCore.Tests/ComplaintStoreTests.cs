using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.Quality.Complaints;
using AfterSales.WorkOrders;
using FsCheck;
using FsCheck.Fluent;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>The complaint store against a real database, on both providers.</summary>
public sealed class ComplaintStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 1, 0);

    [Fact]
    public Task RandomComplaints_SaveAndLoad_RoundTripEqual_Sqlite() => RoundTrip(Provider.Sqlite);

    [PostgresFact]
    public Task RandomComplaints_SaveAndLoad_RoundTripEqual_PostgreSql() => RoundTrip(Provider.PostgreSql);

    [Fact]
    public Task SaveAsync_TwoWritersFromOneVersion_OneCommitsOtherConflicts_Sqlite() => TwoWriters(Provider.Sqlite);

    [PostgresFact]
    public Task SaveAsync_TwoWritersFromOneVersion_OneCommitsOtherConflicts_PostgreSql() => TwoWriters(Provider.PostgreSql);

    private async Task RoundTrip(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var store = new EfCoreComplaintStore<HostDbContext>(db.HostFactory());
        var baseline = new InMemoryComplaintStore();
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..8];
        // One complaint closed for certain, so the open-list comparison below always has a closed one to leave out.
        var surelyClosed = RandomAggregates.Build(
            new RandomAggregates.ComplaintScript("WO-1", "E-1", "closed for certain", 0, [new(3, 60_000_000_000, true), new(4, 120_000_000_000, true), new(5, 180_000_000_000, true)]),
            "C-closed-" + Guid.NewGuid().ToString("N"),
            Start);
        Assert.Equal(ComplaintStatus.Closed, surelyClosed.Status);
        Assert.Equal(1, await store.SaveAsync(tenant, surelyClosed, 0));
        await baseline.SaveAsync(tenant, surelyClosed, 0);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), Prop.ForAll(RandomAggregates.Complaints, script =>
        {
            var id = "C-" + Guid.NewGuid().ToString("N");
            var complaint = RandomAggregates.Build(script, id, Start);

            // Filed first, then saved again as it is now.
            var filed = Complaint.File(id, complaint.WorkOrderId, complaint.EngineerId, complaint.FiledAt, complaint.Summary);
            Assert.Equal(1, store.SaveAsync(tenant, filed, 0).GetAwaiter().GetResult());
            Assert.Equal(2, store.SaveAsync(tenant, complaint, 1).GetAwaiter().GetResult());
            baseline.SaveAsync(tenant, complaint, 0).GetAwaiter().GetResult();

            var loaded = store.LoadAsync(tenant, id).GetAwaiter().GetResult();
            Assert.NotNull(loaded);
            Assert.Equal(2, loaded.Version);
            Assert.Equal(RandomAggregates.Describe(complaint), RandomAggregates.Describe(loaded.Value));
        }));

        // The open list answers as the in-memory reference store does.
        var expected = (await baseline.ListOpenAsync(tenant)).Select(static c => RandomAggregates.Describe(c.Value));
        var actual = (await store.ListOpenAsync(tenant)).Select(static c => RandomAggregates.Describe(c.Value));
        Assert.Equal(expected, actual);
        Assert.Null(await store.LoadAsync(tenant, "missing"));
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
