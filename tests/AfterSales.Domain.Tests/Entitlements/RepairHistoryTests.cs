using AfterSales.Entitlements.Warranty;

namespace AfterSales.Tests.Entitlements;

public class RepairHistoryTests
{
    private static readonly LocalDate Day = new(2025, 3, 1);

    [Fact]
    public void ReplacementObligations_PartRepairedFourTimes_R_WAR_6_MustBeReplaced()
    {
        var history = RepairHistory.For("LAMP-5");
        for (var i = 1; i <= 4; i++)
        {
            history = history.WithRepair(Day.PlusDays(i), $"WO-{i}", "DRIVER");
        }

        var obligation = Assert.Single(WarrantyPresets.Lighting001.ReplacementObligations(history));

        Assert.Equal(ReplacementScope.KeyPart, obligation.Scope);
        Assert.Equal("DRIVER", obligation.PartNumber);
        Assert.Equal(4, obligation.RepairCount);
        Assert.Equal(3, obligation.Limit);
        Assert.Contains("R-WAR-6", obligation.Reason);
    }

    [Fact]
    public void ReplacementObligations_UnitRepairedFourTimes_R_WAR_6_MustBeReplacedWhole()
    {
        var history = RepairHistory.For("LAMP-6");
        for (var i = 1; i <= 4; i++)
        {
            history = history.WithRepair(Day.PlusDays(i), $"WO-{i}").WithRepair(Day.PlusDays(i), $"WO-{i}", "LENS");
        }

        var obligation = Assert.Single(WarrantyPresets.Lighting001.ReplacementObligations(history));

        Assert.Equal(ReplacementScope.WholeUnit, obligation.Scope);
        Assert.Null(obligation.PartNumber);
        Assert.Equal("LAMP-6", obligation.SerialNumber);
    }

    [Fact]
    public void ReplacementObligations_ThreeRepairs_R_WAR_6_OweNothing()
    {
        var history = RepairHistory.For("LAMP-5")
            .WithRepair(Day, "WO-1", "DRIVER").WithRepair(Day, "WO-2", "DRIVER").WithRepair(Day, "WO-3", "DRIVER")
            .WithRepair(Day, "WO-3", "DRIVER");

        Assert.Equal(3, history.PartRepairCount("DRIVER"));
        Assert.Empty(WarrantyPresets.Lighting001.ReplacementObligations(history));
    }

    [Fact]
    public void ReplacementObligations_AfterAReplacement_R_WAR_6_CountsStartAgain()
    {
        var history = RepairHistory.For("LAMP-7");
        for (var i = 1; i <= 4; i++)
        {
            history = history.WithRepair(Day.PlusDays(i), $"WO-{i}", "DRIVER").WithRepair(Day.PlusDays(i), $"WO-{i}");
        }

        var partReplaced = history.WithReplacement(Day.PlusDays(5), "WO-R", "DRIVER").WithRepair(Day.PlusDays(6), "WO-N", "DRIVER");
        var unitReplaced = history.WithReplacement(Day.PlusDays(5), "WO-U");

        Assert.Equal(1, partReplaced.PartRepairCount("DRIVER"));
        Assert.Equal(ReplacementScope.WholeUnit, Assert.Single(partReplaced.ObligationsOver(3)).Scope);
        Assert.Equal(0, unitReplaced.PartRepairCount("DRIVER"));
        Assert.Empty(unitReplaced.ObligationsOver(3));
    }

    [Fact]
    public void ReplacementObligations_ContractWithoutRule_OwesNothing()
    {
        var history = RepairHistory.For("X");
        for (var i = 0; i < 10; i++)
        {
            history = history.WithRepair(Day, $"WO-{i}");
        }

        Assert.Empty(WarrantyPresets.Cctv004.ReplacementObligations(history));
        Assert.Single(WarrantyPresets.Lighting001.ReplacementObligations(history));
    }

    [Fact]
    public void ObligationsOver_LimitBelowOne_ThrowsNamingTheLimit()
    {
        Assert.Equal("limit", Assert.Throws<ArgumentOutOfRangeException>(() => RepairHistory.For("X").ObligationsOver(0)).ParamName);
    }
}
