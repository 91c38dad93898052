using AfterSales.Calendars;
using AfterSales.People;
using AfterSales.Sla;
using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Tests.People;

/// <summary>
/// The service reads the engineer and their centre's rota and hands the facts to the ticket (R-ORG-1/2);
/// a tenant that keeps no engineers dispatches by name, as before.
/// </summary>
public sealed class DispatchServiceTests
{
    private readonly FakeClock clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0); // 09:00 Beijing
    private readonly InMemoryEngineerStore people = new();
    private readonly InMemoryTicketStore store;
    private readonly TicketService service;

    public DispatchServiceTests()
    {
        var catalog = new InMemorySlaPolicyCatalog(SlaPresets.All);
        store = new InMemoryTicketStore(catalog, clock);
        service = new TicketService(store, catalog, clock, new TicketServiceOptions { Engineers = people });
    }

    private async Task<TicketId> ReadyForDispatch(string id = "WO-1")
    {
        var ticket = await service.ReportAsync(Tickets.Report(id), Tickets.Policy.Id);
        await service.AcknowledgeAsync(Tickets.Tenant, ticket.Id);
        await service.StartRemoteDiagnosisAsync(Tickets.Tenant, ticket.Id);
        return ticket.Id;
    }

    private async Task KeepEngineers()
    {
        await people.SaveEngineerAsync(Tickets.Tenant, Engineer.Create("E-1", "李雷", "SH-01", "138"), 0);
        await people.SaveEngineerAsync(Tickets.Tenant, Engineer.Create("E-2", "韩梅梅", "SH-01", "139"), 0);
        await people.SaveRotaAsync(Tickets.Tenant, DutyRota.Create("SH-01", ChinaCalendars.BeijingTime,
            [new DutyShift { EngineerId = "E-1", Start = new LocalDateTime(2026, 3, 2, 9, 0), End = new LocalDateTime(2026, 3, 2, 17, 0) }]), 0);
    }

    [Fact]
    public async Task DispatchAsync_TenantKeepsNoEngineers_ByNameAsBefore()
    {
        var id = await ReadyForDispatch();

        var ticket = await service.DispatchAsync(Tickets.Tenant, id, "李工");

        Assert.Equal(("李工", TicketState.Dispatched), (ticket.Events[^1].Engineer, ticket.State));
    }

    [Fact]
    public async Task DispatchAsync_KeptEngineerOnDuty_Dispatched_R_ORG_2()
    {
        await KeepEngineers();
        var id = await ReadyForDispatch();

        var ticket = await service.DispatchAsync(Tickets.Tenant, id, "E-1");

        Assert.Equal("E-1", (await service.GetAsync(Tickets.Tenant, id)).Events[^1].Engineer);
        Assert.Equal(TicketState.Dispatched, ticket.State);
    }

    [Fact]
    public async Task DispatchAsync_UnknownEngineer_RefusedNamingTheField_NothingSaved_R_ORG_1()
    {
        await KeepEngineers();
        var id = await ReadyForDispatch();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => service.DispatchAsync(Tickets.Tenant, id, "E-9", "override given"));

        Assert.Equal("engineer", refused.ParamName);
        Assert.Equal(TicketState.RemoteDiagnosis, (await service.GetAsync(Tickets.Tenant, id)).State);
    }

    [Fact]
    public async Task DispatchAsync_OffDuty_RefusedUnlessOverridden_TheOverrideKeepsReasonAndActor_R_ORG_2()
    {
        await KeepEngineers();
        var id = await ReadyForDispatch();

        await Assert.ThrowsAsync<EngineerNotOnDutyException>(() => service.DispatchAsync(Tickets.Tenant, id, "E-2"));
        Assert.Equal(TicketState.RemoteDiagnosis, (await service.GetAsync(Tickets.Tenant, id)).State);

        var lead = new Actor("lead-7", "区域主管");
        await service.ActingAs(lead).DispatchAsync(Tickets.Tenant, id, "E-2", "E-1 病假");
        var e = (await service.GetAsync(Tickets.Tenant, id)).Events[^1];
        Assert.Equal(("E-2", "E-1 病假", lead), (e.Engineer, e.Reason, e.Actor));
    }

    [Fact]
    public async Task DispatchAsync_Backdated_ReadsTheRotaAtOccurredAt()
    {
        await KeepEngineers();
        var id = await ReadyForDispatch();
        var during = clock.GetCurrentInstant();
        clock.Reset(Instant.FromUtc(2026, 3, 2, 9, 30)); // 17:30 Beijing

        await Assert.ThrowsAsync<EngineerNotOnDutyException>(() => service.DispatchAsync(Tickets.Tenant, id, "E-1"));
        var ticket = await service.DispatchAsync(Tickets.Tenant, id, "E-1", null, occurredAt: during);

        Assert.Equal(during, ticket.Events[^1].At);
    }

    [Fact]
    public async Task DispatchAsync_EngineerIdBreaksTheRule_ThrowsNamingTheField()
    {
        var id = await ReadyForDispatch();

        Assert.Equal("engineer", (await Assert.ThrowsAnyAsync<ArgumentException>(() => service.DispatchAsync(Tickets.Tenant, id, "a/b"))).ParamName);
    }
}
