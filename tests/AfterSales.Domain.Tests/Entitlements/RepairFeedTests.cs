using AfterSales.Entitlements;
using AfterSales.Entitlements.Warranty;
using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Tests.Entitlements;

/// <summary>Repair history fed by tickets (R-WAR-6): each resolve counts; the resolve that crosses the contract's rule raises the obligation.</summary>
public sealed class RepairFeedTests
{
    private readonly FakeClock clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
    private readonly InMemoryDeviceRegistry registry = new();
    private readonly InMemoryTicketStore store;
    private readonly TicketService service;

    public RepairFeedTests()
    {
        var catalog = new InMemorySlaPolicyCatalog([Tickets.Policy]);
        store = new InMemoryTicketStore(catalog, clock);
        service = new TicketService(store, catalog, clock, new TicketServiceOptions
        {
            Entitlements = new EntitlementService(registry, new WarrantyPolicyCatalog(WarrantyPresets.All)),
            RepairLog = store,
        });
    }

    private async Task<Ticket> RepairOnce(string id, string? part, bool unfixable = false)
    {
        await service.ReportAsync(Tickets.Report(id), Tickets.Policy.Id);
        clock.AdvanceMinutes(10);
        return await service.ExecuteAsync(Tickets.Tenant, TicketId.From(id), null, t =>
        {
            t.Acknowledge();
            t.StartRemoteDiagnosis();
            t.ResolveRemotely("更换驱动器", part, unfixable);
        });
    }

    [Fact]
    public async Task Resolve_R_WAR_6_TheFourthRepairOfAPart_RaisesTheObligationOnce()
    {
        // Seed 001 lighting: a part repaired more than 3 times is replaced.
        await registry.SaveAsync(Tickets.Tenant, DeviceRecord.Create("SN-0001", ComponentClass.Hardware, acceptedOn: new LocalDate(2025, 6, 1)).WithContract("cn-001-lighting", null), 0);
        for (var i = 1; i <= 3; i++)
        {
            Assert.Empty((await RepairOnce($"WO-{i}", "DRIVER")).ReplacementObligations);
        }

        var fourth = await RepairOnce("WO-4", "DRIVER");
        var raised = Assert.Single(fourth.ReplacementObligations);
        Assert.Equal((ReplacementScope.KeyPart, "DRIVER", 4, 3), (raised.Scope, raised.PartNumber, raised.RepairCount, raised.Limit));
        Assert.Equal(TicketEventKind.ReplacementObligationRaised, fourth.Events[^1].Kind);
        Assert.Equal(fourth.Events[^2].At, fourth.Events[^1].At);
        TicketAssert.Identical(fourth, await service.GetAsync(Tickets.Tenant, fourth.Id));

        // Already owed: the fifth repair raises nothing new.
        Assert.Empty((await RepairOnce("WO-5", "DRIVER")).ReplacementObligations);
        Assert.Equal(5, (await store.ListRepairsAsync(Tickets.Tenant, "SN-0001")).Count);
    }

    [Fact]
    public async Task Resolve_R_WAR_6_RepeatedRepairsThatCannotFixIt_RaiseAFreeReplacement()
    {
        await registry.SaveAsync(Tickets.Tenant, DeviceRecord.Create("SN-0001", ComponentClass.Hardware, acceptedOn: new LocalDate(2025, 6, 1)).WithContract("cn-001-lighting", null), 0);
        Assert.Empty((await RepairOnce("WO-1", null)).ReplacementObligations);

        var second = await RepairOnce("WO-2", null, unfixable: true);

        var raised = Assert.Single(second.ReplacementObligations);
        Assert.Equal(ReplacementScope.WholeUnit, raised.Scope);
        Assert.Contains("repairs cannot fix it: replace it free (R-WAR-6)", raised.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_R_WAR_6_AReplacementInTheRegistry_StartsTheCountAgain()
    {
        var device = DeviceRecord.Create("SN-0001", ComponentClass.Hardware, acceptedOn: new LocalDate(2025, 6, 1)).WithContract("cn-001-lighting", null);
        await registry.SaveAsync(Tickets.Tenant, device, 0);
        for (var i = 1; i <= 3; i++)
        {
            await RepairOnce($"WO-{i}", "DRIVER");
        }

        await registry.SaveAsync(Tickets.Tenant, device.WithReplacement(new DeviceReplacement(new LocalDate(2026, 3, 2), ReplacementScope.KeyPart, "WO-3", partNumber: "DRIVER")), 1);

        Assert.Empty((await RepairOnce("WO-4", "DRIVER")).ReplacementObligations);
    }

    [Fact]
    public async Task Resolve_UnderAContractWithoutARepairRule_OrOnAnUnknownDevice_RaisesNothing()
    {
        await registry.SaveAsync(Tickets.Tenant, DeviceRecord.Create("SN-0001", ComponentClass.Hardware, acceptedOn: new LocalDate(2025, 6, 1)).WithContract("cn-002-integration", null), 0);
        for (var i = 1; i <= 5; i++)
        {
            Assert.Empty((await RepairOnce($"WO-{i}", "DRIVER")).ReplacementObligations);
        }

        var unknown = await service.ReportAsync(Tickets.Report("WO-X") with { DeviceSerialNumber = "SN-NONE" }, Tickets.Policy.Id);
        Assert.Empty((await service.ExecuteAsync(Tickets.Tenant, unknown.Id, null, static t =>
        {
            t.Acknowledge();
            t.StartRemoteDiagnosis();
            t.ResolveRemotely("x", "DRIVER");
        })).ReplacementObligations);
    }

    [Fact]
    public void RepairHistoryOf_MergesTheTicketsRepairsWithTheRegistrysReplacementsByDay_InAnyInputOrder()
    {
        var zone = WarrantyPresets.Lighting001.Zone;
        var device = DeviceRecord.Create("SN-1", ComponentClass.Hardware, acceptedOn: new LocalDate(2025, 1, 1))
            .WithReplacement(new DeviceReplacement(new LocalDate(2025, 6, 1), ReplacementScope.KeyPart, "WO-R", partNumber: "LENS"));
        DeviceRepair[] repairs =
        [
            new("WO-1", Instant.FromUtc(2025, 2, 1, 0, 0), "LENS"), new("WO-2", Instant.FromUtc(2025, 3, 1, 0, 0), "LENS"),
            new("WO-3", Instant.FromUtc(2025, 7, 1, 0, 0), "LENS"), new("WO-4", Instant.FromUtc(2025, 8, 1, 0, 0), "LENS"),
        ];

        var history = RepairHistory.Of(device, repairs, zone);
        var reversed = RepairHistory.Of(device, repairs.Reverse(), zone);

        Assert.Equal(2, history.PartRepairCount("LENS"));
        Assert.Equal(history.PartRepairCount("LENS"), reversed.PartRepairCount("LENS"));
        Assert.Equal(5, history.Count);
    }
}
