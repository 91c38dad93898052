using AfterSales.Quality.Penalties;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Quality;

public class ServiceCreditTests
{
    [Theory]
    [InlineData(0, 200)]
    [InlineData(119, 200)]
    [InlineData(120, 500)]
    [InlineData(479, 500)]
    [InlineData(480, 1000)]
    [InlineData(5000, 1000)]
    public void Compute_ExampleTiers_CreditByBreachSize(int overdueMinutes, int credit)
    {
        var statement = ServiceCreditPolicy.Example.Compute([("WO-1", Duration.FromMinutes(overdueMinutes))], 10_000m);

        Assert.Equal(credit, statement.Total);
    }

    [Fact]
    public void Compute_ManyBreaches_CappedAtTwentyPercent()
    {
        var statement = ServiceCreditPolicy.Example.Compute(Enumerable.Range(0, 5).Select(i => ($"WO-{i}", Duration.FromHours(9))), 10_000m);

        Assert.Equal(5000m, statement.Uncapped);
        Assert.Equal(2000m, statement.Total);
        Assert.True(statement.IsCapped);
    }

    /// <summary>Seed 000 "down": on site within 1 h; reported 2026-03-02 10:00, arrived 13:30 (7×24): met late by 2 h 30 → 5 % tier.</summary>
    [Fact]
    public void Compute_FromSlaClocks_UsesOverdueBusinessTimeOfLateClocks()
    {
        var timeline = TicketTimeline.Open(Bj("2026-03-02 10:00"), "down", ReportChannel.Phone, ServiceSite.Local)
            .Reached(Milestone.ArrivedOnSite, Bj("2026-03-02 13:30"))
            .Reached(Milestone.ServiceRestored, Bj("2026-03-02 14:00"))
            .Reached(Milestone.Resolved, Bj("2026-03-02 15:00"));
        var clocks = SlaEvaluator.Evaluate(SlaPresets.KioskHardware000, timeline, Bj("2026-03-31 00:00"));

        var statement = ServiceCreditPolicy.Example.Compute(clocks, 10_000m);

        var line = Assert.Single(statement.Lines);
        Assert.Equal(Duration.FromMinutes(150), line.Overdue);
        Assert.Equal(500m, statement.Total);
    }

    [Fact]
    public void Create_TierCreditingLessForLargerBreach_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => ServiceCreditPolicy.Create("CNY", [new(Duration.Zero, 5m), new(Duration.FromHours(1), 2m)], null, null));
    }

    /// <summary>Breaches in overdue minutes, which one grows and by how much, and the monthly fee.</summary>
    public static class Arbitraries
    {
        public static Arbitrary<(List<int> Minutes, int Index, int Growth, decimal Fee)> Breaches()
        {
            var gen =
                from minutes in Gen.ListOf(Gen.Choose(0, 2000))
                from index in Gen.Choose(0, 100)
                from growth in Gen.Choose(0, 2000)
                from fee in Gen.Choose(0, 100_000)
                select (minutes.ToList(), index, growth, (decimal)fee);
            return gen.ToArbitrary();
        }
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 100)]
    public bool Compute_Credits_NeverExceedCapAndNeverDecreaseWithLargerBreach_Property((List<int> Minutes, int Index, int Growth, decimal Fee) input)
    {
        var (minutes, index, growth, fee) = input;
        var policy = ServiceCreditPolicy.Example;
        var breaches = minutes.Select((m, i) => ($"B{i}", Duration.FromMinutes(m))).ToList();
        var before = policy.Compute(breaches, fee);
        if (breaches.Count > 0)
        {
            var i = index % breaches.Count;
            breaches[i] = (breaches[i].Item1, breaches[i].Item2 + Duration.FromMinutes(growth));
        }

        var after = policy.Compute(breaches, fee);
        return before.Total <= before.Cap && after.Total <= after.Cap && after.Total >= before.Total && after.Uncapped >= before.Uncapped;
    }
}
