using AfterSales.Quality.Penalties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AfterSales.Tests.Quality;

public class PenaltyTests
{
    private static readonly YearMonth March2026 = new(2026, 3);

    private static ConfirmedComplaint C(string id, int year, int month, int day, string engineer = "eng-li") => new(id, engineer, new LocalDate(year, month, day));

    [Fact]
    public void ForMonth_Seed000TwoComplaintsInMonth_Fines500Each_RCP2()
    {
        var ledger = EngineerLedger.ForMonth("eng-li", March2026, [C("C1", 2026, 3, 2), C("C2", 2026, 3, 20), C("X", 2026, 3, 5, "eng-wang")], [], PenaltyPolicy.Seed000);

        Assert.Equal(1000m, ledger.Fines);
        Assert.Equal(2, ledger.ComplaintsInMonth);
        Assert.False(ledger.DismissalDue);
        Assert.Equal(-1000m, ledger.Lines.Sum(l => l.Amount));
        Assert.Equal("CNY", ledger.Currency);
    }

    /// <summary>Complaints on 2025-11-10, 2025-12-01 and 2026-03-02: the third within a rolling 12 months ending 2026-03-31 (from 2025-04-01).</summary>
    [Fact]
    public void ForMonth_Seed000ThirdComplaintInRolling12Months_FlagsDismissal_RCP2()
    {
        ConfirmedComplaint[] complaints = [C("C1", 2025, 11, 10), C("C2", 2025, 12, 1), C("C3", 2026, 3, 2)];

        var ledger = EngineerLedger.ForMonth("eng-li", March2026, complaints, [], PenaltyPolicy.Seed000);

        Assert.True(ledger.DismissalDue);
        Assert.Equal(new DateInterval(new LocalDate(2025, 4, 1), new LocalDate(2026, 3, 31)), ledger.DismissalWindow);
        Assert.Equal(500m, ledger.Fines);
        Assert.Contains(ledger.Lines, l => l.Kind == LedgerLineKind.Dismissal);
    }

    [Fact]
    public void ForMonth_SameComplaintsWithCalendarYearWindow_NoDismissalAfterNewYear_RCP2()
    {
        ConfirmedComplaint[] complaints = [C("C1", 2025, 11, 10), C("C2", 2025, 12, 1), C("C3", 2026, 3, 2)];
        var policy = PenaltyPolicy.Seed000.WithDismissal(3, PenaltyWindow.Year);

        var ledger = EngineerLedger.ForMonth("eng-li", March2026, complaints, [], policy);

        Assert.False(ledger.DismissalDue);
        Assert.Equal(1, ledger.ComplaintsInDismissalWindow);
    }

    [Fact]
    public void ForMonth_ComplaintInAnOldMonth_IsNotFinedAgain_RCP2()
    {
        var ledger = EngineerLedger.ForMonth("eng-li", March2026, [C("C1", 2026, 2, 27)], [], PenaltyPolicy.Seed000);

        Assert.Equal(0m, ledger.Fines);
        Assert.Equal(1, ledger.ComplaintsInDismissalWindow);
    }

    [Theory]
    [InlineData(0, 800, 800, 800)]
    [InlineData(1, 0, 700, 700)]
    [InlineData(2, 0, 600, 0)]
    [InlineData(9, 0, 0, 0)]
    public void BonusFor_ThreeOptions_MatchSeed002_RCP3(int complaints, int none, int deduct, int forfeitAt2)
    {
        Assert.Equal(none, MonthlyBonusRule.NoneWithComplaints(800m).BonusFor(complaints));
        Assert.Equal(deduct, MonthlyBonusRule.DeductPerComplaint(800m, 100m).BonusFor(complaints));
        Assert.Equal(forfeitAt2, MonthlyBonusRule.DeductAndForfeitAt(800m, 100m, 2).BonusFor(complaints));
    }

