using AfterSales.Sla;
using AfterSales.WorkOrders;

namespace AfterSales.Tests.WorkOrders;

/// <summary>Per-tenant policy versions over a shared default set: the calendar catalog's rule.</summary>
public class InMemorySlaPolicyCatalogTenantTests
{
    private readonly InMemorySlaPolicyCatalog catalog = new(SlaPresets.All);

    [Fact]
    public async Task SaveAsync_TenantsOwnVersion_HidesSharedFromThatTenantOnly()
    {
        var saved = await catalog.SaveAsync("acme", SlaPresets.SystemIntegration002, expectedVersion: 1);

        Assert.Equal(2, saved.Version);
        Assert.Same(saved, await catalog.FindAsync("acme", "cn-002-system-integration"));
        Assert.Same(SlaPresets.SystemIntegration002, await catalog.FindAsync("acme", "cn-002-system-integration", 1));
        Assert.Same(SlaPresets.SystemIntegration002, await catalog.FindAsync("other", "cn-002-system-integration"));
        Assert.Null(await catalog.FindAsync("other", "cn-002-system-integration", 2));
        Assert.Contains(saved, await catalog.ListAsync("acme"));
        Assert.Same(SlaPresets.SystemIntegration002, catalog.Latest("cn-002-system-integration"));
    }

    [Fact]
    public async Task SaveAsync_StaleExpectedVersion_ConflictsAndSavesNothing()
    {
        await catalog.SaveAsync("acme", SlaPresets.Cctv004, expectedVersion: 2);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => catalog.SaveAsync("acme", SlaPresets.Cctv004, expectedVersion: 2));

        Assert.Equal(3, (await catalog.FindAsync("acme", "cn-004-cctv"))!.Version);
        Assert.Contains("cn-004-cctv", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_LatestOfEachId_SharedAndOwn()
    {
        var list = await catalog.ListAsync("acme");

        Assert.Equal(list.Select(p => p.Id).Distinct().Count(), list.Count);
        Assert.Same(SlaPresets.Cctv004, Assert.Single(list, p => p.Id == "cn-004-cctv"));
    }

    [Fact]
    public async Task TicketService_Report_UsesTheTenantsLatestVersion()
    {
        var clock = NodaTime.Testing.FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
        var saved = await catalog.SaveAsync("acme", SlaPresets.SystemIntegration002, null);
        var store = new InMemoryTicketStore(catalog, clock);
        var service = new TicketService(store, catalog, clock);

        var ticket = await service.ReportAsync(Support.Tickets.Report() with { TenantId = "acme" }, "cn-002-system-integration");
        var loaded = await service.GetAsync("acme", ticket.Id);

        Assert.Equal(saved.Key, ticket.PolicyKey);
        Assert.Same(saved, loaded.Policy);
    }
}
