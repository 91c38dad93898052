using AfterSales.Quality.Inspections;

namespace AfterSales.Tests.Quality;

public class InspectionTests
{
    private static readonly CustomerSignature Signed = new("王经理", new LocalDate(2026, 2, 10));

    private static int next;

    private static InspectionRecord Record(Checklist list, LocalDate on, CustomerSignature? signature, int skip = 0, string serial = "K-001", InspectionSubject? subject = null) =>
        InspectionRecord.Create($"R-{Interlocked.Increment(ref next)}", subject ?? InspectionSubject.Device(serial), list, on, "eng-li", list.Items.Skip(skip).Select(i => new InspectionItemResult(i.Code, InspectionOutcome.Ok)), signature);

    [Fact]
    public void Checklists_SeedPresets_HaveTheSeedItems_RIN3()
    {
        Assert.Equal(11, Checklists.Kiosk000.Items.Count);
        Assert.Contains(Checklists.Kiosk000.Items, i => i.NameZh == "纸币识别器" && i.NameEn == "bill acceptor");
        Assert.Equal(8, Checklists.Cctv004.Items.Count);
        Assert.Contains(Checklists.Cctv004.Items, i => i.Code == "pan-tilt" && i.NameZh == "云台检查");
    }

    [Fact]
    public void Create_ResultForItemNotOnChecklist_IsRejected_RIN3()
    {
        var error = Assert.Throws<ArgumentException>(() => InspectionRecord.Create(
            "R-1", InspectionSubject.Device("K-001"), Checklists.Kiosk000, new LocalDate(2026, 2, 10), "eng-li", [new InspectionItemResult("pan-tilt", InspectionOutcome.Ok)], Signed));
        Assert.Contains("pan-tilt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_IncompleteAndUnsigned_IsFlaggedAndDoesNotCount_RIN3()
    {
        var record = Record(Checklists.Kiosk000, new LocalDate(2026, 2, 10), signature: null, skip: 2);

        Assert.False(record.CountsAsDone);
        Assert.Equal(2, record.MissingItems.Count);
        Assert.Equal(2, record.Issues.Count);
    }

    /// <summary>Quarterly from 2026-01-01: Q1 done on 02-10; Q2 (04-01..06-30) not done → overdue on 07-15 by 15 days; Q3 open.</summary>
    [Fact]
    public void Evaluate_QuarterlyPlan_DoneOverdueAndOpenWindows_RIN1()
    {
        var plan = InspectionPlan.Recurring("kiosk-quarterly", Checklists.Kiosk000, InspectionRecurrence.Quarterly, new LocalDate(2026, 1, 1));
        InspectionRecord[] records =
        [
            Record(Checklists.Kiosk000, new LocalDate(2026, 2, 10), Signed),
            Record(Checklists.Kiosk000, new LocalDate(2026, 5, 10), null),
            Record(Checklists.Kiosk000, new LocalDate(2026, 5, 10), new CustomerSignature("李主任", new LocalDate(2026, 5, 10)), serial: "K-002"),
        ];

        var due = plan.Evaluate(InspectionSubject.Device("K-001"), records, new LocalDate(2026, 7, 15));

        Assert.Equal([InspectionStatus.Done, InspectionStatus.Overdue, InspectionStatus.Open], due.Select(d => d.Status));
        Assert.Equal(new LocalDate(2026, 6, 30), due[1].DueOn);
        Assert.Equal(15, due[1].DaysOverdue);
        Assert.Equal(new LocalDate(2026, 9, 30), due[2].DueOn);
    }

    /// <summary>Warranty ends 2026-12-31: the pre-expiry window is 2026-10-01..2026-12-31 (R-IN-2, seed 001).</summary>
    [Fact]
    public void Evaluate_PreExpiryPlan_WindowIsLastThreeMonthsOfWarranty_RIN2()
    {
        var plan = InspectionPlan.PreExpiry("pre-expiry", Checklists.Cctv004);
        var end = new LocalDate(2026, 12, 31);

        Assert.Empty(plan.Evaluate(InspectionSubject.Device("CAM-9"), [], new LocalDate(2026, 9, 30), end));
        var open = Assert.Single(plan.Evaluate(InspectionSubject.Device("CAM-9"), [], new LocalDate(2026, 10, 1), end));
        Assert.Equal(new LocalDate(2026, 10, 1), open.WindowStart);
        Assert.Equal(InspectionStatus.Open, open.Status);
        var overdue = Assert.Single(plan.Evaluate(InspectionSubject.Device("CAM-9"), [], new LocalDate(2027, 1, 2), end));
        Assert.Equal(InspectionStatus.Overdue, overdue.Status);
        Assert.Throws<ArgumentException>(() => plan.Evaluate(InspectionSubject.Device("CAM-9"), [], new LocalDate(2026, 10, 1)));
    }

    [Fact]
    public void Evaluate_MonthlyCctvPlan_SignedRecordInWindowCounts_RIN1()
    {
        var plan = InspectionPlan.Recurring("cctv-monthly", Checklists.Cctv004, InspectionRecurrence.Monthly, new LocalDate(2026, 1, 1));
        var record = Record(Checklists.Cctv004, new LocalDate(2026, 2, 10), Signed, serial: "CAM-1");

        var due = plan.Evaluate(InspectionSubject.Device("CAM-1"), [record], new LocalDate(2026, 2, 20));

        Assert.Equal([InspectionStatus.Overdue, InspectionStatus.Done], due.Select(d => d.Status));
        Assert.Same(record, due[1].Record);
    }

    /// <summary>
    /// A monthly CCTV round of a whole site and a quarterly kiosk plan of two devices, on 2026-03-10:
    /// the site's January round was done, February missed (overdue 10 days), March open; K-001's Q1 is
    /// done, K-002's open. The due list keeps the missed window and each subject's current one (R-IN-1).
    /// </summary>
    [Fact]
    public void Due_PlanOverSitesAndDevices_MissedWindowsStayOverdue_RIN1()
    {
        var site = InspectionSubject.Site("网点A");
        var cctv = InspectionPlan.Recurring("cctv-monthly", Checklists.Cctv004, InspectionRecurrence.Monthly, new LocalDate(2026, 1, 1)).WithSubjects([site]);
        var kiosks = InspectionPlan.Recurring("kiosk-quarterly", Checklists.Kiosk000, InspectionRecurrence.Quarterly, new LocalDate(2026, 1, 1))
            .WithSubjects([InspectionSubject.Device("K-001"), InspectionSubject.Device("K-002"), InspectionSubject.Device("K-001")]);
        InspectionRecord[] records =
        [
            Record(Checklists.Cctv004, new LocalDate(2026, 1, 20), new CustomerSignature("王经理", new LocalDate(2026, 1, 20)), subject: site),
            Record(Checklists.Kiosk000, new LocalDate(2026, 2, 10), Signed),
        ];
        var today = new LocalDate(2026, 3, 10);

        var siteDue = cctv.Due(records, today);
        var kioskDue = kiosks.Due(records, today);

        Assert.Equal([(new LocalDate(2026, 2, 28), InspectionStatus.Overdue, 10), (new LocalDate(2026, 3, 31), InspectionStatus.Open, 0)], siteDue.Select(d => (d.DueOn, d.Status, d.DaysOverdue)));
        Assert.Equal(2, kiosks.Subjects.Count);
        Assert.Equal([("K-001", InspectionStatus.Done), ("K-002", InspectionStatus.Open)], kioskDue.Select(d => (d.Subject.Id, d.Status)));
    }

    /// <summary>A pre-expiry plan covers devices only; its due list needs each device's warranty end and leaves out the unknown ones (R-IN-2).</summary>
    [Fact]
    public void Due_PreExpiryPlan_DevicesOnlyWithKnownWarrantyEnds_RIN2()
    {
        var plan = InspectionPlan.PreExpiry("pre-expiry", Checklists.Cctv004, 3, "cn-004-cctv");
        Assert.Throws<ArgumentException>(() => plan.WithSubjects([InspectionSubject.Site("网点A")]));
        var covered = plan.WithSubjects([InspectionSubject.Device("CAM-1"), InspectionSubject.Device("CAM-2")]);

        var due = covered.Due([], new LocalDate(2026, 11, 1), serial => serial == "CAM-1" ? new LocalDate(2026, 12, 31) : null);

        var only = Assert.Single(due);
        Assert.Equal(("CAM-1", new LocalDate(2026, 10, 1), InspectionStatus.Open), (only.Subject.Id, only.WindowStart, only.Status));
        Assert.Equal("cn-004-cctv", covered.WarrantyPolicyCode);
    }

    [Fact]
    public void WindowsOpening_NextQuarter_ListsEachSubjectsWindows_RIN1()
    {
        var plan = InspectionPlan.Recurring("kiosk-monthly", Checklists.Kiosk000, InspectionRecurrence.Monthly, new LocalDate(2026, 1, 15))
            .WithSubjects([InspectionSubject.Device("K-001")]);

        var windows = plan.WindowsOpening(new LocalDate(2026, 4, 1), new LocalDate(2026, 6, 30));

        Assert.Equal([new LocalDate(2026, 4, 15), new LocalDate(2026, 5, 15), new LocalDate(2026, 6, 15)], windows.Select(w => w.WindowStart));
        Assert.Equal(new LocalDate(2026, 5, 14), windows[0].DueOn);
    }
}