    [Fact]
    public void ForMonth_ServicePay_OnlyWithCompleteSignedFeedbackForm_RCP3()
    {
        var policy = PenaltyPolicy.Seed000.WithBonus(MonthlyBonusRule.DeductAndForfeitAt(800m, 100m, 3)).WithServicePay(50m);
        CompletedService[] services =
        [
            new("WO-1", "eng-li", new LocalDate(2026, 3, 3), feedbackFormComplete: true, feedbackFormSigned: true),
            new("WO-2", "eng-li", new LocalDate(2026, 3, 4), feedbackFormComplete: false, feedbackFormSigned: true),
            new("WO-3", "eng-li", new LocalDate(2026, 3, 5), feedbackFormComplete: true, feedbackFormSigned: false),
            new("WO-4", "eng-li", new LocalDate(2026, 3, 6), feedbackFormComplete: true, feedbackFormSigned: true),
            new("WO-5", "eng-li", new LocalDate(2026, 4, 1), feedbackFormComplete: true, feedbackFormSigned: true),
        ];

        var ledger = EngineerLedger.ForMonth("eng-li", March2026, [C("C1", 2026, 3, 10)], services, policy);

        Assert.Equal(2, ledger.PaidServices);
        Assert.Equal(2, ledger.UnpaidServices);
        Assert.Equal(100m, ledger.ServicePay);
        Assert.Equal(700m, ledger.Bonus);
        Assert.Equal(100m, ledger.BonusDeductions);
        Assert.Equal(700m + 100m - 500m, ledger.Net);
        Assert.Equal(ledger.Net, ledger.Lines.Sum(l => l.Amount));
    }

    [Fact]
    public void PenaltyWindow_Rolling_RejectsTimeUnits()
    {
        Assert.Throws<ArgumentException>(() => PenaltyWindow.Rolling(Period.FromHours(5)));
        Assert.Throws<ArgumentException>(() => PenaltyWindow.Rolling(Period.Zero));
    }

    private static readonly PenaltyPolicy[] Policies =
    [
        PenaltyPolicy.Seed000,
        PenaltyPolicy.Seed000.WithDismissal(3, PenaltyWindow.Year).WithBonus(MonthlyBonusRule.NoneWithComplaints(600m)),
        PenaltyPolicy.Seed000.WithDismissal(2, PenaltyWindow.Month).WithBonus(MonthlyBonusRule.DeductPerComplaint(800m, 300m)),
        PenaltyPolicy.Create("CNY", 200m, 4, PenaltyWindow.Rolling(Period.FromMonths(6))).WithBonus(MonthlyBonusRule.DeductAndForfeitAt(1000m, 100m, 3)),
    ];

    /// <summary>A policy (an index into <see cref="Policies"/>), the dates of confirmed complaints, and one more complaint's date.</summary>
    public static class Arbitraries
    {
        public static Arbitrary<(int Policy, List<LocalDate> Existing, LocalDate Extra)> Complaints()
        {
            var days = Gen.Choose(0, 500).Select(d => new LocalDate(2025, 1, 1).PlusDays(d));
            var gen =
                from policy in Gen.Choose(0, Policies.Length - 1)
                from existing in Gen.ListOf(days)
                from extra in days
                select (policy, existing.ToList(), extra);
            return gen.ToArbitrary();
        }
    }

    /// <summary>R-CP-2/R-CP-3: adding a confirmed complaint never lowers fines, deductions or the dismissal flag, nor raises the bonus.</summary>
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 100)]
    public bool ForMonth_AddingConfirmedComplaints_PenaltiesNeverDecrease_Property((int Policy, List<LocalDate> Existing, LocalDate Extra) input)
    {
        var (p, existing, extra) = input;
        var policy = Policies[p];
        var before = existing.Select((d, i) => new ConfirmedComplaint($"C{i}", "e", d)).ToList();
        var after = before.Append(new ConfirmedComplaint("NEW", "e", extra)).ToList();
        var month = new YearMonth(2025, 1).PlusMonths(extra.Month - 1 + ((extra.Year - 2025) * 12));
        foreach (var m in new[] { month, month.PlusMonths(1), new YearMonth(2025, 6) })
        {
            var a = EngineerLedger.ForMonth("e", m, before, [], policy);
            var b = EngineerLedger.ForMonth("e", m, after, [], policy);
            if (b.TotalPenalties < a.TotalPenalties || b.Fines < a.Fines || b.Bonus > a.Bonus || (a.DismissalDue && !b.DismissalDue))
            {
                return false;
            }
        }

        return true;
    }
}
