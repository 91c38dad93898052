using AfterSales.Entitlements.Spares;
using AfterSales.Entitlements.Warranty;
using AfterSales.Quality.Complaints;
using AfterSales.WorkOrders;

namespace AfterSales.Tests.Entitlements;

/// <summary>The in-memory stores of stock ledgers, complaints and device records: round trips, tenants and conflicts.</summary>
public sealed class InMemoryAggregateStoreTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 1, 0);

    [Fact]
    public async Task StockLedgers_LoadUnknown_IsEmpty_AndAStaleSaveConflicts()
    {
        var store = new InMemoryStockLedgerStore();
        var empty = await store.LoadAsync("t1", "SC-01", "PSU");
        Assert.Equal((0, 0), (empty.Version, empty.Balance));

        var received = empty.Receive(5, "keeper", At);
        await store.SaveAsync("t1", received, 0);
        var issued = received.IssueToWorkOrder(2, "WO-1", "eng", At);
        await store.SaveAsync("t1", issued, 1);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync("t1", received.IssueToWorkOrder(5, "WO-2", "eng", At), 1));
        Assert.Equal(("stock ledger", "SC-01/PSU", 1, 2), (conflict.Aggregate, conflict.AggregateId, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.True(conflict.TicketId.IsEmpty);
        Assert.Equal(3, (await store.LoadAsync("t1", "SC-01", "PSU")).Balance);
        Assert.Equal(0, (await store.LoadAsync("t2", "SC-01", "PSU")).Version);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.SaveAsync("t1", received, 2));
    }

    [Fact]
    public async Task Complaints_SaveRaisesTheVersion_ListOpenSkipsClosed_AndAStaleSaveConflicts()
    {
        var store = new InMemoryComplaintStore();
        var open = Complaint.File("C-2", "WO-1", "eng", At + Duration.FromHours(1), "late");
        var closed = Complaint.File("C-1", "WO-1", "eng", At, "rude").RecordSolved(At).RecordCustomerVerdict(At, satisfied: true).Close(At);
        Assert.Equal(1, await store.SaveAsync("t1", open, 0));
        Assert.Equal(1, await store.SaveAsync("t1", closed, 0));
        Assert.Equal(2, await store.SaveAsync("t1", open.RecordFirstReply(At + Duration.FromHours(2)), 1));

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync("t1", open, 1));
        Assert.Equal(("complaint", "C-2", 1, 2), (conflict.Aggregate, conflict.AggregateId, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(["C-2"], (await store.ListOpenAsync("t1")).Select(static c => c.Value.Id));
        Assert.Empty(await store.ListOpenAsync("t2"));
        Assert.Equal(2, (await store.LoadAsync("t1", "C-2"))!.Version);
    }

    [Fact]
    public async Task Devices_SaveAndGet_AndExpiringAnswersAsThePolicy()
    {
        var registry = new InMemoryDeviceRegistry();
        var record = DeviceRecord.Create("SN-1", ComponentClass.Hardware, acceptedOn: new LocalDate(2024, 1, 10));
        Assert.Equal(1, await registry.SaveAsync("t1", record, 0));
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => registry.SaveAsync("t1", record, 0));
        Assert.Equal(("device record", "SN-1", 0, 1), (conflict.Aggregate, conflict.AggregateId, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Same(record, (await registry.GetAsync("t1", "SN-1"))!.Value);
        Assert.Null(await registry.GetAsync("t2", "SN-1"));

        foreach (var policy in WarrantyPresets.All)
        {
            var on = new LocalDate(2025, 11, 1);
            var expected = policy.TermFor(record.Component) is null ? [] : policy.ExpiringWithin([record], on).Select(static a => a.ToString());
            Assert.Equal(expected, (await registry.ListExpiringWithinAsync("t1", policy, on)).Select(static a => a.ToString()));
        }
    }
}
