using AfterSales.Sla;
using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace AfterSales.Tests.WorkOrders;

public sealed class TicketServiceTests
{
    private readonly FakeClock clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
    private readonly TicketService service;
    private readonly InMemoryTicketStore store;

    public TicketServiceTests()
    {
        var catalog = new InMemorySlaPolicyCatalog(SlaPresets.All);
        store = new InMemoryTicketStore(catalog, clock);
        service = new TicketService(store, catalog, clock);
    }

    [Fact]
    public async Task ReportAsyncThenCommands_WalkTheMainPathToClosed_R_WO_8()
    {
        var id = (await service.ReportAsync(Tickets.Report(), Tickets.Policy.Id)).Id;
        await service.AcknowledgeAsync(Tickets.Tenant, id, expectedVersion: 1);
        await service.StartRemoteDiagnosisAsync(Tickets.Tenant, id);
        await service.DispatchAsync(Tickets.Tenant, id, "李工");
        await service.ArriveOnSiteAsync(Tickets.Tenant, id);
        await service.ResolveAsync(Tickets.Tenant, id, "更换打印头");
        await service.StartObservationAsync(Tickets.Tenant, id);
        await service.SignOffAsync(Tickets.Tenant, id, "王主任", 5);
        clock.Advance(Duration.FromDays(7));
        var closed = await service.CloseAsync(Tickets.Tenant, id);

        Assert.Equal(TicketState.Closed, closed.State);
        Assert.Equal(9, (await service.GetAsync(Tickets.Tenant, id)).Version);
    }

    [Fact]
    public async Task Command_StaleExpectedVersion_ThrowsConflictAndSavesNothing()
    {
        var id = (await service.ReportAsync(Tickets.Report(), Tickets.Policy.Id)).Id;
        await service.AcknowledgeAsync(Tickets.Tenant, id);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.CancelAsync(Tickets.Tenant, id, "重复", expectedVersion: 1));
        Assert.Equal(TicketState.Acknowledged, (await service.GetAsync(Tickets.Tenant, id)).State);
    }

    [Fact]
    public async Task Command_NotPermitted_ThrowsAndSavesNothing_R_WO_2()
    {
        var id = (await service.ReportAsync(Tickets.Report(), Tickets.Policy.Id)).Id;

        await Assert.ThrowsAsync<InvalidTransitionException>(() => service.DispatchAsync(Tickets.Tenant, id, "李工"));
        Assert.Equal(1, store.EventCount(Tickets.Tenant, id));
    }

    [Fact]
    public async Task Command_UnknownTicket_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<TicketNotFoundException>(() => service.AcknowledgeAsync(Tickets.Tenant, TicketId.From("nope")));
    }

    [Fact]
    public async Task ReportAsync_UnknownPolicy_ThrowsPolicyNotFound()
    {
        await Assert.ThrowsAsync<SlaPolicyNotFoundException>(() => service.ReportAsync(Tickets.Report(), "no-such-policy"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => service.ReportAsync(Tickets.Report()));
    }

    [Fact]
    public async Task GetClocksAsync_EqualsTheTicketsClocks()
    {
        var id = (await service.ReportAsync(Tickets.Report(), Tickets.Policy.Id)).Id;
        clock.AdvanceMinutes(20);

        var clocks = await service.GetClocksAsync(Tickets.Tenant, id);

        Assert.Equal(SlaClockStatus.Breached, Assert.Single(clocks, static c => c.Metric == SlaMetric.FirstResponse).Status);
    }

    [Fact]
    public async Task ListBreachingOrWarningBeforeAsync_UsesTheStoresIndex()
    {
        var t = await service.ReportAsync(Tickets.Report(), Tickets.Policy.Id);

        var due = await service.ListBreachingOrWarningBeforeAsync(Tickets.Tenant, clock.GetCurrentInstant() + Duration.FromMinutes(8));

        Assert.Equal(t.Id, Assert.Single(due).Id);
    }
}

public sealed class AddAfterSalesTests
{
    [Fact]
    public void AddAfterSales_CalledTwice_RegistersEachServiceOnceAndMergesPolicies()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(FakeClock.FromUtc(2026, 3, 2));

        services.AddAfterSales(o => o.Policies.Add(SlaPresets.Cctv004));
        var builder = services.AddAfterSales(o => o.Policies.Add(SlaPresets.EnterpriseSystems003));

        Assert.Same(services, builder.Services);
        Assert.Single(services, static d => d.ServiceType == typeof(TicketService));
        Assert.Single(services, static d => d.ServiceType == typeof(ITicketStore));
        Assert.Single(services, static d => d.ServiceType == typeof(ISlaPolicyCatalog));
        Assert.Single(services, static d => d.ServiceType == typeof(AfterSalesOptions));
        using var provider = services.BuildServiceProvider();
        var catalog = provider.GetRequiredService<ISlaPolicyCatalog>();
        Assert.NotNull(catalog.Latest(SlaPresets.Cctv004.Id));
        Assert.NotNull(catalog.Latest(SlaPresets.EnterpriseSystems003.Id));
        Assert.NotNull(provider.GetRequiredService<TicketService>());
    }

    [Fact]
    public void AddAfterSales_StoreRegisteredFirst_IsKept()
    {
        var services = new ServiceCollection();
        var clock = FakeClock.FromUtc(2026, 3, 2);
        var mine = new InMemoryTicketStore(new InMemorySlaPolicyCatalog(), clock);
        services.AddSingleton<ITicketStore>(mine);

        services.AddAfterSales();

        using var provider = services.BuildServiceProvider();
        Assert.Same(mine, provider.GetRequiredService<ITicketStore>());
    }

    [Fact]
    public void AddAfterSales_NoClockRegistered_ResolvingSaysToRegisterOne()
    {
        var services = new ServiceCollection();
        services.AddAfterSales(o => o.Policies.Add(SlaPresets.Cctv004));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(provider.GetRequiredService<TicketService>);
        Assert.Contains("IClock", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAfterSales_UnknownDefaultPolicy_FailsNamingTheOption()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddAfterSales(o => o.DefaultPolicyId = "missing"));
        Assert.StartsWith("DefaultPolicyId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAfterSales_NullPolicy_FailsNamingTheOption()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddAfterSales(o => o.Policies.Add(null!)));
        Assert.StartsWith("Policies[0]", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(60_001)]
    public void AddAfterSales_CatalogRefreshIntervalOutOfRange_FailsNamingTheOption(int milliseconds)
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddAfterSales(o => o.CatalogRefreshInterval = Duration.FromMilliseconds(milliseconds)));
        Assert.StartsWith("CatalogRefreshInterval must be zero to 1 minute", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAfterSales_DefaultPolicy_IsUsedByReportAsync()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(FakeClock.FromUtc(2026, 3, 2));
        services.AddAfterSales(o =>
        {
            o.Policies.Add(Tickets.Policy);
            o.DefaultPolicyId = Tickets.Policy.Id;
        });
        using var provider = services.BuildServiceProvider();

        var t = await provider.GetRequiredService<TicketService>().ReportAsync(Tickets.Report());

        Assert.Equal(Tickets.Policy.Key, t.PolicyKey);
    }
}
