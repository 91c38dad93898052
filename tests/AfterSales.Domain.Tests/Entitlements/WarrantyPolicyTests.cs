using AfterSales.Entitlements.Warranty;

namespace AfterSales.Tests.Entitlements;

public class WarrantyPolicyTests
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static DeviceRecord Lamp(LocalDate? accepted = null, LocalDate? completed = null) =>
        DeviceRecord.Create("LAMP-001", ComponentClass.Hardware, acceptedOn: accepted, completedOn: completed);

    [Fact]
    public void Evaluate_LightingTwoYearsFromAcceptance_R_WAR_1_CoversUntilTheDayBeforeTheSecondAnniversary()
    {
        var record = Lamp(accepted: D(2024, 3, 1));

        var last = WarrantyPresets.Lighting001.Evaluate(record, D(2026, 2, 28));
        var after = WarrantyPresets.Lighting001.Evaluate(record, D(2026, 3, 1));

        Assert.Equal(WarrantyStatus.InWarranty, last.Status);
        Assert.Equal(D(2024, 3, 1), last.StartsOn);
        Assert.Equal(D(2026, 2, 28), last.LastCoveredDay);
        Assert.True(last.IsCovered);
        Assert.Equal(WarrantyStatus.LatentDefectPeriod, after.Status);
        Assert.Same(ComponentClass.Hardware, last.Term.Component);
    }

    [Fact]
    public void Evaluate_SolarMainUnitAndPipes_R_WAR_1_ThreeYearsForTheUnitOneForPipesAndElectrics()
    {
        var policy = WarrantyPresets.SolarWaterHeater001;
        var unit = DeviceRecord.Create("SWH-7", ComponentClass.MainUnit, acceptedOn: D(2024, 6, 1));
        var pipes = DeviceRecord.Create("SWH-7-P", ComponentClass.PipesAndElectrics, acceptedOn: D(2024, 6, 1));

        Assert.Equal(WarrantyStatus.InWarranty, policy.Evaluate(unit, D(2026, 1, 10)).Status);
        Assert.Equal(WarrantyStatus.OutOfWarranty, policy.Evaluate(pipes, D(2026, 1, 10)).Status);
        Assert.Equal(D(2027, 5, 31), policy.Evaluate(unit, D(2026, 1, 10)).LastCoveredDay);
        Assert.Equal(D(2025, 5, 31), policy.Evaluate(pipes, D(2026, 1, 10)).LastCoveredDay);
    }

    [Fact]
    public void Evaluate_Cctv36MonthsFromAcceptanceAndHandover_R_WAR_1_R_WAR_2_StartsAtTheLaterOfTheTwo()
    {
        var record = DeviceRecord.Create("CAM-12", ComponentClass.System, acceptedOn: D(2025, 1, 10), handedOverOn: D(2025, 1, 20));

        var assessment = WarrantyPresets.Cctv004.Evaluate(record, D(2026, 1, 1));

        Assert.Equal(D(2025, 1, 20), assessment.StartsOn);
        Assert.Equal(D(2028, 1, 19), assessment.LastCoveredDay);
        Assert.Contains("acceptance and handover", assessment.Reason);
    }

    [Fact]
    public void Evaluate_BackEndSoftwareOneYear_R_WAR_1_Kiosk000()
    {
        var software = DeviceRecord.Create("KIOSK-SW", ComponentClass.Software, acceptedOn: D(2025, 4, 1));

        Assert.Equal(WarrantyStatus.InWarranty, WarrantyPresets.Kiosk000.Evaluate(software, D(2026, 3, 31)).Status);
        Assert.Equal(WarrantyStatus.OutOfWarranty, WarrantyPresets.Kiosk000.Evaluate(software, D(2026, 4, 1)).Status);
        Assert.Equal(Period.FromYears(10), WarrantyPresets.Kiosk000.SparePartsSupply);
    }

    [Fact]
    public void Evaluate_NoAcceptanceCertificate_R_WAR_2_StartsAtCompletionOfTheWorks()
    {
        var record = Lamp(completed: D(2024, 5, 15));

        var assessment = WarrantyPresets.Lighting001.Evaluate(record, D(2025, 1, 1));

        Assert.Equal(D(2024, 5, 15), assessment.StartsOn);
        Assert.Contains("completion of the works", assessment.Reason);
        Assert.Contains("R-WAR-2", assessment.Reason);
    }

    [Fact]
    public void Evaluate_DayAfterAcceptance_R_WAR_2_Equipment001StartsTheNextDay()
    {
        var record = DeviceRecord.Create("EQ-1", ComponentClass.Hardware, acceptedOn: D(2025, 7, 31));

        var assessment = WarrantyPresets.Equipment001.Evaluate(record, D(2025, 8, 1));

        Assert.Equal(D(2025, 8, 1), assessment.StartsOn);
        Assert.Equal(D(2026, 7, 31), assessment.LastCoveredDay);
        Assert.Equal(WarrantyStatus.NotStarted, WarrantyPresets.Equipment001.Evaluate(record, D(2025, 7, 31)).Status);
    }

    [Fact]
    public void Evaluate_ReplacedKeyPart_R_WAR_3_GetsAFreshWarranty()
    {
        var record = DeviceRecord.Create("SRV-9", ComponentClass.Hardware, acceptedOn: D(2024, 1, 1))
            .WithReplacement(new DeviceReplacement(D(2025, 10, 1), ReplacementScope.KeyPart, "WO-77", "MB-2"));

        var assessment = WarrantyPresets.EnterpriseSystems003.Evaluate(record, D(2026, 6, 1));

        Assert.Equal(WarrantyStatus.InWarranty, assessment.Status);
        Assert.Equal(D(2025, 10, 1), assessment.StartsOn);
        Assert.Equal(D(2027, 9, 30), assessment.LastCoveredDay);
        Assert.Equal("WO-77", assessment.RestartedBy?.WorkOrderId);
        Assert.Contains("R-WAR-3", assessment.Reason);
    }

    [Fact]
    public void Evaluate_MinorPartOrContractWithoutRestart_R_WAR_3_KeepsTheOriginalEnd()
    {
        var minor = DeviceRecord.Create("SRV-9", ComponentClass.Hardware, acceptedOn: D(2024, 1, 1))
            .WithReplacement(new DeviceReplacement(D(2025, 10, 1), ReplacementScope.MinorPart, "WO-78"));
        var whole = DeviceRecord.Create("LAMP-2", ComponentClass.Hardware, acceptedOn: D(2024, 1, 1))
            .WithReplacement(new DeviceReplacement(D(2025, 10, 1), ReplacementScope.WholeUnit, "WO-79"));

        Assert.Equal(D(2025, 12, 31), WarrantyPresets.EnterpriseSystems003.Evaluate(minor, D(2026, 1, 1)).LastCoveredDay);
        Assert.Equal(D(2025, 12, 31), WarrantyPresets.Lighting001.Evaluate(whole, D(2026, 1, 1)).LastCoveredDay);
    }

    [Fact]
    public void Evaluate_ReplacementAfterTheEvaluatedDay_R_WAR_3_IsNotSeenYet()
    {
        var record = DeviceRecord.Create("SRV-9", ComponentClass.Hardware, acceptedOn: D(2024, 1, 1))
            .WithReplacement(new DeviceReplacement(D(2025, 10, 1), ReplacementScope.WholeUnit, "WO-80"));

        Assert.Equal(D(2025, 12, 31), WarrantyPresets.EnterpriseSystems003.Evaluate(record, D(2025, 9, 30)).LastCoveredDay);
    }

    [Fact]
    public void Evaluate_AfterExpiry_R_WAR_4_LatentDefectWindowOf24Months()
    {
        var record = Lamp(accepted: D(2024, 3, 1));

        var inWindow = WarrantyPresets.Lighting001.Evaluate(record, D(2028, 2, 29));
        var past = WarrantyPresets.Lighting001.Evaluate(record, D(2028, 3, 1));

        Assert.Equal(WarrantyStatus.LatentDefectPeriod, inWindow.Status);
        Assert.True(inWindow.IsCovered);
        Assert.Equal(D(2028, 2, 29), inWindow.LatentDefectLastDay);
        Assert.Equal(WarrantyStatus.OutOfWarranty, past.Status);
        Assert.False(past.IsCovered);
    }

    [Fact]
    public void Evaluate_PackedSpareOnTheShelf_R_WAR_5_SuspendsTheWarrantyDayForDay()
    {
        var spare = Lamp(accepted: D(2024, 1, 1)).WithShelfPeriod(new DateInterval(D(2024, 1, 1), D(2024, 12, 31)));

        var assessment = WarrantyPresets.Lighting001.Evaluate(spare, D(2026, 6, 1));

        Assert.Equal(D(2027, 1, 1), assessment.LastCoveredDay); // 2025-12-31 + 366 days of 2024 on the shelf
        Assert.Contains("366 days", assessment.Reason);
    }

    [Fact]
    public void Evaluate_ShelfLongerThanTheCap_R_WAR_5_SuspendsAtMostFiveYears()
    {
        var spare = Lamp(accepted: D(2020, 1, 1)).WithShelfPeriod(new DateInterval(D(2020, 1, 1), D(2026, 12, 31)));

        var assessment = WarrantyPresets.Lighting001.Evaluate(spare, D(2027, 1, 1));

        var fiveYears = Period.Between(D(2020, 1, 1), D(2025, 1, 1), PeriodUnits.Days).Days;
        Assert.Equal(D(2021, 12, 31).PlusDays(fiveYears), assessment.LastCoveredDay);
    }

    [Fact]
    public void Evaluate_ExclusionRecordedOnTheWorkOrder_R_WAR_7_MakesItNotCovered()
    {
        var unit = DeviceRecord.Create("SWH-8", ComponentClass.MainUnit, acceptedOn: D(2025, 6, 1));

        var assessment = WarrantyPresets.SolarWaterHeater001.Evaluate(unit, D(2025, 9, 1), [WarrantyExclusion.OwnDisassembly]);

        Assert.Equal(WarrantyStatus.InWarranty, assessment.Status);
        Assert.False(assessment.IsCovered);
        Assert.Equal(WarrantyExclusion.OwnDisassembly, assessment.Exclusion);
        Assert.Contains("用户自我拆动", assessment.Reason);
    }

    [Theory]
    [InlineData("unauthorised-service")]
    [InlineData("improper-transport")]
    [InlineData("improper-storage")]
    [InlineData("improper-use")]
    [InlineData("part-past-own-warranty")]
    [InlineData("force-majeure")]
    public void Evaluate_EachStandardExclusion_R_WAR_7_DecidesCoverage(string code)
    {
        var exclusion = WarrantyExclusion.Standard.Single(e => e.Code == code);
        var unit = DeviceRecord.Create("SWH-8", ComponentClass.MainUnit, acceptedOn: D(2025, 6, 1));

        Assert.False(WarrantyPresets.SolarWaterHeater001.Evaluate(unit, D(2025, 9, 1), [exclusion]).IsCovered);
    }

    [Fact]
    public void Evaluate_ExclusionTheContractDoesNotList_R_WAR_7_IsNotedButIgnored()
    {
        var record = DeviceRecord.Create("SRV-1", ComponentClass.Hardware, acceptedOn: D(2025, 6, 1));

        var assessment = WarrantyPresets.SystemIntegration002.Evaluate(record, D(2025, 9, 1), [WarrantyExclusion.OwnDisassembly]);

        Assert.True(assessment.IsCovered);
        Assert.Contains("does not exclude it", assessment.Reason);
    }

    [Fact]
    public void Evaluate_RelocatedDevice_R_WAR_10_KeepsItsWarranty()
    {
        var record = DeviceRecord.Create("SRV-2", ComponentClass.Hardware, acceptedOn: D(2025, 1, 1));
        var moved = record.WithRelocation(new DeviceRelocation(D(2025, 5, 1), "Building A", "Building C"));

        var before = WarrantyPresets.EnterpriseSystems003.Evaluate(record, D(2026, 1, 1));
        var after = WarrantyPresets.EnterpriseSystems003.Evaluate(moved, D(2026, 1, 1));

        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.LastCoveredDay, after.LastCoveredDay);
        Assert.Equal([.. before.Reasons, "moved on 2025-05-01 from Building A to Building C: moving a device keeps its warranty (R-WAR-10)"], after.Reasons);
        Assert.Single(after.Relocations);
    }

    [Fact]
    public void ExpiringWithin_ThreeMonths_R_IN_2_ListsDevicesWhoseWarrantyEndsSoonest()
    {
        var records = new[]
        {
            DeviceRecord.Create("A", ComponentClass.Hardware, acceptedOn: D(2024, 8, 1)), // ends 2026-07-31
            DeviceRecord.Create("B", ComponentClass.Hardware, acceptedOn: D(2024, 6, 15)), // ends 2026-06-14
            DeviceRecord.Create("C", ComponentClass.Hardware, acceptedOn: D(2024, 9, 2)), // ends 2026-09-01: outside
            DeviceRecord.Create("D", ComponentClass.Hardware, acceptedOn: D(2024, 1, 1)), // already ended
            DeviceRecord.Create("E", ComponentClass.Hardware, acceptedOn: D(2024, 9, 1)), // ends 2026-08-31: the last day within
        };

        var due = WarrantyPresets.Lighting001.ExpiringWithin(records, D(2026, 6, 1));

        Assert.Equal(["B", "A", "E"], due.Select(a => a.SerialNumber));
        Assert.Equal(D(2026, 6, 14), due[0].LastCoveredDay);
    }

    [Fact]
    public void Evaluate_ComponentWithoutTerm_ThrowsNamingTheRecord()
    {
        var software = DeviceRecord.Create("SW-1", ComponentClass.Software, acceptedOn: D(2025, 1, 1));

        var ex = Assert.Throws<ArgumentException>(() => WarrantyPresets.Lighting001.Evaluate(software, D(2025, 2, 1)));

        Assert.Equal("record", ex.ParamName);
    }

    [Fact]
    public void Create_BadInput_ThrowsNamingTheField()
    {
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => WarrantyTerm.Create(ComponentClass.Hardware, Period.FromDays(30))).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => WarrantyTerm.Create(ComponentClass.Hardware, Period.Zero)).ParamName);
        Assert.Equal("acceptedOn", Assert.Throws<ArgumentException>(() => DeviceRecord.Create("X", ComponentClass.Hardware)).ParamName);
        Assert.Equal("serialNumber", Assert.Throws<ArgumentException>(() => DeviceRecord.Create(" ", ComponentClass.Hardware, D(2025, 1, 1))).ParamName);
        Assert.Equal("terms", Assert.Throws<ArgumentException>(() => WarrantyPolicy.Create("x", "x",
            WarrantyTerm.Create(ComponentClass.Hardware, Period.FromYears(1)), WarrantyTerm.Create(ComponentClass.Hardware, Period.FromYears(2)))).ParamName);
        Assert.Equal("limit", Assert.Throws<ArgumentOutOfRangeException>(() => WarrantyPresets.Lighting001.WithRepairLimit(0)).ParamName);
    }

    [Fact]
    public void DateOf_Instant_IsTheDayInBeijing()
    {
        var instant = Instant.FromUtc(2025, 12, 31, 17, 0);

        Assert.Equal(D(2026, 1, 1), WarrantyPresets.Cctv004.DateOf(instant));
    }
}
