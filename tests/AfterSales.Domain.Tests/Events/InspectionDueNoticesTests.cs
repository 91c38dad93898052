using AfterSales.Events;
using AfterSales.Quality.Inspections;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AfterSales.Tests.Events;

/// <summary>
/// Worked examples and a property of an inspection plan's due notice (R-IN-1): at the start of the due day (the window's
/// last) of the first window due after the given instant with no complete, signed record of the subject in it.
/// </summary>
public class InspectionDueNoticesTests
{
    private static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static readonly InspectionSubject Site = InspectionSubject.Site("网点A");

    private static readonly InspectionPlan Quarterly =
        InspectionPlan.Recurring("pm-q", Checklists.Cctv004, InspectionRecurrence.Quarterly, new LocalDate(2026, 1, 1)).WithSubjects([Site]);

    private static int next;

    private static Instant StartOf(int year, int month, int day) => new LocalDate(year, month, day).AtStartOfDayInZone(Beijing).ToInstant();

    private static InspectionRecord Record(LocalDate on, bool signed = true, InspectionSubject? subject = null, Checklist? checklist = null)
    {
        var list = checklist ?? Checklists.Cctv004;
        return InspectionRecord.Create(
            $"R-{Interlocked.Increment(ref next)}",
            subject ?? Site,
            list,
            on,
            "eng-li",
            list.Items.Select(static i => new InspectionItemResult(i.Code, InspectionOutcome.Ok)),
            signed ? new CustomerSignature("王经理", on) : null);
    }

