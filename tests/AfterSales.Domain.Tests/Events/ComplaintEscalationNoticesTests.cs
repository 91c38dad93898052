using AfterSales.Events;
using AfterSales.Quality.Complaints;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AfterSales.Tests.Events;

/// <summary>
/// Worked examples and a property of a complaint's escalation notice (R-CP-5) on the complaint desk (Mon–Fri 09:00–18:00
/// Beijing): the next instant its clocks take it up the path, the level after it once it fired, none once closed or at the top.
/// </summary>
public class ComplaintEscalationNoticesTests
{
    private static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static Instant At(int day, int hour, int minute) => new LocalDateTime(2026, 3, day, hour, minute).InZoneStrictly(Beijing).ToInstant();

    private static DueNotice Next(Complaint complaint, Instant after) =>
        DueNotices.ForComplaint("acme", complaint, ComplaintPolicies.Desk003, EscalationPath.Seed003, after);

    private static int Rank(Complaint complaint, Instant at) => complaint.Escalation(ComplaintPolicies.Desk003, EscalationPath.Seed003, at).Level.Rank;

    [Fact]
    public void ForComplaint_R_CP_5_EachLevelInTurn_AtTheBreachOrTheOverdueStep_NoneAtTheTop()
    {
        // Filed Monday 09:00: the first reply is due at 11:00 (2 business hours), verification at the end of Tuesday (2 working days, 18:00).
        var complaint = Complaint.File("C-1", "WO-1", "E-7", At(2, 9, 0), "late");

        var pm = Next(complaint, At(2, 9, 0));
        Assert.Equal((AfterSalesEventTypes.ComplaintEscalated, "complaints/C-1"), (pm.Type, pm.Subject));
        Assert.Equal(At(2, 11, 0), pm.Event!.OccurredAt);
        Assert.Equal("project-manager", Assert.IsType<ComplaintChanged>(pm.Event.Data).EscalationLevel!.Code);

        // Fired at 11:00: the next level comes 9 business hours later, Tuesday 11:00 (the overdue step), then Tuesday 18:00 (verification breached).
        var leadership = Next(complaint, pm.Event.OccurredAt);
        Assert.Equal((At(3, 11, 0), "project-leadership"), (leadership.Event!.OccurredAt, ((ComplaintChanged)leadership.Event.Data).EscalationLevel!.Code));
        var top = Next(complaint, leadership.Event.OccurredAt);
        Assert.Equal((At(3, 18, 0), "decision-makers"), (top.Event!.OccurredAt, ((ComplaintChanged)top.Event.Data).EscalationLevel!.Code));
        Assert.Null(Next(complaint, top.Event.OccurredAt).Event);

        // Each level a distinct event, the same whenever asked before it.
        Assert.Equal(3, new[] { pm.Event.Id, leadership.Event.Id, top.Event.Id }.Distinct().Count());
        Assert.Equal(pm.Event.Id, Next(complaint, At(2, 10, 59)).Event!.Id);
    }

    [Fact]
    public void ForComplaint_R_CP_5_AReplyInTime_MovesItToTheVerification_ClosingWithdrawsIt()
    {
        var replied = Complaint.File("C-1", "WO-1", "E-7", At(2, 9, 0), "late").RecordFirstReply(At(2, 10, 0));
        Assert.Equal(At(3, 18, 0), Next(replied, At(2, 10, 0)).Event!.OccurredAt);

        var closed = replied.RecordVerification(At(2, 11, 0), false).RecordFormalAnswer(At(2, 12, 0)).RecordSolved(At(2, 13, 0))
            .RecordCustomerVerdict(At(2, 14, 0), true).Close(At(2, 15, 0));
        Assert.Null(Next(closed, At(2, 15, 0)).Event);
    }

    /// <summary>
    /// The notice's instant is where the level rises: the level just after it is higher than just after the instant asked
    /// about, and at it (by the rule: a breach holds strictly after the due instant) or a nanosecond before it is not. Seed 5005.
    /// </summary>
    [Property(Arbitrary = new[] { typeof(ComplaintCases) }, MaxTest = 60, Replay = "(5005,5)")]
    public void ForComplaint_R_CP_5_TheInstantIsWhereTheLevelRises((int filedMinutes, int replyMinutes, int afterMinutes) c)
    {
                    var filed = At(2, 0, 0) + Duration.FromMinutes(c.filedMinutes);
                    var complaint = Complaint.File("C-1", "WO-1", "E-7", filed, "late");
                    if (c.replyMinutes >= 0)
                    {
                        complaint = complaint.RecordFirstReply(filed + Duration.FromMinutes(c.replyMinutes));
                    }

                    var after = filed + Duration.FromMinutes(c.afterMinutes);
                    var current = Rank(complaint, after + Duration.Epsilon);
                    var notice = Next(complaint, after);
                    if (notice.Event is not { } e)
                    {
                        Assert.True(current == 3 || Rank(complaint, after + Duration.FromDays(400)) == current);
                        return;
                    }

                    Assert.True(e.OccurredAt > after);
                    Assert.Equal(current, Rank(complaint, e.OccurredAt - Duration.Epsilon));
                    Assert.True(Rank(complaint, e.OccurredAt + Duration.Epsilon) > current);
                    Assert.Equal(Rank(complaint, e.OccurredAt + Duration.Epsilon), ((ComplaintChanged)e.Data).EscalationLevel!.Rank);
    }

    /// <summary>When the complaint was filed, when (if at all, -1: never) it was first answered, and the instant asked about, in minutes.</summary>
    public static class ComplaintCases
    {
        public static Arbitrary<(int, int, int)> Cases() =>
            (from filedMinutes in Gen.Choose(0, 14 * 24 * 60)
             from replyMinutes in Gen.Choose(-1, 48 * 60)
             from afterMinutes in Gen.Choose(0, 10 * 24 * 60)
             select (filedMinutes, replyMinutes, afterMinutes)).ToArbitrary();
    }
}
