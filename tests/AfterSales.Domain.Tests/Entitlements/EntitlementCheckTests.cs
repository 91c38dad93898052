using AfterSales.Entitlements;
using AfterSales.Entitlements.Warranty;
using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace AfterSales.Tests.Entitlements;

/// <summary>The entitlement check at report (R-WO-1): the registered device judged by its warranty policy.</summary>
public sealed class EntitlementCheckTests
{
    private static readonly WarrantyPolicy Integration = WarrantyPresets.SystemIntegration002;

    private static DeviceRecord Device(LocalDate accepted) =>
        DeviceRecord.Create("SN-0001", ComponentClass.Hardware, acceptedOn: accepted)
            .WithContract(Integration.Code, "CT-2024-07")
            .WithServiceCentre("BJ")
            .WithModel("KIOSK-3", 2);

    [Fact]
    public void Assess_R_WO_1_RegisteredDeviceInWarranty_CoveredNotBillable_WithTheContractFacts()
    {
        var e = EntitlementCheck.Assess("SN-0001", Device(new LocalDate(2024, 7, 1)), Integration, Instant.FromUtc(2026, 3, 2, 1, 0));

        Assert.Equal(EntitlementStatus.Covered, e.Status);
        Assert.False(e.IsBillable);
        Assert.Equal(WarrantyStatus.InWarranty, e.WarrantyStatus);
        Assert.Equal(new LocalDate(2026, 3, 2), e.AssessedOn);
        Assert.Equal(new LocalDate(2027, 6, 30), e.LastCoveredDay);
        Assert.Equal(("cn-002-integration", "CT-2024-07", "BJ", "KIOSK-3", 2), (e.WarrantyPolicyCode, e.ContractId, e.ServiceCentreId, e.Model, e.Grade));
        Assert.Contains(e.Reasons, r => r.StartsWith("covered", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_R_WAR_8_OutOfWarranty_Billable_WithTheDayCoverageEnded()
    {
        var e = EntitlementCheck.Assess("SN-0001", Device(new LocalDate(2022, 7, 1)), Integration, Instant.FromUtc(2026, 3, 2, 1, 0));

        Assert.Equal(EntitlementStatus.Billable, e.Status);
        Assert.True(e.IsBillable);
        Assert.Equal(WarrantyStatus.OutOfWarranty, e.WarrantyStatus);
        Assert.Contains("billable: out of warranty since 2025-07-01", e.Reasons);
    }

    [Fact]
    public void Assess_R_WAR_4_LatentDefectWindow_Covered()
    {
        var lighting = WarrantyPresets.Lighting001;
        var device = DeviceRecord.Create("L-1", ComponentClass.Hardware, acceptedOn: new LocalDate(2023, 1, 10)).WithContract(lighting.Code, null);
        var e = EntitlementCheck.Assess("L-1", device, lighting, Instant.FromUtc(2026, 3, 2, 1, 0));

        Assert.Equal((EntitlementStatus.Covered, WarrantyStatus.LatentDefectPeriod), (e.Status, e.WarrantyStatus));
    }

    [Fact]
    public void Assess_UnknownDevice_AcceptedAndMarked_NotBillable()
    {
        var e = EntitlementCheck.Assess("SN-NEW", null, Integration, Instant.FromUtc(2026, 3, 2, 1, 0));

        Assert.Equal(EntitlementStatus.UnknownDevice, e.Status);
        Assert.False(e.IsDeviceKnown);
        Assert.False(e.IsBillable);
        Assert.Null(e.WarrantyStatus);
        Assert.Contains("not in the device registry", Assert.Single(e.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_RegisteredDeviceWithoutPolicy_NotAssessed_KeepsTheContractFacts()
    {
        var device = DeviceRecord.Create("SN-2", ComponentClass.Hardware, acceptedOn: new LocalDate(2025, 1, 1)).WithServiceCentre("SH");
        var e = EntitlementCheck.Assess("SN-2", device, null, Instant.FromUtc(2026, 3, 2, 1, 0));

        Assert.Equal(EntitlementStatus.NotAssessed, e.Status);
        Assert.True(e.IsDeviceKnown);
        Assert.Equal("SH", e.ServiceCentreId);
        Assert.Contains("names no warranty policy", Assert.Single(e.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_ComponentWithoutATerm_NotAssessed()
    {
        var device = DeviceRecord.Create("SW-1", ComponentClass.Software, acceptedOn: new LocalDate(2025, 1, 1));
        var e = EntitlementCheck.Assess("SW-1", device, Integration, Instant.FromUtc(2026, 3, 2, 1, 0));

        Assert.Equal(EntitlementStatus.NotAssessed, e.Status);
        Assert.Contains("no term for software", Assert.Single(e.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_TheFaultDayIsTheContractsDay_BeijingTime()
    {
        // 2025-06-30T16:30Z is 2025-07-01 00:30 in Beijing: the first day out of a warranty that ended 2025-06-30.
        var e = EntitlementCheck.Assess("SN-0001", Device(new LocalDate(2022, 7, 1)), Integration, Instant.FromUtc(2025, 6, 30, 16, 30));
        Assert.Equal((new LocalDate(2025, 7, 1), EntitlementStatus.Billable), (e.AssessedOn!.Value, e.Status));
        var before = EntitlementCheck.Assess("SN-0001", Device(new LocalDate(2022, 7, 1)), Integration, Instant.FromUtc(2025, 6, 30, 15, 59));
        Assert.Equal(EntitlementStatus.Covered, before.Status);
    }

    [Fact]
    public void Assess_R_WO_7_ContractAsksForADataBackup_Recorded()
    {
        var e = EntitlementCheck.Assess("SN-0001", Device(new LocalDate(2024, 7, 1)), Integration, Instant.FromUtc(2026, 3, 2, 1, 0));
        Assert.True(e.DataBackupRequired);
        Assert.False(EntitlementCheck.Assess("L-1", DeviceRecord.Create("L-1", ComponentClass.Hardware, acceptedOn: new LocalDate(2025, 1, 1)), WarrantyPresets.Lighting001, Instant.FromUtc(2026, 3, 2, 1, 0)).DataBackupRequired);
    }

    [Fact]
    public void Assess_R_WAR_10_RelocatedDevice_KeepsItsWarranty_AndTheAssessmentSaysSo()
    {
        var device = Device(new LocalDate(2024, 7, 1))
            .WithRelocation(new DeviceRelocation(new LocalDate(2025, 9, 1), "一号楼", "二号楼"))
            .WithRelocation(new DeviceRelocation(new LocalDate(2026, 5, 1), "二号楼", "三号楼"));
        var e = EntitlementCheck.Assess("SN-0001", device, Integration, Instant.FromUtc(2026, 3, 2, 1, 0));

        Assert.Equal(EntitlementStatus.Covered, e.Status);
        Assert.Contains("moved on 2025-09-01 from 一号楼 to 二号楼: moving a device keeps its warranty (R-WAR-10)", e.Reasons);
        Assert.DoesNotContain(e.Reasons, r => r.Contains("三号楼", StringComparison.Ordinal));
        var assessment = Integration.Evaluate(device, new LocalDate(2026, 3, 2));
        Assert.Equal("一号楼", Assert.Single(assessment.Relocations).From);
    }

    /// <summary>Random relocations of a random device.</summary>
    public static class Arbitraries
    {
        public static Arbitrary<(int AcceptedDay, int[] MoveDays, int OnDay)> Moves() =>
            (from accepted in Gen.Choose(0, 3000)
             from count in Gen.Choose(0, 5)
             from moves in Gen.ArrayOf(Gen.Choose(0, 4000), count)
             from day in Gen.Choose(0, 4000)
             select (accepted, moves, day)).ToArbitrary();
    }

    /// <summary>R-WAR-10 against the obvious reference: the same device without its relocations.</summary>
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 2000)]
    public void Evaluate_R_WAR_10_RelocationsNeverChangeStatusDatesOrCoverage((int AcceptedDay, int[] MoveDays, int OnDay) c)
    {
        var origin = new LocalDate(2018, 1, 1);
        var plain = DeviceRecord.Create("SN-P", ComponentClass.Hardware, acceptedOn: origin.PlusDays(c.AcceptedDay));
        var moved = c.MoveDays.Aggregate(plain, (d, m) => d.WithRelocation(new DeviceRelocation(origin.PlusDays(m), "甲", "乙")));
        foreach (var policy in WarrantyPresets.All.Where(static p => p.TermFor(ComponentClass.Hardware) is not null))
        {
            var on = origin.PlusDays(c.OnDay);
            var expected = policy.Evaluate(plain, on);
            var actual = policy.Evaluate(moved, on);
            Assert.Equal((expected.Status, expected.IsCovered, expected.StartsOn, expected.LastCoveredDay, expected.LatentDefectLastDay),
                (actual.Status, actual.IsCovered, actual.StartsOn, actual.LastCoveredDay, actual.LatentDefectLastDay));
            Assert.Equal(c.MoveDays.Count(m => origin.PlusDays(m) <= on), actual.Relocations.Count);
            Assert.Equal(expected.Reasons.Count + actual.Relocations.Count, actual.Reasons.Count);
        }
    }

    [Fact]
    public async Task ReportAsync_R_WO_1_WithTheCheck_RecordsTheEntitlementAndTheBillableFlag_UnknownDevicesAccepted()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 1, 0));
        var registry = new InMemoryDeviceRegistry();
        await registry.SaveAsync(Tickets.Tenant, Device(new LocalDate(2022, 7, 1)), 0);
        var service = new TicketService(new InMemoryTicketStore(new InMemorySlaPolicyCatalog([Tickets.Policy]), clock), new InMemorySlaPolicyCatalog([Tickets.Policy]), clock,
            new TicketServiceOptions { Entitlements = new EntitlementService(registry, new WarrantyPolicyCatalog(WarrantyPresets.All)) });

        var billable = await service.ReportAsync(Tickets.Report("WO-1"), Tickets.Policy.Id);
        Assert.True(billable.IsBillable);
        Assert.Equal(EntitlementStatus.Billable, billable.ReportDetails.Entitlement!.Status);
        Assert.Equal(billable.ReportDetails, (await service.GetAsync(Tickets.Tenant, billable.Id)).ReportDetails);

        var unknown = await service.ReportAsync(Tickets.Report("WO-2") with { DeviceSerialNumber = "SN-UNKNOWN" }, Tickets.Policy.Id);
        Assert.False(unknown.IsBillable);
        Assert.Equal(EntitlementStatus.UnknownDevice, unknown.ReportDetails.Entitlement!.Status);

        // The fault's own day decides: a fault in warranty, reported after it ended, is covered.
        var early = await service.ReportAsync(Tickets.Report("WO-3", faultAt: Instant.FromUtc(2025, 6, 29, 1, 0)), Tickets.Policy.Id);
        Assert.Equal(EntitlementStatus.Covered, early.ReportDetails.Entitlement!.Status);
    }
}
