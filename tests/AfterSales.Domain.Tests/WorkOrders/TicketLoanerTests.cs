using AfterSales.Entitlements;
using AfterSales.Sla;
using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace AfterSales.Tests.WorkOrders;

/// <summary>
/// Worked examples of loaners on the work order (备机, R-SP-5, R-SLA-5): a named unit of the same or a
/// better grade meets the loaner clock, is tracked to its return, and the order closes only once it is back.
/// </summary>
public sealed class TicketLoanerTests
{
    private readonly FakeClock clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);

    private static TicketLoaner Unit(string serial = "LN-0007", int? grade = 3) =>
        new() { UnitSerialNumber = serial, PartNumber = "KIOSK-LOANER", CentreId = "BJ-01", Grade = grade };

    /// <summary>A ticket under seed 001 (loaner due 12 h after the report) for a device of grade 3.</summary>
    private Ticket GradeThreeDevice()
    {
        var report = Tickets.Report() with
        {
            SeverityCode = SlaPresets.CityRepair001.SeverityScale.Levels[0].Code,
            Entitlement = new TicketEntitlement { Status = EntitlementStatus.Covered, Grade = 3 },
        };
        return Ticket.Report(report, SlaPresets.CityRepair001, clock);
    }

    [Fact]
    public void ProvideLoaner_R_SP_5_R_SLA_5_ANamedUnitOfTheSameGrade_MeetsTheLoanerClock_AndIsTrackedToItsReturn()
    {
        var t = GradeThreeDevice();
        t.Acknowledge();
        clock.Advance(Duration.FromHours(5));

        t.ProvideLoaner(Unit(), "客户签收");

        var provided = clock.GetCurrentInstant();
        var loan = Assert.Single(t.Loaners);
        Assert.Equal(("LN-0007", "KIOSK-LOANER", "BJ-01", 3, provided, true), (loan.Loaner.UnitSerialNumber, loan.Loaner.PartNumber, loan.Loaner.CentreId, loan.Loaner.Grade!.Value, loan.ProvidedAt, loan.IsOut));
        var loanerClock = t.Clocks(provided + Duration.FromHours(20)).Single(static c => c.Metric == SlaMetric.LoanerProvided);
        Assert.Equal((SlaClockStatus.Met, provided), (loanerClock.Status, loanerClock.StoppedAt!.Value));
        Assert.True(t.CanReturnLoaner());
        TicketAssert.Identical(t, Ticket.FromEvents(t.Events, t.Policy, clock));
    }

    [Theory]
    [InlineData(2, "grade 2 is below the device's grade 3")]
    [InlineData(null, "grade is required: the device is of grade 3")]
    public void ProvideLoaner_R_SP_5_BelowTheDevicesGradeOrWithoutAGrade_IsRefusedNamingGrade_NothingRecorded(int? grade, string reason)
    {
        var t = GradeThreeDevice();
        var before = t.Events.ToArray();

        var refused = Assert.Throws<ArgumentException>(() => t.ProvideLoaner(Unit(grade: grade)));

        Assert.Equal("grade", refused.ParamName);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, t.Events);
        Assert.Empty(t.Loaners);
    }

    /// <summary>
    /// R-SP-5 against its plain statement, 10 000 cases (FsCheck's own seeds; a failure prints its
    /// seed): a unit is lent exactly when the device's grade is unknown, or the unit names a grade at
    /// least the device's; a refusal names grade and records nothing.
    /// </summary>
    [Property(Arbitrary = new[] { typeof(Grades) }, MaxTest = 10_000)]
    public bool ProvideLoaner_R_SP_5_LentExactlyWhenTheGradeIsTheSameOrBetter_Property(int? device, int? unit)
    {
            var report = Tickets.Report() with { Entitlement = device is null ? null : new TicketEntitlement { Status = EntitlementStatus.Covered, Grade = device } };
            var t = Ticket.Report(report, Tickets.Policy, new FakeClock(Instant.FromUtc(2026, 3, 2, 1, 0)));
            var expected = device is null || (unit is { } u && u >= device);
            try
            {
                t.ProvideLoaner(Unit(grade: unit));
            }
            catch (ArgumentException refused) when (refused.ParamName == "grade")
            {
                return !expected && t.Version == 1 && t.Loaners.Count == 0;
            }

            return expected && t.Loaners.Single().Loaner.Grade == unit;
    }

    /// <summary>Grades 0 to 6, or none (null) a quarter of the time or so.</summary>
    public static class Grades
    {
        public static Arbitrary<int?> Values() => Gen.Choose(-1, 6).Select(static g => g < 0 ? (int?)null : g).ToArbitrary();
    }

    [Fact]
    public void ProvideLoaner_R_SP_5_ABetterGradeIsAccepted_AndAnyGradeWhereTheDevicesIsUnknown()
    {
        var t = GradeThreeDevice();
        t.ProvideLoaner(Unit("LN-1", grade: 4));
        var unknownDevice = Tickets.New(clock);
        unknownDevice.ProvideLoaner(Unit("LN-2", grade: null));

        Assert.Equal(4, t.Loaners[0].Loaner.Grade);
        Assert.Null(unknownDevice.Loaners[0].Loaner.Grade);
    }

    [Fact]
    public void Loaners_R_SP_5_TheOrderClosesOnlyOnceEveryUnitIsBack_AUnitOutCannotBeLentTwice()
    {
        var t = Tickets.In(TicketState.OnSite, clock);
        t.ProvideLoaner(Unit("LN-1", grade: null));
        var twice = Assert.Throws<ArgumentException>(() => t.ProvideLoaner(Unit("LN-1", grade: null)));
        Assert.Equal("unitSerialNumber", twice.ParamName);
        t.RestoreService();
        t.Resolve("更换主板");
        t.StartObservation();
        t.SignOff("王主任", 5);
        clock.Advance(Tickets.Policy.ObservationPeriod);

        var before = t.Events.ToArray();
        var refused = Assert.Throws<InvalidTransitionException>(t.Close);
        Assert.Equal([TicketWorkflow.LoanersBack], refused.UnmetGuards);
        Assert.Equal(before, t.Events);
        var unknown = Assert.Throws<ArgumentException>(() => t.ReturnLoaner("LN-9"));
        Assert.Equal("unitSerialNumber", unknown.ParamName);

        t.ReturnLoaner("LN-1", "外观完好");

        Assert.Equal((false, clock.GetCurrentInstant()), (t.Loaners[0].IsOut, t.Loaners[0].ReturnedAt!.Value));
        Assert.Equal([TicketWorkflow.LoanerOut], Assert.Throws<InvalidTransitionException>(() => t.ReturnLoaner("LN-1")).UnmetGuards);
        t.Close();
        Assert.Equal(TicketState.Closed, t.State);
        TicketAssert.Identical(t, Ticket.FromEvents(t.Events, t.Policy, clock));
    }

    [Fact]
    public void ProvideLoaner_WithANoteOnly_MeetsTheClockButTracksNoUnit_AsIn01()
    {
        var t = Tickets.New(clock);
        t.ProvideLoaner("备机 SN-9");

        Assert.Empty(t.Loaners);
        Assert.False(t.HasLoanerOut);
        Assert.False(t.CanReturnLoaner());
    }

    [Fact]
    public void Replay_ALoanerReturnedThatWasNeverLent_IsAnInvalidHistory()
    {
        var t = Tickets.In(TicketState.OnSite, clock);
        t.ProvideLoaner(Unit("LN-1", grade: null));
        t.ReturnLoaner("LN-1");
        var forged = t.Events.Select(e => e.Kind == TicketEventKind.LoanerReturned ? e with { Loaner = new TicketLoaner { UnitSerialNumber = "LN-2" } } : e).ToArray();

        var ex = Assert.ThrowsAny<Exception>(() => Ticket.FromEvents(forged, t.Policy, clock));

        Assert.Contains("needs its Loaner", ex.Message, StringComparison.Ordinal);
    }
}
