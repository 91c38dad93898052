using static AfterSales.Quality.Reporting.ReportText;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// The content of a <see cref="QuarterlyReport"/> as format-neutral blocks, so that the Markdown
/// and HTML renderers say exactly the same things in the same order.
/// </summary>
internal static class ReportLayout
{
    internal abstract record Block;

    internal sealed record Heading(int Level, string Text) : Block;

    internal sealed record Paragraph(string Text) : Block;

    internal sealed record Bullets(IReadOnlyList<string> Items) : Block;

    internal sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : Block;

    internal sealed record Chart(string Svg) : Block;

    public static IReadOnlyList<Block> Build(QuarterlyReport report)
    {
        var q = report.Quarter;
        var blocks = new List<Block>
        {
            new Heading(1, report.Title),
            new Paragraph($"客户 Customer: {report.Customer} · 统计周期 Period: {report.Period.Label} ({Day(report.Period.Start)} – {Day(report.Period.End)})"),

            new Heading(2, "一、设备运行情况 (Device operation)"),
            new Bullets(
            [
                $"设备数 Devices: {Number(report.DeviceCount)}",
                $"有故障设备 Devices with downtime: {Number(q.Availability.Count(a => a.Downtime > Duration.Zero))}",
                $"平均可用率 Mean availability: {Percent4(q.MeanAvailability)}",
            ]),
            new Table(
                ["设备 Device", "停机时间 Downtime", "可用率 Availability"],
                [.. q.Availability.Where(a => a.Downtime > Duration.Zero).Select(a => (IReadOnlyList<string>)[a.DeviceSerial, Time(a.Downtime), Percent4(a.Availability)])]),

            new Heading(2, "二、故障分析及改进措施 (Fault analysis and improvements)"),
            new Bullets(
            [
                $"故障工单 Work orders: {Number(q.WorkOrderCount)}",
                $"重大故障 Major faults: {Number(q.MajorFaultCount)}",
            ]),
            new Heading(3, "按月统计 By month"),
            new Table(
                ["月份 Month", "工单 Work orders", "重大故障 Major", "及时率 On-time"],
                [.. report.Months.Select(m => (IReadOnlyList<string>)[m.Period.Label, Number(m.WorkOrderCount), Number(m.MajorFaultCount), Percent(m.OverallOnTime.Rate)])]),
            new Chart(SvgCharts.PercentLine(
                "故障修复及时率 On-time rate by month",
                [.. report.Months.Select(m => (m.Period.Label, m.OverallOnTime.Rate * 100m))])),
            new Heading(3, "按级别统计 By severity"),
            new Table(
                ["级别 Severity", "工单 Work orders"],
                [.. q.FaultsBySeverity.Select(p => (IReadOnlyList<string>)[p.Key, Number(p.Value)])]),
            new Chart(SvgCharts.Bars(
                "故障级别分布 Faults by severity",
                [.. q.FaultsBySeverity.Select(p => (p.Key, p.Value))])),
            new Heading(3, "更换备件 Top failing part types"),
            new Table(
                ["备件类型 Part type", "数量 Count"],
                [.. q.PartTypes.Take(10).Select(p => (IReadOnlyList<string>)[p.PartType, Number(p.Count)])]),
            new Chart(SvgCharts.HorizontalBars(
                "故障备件排行 Top failing part types",
                [.. q.PartTypes.Take(10).Select(p => (p.PartType, p.Count))])),
            new Heading(3, "改进措施 Improvements"),
            new Bullets(report.Improvements.Count == 0 ? ["—"] : report.Improvements),

            new Heading(2, "三、服务总体情况 (Service overview)"),
            new Heading(3, "时限达成 SLA on-time rate"),
            new Table(
                ["指标 Metric", "级别 Severity", "按时 Met", "超时完成 Met late", "超时未完成 Breached", "及时率 Rate"],
                [
                    .. q.OnTime.Select(f => (IReadOnlyList<string>)[$"{f.MetricNameZh} {f.MetricNameEn}", f.SeverityCode ?? "全部 all", Number(f.Met), Number(f.MetLate), Number(f.Breached), Percent(f.Rate)]),
                    [$"{q.OverallOnTime.MetricNameZh} {q.OverallOnTime.MetricNameEn}", "全部 all", Number(q.OverallOnTime.Met), Number(q.OverallOnTime.MetLate), Number(q.OverallOnTime.Breached), Percent(q.OverallOnTime.Rate)],
                ]),
            new Heading(3, "平均处理时间 Mean times from report"),
            new Table(
                ["环节 Step", "工单 Orders", "平均 Mean (elapsed)", "平均 Mean (business)"],
                [.. q.Durations.Select(d => (IReadOnlyList<string>)[$"{d.NameZh} {d.NameEn}", Number(d.Count), Time(d.MeanElapsed), Time(d.MeanBusiness)])]),
            new Heading(3, "客户满意度与回访 Satisfaction and callbacks"),
            new Bullets(
            [
                $"满意度调查 Surveys: {Number(q.SurveyCount)}, 满意 satisfied: {Number(q.SatisfiedCount)} ({Percent(q.SatisfactionRate)})",
                $"技术水平 Skill: {Score(q.SkillScoreTotal, q.SurveyCount)} · 服务态度 Attitude: {Score(q.AttitudeScoreTotal, q.SurveyCount)} · 及时性 Timeliness: {Score(q.TimelinessScoreTotal, q.SurveyCount)} (1–5)",
                $"保修期内回访 In-warranty callbacks: {Number(q.CallbacksDone)} / {Number(q.CallbacksDue)} ({Percent(q.CallbackRate)})",
                $"备件发货 Parts shipments: {Number(q.CorrectShipments)} / {Number(q.ShipmentCount)} correct ({Percent(q.ShipmentAccuracy)})",
            ]),
            new Heading(3, "合同指标对比 Against the contract's targets"),
            new Table(
                ["指标 Indicator", "实际 Actual", "目标 Target", "结论 Verdict"],
                [.. q.Comparisons.Select(c => (IReadOnlyList<string>)[$"{c.NameZh} {c.NameEn}", Percent(c.Actual), "≥ " + Percent(c.Target), Verdict(c.IsMet)])]),
        };

        if (q.Suggestions.Count > 0)
        {
            blocks.Add(new Heading(3, "客户意见和建议 Customers' suggestions"));
            blocks.Add(new Bullets(q.Suggestions));
        }

        blocks.Add(new Heading(2, "四、下季度工作计划 (Next quarter's plan)"));
        blocks.Add(new Bullets(report.NextQuarterPlan.Count == 0 ? ["—"] : report.NextQuarterPlan));
        return blocks;
    }
}
