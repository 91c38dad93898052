using AfterSales.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;

namespace AfterSales.Quality.Complaints;

/// <summary>
/// Complaint-handling promises as ordinary <see cref="SlaPolicy"/> presets (投诉处理时限), so that
/// complaint clocks reuse the SLA core: calendars, working days, warnings, explanations.
/// </summary>
public static class ComplaintPolicies
{
    /// <summary>
    /// The one-level severity scale complaint policies use (code <c>"complaint"</c>): complaints are
    /// not graded by the seeds.
    /// </summary>
    public static SeverityScale Scale { get; } = new(
        "complaint",
        "投诉 (complaint)",
        [new SeverityLevel("complaint", 1, "投诉", "Complaint")]);

    /// <summary>The severity code of <see cref="Scale"/>.</summary>
    public const string SeverityCode = "complaint";

    /// <summary>
    /// The complaint desk of seeds 000 and 003 (R-CP-1, R-CP-4), on <see cref="ChinaCalendars.Statutory9To18"/>
    /// (Mon–Fri 09:00–18:00 Beijing time, statutory holidays off, make-up workdays on): first reply
    /// within 2 business hours (003: 从投诉到向客户初次回复处理意见的时间不超过2小时); verification with the
    /// engineer within 2 <em>working</em> days (000: 在2日内向被投诉工程师核实 — "2日" is read as working
    /// days because the desk only works on working days; a stricter contract can use 2 calendar days
    /// on a 7×24 calendar instead); formal written answer within 5 working days (000: 5日内做出正式答复);
    /// closed within 5 working days, and only when solved and the customer is satisfied (003:
    /// 对投诉的处理以投诉问题得到解决和客户满意为结束，时间不得超过5个工作日). Every clock counts from the
    /// filing; warnings at 50 % and 75 %.
    /// </summary>
    /// <remarks>
    /// Worked example of the closing target: a complaint filed Thursday 2026-04-02 15:00 is due closed
    /// by Friday 2026-04-10 15:00 — the same time five working days later (Fri 3, then Tue 7, Wed 8,
    /// Thu 9, Fri 10 April; Qingming, Sat 4 – Mon 6 April, is off). Version 2 added the closing
    /// target; version 1 had the first three.
    /// </remarks>
    public static SlaPolicy Desk003 { get; } =
        SlaPolicy.CreateBuilder("cn-003-complaint-desk", 2, "投诉处理 (complaint desk, seeds 000/003)", Scale)
            .WithCalendar(ChinaCalendars.Statutory9To18)
            .WithWarnings(50, 75)
            .AddTarget(ComplaintMetrics.FirstReply, SlaAmount.Hours(2), t => t.ForAllSeverities().Describe("2小时内答复"))
            .AddTarget(ComplaintMetrics.Verification, SlaAmount.OfWorkingDays(2), t => t.ForAllSeverities().Describe("在2日内向被投诉工程师核实投诉情况"))
            .AddTarget(ComplaintMetrics.FormalAnswer, SlaAmount.OfWorkingDays(5), t => t.ForAllSeverities().Describe("所有投诉均在5日内做出正式答复"))
            .AddTarget(ComplaintMetrics.Closing, SlaAmount.OfWorkingDays(5), t => t.ForAllSeverities().Describe("对投诉的处理以投诉问题得到解决和客户满意为结束，时间不得超过5个工作日"))
            .Build();
}