    [Fact]
    public void ForInspection_R_IN_1_DueAtTheStartOfTheWindowsLastDay_InTheZone()
    {
        var notice = DueNotices.ForInspection("acme", Quarterly, Site, [], Beijing, StartOf(2026, 2, 10));

        var e = notice.Event!;
        Assert.Equal((AfterSalesEventTypes.InspectionDue, "inspection-plans/pm-q/sites/%E7%BD%91%E7%82%B9A", "acme"), (notice.Type, notice.Subject, notice.TenantId));
        Assert.Equal(StartOf(2026, 3, 31), e.OccurredAt);
        Assert.Equal(Instant.FromUtc(2026, 3, 30, 16, 0), e.OccurredAt);
        var data = Assert.IsType<InspectionWindowDue>(e.Data);
        Assert.Equal(("pm-q", Site, new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31), Checklists.Cctv004.DeviceType), (data.PlanCode, data.Subject, data.WindowStart, data.DueOn, data.DeviceType));
    }

    [Fact]
    public void ForInspection_R_IN_1_ASignedRecordInTheWindow_MovesItToTheNext_AnUnsignedOneOrAnotherSubjectsDoesNot()
    {
        var after = StartOf(2026, 2, 10);
        var other = InspectionSubject.Site("网点B");
        var notDone = DueNotices.ForInspection("acme", Quarterly, Site, [Record(new LocalDate(2026, 2, 9), signed: false), Record(new LocalDate(2026, 2, 9), subject: other)], Beijing, after);
        Assert.Equal(StartOf(2026, 3, 31), notDone.Event!.OccurredAt);

        var done = DueNotices.ForInspection("acme", Quarterly, Site, [Record(new LocalDate(2026, 2, 9))], Beijing, after);
        Assert.Equal(StartOf(2026, 6, 30), done.Event!.OccurredAt);
        Assert.NotEqual(notDone.Event.Id, done.Event.Id);

        // The second window done early as well: the third.
        var both = DueNotices.ForInspection("acme", Quarterly, Site, [Record(new LocalDate(2026, 2, 9)), Record(new LocalDate(2026, 4, 1))], Beijing, after);
        Assert.Equal(StartOf(2026, 9, 30), both.Event!.OccurredAt);
    }

    [Fact]
    public void ForInspection_R_IN_1_AfterItFired_TheNextWindow_SameIdWhenAskedAgain()
    {
        var fired = StartOf(2026, 3, 31);
        var next = DueNotices.ForInspection("acme", Quarterly, Site, [], Beijing, fired);
        Assert.Equal(StartOf(2026, 6, 30), next.Event!.OccurredAt);

        // Not 1 ms before it: still this window.
        Assert.Equal(fired, DueNotices.ForInspection("acme", Quarterly, Site, [], Beijing, fired - Duration.FromMilliseconds(1)).Event!.OccurredAt);

        // A save after the firing asks with its own instant: the same window, the same event id (emitted once).
        Assert.Equal(next.Event.Id, DueNotices.ForInspection("acme", Quarterly, Site, [], Beijing, fired + Duration.FromDays(3)).Event!.Id);
    }

    [Fact]
    public void ForInspection_R_IN_1_APreExpiryPlanOrASubjectNotCovered_Withdraws()
    {
        var preExpiry = InspectionPlan.PreExpiry("pm-x", Checklists.Kiosk000).WithSubjects([InspectionSubject.Device("K-1")]);
        Assert.Null(DueNotices.ForInspection("acme", preExpiry, InspectionSubject.Device("K-1"), [], Beijing, StartOf(2026, 1, 1)).Event);
        Assert.Null(DueNotices.ForInspection("acme", Quarterly, InspectionSubject.Site("网点B"), [], Beijing, StartOf(2026, 1, 1)).Event);
    }

    [Fact]
    public void ForInspectionPlan_R_IN_1_EachSubjectScheduled_OnesNoLongerCoveredWithdrawn()
    {
        var b = InspectionSubject.Site("网点B");
        var c = InspectionSubject.Device("K-1");
        var previous = Quarterly.WithSubjects([Site, b, c]);
        var notices = DueNotices.ForInspectionPlan("acme", previous, Quarterly.WithSubjects([Site, c]), [], Beijing, StartOf(2026, 2, 10));

        Assert.Equal(
            [("inspection-plans/pm-q/sites/%E7%BD%91%E7%82%B9B", false), ("inspection-plans/pm-q/sites/%E7%BD%91%E7%82%B9A", true), ("inspection-plans/pm-q/devices/K-1", true)],
            notices.Select(static n => (n.Subject, n.Event is not null)));
    }

    /// <summary>Against the plan's own due list evaluated once every record counts: the first window due after the instant that it does not show done. Seed 1313.</summary>
    [Property(Arbitrary = new[] { typeof(PlanCases) }, MaxTest = 500, Replay = "(1313,13)")]
    public void ForInspection_R_IN_1_IsTheFirstWindowDueLaterThatThePlanDoesNotShowDone((int months, int start, int afterDays, int afterMinutes, int[] records) c)
    {
                    var startsOn = new LocalDate(2026, 1, 1).PlusDays(c.start);
                    var plan = InspectionPlan.Recurring("pm", Checklists.Cctv004, InspectionRecurrence.EveryMonths(c.months), startsOn).WithSubjects([Site]);
                    var records = c.records.Select(d => Record(startsOn.PlusDays(d))).ToList();
                    var after = startsOn.PlusDays(c.afterDays).AtStartOfDayInZone(Beijing).ToInstant() + Duration.FromMinutes(c.afterMinutes);

                    var expected = plan.Evaluate(Site, records, startsOn.PlusYears(20))
                        .First(w => w.DueOn.AtStartOfDayInZone(Beijing).ToInstant() > after && w.Status != InspectionStatus.Done);
                    var notice = DueNotices.ForInspection("acme", plan, Site, records, Beijing, after);

                    var data = Assert.IsType<InspectionWindowDue>(notice.Event!.Data);
                    Assert.Equal((expected.WindowStart, expected.DueOn), (data.WindowStart, data.DueOn));
                    Assert.Equal(expected.DueOn.AtStartOfDayInZone(Beijing).ToInstant(), notice.Event.OccurredAt);
    }

    /// <summary>A recurrence, a start, an instant after it and records on random days.</summary>
    public static class PlanCases
    {
        public static Arbitrary<(int, int, int, int, int[])> Cases() =>
            (from months in Gen.Elements(1, 3, 6, 12)
             from start in Gen.Choose(0, 400)
             from afterDays in Gen.Choose(-30, 800)
             from afterMinutes in Gen.Choose(0, 1439)
             from count in Gen.Choose(0, 8)
             from records in Gen.ArrayOf(Gen.Choose(-10, 900), count)
             select (months, start, afterDays, afterMinutes, records)).ToArbitrary();
    }
}
